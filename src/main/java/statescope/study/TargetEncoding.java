package statescope.study;

import java.util.ArrayList;
import java.util.List;

/**
 * How a language's per-position target is encoded, and how a model's output is read back, following
 * the protocol of paper.md §3.1: either a k-hot set of legal next symbols, or one membership bit
 * ("the prefix is in L"). Output units are read with a 0.5 threshold on the sigmoid (logit &gt; 0).
 */
public interface TargetEncoding {

    /** Number of output units the model's head must have. */
    int width();

    /**
     * The reference target at position t (1-based) of {@code word} (every entry of the array is a valid
     * symbol; t ≤ word.length), given the configurations before and after its symbol. The default looks
     * at {@code after} only; encodings that need more override it.
     */
    default Target target(ReferenceMachine machine, int[] word, int t, MachineConfig before, MachineConfig after) {
        return target(machine, after);
    }

    /** The target at the empty prefix (shown at t = 0; models make no prediction there). */
    default Target initialTarget(ReferenceMachine machine, MachineConfig start) {
        return target(machine, start);
    }

    /** A short name of the encoding for the UI ("next-symbol set", "membership"). */
    String name();

    /** The reference target after reading a prefix that led to {@code config}. */
    Target target(ReferenceMachine machine, MachineConfig config);

    /** The model's prediction from its output logits {@code [>= width]}. */
    Target decode(float[] logits);

    /** One bit per symbol: can symbol a follow the prefix and still lead to a word of L. */
    static TargetEncoding nextSymbol(List<String> symbols) {
        return new NextSymbol(List.copyOf(symbols));
    }

    /** One bit: the prefix read so far is in L. */
    static TargetEncoding membership() {
        return new Membership();
    }

    /** Next-symbol sets. */
    record NextSymbol(List<String> symbols) implements TargetEncoding {
        @Override
        public int width() {
            return symbols.size();
        }

        @Override
        public String name() {
            return "next-symbol set";
        }

        @Override
        public Target target(ReferenceMachine machine, MachineConfig config) {
            boolean[] u = new boolean[symbols.size()];
            for (int a = 0; a < u.length; a++) {
                u[a] = !config.rejected() && machine.canAccept(machine.step(config, a));
            }
            return new Target(u, label(u));
        }

        @Override
        public Target decode(float[] logits) {
            boolean[] u = new boolean[symbols.size()];
            for (int a = 0; a < u.length; a++) {
                u[a] = logits[a] > 0f;
            }
            return new Target(u, label(u));
        }

        private String label(boolean[] u) {
            var on = new ArrayList<String>();
            for (int a = 0; a < u.length; a++) {
                if (u[a]) {
                    on.add(symbols.get(a));
                }
            }
            return on.isEmpty() ? "∅" : "{" + String.join(",", on) + "}";
        }
    }

    /** Membership of the prefix. */
    record Membership() implements TargetEncoding {
        @Override
        public int width() {
            return 1;
        }

        @Override
        public String name() {
            return "membership";
        }

        @Override
        public Target target(ReferenceMachine machine, MachineConfig config) {
            boolean in = machine.accepts(config);
            return new Target(new boolean[] {in}, in ? "∈ L" : "∉ L");
        }

        @Override
        public Target decode(float[] logits) {
            boolean in = logits[0] > 0f;
            return new Target(new boolean[] {in}, in ? "∈ L" : "∉ L");
        }
    }
}
