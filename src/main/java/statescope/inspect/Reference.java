package statescope.inspect;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import statescope.lang.Alphabet;
import statescope.lang.Dfa;
import statescope.lang.catalog.BoundedDyckMachine;
import statescope.lang.catalog.Correctness;
import statescope.lang.catalog.DfaMachine;
import statescope.lang.catalog.Language;
import statescope.lang.catalog.Metric;
import statescope.lang.catalog.ReferenceMachine;
import statescope.lang.catalog.ReferenceMachine.Config;
import statescope.lang.catalog.TargetClass;
import statescope.lang.catalog.TargetEncoding;
import statescope.lang.catalog.TargetEncoding.Kind;

/**
 * The reference side of a language as the UI steps it beside a model: the catalog's own
 * {@link ReferenceMachine} and {@link TargetEncoding} (configurations are the machine's
 * {@link Config}s, targets its bits), the DFA drawn beside the machine, and how a model's output units
 * are read back into a {@link Target}. The one adapter between {@code lang.catalog} and the views.
 *
 * <p>Two ways to read a model's outputs ({@link Units}). A catalog language follows the paper's
 * protocol (paper.md §3.1): one output per target class, read by argmax (a head with one unit per
 * target bit is read by the threshold instead), and no target at the empty prefix. A user's DFA (typed
 * regex or file) and the built-in languages have one output per target bit, read with the 0.5 threshold
 * on the sigmoid (logit &gt; 0), and a target at the empty prefix too.
 *
 * <p>Bounded Dyck is scored by its closing-bracket rule (paper.md §3.3): its model's outputs are a
 * next-token distribution over the K opens, the K closes and the end, not one unit per target class
 * (the two counts are equal, 2K + 1, by coincidence). {@link #decode(Config, int, Config, float[])}
 * reads them so: where a bracket is open the prediction agrees when P(its close) / P(any close) &gt; 0.8,
 * and positions with no open bracket are not scored (the prediction is the target).
 */
public final class Reference {

    /** How a model's output units map to target bits. */
    public enum Units {
        /** One unit per target class (the protocol's one-hot classes), read by argmax. */
        CLASSES,
        /** One unit per target bit, read with the threshold logit &gt; 0. */
        BITS
    }

    private final ReferenceMachine machine;
    private final Dfa dfa;                                            // drawn beside the machine, or null
    private final TargetEncoding targets;
    private final Units units;
    private final String summary;
    private final BoundedDyckMachine closing;                        // bounded Dyck's closing rule, or null
    private final Map<Long, Target> labels = new ConcurrentHashMap<>();  // label's targets by units

    private Reference(ReferenceMachine machine, Dfa dfa, TargetEncoding targets, Units units, String summary) {
        this(machine, dfa, targets, units, summary, null);
    }

    private Reference(ReferenceMachine machine, Dfa dfa, TargetEncoding targets, Units units, String summary,
                      BoundedDyckMachine closing) {
        if (units == Units.BITS && targets.kind() != Kind.NEXT_SET && targets.kind() != Kind.MEMBERSHIP) {
            throw new IllegalArgumentException("one unit per bit reads next-symbol or membership targets, not "
                    + targets.kind());
        }
        this.machine = machine;
        this.dfa = dfa;
        this.targets = targets;
        this.units = units;
        this.summary = summary;
        this.closing = closing;
    }

    /** A catalog language: its machine, its DFA (when it has one) and its protocol targets, one unit per class. */
    public static Reference of(Language language) {
        ReferenceMachine m = language.machine();
        Dfa d = language.dfa().orElse(null);
        String summary = d != null
                ? "DFA · " + states(d) + (d.deadState().isPresent() ? " · dead state" : "")
                : m.kind() + " · " + String.join(", ", m.registerNames());
        BoundedDyckMachine closing = language.metric() == Metric.CLOSING_BRACKET && m instanceof BoundedDyckMachine b
                ? b : null;
        return new Reference(m, d, language.targets(), Units.CLASSES, summary, closing);
    }

    /** A DFA with one bit per symbol: can it follow the prefix and still lead to a word of the language. */
    public static Reference nextSymbols(Dfa dfa) {
        var m = new DfaMachine(dfa);
        return new Reference(m, dfa, TargetEncoding.nextSet(m), Units.BITS, dfaSummary(dfa));
    }

    /** A DFA with one bit: is the prefix in the language. */
    public static Reference membership(Dfa dfa) {
        var m = new DfaMachine(dfa);
        return new Reference(m, dfa, TargetEncoding.membership(m), Units.BITS, dfaSummary(dfa));
    }

    /** A machine without a DFA (e.g. a counter machine) with one bit per symbol, as {@link #nextSymbols(Dfa)}. */
    public static Reference nextSymbols(ReferenceMachine machine) {
        return new Reference(machine, null, TargetEncoding.nextSet(machine), Units.BITS,
                machine.kind() + " · " + String.join(", ", machine.registerNames()));
    }

    /** "1 state", "5 states". */
    private static String states(Dfa dfa) {
        return dfa.numStates() + (dfa.numStates() == 1 ? " state" : " states");
    }

    private static String dfaSummary(Dfa dfa) {
        int accepting = 0;
        for (int q = 0; q < dfa.numStates(); q++) {
            accepting += dfa.isAccepting(q) ? 1 : 0;
        }
        return "DFA · " + states(dfa) + " · " + accepting + " accepting"
                + (dfa.deadState().isPresent() ? " · dead state" : "");
    }

    /** The reference machine, stepped in lockstep with the model. */
    public ReferenceMachine machine() {
        return machine;
    }

    /** The per-position targets. */
    public TargetEncoding targets() {
        return targets;
    }

    /** The DFA to draw, when the language has one. */
    public Optional<Dfa> dfa() {
        return Optional.ofNullable(dfa);
    }

    public Alphabet alphabet() {
        return machine.alphabet();
    }

    public Units units() {
        return units;
    }

    /** A one-line summary for the catalog, e.g. "DFA · 3 states · dead state". */
    public String summary() {
        return summary;
    }

    // ---- the state drawn per position ---------------------------------------------------------

    /** The drawn state at the empty prefix: the DFA's start state, else the first register. */
    public int initialState() {
        return dfa != null ? dfa.startState() : firstRegister(machine.start());
    }

    /**
     * The drawn state after {@code symbol}: the DFA's next state from {@code state}, or without a DFA the
     * first register of {@code after} (a counter machine's depth or first count).
     */
    public int nextState(int state, int symbol, Config after) {
        return dfa != null ? dfa.next(state, symbol) : firstRegister(after);
    }

    private int firstRegister(Config c) {
        int[] regs = machine.registers(c);
        return regs.length == 0 ? 0 : regs[0];
    }

    // ---- targets and predictions ----------------------------------------------------------------

    /** Number of output units the model's head must have. */
    public int width() {
        return units == Units.CLASSES ? targets.numClasses() : targets.width();
    }

    /**
     * What each output unit means, one name per unit, as a manifest's {@code outputClasses} names them: a
     * class's name, or a bit's ("next a").
     */
    public List<String> outputNames() {
        return units == Units.CLASSES ? targets.classes().stream().map(TargetClass::name).toList() : targets.bitNames();
    }

    /** A short name of the encoding for the UI ("next set (3 classes)", "next-symbol set", "membership"). */
    public String encodingName() {
        if (units == Units.BITS) {
            return targets.kind() == Kind.MEMBERSHIP ? "membership" : "next-symbol set";
        }
        if (closing != null) {
            return "next token, closing-bracket rule (P(close) / P(any close) > 0.8)";
        }
        int n = targets.numClasses();
        return targets.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " (" + n
                + (n == 1 ? " class)" : " classes)");
    }

    /** The target at the empty prefix (shown at t = 0; models make no prediction there). */
    public Target initialTarget(Config start) {
        if (units == Units.CLASSES) {
            return new Target(new boolean[targets.width()], "·");   // the protocol has no target at ε
        }
        boolean[] bits;
        if (targets.kind() == Kind.MEMBERSHIP) {
            bits = new boolean[] {machine.accepting(start)};
        } else {
            BitSet next = machine.allowedNext(start);
            bits = new boolean[targets.width()];
            for (int a = 0; a < bits.length; a++) {
                bits[a] = next.get(a);
            }
        }
        return label(bits);
    }

    /** The reference target at a position, from the configurations before and after its symbol. */
    public Target target(Config before, int symbol, Config after) {
        return label(targets.at(before, symbol, after));
    }

    /**
     * The model's prediction at a position, from the configurations before and after its symbol and the
     * output logits {@code [>= width]}: {@link #decode(float[])}, except for a language scored by the
     * closing-bracket rule. There the prediction is the target where no bracket is open or where
     * P(the matching close) / P(any close) &gt; 0.8; else the target with its close moved to the model's
     * likeliest close (or dropped when that is the right one, below the ratio), labelled with that close and
     * the ratio ({@code "c)? · P(f) | close) = 0.412"}).
     */
    public Target decode(Config before, int symbol, Config after, float[] logits) {
        if (closing == null) {
            return decode(logits);
        }
        boolean[] bits = targets.at(before, symbol, after);
        int close = closing.closingBracket(after);
        if (close < 0) {
            return label(bits);
        }
        int k = closing.types();
        double ratio = closingRatio(logits, 0, k, close);
        if (ratio > Correctness.CLOSING_RATIO) {
            return label(bits);
        }
        int best = k;
        for (int c = k + 1; c < 2 * k; c++) {
            best = logits[c] > logits[best] ? c : best;
        }
        bits[close] = false;
        bits[best] = best != close;
        String name = machine.alphabet().symbol(close);
        String likeliest = machine.alphabet().symbol(best);           // first: a narrow cell cut to "c)?…" keeps it
        return new Target(bits, String.format(Locale.ROOT, "%s? · P(%s | close) = %.3f", likeliest, name, ratio));
    }

    /**
     * Bounded Dyck's closing-bracket ratio at one position: P(close) / P(any of the K closes) under the
     * softmax of {@code logits[offset .. offset + 2K]} (K opens, K closes, end), in float probabilities as
     * the experiment's scoring; 0 when the closes have no mass.
     */
    public static double closingRatio(float[] logits, int offset, int k, int close) {
        int o = 2 * k + 1;
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < o; j++) {
            max = Math.max(max, logits[offset + j]);
        }
        double z = 0;
        for (int j = 0; j < o; j++) {
            z += Math.exp(logits[offset + j] - max);
        }
        double all = 0;
        for (int c = k; c < 2 * k; c++) {
            all += (float) (Math.exp(logits[offset + c] - max) / z);
        }
        if (!(all > 0)) {
            return 0;
        }
        return (float) (Math.exp(logits[offset + close] - max) / z) / all;
    }

    /** The model's prediction from its output logits {@code [>= width]}, by the units alone. */
    public Target decode(float[] logits) {
        boolean[] bits = new boolean[targets.width()];
        if (units == Units.CLASSES && logits.length == targets.numClasses() && targets.numClasses() > 0) {
            int best = 0;
            for (int i = 1; i < logits.length; i++) {
                best = logits[i] > logits[best] ? i : best;
            }
            String pattern = targets.classes().get(best).bits();
            for (int j = 0; j < bits.length; j++) {
                bits[j] = pattern.charAt(j) == '1';
            }
        } else {
            for (int j = 0; j < bits.length && j < logits.length; j++) {
                bits[j] = logits[j] > 0f;
            }
        }
        return label(bits);
    }

    /**
     * {@link #labelOf}, one instance per set of units: a long read makes two targets per token from a
     * handful of distinct ones, and their labels join strings.
     */
    private Target label(boolean[] bits) {
        if (bits.length > 62) {
            return labelOf(bits);
        }
        long key = 1L << bits.length;                                 // the width, then the units
        for (int j = 0; j < bits.length; j++) {
            key |= bits[j] ? 1L << j : 0L;
        }
        return labels.computeIfAbsent(key, k -> labelOf(bits));
    }

    /** "∈ L" / "∉ L" for membership; a set of symbols for next-symbol bits; else the class name. */
    private Target labelOf(boolean[] bits) {
        if (targets.kind() == Kind.MEMBERSHIP && bits.length == 1) {
            return new Target(bits, bits[0] ? "∈ L" : "∉ L");
        }
        if (units == Units.BITS) {
            return new Target(bits, joined(bits, machine.alphabet().symbols(), "{", ",", "}"));
        }
        var sb = new StringBuilder();
        for (boolean b : bits) {
            sb.append(b ? '1' : '0');
        }
        int cls = targets.classOf(sb.toString());
        if (cls >= 0) {
            TargetClass c = targets.classes().get(cls);
            return new Target(bits, c.name());
        }
        return new Target(bits, joined(bits, targets.bitNames(), "", "+", ""));
    }

    /** The names of the bits that are on, joined; "∅" when none is. */
    private static String joined(boolean[] bits, List<String> names, String open, String separator, String close) {
        var on = new ArrayList<String>();
        for (int j = 0; j < bits.length; j++) {
            if (bits[j]) {
                on.add(names.get(j));
            }
        }
        return on.isEmpty() ? "∅" : open + String.join(separator, on) + close;
    }
}
