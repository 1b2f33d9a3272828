package statescope.analysis;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import statescope.inspect.LanguageEntry;
import statescope.inspect.Reference;
import statescope.lang.catalog.BoundedDyckMachine;
import statescope.lang.catalog.Correctness;
import statescope.lang.catalog.Language;
import statescope.lang.catalog.Metric;
import statescope.lang.catalog.ReferenceMachine.Config;
import statescope.lang.catalog.TargetEncoding;

/**
 * Scores a model's outputs at one position against the reference, as the app's stepper reads them
 * ({@link Reference#decode} against {@link Reference#target}): a <em>margin</em> that is positive where
 * the prediction is right and at most 0 where it is wrong, so the search can also rank near-failures.
 * Positions a language does not score (bounded Dyck with an empty stack) have margin +∞.
 *
 * <ul>
 *   <li>one unit per target class (the protocol's classes): the target class's logit minus the best other
 *       logit; ties go to the lower index, as the argmax of {@link Reference#decode} does;</li>
 *   <li>one unit per target bit (a user's DFA): the smallest signed logit over the bits (logit &gt; 0 reads 1);</li>
 *   <li>bounded Dyck's closing-bracket rule: P(correct close) / P(any close) − 0.8.</li>
 * </ul>
 * Targets of a configuration and symbol are cached (up to {@value #CACHE} of them); a judge is not
 * thread-safe, so each worker makes its own with {@link #copy()}.
 */
public abstract sealed class Judge {

    private static final int CACHE = 1 << 16;

    /** The judge of a language's model: bounded Dyck's rule for a catalog language scored that way, else the reference's units. */
    public static Judge of(LanguageEntry entry, Language catalog) {
        if (catalog != null && catalog.metric() == Metric.CLOSING_BRACKET
                && catalog.machine() instanceof BoundedDyckMachine m) {
            return new Closing(m);
        }
        Reference r = entry.reference();
        int symbols = r.alphabet().size();
        return r.units() == Reference.Units.CLASSES ? new Classes(r, symbols) : new Bits(r, symbols);
    }

    /**
     * What the model's head outputs mean, one name each, as a manifest's {@code outputClasses} names them
     * (a class's name, or a bit's, as "next a"); empty where the rule reads a whole distribution (bounded
     * Dyck's closing rule).
     */
    public abstract List<String> outputNames();

    /** Head outputs a model needs. */
    public abstract int outputs();

    /** One phrase, e.g. "argmax over 3 classes". */
    public abstract String describe();

    /** The margin at one position: &gt; 0 right, &lt;= 0 wrong, +∞ not scored; {@code logits[offset ..]}. */
    public abstract double margin(Config before, int symbol, Config after, float[] logits, int offset);

    /** A fresh judge of the same kind (its own cache), for another thread. */
    public abstract Judge copy();

    /** What the reference expects and what the model says at a position, as the stepper labels them: {target, prediction}. */
    public abstract String[] labels(Config before, int symbol, Config after, float[] logits, int offset);

    /** Whether a margin means a right prediction. */
    public static boolean right(double margin) {
        return margin > 0;
    }

    /** Targets as class ids or bit masks, cached by (configuration before, symbol). */
    private abstract static sealed class Cached extends Judge {
        final Reference reference;
        final TargetEncoding targets;
        final int symbols;
        private final Map<Config, int[]> cache = new HashMap<>();

        Cached(Reference reference, int symbols) {
            this.reference = reference;
            this.targets = reference.targets();
            this.symbols = symbols;
        }

        @Override
        public final List<String> outputNames() {
            return reference.outputNames();
        }

        @Override
        public final String[] labels(Config before, int symbol, Config after, float[] logits, int offset) {
            float[] row = Arrays.copyOfRange(logits, offset, offset + outputs());
            return new String[] {reference.target(before, symbol, after).label(), reference.decode(row).label()};
        }

        /** The target code at a position (class id, or -1; or a bit mask). */
        final int target(Config before, int symbol, Config after) {
            int[] row = cache.get(before);
            if (row == null) {
                row = new int[symbols];
                Arrays.fill(row, Integer.MIN_VALUE);
                if (cache.size() < CACHE) {
                    cache.put(before, row);
                }
            }
            int v = row[symbol];
            if (v == Integer.MIN_VALUE) {
                v = code(targets.at(before, symbol, after));
                row[symbol] = v;
            }
            return v;
        }

        abstract int code(boolean[] bits);
    }

    static final class Classes extends Cached {
        Classes(Reference reference, int symbols) {
            super(reference, symbols);
        }

        @Override
        int code(boolean[] bits) {
            var sb = new StringBuilder(bits.length);
            for (boolean b : bits) {
                sb.append(b ? '1' : '0');
            }
            return targets.classOf(sb.toString());
        }

        @Override
        public int outputs() {
            return targets.numClasses();
        }

        @Override
        public String describe() {
            return "argmax over " + targets.numClasses() + " classes";
        }

        @Override
        public double margin(Config before, int symbol, Config after, float[] logits, int offset) {
            int t = target(before, symbol, after);
            if (t < 0) {
                return Double.NEGATIVE_INFINITY;                       // no class has this pattern
            }
            int o = outputs();
            float lt = logits[offset + t];
            double m = Double.POSITIVE_INFINITY;
            boolean lowerTie = false;
            for (int j = 0; j < o; j++) {
                if (j != t) {
                    double d = (double) lt - logits[offset + j];
                    if (d < m) {
                        m = d;
                    }
                    lowerTie |= j < t && d == 0;
                }
            }
            if (Double.isNaN(lt)) {
                return Double.NEGATIVE_INFINITY;
            }
            return m == 0 && !lowerTie ? Double.MIN_VALUE : m;
        }

        @Override
        public Judge copy() {
            return new Classes(reference, symbols);
        }
    }

    static final class Bits extends Cached {
        Bits(Reference reference, int symbols) {
            super(reference, symbols);
            if (targets.width() > 30) {
                throw new IllegalArgumentException("more than 30 target bits");
            }
        }

        @Override
        int code(boolean[] bits) {
            int m = 0;
            for (int j = 0; j < bits.length; j++) {
                m |= bits[j] ? 1 << j : 0;
            }
            return m;
        }

        @Override
        public int outputs() {
            return targets.width();
        }

        @Override
        public String describe() {
            return "one unit per bit, logit > 0 reads 1 (" + targets.width() + " bits)";
        }

        @Override
        public double margin(Config before, int symbol, Config after, float[] logits, int offset) {
            int mask = target(before, symbol, after);
            double m = Double.POSITIVE_INFINITY;
            boolean zeroOk = true;
            for (int j = 0; j < targets.width(); j++) {
                float l = logits[offset + j];
                boolean on = (mask >> j & 1) != 0;
                double s = on ? l : -(double) l;
                if (Double.isNaN(s)) {
                    return Double.NEGATIVE_INFINITY;
                }
                m = Math.min(m, s);
                zeroOk &= !(on && l == 0f);                           // 0 reads 0: wrong for a 1 bit
            }
            return m == 0 && zeroOk ? Double.MIN_VALUE : m;
        }

        @Override
        public Judge copy() {
            return new Bits(reference, symbols);
        }
    }

    /** Bounded Dyck (paper.md §3.3): where a bracket is open, P(its close) / P(any close) must exceed 0.8. */
    static final class Closing extends Judge {
        private final BoundedDyckMachine machine;
        private final int k;

        Closing(BoundedDyckMachine machine) {
            this.machine = machine;
            this.k = machine.types();
        }

        @Override
        public int outputs() {
            return 2 * k + 1;
        }

        @Override
        public String describe() {
            return "closing-bracket ratio > 0.8 where a bracket is open";
        }

        @Override
        public List<String> outputNames() {
            return List.of();
        }

        @Override
        public double margin(Config before, int symbol, Config after, float[] logits, int offset) {
            int close = machine.closingBracket(after);
            if (close < 0) {
                return Double.POSITIVE_INFINITY;
            }
            double ratio = Reference.closingRatio(logits, offset, k, close);   // as the stepper reads it
            return ratio - Correctness.CLOSING_RATIO;
        }

        @Override
        public Judge copy() {
            return new Closing(machine);
        }

        @Override
        public String[] labels(Config before, int symbol, Config after, float[] logits, int offset) {
            int close = machine.closingBracket(after);
            if (close < 0) {
                return new String[] {"(no open bracket)", "-"};
            }
            double m = margin(before, symbol, after, logits, offset);
            return new String[] {"close " + machine.alphabet().symbol(close) + " (ratio > 0.8)",
                String.format(Locale.ROOT, "ratio %.3f", m + Correctness.CLOSING_RATIO)};
        }
    }
}
