package statescope.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import statescope.lang.catalog.ReferenceMachine;
import statescope.lang.catalog.ReferenceMachine.Config;

/**
 * New test strings from near-failures: strings the model got right by a small margin, changed around
 * the position of that margin. Every result stays a prefix of a word of the language.
 * <ul>
 *   <li><b>pump</b>: a stretch before the weak position that leads the reference from a configuration
 *       back to the same one is repeated until the string reaches the wanted length (the reference's run
 *       keeps its shape; the model's state has further to drift);</li>
 *   <li><b>point</b>: a symbol shortly before the weak position is replaced by another live one (the rest
 *       is kept as far as it stays live, then walked);</li>
 *   <li><b>extend</b>: the string up to the weak position, continued by a walk.</li>
 * </ul>
 * {@link #cuts} gives the opposite, used to shorten a counterexample: a cycle of the reference removed.
 */
final class Mutations {

    /** Longest cycle pumped or cut, in symbols. */
    static final int MAX_CYCLE = 64;

    private final ReferenceMachine m;
    private final Sources sources;

    Mutations(ReferenceMachine m, Sources sources) {
        this.m = m;
        this.sources = sources;
    }

    /** One mutation of a near-failure toward about {@code length} symbols. */
    int[] mutate(NearMisses.Miss miss, int length, SplittableRandom random) {
        int[] w = miss.word();
        int at = Math.max(1, miss.at());
        return switch (random.nextInt(3)) {
            case 0 -> {
                int[] p = pump(w, at, length, random);
                yield p != null ? p : sources.walkFrom(Arrays.copyOf(w, at), length, random);
            }
            case 1 -> point(w, at, length, random);
            default -> sources.walkFrom(Arrays.copyOf(w, at), length, random);
        };
    }

    /** A cycle (i, j) of the reference within the first {@code at} symbols repeated to reach {@code length}; null when none. */
    int[] pump(int[] w, int at, int length, SplittableRandom random) {
        List<int[]> cycles = cycles(w, at);
        if (cycles.isEmpty()) {
            return null;
        }
        int[] c = cycles.get(random.nextInt(cycles.size()));
        int i = c[0];
        int j = c[1];
        int period = j - i;
        int repeats = Math.max(1, (length - w.length) / period);
        int[] out = new int[w.length + repeats * period];
        System.arraycopy(w, 0, out, 0, j);
        for (int r = 0; r < repeats; r++) {
            System.arraycopy(w, i, out, j + r * period, period);
        }
        System.arraycopy(w, j, out, j + repeats * period, w.length - j);
        return out;
    }

    private int[] point(int[] w, int at, int length, SplittableRandom random) {
        int q = Math.max(0, at - 1 - random.nextInt(Math.min(at, 8)));
        int k = m.alphabet().size();
        if (k < 2) {
            return sources.walkFrom(Arrays.copyOf(w, at), length, random);
        }
        int[] out = w.clone();
        out[q] = (w[q] + 1 + random.nextInt(k - 1)) % k;
        Config c = m.start();
        for (int t = 0; t < out.length; t++) {
            c = m.step(c, out[t]);
            if (m.isDead(c)) {
                return sources.walkFrom(Arrays.copyOf(out, t), Math.max(length, w.length), random);
            }
        }
        return out.length >= length ? out : sources.walkFrom(out, length, random);
    }

    /** Cycles (i, j) with i &lt; j &lt;= at: the reference is in the same configuration after i and after j symbols. */
    List<int[]> cycles(int[] w, int at) {
        Config[] cs = Sources.configs(m, Arrays.copyOf(w, at));
        Map<Config, Integer> last = new HashMap<>();
        List<int[]> out = new ArrayList<>();
        for (int j = 0; j < cs.length; j++) {
            Integer i = last.get(cs[j]);
            if (i != null && j - i <= MAX_CYCLE) {
                out.add(new int[] {i, j});
            }
            last.put(cs[j], j);
        }
        return out;
    }

    /** Shorter strings: the failing prefix with one cycle of the reference cut out, longest cuts first (at most {@code max}). */
    List<int[]> cuts(int[] w, int max) {
        Config[] cs = Sources.configs(m, w);
        Map<Config, Integer> first = new HashMap<>();
        List<int[]> pairs = new ArrayList<>();
        for (int j = 0; j < cs.length; j++) {
            Integer i = first.putIfAbsent(cs[j], j);
            if (i != null) {
                pairs.add(new int[] {i, j});                            // the longest cycle ending at j
            }
        }
        pairs.sort((a, b) -> Integer.compare(b[1] - b[0], a[1] - a[0]));
        List<int[]> out = new ArrayList<>();
        for (int[] p : pairs.subList(0, Math.min(max, pairs.size()))) {
            int[] cut = new int[w.length - (p[1] - p[0])];
            System.arraycopy(w, 0, cut, 0, p[0]);
            System.arraycopy(w, p[1], cut, p[0], w.length - p[1]);
            out.add(cut);
        }
        return out;
    }
}
