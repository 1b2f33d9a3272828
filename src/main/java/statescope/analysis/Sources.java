package statescope.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import statescope.lang.catalog.Family;
import statescope.lang.catalog.FlipFlop;
import statescope.lang.catalog.Language;
import statescope.lang.catalog.LengthWindow;
import statescope.lang.catalog.Metric;
import statescope.lang.catalog.ReferenceMachine;
import statescope.lang.catalog.ReferenceMachine.Config;
import statescope.lang.catalog.Sampling;
import statescope.lang.catalog.WordSampler;

/**
 * Where test strings come from: the language's own sampler for a length window (a catalog language),
 * and random walks over the reference machine that stay on prefixes of words of the language and favour
 * the transitions and configurations visited least so far (a walk remembers across calls). Flip-flop's
 * sampler is asked for FFL(0.8) with half the length in instructions. The counter languages' samplers
 * count paths in a table quadratic in the length, so above {@value #LONG_COUNTER} symbols those
 * languages are walked instead. A window the authors' generator reaches too rarely ({@value #MAX_DRAWS}
 * draws without a word) is drawn by the uniform sampler from then on. Not thread-safe.
 */
final class Sources {

    /** Longest word asked from a counter language's sampler. */
    static final int LONG_COUNTER = 2048;
    private static final int MAX_REMEMBERED = 100_000;
    /**
     * Runs of the authors' generator spent on one word before a window counts as out of its reach (D_12's
     * generator draws a word of 22-44 symbols about once in millions; 20 million runs took minutes).
     */
    static final long MAX_DRAWS = 100_000;

    private final Subject subject;
    private final ReferenceMachine m;
    private final Map<Config, int[]> transitionVisits = new HashMap<>();   // per configuration: visits per symbol
    private final Set<LengthWindow> uniformOnly = new HashSet<>();         // windows the language's sampler cannot draw
    private final Map<Config, Integer> configVisits = new HashMap<>();

    Sources(Subject subject) {
        this.subject = subject;
        this.m = subject.machine();
    }

    /** Whether the language has a sampler of its own for words of about {@code length} symbols. */
    boolean hasSampler(int length) {
        Language l = subject.catalog();
        if (l == null) {
            return false;
        }
        return l.metric() == Metric.FLIP_FLOP_READS || l.family() != Family.COUNTER || length <= LONG_COUNTER;
    }

    /**
     * A word of the language with a length in [lo, hi] from its sampler, or null when it has none there
     * (no sampler, or no word of such a length).
     */
    int[] sample(int lo, int hi, SplittableRandom random) {
        if (!hasSampler(hi)) {
            return null;
        }
        Language l = subject.catalog();
        try {
            if (l.metric() == Metric.FLIP_FLOP_READS) {
                int instructions = Math.max(2, (lo + random.nextInt(hi - lo + 1)) / 2);
                WordSampler s = FlipFlop.sampler(instructions, 0.8);
                return s.sample(LengthWindow.exactly(2 * instructions), random).toArray();
            }
            var window = new LengthWindow(lo, hi);
            if (!uniformOnly.contains(window)) {
                try {
                    var w = l.trainingSplit().sampler().sampleWithin(window, random, MAX_DRAWS);
                    if (w != null) {
                        return w.toArray();
                    }
                } catch (IllegalArgumentException | IllegalStateException outsideItsReach) {
                    // beyond the authors' generator's window
                }
                uniformOnly.add(window);        // or it draws there too rarely: the uniform sampler from now on
            }
            return l.withSampling(Sampling.UNIFORM).trainingSplit().sampler().sample(window, random).toArray();
        } catch (IllegalArgumentException e) {
            return null;                                               // no word with a length in the window
        }
    }

    /** A walk of {@code length} symbols from the empty prefix (shorter when it reaches a prefix with no live continuation). */
    int[] walk(int length, SplittableRandom random) {
        return walkFrom(new int[0], length, random);
    }

    /** {@code prefix} (live) continued by a walk up to {@code length} symbols. */
    int[] walkFrom(int[] prefix, int length, SplittableRandom random) {
        int[] w = Arrays.copyOf(prefix, Math.max(length, prefix.length));
        Config c = m.start();
        for (int a : prefix) {
            c = m.step(c, a);
        }
        int k = m.alphabet().size();
        double[] weight = new double[k];
        Config[] next = new Config[k];
        for (int t = prefix.length; t < length; t++) {
            int[] tv = transitionVisits.get(c);
            if (tv == null && transitionVisits.size() < MAX_REMEMBERED) {
                tv = new int[k];
                transitionVisits.put(c, tv);
            }
            double total = 0;
            for (int a = 0; a < k; a++) {
                next[a] = m.step(c, a);
                if (m.isDead(next[a])) {
                    weight[a] = 0;
                } else {
                    int sv = configVisits.getOrDefault(next[a], 0);
                    weight[a] = 1.0 / ((1 + (tv == null ? 0 : tv[a])) * Math.sqrt(1 + sv));
                }
                total += weight[a];
            }
            if (total == 0) {
                return Arrays.copyOf(w, t);
            }
            double u = random.nextDouble() * total;
            int pick = -1;
            for (int a = 0; a < k; a++) {
                if (weight[a] > 0) {
                    pick = a;
                    if (u < weight[a]) {
                        break;
                    }
                    u -= weight[a];
                }
            }
            if (tv != null) {
                tv[pick]++;
            }
            if (configVisits.size() < MAX_REMEMBERED || configVisits.containsKey(next[pick])) {
                configVisits.merge(next[pick], 1, Integer::sum);
            }
            w[t] = pick;
            c = next[pick];
        }
        return w;
    }

    /** The configurations along a word: {@code word.length + 1} of them, the start first. */
    static Config[] configs(ReferenceMachine m, int[] word) {
        Config[] out = new Config[word.length + 1];
        out[0] = m.start();
        for (int t = 0; t < word.length; t++) {
            out[t + 1] = m.step(out[t], word[t]);
        }
        return out;
    }

    /**
     * The shortest continuation that makes a live prefix a word of the language (breadth first over
     * configurations, at most {@code maxConfigs} of them), or null when none is found.
     */
    static int[] completion(ReferenceMachine m, int[] prefix, int maxConfigs) {
        Config c = m.start();
        for (int a : prefix) {
            c = m.step(c, a);
        }
        if (m.accepting(c)) {
            return new int[0];
        }
        Map<Config, int[]> from = new HashMap<>();                    // config -> {parent index, symbol}
        var order = new ArrayList<Config>();
        var queue = new ArrayDeque<Integer>();
        order.add(c);
        from.put(c, new int[] {-1, -1});
        queue.add(0);
        while (!queue.isEmpty() && order.size() < maxConfigs) {
            int i = queue.poll();
            Config cur = order.get(i);
            for (int a = 0; a < m.alphabet().size(); a++) {
                Config n = m.step(cur, a);
                if (m.isDead(n) || from.containsKey(n)) {
                    continue;
                }
                from.put(n, new int[] {i, a});
                order.add(n);
                if (m.accepting(n)) {
                    var rev = new ArrayList<Integer>();
                    Config x = n;
                    while (from.get(x)[0] >= 0) {
                        rev.add(from.get(x)[1]);
                        x = order.get(from.get(x)[0]);
                    }
                    int[] out = new int[rev.size()];
                    for (int j = 0; j < out.length; j++) {
                        out[j] = rev.get(out.length - 1 - j);
                    }
                    return out;
                }
                queue.add(order.size() - 1);
            }
        }
        return null;
    }
}
