package statescope.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import statescope.lang.catalog.ReferenceMachine;
import statescope.lang.catalog.ReferenceMachine.Config;

/**
 * How deep the exhaustive phase can go: the number of live prefixes (prefixes of words of the language)
 * of each length, counted on the reference machine by configuration and multiplicity, and the greatest
 * length whose prefixes, all lengths up to it together, fit the budget.
 *
 * @param depth     the greatest length searched exhaustively (0 when not even length 1 fits)
 * @param perLength live prefixes of each length 1..depth ({@code perLength[0]} is length 1)
 * @param prefixes  their sum: the prefixes the phase steps
 * @param finite    true when no live prefix is longer than {@code depth} (the whole language is covered)
 */
record PrefixPlan(int depth, long[] perLength, long prefixes, boolean finite) {

    /** Distinct configurations followed per length before the count gives up (counter machines). */
    static final int MAX_CONFIGS = 200_000;

    /**
     * @param maxLength the longest prefix wanted
     * @param budget    the most prefixes to step
     */
    static PrefixPlan of(ReferenceMachine m, int maxLength, long budget) {
        Map<Config, Long> level = new HashMap<>();
        level.put(m.start(), 1L);
        List<Long> counts = new ArrayList<>();
        long total = 0;
        int k = m.alphabet().size();
        while (counts.size() < maxLength) {
            Map<Config, Long> next = new HashMap<>();
            long n = 0;
            for (var e : level.entrySet()) {
                for (int a = 0; a < k; a++) {
                    Config c = m.step(e.getKey(), a);
                    if (!m.isDead(c)) {
                        next.merge(c, e.getValue(), Long::sum);
                        n = saturatedAdd(n, e.getValue());
                    }
                }
            }
            if (n == 0) {
                return new PrefixPlan(counts.size(), toArray(counts), total, true);
            }
            if (saturatedAdd(total, n) > budget || next.size() > MAX_CONFIGS) {
                break;
            }
            total += n;
            counts.add(n);
            level = next;
        }
        return new PrefixPlan(counts.size(), toArray(counts), total, false);
    }

    private static long saturatedAdd(long a, long b) {
        long s = a + b;
        return s < 0 ? Long.MAX_VALUE : s;
    }

    private static long[] toArray(List<Long> l) {
        long[] out = new long[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = l.get(i);
        }
        return out;
    }

    /** Live prefixes of length {@code len} (1..depth). */
    long at(int len) {
        return perLength[len - 1];
    }
}
