package statescope.construct;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import statescope.lang.Dfa;

/**
 * The holonomy skeleton of a DFA whose transition monoid is aperiodic (Eilenberg; Maler 2010): its
 * images (Q·w for every word w, and the singletons), their heights under subduction, the tiles of each
 * image (its maximal proper sub-images) and one representative per class of equivalent images, with
 * the bijection of each image onto its representative. State sets are bit masks (at most 62 states).
 *
 * <p>Subduction: A ≤ B when A ⊆ B·w for some word w; A ≡ B when both ways. The height of a singleton is
 * 0 and that of an image A is 1 + the largest height of an image strictly below A. An image and its
 * representative have the same size, and a word maps one onto the other; in an aperiodic monoid the
 * permutation a round trip induces is the identity, so the bijection does not depend on the word.
 */
final class Holonomy {

    final Dfa dfa;
    final int n;
    final int k;
    final long full;
    final List<Long> images = new ArrayList<>();
    final Map<Long, Integer> index = new HashMap<>();
    final int[] height;
    final long[][] tiles;          // per image: its tiles, in image order
    final int[] rep;               // per image: the index of its representative
    final int[][] toRep;           // per image: state ↦ state of the representative (−1 outside the image)

    Holonomy(Dfa dfa) {
        this.dfa = dfa;
        this.n = dfa.numStates();
        this.k = dfa.alphabet().size();
        if (n > 62) {
            throw new IllegalArgumentException("the holonomy decomposition here handles at most 62 states, not " + n);
        }
        this.full = n == 64 ? -1L : (1L << n) - 1;
        var queue = new ArrayDeque<Long>();
        add(full, queue);
        while (!queue.isEmpty()) {
            long s = queue.poll();
            for (int a = 0; a < k; a++) {
                add(apply(s, a), queue);
            }
        }
        for (int q = 0; q < n; q++) {
            add(1L << q, null);
        }
        int m = images.size();
        // orbits with the map that reaches each image: orbitMap[i].get(j) = state map from image i onto image j
        List<Map<Integer, int[]>> orbit = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            orbit.add(orbitOf(i));
        }
        height = new int[m];
        Arrays.fill(height, -1);
        for (int i = 0; i < m; i++) {
            heightOf(i, orbit);
        }
        tiles = new long[m][];
        for (int i = 0; i < m; i++) {
            tiles[i] = tilesOf(images.get(i));
        }
        rep = new int[m];
        toRep = new int[m][];
        Arrays.fill(rep, -1);
        for (int i = 0; i < m; i++) {
            if (rep[i] >= 0) {
                continue;
            }
            rep[i] = i;
            toRep[i] = identity(images.get(i));
            for (var e : orbit.get(i).entrySet()) {
                int j = e.getKey();
                if (j != i && rep[j] < 0 && Long.bitCount(images.get(j)) == Long.bitCount(images.get(i))
                        && orbit.get(j).containsKey(i)) {
                    rep[j] = i;
                    toRep[j] = orbit.get(j).get(i);
                }
            }
        }
    }

    private void add(long s, ArrayDeque<Long> queue) {
        if (!index.containsKey(s)) {
            index.put(s, images.size());
            images.add(s);
            if (queue != null) {
                queue.add(s);
            }
        }
    }

    /** S·a. */
    long apply(long s, int a) {
        long out = 0;
        for (long r = s; r != 0; r &= r - 1) {
            out |= 1L << dfa.next(Long.numberOfTrailingZeros(r), a);
        }
        return out;
    }

    private int[] identity(long s) {
        int[] m = new int[n];
        Arrays.fill(m, -1);
        for (long r = s; r != 0; r &= r - 1) {
            int q = Long.numberOfTrailingZeros(r);
            m[q] = q;
        }
        return m;
    }

    /** The images reachable from image i, each with the state map (restricted to image i) of a word reaching it. */
    private Map<Integer, int[]> orbitOf(int i) {
        var out = new HashMap<Integer, int[]>();
        var queue = new ArrayDeque<Integer>();
        out.put(i, identity(images.get(i)));
        queue.add(i);
        while (!queue.isEmpty()) {
            int j = queue.poll();
            int[] mj = out.get(j);
            for (int a = 0; a < k; a++) {
                int t = index.get(apply(images.get(j), a));
                if (!out.containsKey(t)) {
                    int[] mt = new int[n];
                    for (int q = 0; q < n; q++) {
                        mt[q] = mj[q] < 0 ? -1 : dfa.next(mj[q], a);
                    }
                    out.put(t, mt);
                    queue.add(t);
                }
            }
        }
        return out;
    }

    /** A ≤ B: A is inside some image of B's orbit. */
    private static boolean below(long a, Map<Integer, int[]> orbitOfB, List<Long> images) {
        for (int j : orbitOfB.keySet()) {
            if ((a & ~images.get(j)) == 0) {
                return true;
            }
        }
        return false;
    }

    private int heightOf(int i, List<Map<Integer, int[]>> orbit) {
        if (height[i] >= 0) {
            return height[i];
        }
        long a = images.get(i);
        if (Long.bitCount(a) == 1) {
            return height[i] = 0;
        }
        int best = 0;
        for (int j = 0; j < images.size(); j++) {
            long b = images.get(j);
            if (j != i && Long.bitCount(b) <= Long.bitCount(a) && below(b, orbit.get(i), images)
                    && !below(a, orbit.get(j), images)) {
                best = Math.max(best, heightOf(j, orbit) + 1);
            }
        }
        return height[i] = best;
    }

    private long[] tilesOf(long a) {
        if (Long.bitCount(a) <= 1) {
            return new long[0];
        }
        var out = new ArrayList<Long>();
        for (long b : images) {
            if (b == a || (b & ~a) != 0) {
                continue;
            }
            boolean maximal = true;
            for (long c : images) {
                if (c != a && c != b && (c & ~a) == 0 && (b & ~c) == 0) {
                    maximal = false;
                    break;
                }
            }
            if (maximal) {
                out.add(b);
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    int indexOf(long s) {
        Integer i = index.get(s);
        if (i == null) {
            throw new IllegalStateException("not an image: " + Long.toBinaryString(s));
        }
        return i;
    }

    /** The height of the whole state set: the number of levels of the cascade. */
    int levels() {
        return height[indexOf(full)];
    }

    /** The first tile of image s (in image order) that contains the set c. */
    long tileContaining(long s, long c) {
        for (long t : tiles[indexOf(s)]) {
            if ((c & ~t) == 0) {
                return t;
            }
        }
        throw new IllegalStateException("no tile of " + Long.toBinaryString(s) + " contains " + Long.toBinaryString(c));
    }
}
