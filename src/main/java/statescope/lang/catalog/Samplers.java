package statescope.lang.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import statescope.lang.Alphabet;
import statescope.lang.Dfa;
import statescope.lang.Word;

/**
 * The samplers of the catalog. Each picks a length uniformly among the lengths of the window that
 * hold words of the language, then a word of that length:
 * <ul>
 *   <li>{@link #uniform(Dfa)}: uniformly among the DFA's words of that length (path counting);</li>
 *   <li>{@link #dyck(Alphabet)}: uniform Dyck-1 words; {@link #shuffle(Alphabet)}: a uniform
 *       open/close shape, open types uniform, each close matching a uniformly chosen open bracket;</li>
 *   <li>{@link #booleanExpr(CounterMachines.BooleanExpr)}: uniform prefix expressions;</li>
 *   <li>{@link #blocks(Alphabet)}: a^n b^n ... with a uniform n.</li>
 * </ul>
 * These are the {@link Sampling#UNIFORM} sampling (ADR 0002). The paper's generators use other ad-hoc
 * distributions (probabilistic grammars with rejection), which {@link Sampling#AUTHORS}, the default,
 * follows ({@link AuthorsSamplers}, ADR 0008).
 */
public final class Samplers {

    private Samplers() {
    }

    /** Uniform length, then a uniform word of that length accepted by the DFA. */
    public static WordSampler uniform(Dfa dfa) {
        return new DfaUniform(dfa);
    }

    private static final class DfaUniform implements WordSampler {
        private final Dfa dfa;
        private final List<double[]> counts = new ArrayList<>(); // counts.get(r)[q]: accepted words of length r from q, up to a factor per r
        private final List<Double> scale = new ArrayList<>();   // log of the factor removed from counts.get(r)

        DfaUniform(Dfa dfa) {
            this.dfa = dfa;
            double[] c0 = new double[dfa.numStates()];
            for (int q = 0; q < c0.length; q++) {
                c0[q] = dfa.isAccepting(q) ? 1 : 0;
            }
            counts.add(c0);
            scale.add(0.0);
        }

        private synchronized double[] counts(int r) {
            int k = dfa.alphabet().size();
            while (counts.size() <= r) {
                double[] prev = counts.get(counts.size() - 1);
                double[] next = new double[prev.length];
                double max = 0;
                for (int q = 0; q < next.length; q++) {
                    double s = 0;
                    for (int a = 0; a < k; a++) {
                        s += prev[dfa.next(q, a)];
                    }
                    next[q] = s;
                    max = Math.max(max, s);
                }
                double f = 0;
                if (max > 1e200) {
                    for (int q = 0; q < next.length; q++) {
                        next[q] /= max;
                    }
                    f = Math.log(max);
                }
                counts.add(next);
                scale.add(scale.get(scale.size() - 1) + f);
            }
            return counts.get(r);
        }

        @Override
        public Word sample(LengthWindow window, SplittableRandom random) {
            int len = pickLength(window, random, l -> counts(l)[dfa.startState()] > 0);
            int k = dfa.alphabet().size();
            int[] w = new int[len];
            int q = dfa.startState();
            for (int i = 0; i < len; i++) {
                double[] c = counts(len - i - 1);
                double total = 0;
                for (int a = 0; a < k; a++) {
                    total += c[dfa.next(q, a)];
                }
                double u = random.nextDouble() * total;
                int pick = -1;
                for (int a = 0; a < k; a++) {
                    double p = c[dfa.next(q, a)];
                    if (p > 0) {
                        pick = a;
                        if (u < p) {
                            break;
                        }
                        u -= p;
                    }
                }
                w[i] = pick;
                q = dfa.next(q, pick);
            }
            return Word.of(dfa.alphabet(), w);
        }

        @Override
        public double available(LengthWindow window) {
            double total = 0;
            for (int l = window.min(); l <= window.max(); l++) {
                double[] c = counts(l);
                double log = Math.log(c[dfa.startState()]) + scale.get(l);
                total += Math.exp(Math.min(log, 700));
            }
            return total;
        }
    }

    /** Picks a length uniformly among the lengths of the window that satisfy {@code feasible}. */
    static int pickLength(LengthWindow window, SplittableRandom random, IntPredicate feasible) {
        int[] ok = new int[window.size()];
        int n = 0;
        for (int l = window.min(); l <= window.max(); l++) {
            if (feasible.test(l)) {
                ok[n++] = l;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("the language has no words with a length in " + window);
        }
        return ok[random.nextInt(n)];
    }

    /**
     * Number of ways to finish a Dyck path: {@code ways[r][d]} = paths of r steps from depth d to 0
     * that never go below 0 (and never above {@code maxDepth}), as doubles.
     */
    static double[][] dyckWays(int maxLen, int maxDepth) {
        double[][] ways = new double[maxLen + 1][maxDepth + 2]; // [r][d]
        ways[0][0] = 1;
        for (int r = 1; r <= maxLen; r++) {
            for (int d = 0; d <= maxDepth; d++) {
                double up = d + 1 <= maxDepth ? ways[r - 1][d + 1] : 0;
                double down = d > 0 ? ways[r - 1][d - 1] : 0;
                ways[r][d] = up + down;
            }
        }
        return ways;
    }

    /** Uniform length (even), then a uniform Dyck-1 word; the alphabet is {@code ( )}. */
    public static WordSampler dyck(Alphabet alphabet) {
        return shuffleLike(alphabet, true);
    }

    /**
     * Shuffle of k Dyck-1 languages: the open/close shape is a uniform Dyck path; an open bracket has a
     * uniform type; a closing bracket closes one of the open brackets chosen uniformly (so its type is
     * chosen in proportion to the open counts). Every word produced is in the language.
     */
    public static WordSampler shuffle(Alphabet alphabet) {
        return shuffleLike(alphabet, false);
    }

    private static WordSampler shuffleLike(Alphabet alphabet, boolean dyckOnly) {
        int k = alphabet.size() / 2;
        return new WordSampler() {
            @Override
            public Word sample(LengthWindow window, SplittableRandom random) {
                int len = pickLength(window, random, l -> l % 2 == 0 && l > 0);
                double[][] ways = dyckWays(len, len);
                int[] open = new int[k];
                int depth = 0;
                int[] w = new int[len];
                for (int i = 0; i < len; i++) {
                    int r = len - i - 1;
                    double up = ways[r][depth + 1];
                    double down = depth > 0 ? ways[r][depth - 1] : 0;
                    boolean opens = random.nextDouble() * (up + down) < up;
                    if (opens) {
                        int t = dyckOnly ? 0 : random.nextInt(k);
                        open[t]++;
                        depth++;
                        w[i] = t;
                    } else {
                        int pick = random.nextInt(depth);
                        int t = 0;
                        while (pick >= open[t]) {
                            pick -= open[t];
                            t++;
                        }
                        open[t]--;
                        depth--;
                        w[i] = k + t;
                    }
                }
                return Word.of(alphabet, w);
            }

            @Override
            public double available(LengthWindow window) {
                double[][] ways = dyckWays(window.max(), window.max());
                double total = 0;
                for (int l = window.min(); l <= window.max(); l++) {
                    if (l > 0) {
                        total += ways[l][0] * Math.pow(k, l / 2.0) ; // a lower bound for k > 1, exact for k = 1
                    }
                }
                return total;
            }
        };
    }

    /** Uniform length, then a uniform well-formed prefix expression of that length. */
    public static WordSampler booleanExpr(CounterMachines.BooleanExpr machine) {
        Alphabet alphabet = machine.alphabet();
        int maxArity = alphabet.size() - 2;
        return new WordSampler() {
            /** ways[r][c]: expressions finishing in exactly r symbols with c operands pending (c >= 1). */
            double[][] ways(int maxLen) {
                int maxPending = maxLen + 1;
                double[][] ways = new double[maxLen + 1][maxPending + maxArity + 1];
                ways[0][0] = 1;
                for (int r = 1; r <= maxLen; r++) {
                    for (int c = 1; c <= maxPending; c++) {
                        double s = c - 1 == 0 ? (r - 1 == 0 ? 2 : 0) : 2 * ways[r - 1][c - 1];
                        for (int a = 1; a <= maxArity; a++) {
                            s += ways[r - 1][c + a - 1];
                        }
                        ways[r][c] = s;
                    }
                }
                return ways;
            }

            @Override
            public Word sample(LengthWindow window, SplittableRandom random) {
                double[][] ways = ways(window.max());
                int len = pickLength(window, random, l -> ways[l][1] > 0);
                int[] w = new int[len];
                int c = 1;
                for (int i = 0; i < len; i++) {
                    int r = len - i - 1;
                    double[] weight = new double[alphabet.size()];
                    double total = 0;
                    for (int s = 0; s < weight.length; s++) {
                        int next = c - 1 + machine.arity(s);
                        weight[s] = next == 0 ? (r == 0 ? 1 : 0) : ways[r][next];
                        total += weight[s];
                    }
                    double u = random.nextDouble() * total;
                    int pick = -1;
                    for (int s = 0; s < weight.length; s++) {
                        if (weight[s] > 0) {
                            pick = s;
                            if (u < weight[s]) {
                                break;
                            }
                            u -= weight[s];
                        }
                    }
                    w[i] = pick;
                    c = c - 1 + machine.arity(pick);
                }
                return Word.of(alphabet, w);
            }

            @Override
            public double available(LengthWindow window) {
                double[][] ways = ways(window.max());
                return Arrays.stream(ways, window.min(), window.max() + 1).mapToDouble(row -> row[1]).sum();
            }
        };
    }

    /** a^n b^n ... with n uniform among the n >= 1 whose length k·n lies in the window. */
    public static WordSampler blocks(Alphabet alphabet) {
        int k = alphabet.size();
        return new WordSampler() {
            @Override
            public Word sample(LengthWindow window, SplittableRandom random) {
                int len = pickLength(window, random, l -> l % k == 0 && l > 0);
                int n = len / k;
                int[] w = new int[len];
                for (int i = 0; i < len; i++) {
                    w[i] = i / n;
                }
                return Word.of(alphabet, w);
            }

            @Override
            public double available(LengthWindow window) {
                int c = 0;
                for (int l = Math.max(1, window.min()); l <= window.max(); l++) {
                    c += l % k == 0 ? 1 : 0;
                }
                return c;
            }
        };
    }
}
