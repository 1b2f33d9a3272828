package statescope.lang;

import java.util.Optional;

/**
 * The star-free test (Schützenberger): a regular language is star-free iff its syntactic monoid is
 * aperiodic, i.e. for every word w some power satisfies {@code w^k = w^(k+1)}. The syntactic monoid is
 * the transition monoid of the minimal DFA, so the DFA is minimised first; each element is then
 * checked on its functional graph: it is aperiodic iff every cycle of the transformation is a fixed
 * point. For a language that is not star-free the witness is the first element (in breadth-first
 * order, so with a shortest word) whose powers have a period above 1.
 */
public final class StarFree {

    private StarFree() {
    }

    /** Analyses the language of {@code dfa} under {@link Limits#DEFAULT}. */
    public static StarFreeVerdict analyze(Dfa dfa) {
        return analyze(dfa, Limits.DEFAULT);
    }

    /**
     * Analyses the language of {@code dfa}.
     *
     * @throws LimitExceededException when the minimal DFA or its monoid exceed {@code limits}
     */
    public static StarFreeVerdict analyze(Dfa dfa, Limits limits) {
        Dfa min = Minimizer.minimize(dfa);
        if (min.numStates() > limits.maxStates()) {
            throw new LimitExceededException("the minimal DFA has " + min.numStates() + " states, more than the limit of "
                    + limits.maxStates() + " for the star-free test; raise the state limit to analyse it");
        }
        TransitionMonoid monoid = TransitionMonoid.of(min, limits);
        for (TransitionMonoid.Element e : monoid.elements()) {
            long[] ip = indexAndPeriod(e.transformation());
            if (ip[1] > 1) {
                if (ip[1] > Integer.MAX_VALUE) {
                    throw new LimitExceededException("the witness word " + e.word() + " has a period of "
                            + ip[1] + ", too large to report");
                }
                var w = new StarFreeVerdict.Witness(e.word(), (int) ip[0], (int) ip[1]);
                return new StarFreeVerdict(false, monoid.size(), min.numStates(), Optional.of(w));
            }
        }
        return new StarFreeVerdict(true, monoid.size(), min.numStates(), Optional.empty());
    }

    /**
     * The index and period of a transformation t under composition: the smallest {@code k ≥ 1} and
     * {@code p ≥ 1} with {@code t^k = t^(k+p)}. The period is the least common multiple of the cycle
     * lengths of t's functional graph, and the index is the longest tail (at least 1).
     *
     * @return {@code {k, p}}; p saturates at {@code Long.MAX_VALUE}
     */
    public static long[] indexAndPeriod(int[] t) {
        int n = t.length;
        int[] tail = new int[n];        // steps to reach a cycle
        int[] color = new int[n];       // 0 new, 1 on the current path, 2 done
        int[] pathPos = new int[n];
        int[] path = new int[n];
        long period = 1;
        int index = 1;
        for (int s = 0; s < n; s++) {
            if (color[s] != 0) {
                continue;
            }
            int len = 0;
            int q = s;
            while (color[q] == 0) {
                color[q] = 1;
                pathPos[q] = len;
                path[len++] = q;
                q = t[q];
            }
            int base;          // tail of the node where the walk stopped
            int cycleStart;    // path index where the new cycle starts, or len when none
            if (color[q] == 1) {
                cycleStart = pathPos[q];
                int cycleLen = len - cycleStart;
                period = lcm(period, cycleLen);
                for (int i = cycleStart; i < len; i++) {
                    tail[path[i]] = 0;
                }
                base = 0;
            } else {
                cycleStart = len;
                base = tail[q];
            }
            for (int i = cycleStart - 1; i >= 0; i--) {
                tail[path[i]] = base + (cycleStart - i);
            }
            for (int i = 0; i < len; i++) {
                color[path[i]] = 2;
                index = Math.max(index, tail[path[i]]);
            }
        }
        return new long[] {index, period};
    }

    private static long lcm(long a, long b) {
        long g = gcd(a, b);
        long f = a / g;
        if (f > Long.MAX_VALUE / b) {
            return Long.MAX_VALUE;
        }
        return f * b;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long r = a % b;
            a = b;
            b = r;
        }
        return a;
    }
}
