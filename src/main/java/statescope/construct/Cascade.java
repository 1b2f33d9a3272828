package statescope.construct;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import statescope.lang.Dfa;

/**
 * The holonomy cascade of an aperiodic DFA as a cascade of reset components, one per level.
 *
 * <p>A state q is coded by a chain of tiles Q = A₀ ⊋ A₁ ⊋ … ⊋ {q}, each a tile of the one before, read
 * in the frame of representatives: level ℓ (height h(Q) − ℓ) holds the tile of the chain element of that
 * height, carried onto its representative, or ∗ when no element of the chain has that height. A symbol a
 * maps the chain to a chain of q·a by lifting: going down from Q, each next element is the first tile
 * containing the image under a of the first old element whose image is not the current one. In an
 * aperiodic monoid each level then changes in one of two ways, given the symbol and the levels above
 * (as they were before the symbol): it keeps its value, or it is reset to a value. The construction
 * explores the reachable configurations and checks exactly that, and that decoding follows the DFA.
 */
final class Cascade {

    /**
     * What a level does on one letter (a symbol and the values of the levels above): keep its value, reset
     * it to {@code value}, or (only in a monoid with groups, on a level of two values) swap the two.
     */
    record Action(boolean reset, int value, boolean swap) {
        static final Action HOLD = new Action(false, -1, false);
        static final Action SWAP = new Action(false, -1, true);

        static Action reset(int value) {
            return new Action(true, value, false);
        }
    }

    /** One level: its reachable values (value 0 is the initial one) and its action per letter. */
    record Level(int height, List<String> values, Map<Letter, Action> actions) {
    }

    /** A letter of level ℓ: a symbol and the values of levels 0..ℓ−1. */
    record Letter(int symbol, List<Integer> above) {
    }

    final Dfa dfa;
    final Holonomy hol;
    final List<Level> levels = new ArrayList<>();
    /** Reachable configurations (value ids per kept level, value 0 initial) and the DFA state each decodes to. */
    final Map<List<Integer>, Integer> configs = new LinkedHashMap<>();
    /** The transition table of reachable configurations. */
    final Map<List<Integer>, List<Integer>[]> next = new HashMap<>();
    /** Per level of the holonomy skeleton, the components (representatives with their tile counts). */
    final List<String> components = new ArrayList<>();
    /** Per kept level, the two values its swaps exchange, or null (signed cascades only). */
    int[][] swapPair;

    /** The cascade of an aperiodic DFA: every level only keeps or resets. */
    Cascade(Dfa dfa) {
        this(dfa, false);
    }

    /**
     * The cascade of a DFA; with {@code swaps} a level of two values may also swap them (the holonomy
     * group Z_2, which a signed gate realises); any other permutation is refused.
     */
    @SuppressWarnings("unchecked")
    Cascade(Dfa dfa, boolean swaps) {
        this.dfa = dfa;
        this.hol = new Holonomy(dfa);
        int depth = hol.levels();
        int k = dfa.alphabet().size();
        // value ids per raw level: (rep index, tile) → id
        List<Map<String, Integer>> ids = new ArrayList<>();
        List<List<String>> names = new ArrayList<>();
        for (int l = 0; l < depth; l++) {
            ids.add(new LinkedHashMap<>());
            names.add(new ArrayList<>());
        }
        int[] start = encode(initialChain(), ids, names);
        var rawConfigs = new LinkedHashMap<List<Integer>, Integer>();
        var rawNext = new HashMap<List<Integer>, List<Integer>[]>();
        var queue = new ArrayDeque<List<Integer>>();
        List<Integer> s0 = boxed(start);
        rawConfigs.put(s0, dfa.startState());
        queue.add(s0);
        while (!queue.isEmpty()) {
            List<Integer> c = queue.poll();
            List<Long> chain = decode(c, ids);
            int q = Long.numberOfTrailingZeros(chain.get(chain.size() - 1));
            if (q != rawConfigs.get(c)) {
                throw new IllegalStateException("cascade decodes " + c + " to state " + q + ", not " + rawConfigs.get(c));
            }
            List<Integer>[] out = new List[k];
            for (int a = 0; a < k; a++) {
                List<Integer> d = boxed(encode(lift(chain, a), ids, names));
                out[a] = d;
                if (!rawConfigs.containsKey(d)) {
                    rawConfigs.put(d, dfa.next(q, a));
                    queue.add(d);
                } else if (rawConfigs.get(d) != dfa.next(q, a)) {
                    throw new IllegalStateException("cascade configuration " + d + " stands for two DFA states");
                }
            }
            rawNext.put(c, out);
        }
        keepChangingLevels(depth, rawConfigs, rawNext, names, k, swaps);
        for (int h = depth; h >= 1; h--) {
            var sb = new StringBuilder();
            for (int i = 0; i < hol.images.size(); i++) {
                if (hol.rep[i] == i && hol.height[i] == h) {
                    sb.append(sb.isEmpty() ? "" : ", ").append(setName(hol.images.get(i))).append(" (")
                            .append(hol.tiles[i].length).append(" tiles)");
                }
            }
            components.add(sb.toString());
        }
    }

    private List<Long> initialChain() {
        var chain = new ArrayList<Long>();
        long b = hol.full;
        chain.add(b);
        long q0 = 1L << dfa.startState();
        while (Long.bitCount(b) > 1) {
            b = hol.tileContaining(b, q0);
            chain.add(b);
        }
        return chain;
    }

    /** The chain of q·a lifted from the chain of q. */
    private List<Long> lift(List<Long> old, int a) {
        var chain = new ArrayList<Long>();
        long b = hol.full;
        chain.add(b);
        int j = 0;
        while (Long.bitCount(b) > 1) {
            while (hol.apply(old.get(j), a) == b) {
                j++;
            }
            b = hol.tileContaining(b, hol.apply(old.get(j), a));
            chain.add(b);
        }
        return chain;
    }

    private int[] encode(List<Long> chain, List<Map<String, Integer>> ids, List<List<String>> names) {
        int depth = hol.levels();
        int[] coords = new int[depth];
        Arrays.fill(coords, -1);
        int[] psi = identity();
        int r = hol.indexOf(hol.full);
        for (int i = 0; i + 1 < chain.size(); i++) {
            int level = depth - hol.height[r];
            long tile = map(psi, chain.get(i + 1));
            String key = r + ":" + tile;
            Integer id = ids.get(level).get(key);
            if (id == null) {
                id = ids.get(level).size();
                ids.get(level).put(key, id);
                names.get(level).add(setName(tile) + " ⊂ " + setName(hol.images.get(r)));
            }
            coords[level] = id;
            int t = hol.indexOf(tile);
            int[] phi = hol.toRep[t];
            int[] next = new int[psi.length];
            Arrays.fill(next, -1);
            for (long rest = chain.get(i + 1); rest != 0; rest &= rest - 1) {
                int q = Long.numberOfTrailingZeros(rest);
                next[q] = phi[psi[q]];
            }
            psi = next;
            r = hol.rep[t];
        }
        return coords;
    }

    private List<Long> decode(List<Integer> coords, List<Map<String, Integer>> ids) {
        int depth = hol.levels();
        var chain = new ArrayList<Long>();
        long a = hol.full;
        chain.add(a);
        int[] psi = identity();
        int r = hol.indexOf(hol.full);
        while (Long.bitCount(a) > 1) {
            int level = depth - hol.height[r];
            int id = coords.get(level);
            String key = null;
            for (var e : ids.get(level).entrySet()) {
                if (e.getValue() == id) {
                    key = e.getKey();
                }
            }
            if (key == null || Integer.parseInt(key.substring(0, key.indexOf(':'))) != r) {
                throw new IllegalStateException("configuration " + coords + " has no tile of the expected image at level " + level);
            }
            long tile = Long.parseLong(key.substring(key.indexOf(':') + 1));
            long next = 0;
            for (long rest = a; rest != 0; rest &= rest - 1) {
                int q = Long.numberOfTrailingZeros(rest);
                if ((tile >> psi[q] & 1) != 0) {
                    next |= 1L << q;
                }
            }
            int t = hol.indexOf(tile);
            int[] phi = hol.toRep[t];
            int[] psi2 = new int[psi.length];
            Arrays.fill(psi2, -1);
            for (long rest = next; rest != 0; rest &= rest - 1) {
                int q = Long.numberOfTrailingZeros(rest);
                psi2[q] = phi[psi[q]];
            }
            psi = psi2;
            r = hol.rep[t];
            a = next;
            chain.add(a);
        }
        return chain;
    }

    private int[] identity() {
        int[] m = new int[hol.n];
        for (int q = 0; q < m.length; q++) {
            m[q] = q;
        }
        return m;
    }

    private static long map(int[] psi, long s) {
        long out = 0;
        for (long r = s; r != 0; r &= r - 1) {
            out |= 1L << psi[Long.numberOfTrailingZeros(r)];
        }
        return out;
    }

    String setName(long s) {
        var sb = new StringBuilder("{");
        for (long r = s; r != 0; r &= r - 1) {
            sb.append(sb.length() > 1 ? "," : "").append(dfa.label(Long.numberOfTrailingZeros(r)));
        }
        return sb.append('}').toString();
    }

    /** The two values of an observed map that exchanges exactly two values and sees no other, or null. */
    private static int[] transposition(Map<Integer, Integer> pairs) {
        if (pairs.size() != 2) {
            return null;
        }
        var it = pairs.entrySet().iterator();
        var x = it.next();
        var y = it.next();
        boolean swap = x.getKey().equals(y.getValue()) && y.getKey().equals(x.getValue()) && !x.getKey().equals(x.getValue());
        return swap ? new int[] {Math.min(x.getKey(), y.getKey()), Math.max(x.getKey(), y.getKey())} : null;
    }

    private static List<Integer> boxed(int[] a) {
        return Arrays.stream(a).boxed().toList();
    }

    /**
     * Drops the levels whose value never changes, renumbers each kept level's values with the initial one
     * first (∗ is a value like any other), and derives each level's actions, checking that every letter
     * keeps or resets the level.
     */
    @SuppressWarnings("unchecked")
    private void keepChangingLevels(int depth, Map<List<Integer>, Integer> raw, Map<List<Integer>, List<Integer>[]> rawNext,
                                    List<List<String>> names, int k, boolean swaps) {
        List<Integer> start = raw.keySet().iterator().next();
        var kept = new ArrayList<Integer>();
        var renumber = new ArrayList<Map<Integer, Integer>>();
        for (int l = 0; l < depth; l++) {
            var seen = new LinkedHashMap<Integer, Integer>();
            seen.put(start.get(l), 0);
            for (List<Integer> c : raw.keySet()) {
                seen.putIfAbsent(c.get(l), seen.size());
            }
            if (seen.size() > 1) {
                kept.add(l);
                renumber.add(seen);
            }
        }
        Function<List<Integer>, List<Integer>> project = c -> {
            var out = new ArrayList<Integer>();
            for (int i = 0; i < kept.size(); i++) {
                out.add(renumber.get(i).get(c.get(kept.get(i))));
            }
            return List.copyOf(out);
        };
        for (var e : raw.entrySet()) {
            List<Integer> p = project.apply(e.getKey());
            Integer prev = configs.put(p, e.getValue());
            if (prev != null && !prev.equals(e.getValue())) {
                throw new IllegalStateException("dropping constant levels merged two DFA states");
            }
            List<Integer>[] out = new List[k];
            for (int a = 0; a < k; a++) {
                out[a] = project.apply(rawNext.get(e.getKey())[a]);
            }
            next.put(p, out);
        }
        swapPair = new int[kept.size()][];
        for (int i = 0; i < kept.size(); i++) {
            int l = kept.get(i);
            var vals = new ArrayList<String>();
            for (int raw0 : renumber.get(i).keySet()) {
                vals.add(raw0 < 0 ? "∗" : names.get(l).get(raw0));
            }
            var actions = new LinkedHashMap<Letter, Action>();
            var seenPairs = new HashMap<Letter, Map<Integer, Integer>>();
            for (var e : next.entrySet()) {
                for (int a = 0; a < k; a++) {
                    var letter = new Letter(a, e.getKey().subList(0, i));
                    Integer before = seenPairs.computeIfAbsent(letter, x -> new HashMap<>())
                            .put(e.getKey().get(i), e.getValue()[a].get(i));
                    if (before != null && !before.equals(e.getValue()[a].get(i))) {
                        throw new IllegalStateException("level " + i + " does not depend on the levels above only");
                    }
                }
            }
            for (var e : seenPairs.entrySet()) {
                Map<Integer, Integer> pairs = e.getValue();
                boolean hold = pairs.entrySet().stream().allMatch(p -> p.getKey().equals(p.getValue()));
                long targets = pairs.values().stream().distinct().count();
                if (hold) {
                    actions.put(e.getKey(), Action.HOLD);
                } else if (targets == 1) {
                    actions.put(e.getKey(), Action.reset(pairs.values().iterator().next()));
                } else if (swaps && transposition(pairs) != null) {
                    int[] pair = transposition(pairs);
                    if (swapPair[i] != null && !Arrays.equals(swapPair[i], pair)) {
                        throw new IllegalArgumentException("level " + i + " of the cascade swaps two different pairs "
                                + "of values; signed diagonal gates realise one swap per level");
                    }
                    swapPair[i] = pair;
                    actions.put(e.getKey(), Action.SWAP);
                } else if (swaps) {
                    throw new IllegalArgumentException("level " + i + " of the cascade permutes its values by more"
                            + " than a swap of two; signed diagonal gates realise only Z_2 swaps");
                } else {
                    throw new IllegalStateException("level " + i + " is not a reset component on " + e.getKey());
                }
            }
            levels.add(new Level(depth - l, vals, actions));
        }
    }
}
