package statescope.lang.catalog;

import java.util.List;
import statescope.lang.Word;

/**
 * The paper's scoring rules (paper.md §3.1-§3.3), applied to model outputs.
 * <ul>
 *   <li>{@link #strict}: a string is correct iff the argmax class is right at every position (the
 *       repository's rule; flip-flop uses the same rule over {0, 1, -});</li>
 *   <li>{@link #strictBits}: Bhattamishra et al.'s rule, every output bit thresholded at 0.5 is right
 *       at every position;</li>
 *   <li>{@link #closingBrackets}: bounded Dyck's closing-bracket accuracy.</li>
 * </ul>
 */
public final class Correctness {

    /** Bounded Dyck's criterion: P(correct close) / P(any close) must exceed this. */
    public static final double CLOSING_RATIO = 0.8;

    private Correctness() {
    }

    /** The argmax of each row, {@code [T, C] -> [T]} (the first maximum on ties). */
    public static int[] argmax(float[][] scores) {
        int[] out = new int[scores.length];
        for (int t = 0; t < scores.length; t++) {
            int best = 0;
            for (int c = 1; c < scores[t].length; c++) {
                if (scores[t][c] > scores[t][best]) {
                    best = c;
                }
            }
            out[t] = best;
        }
        return out;
    }

    /** True iff the predicted class ({@code [T]}) equals the target class at every position. */
    public static boolean strict(int[] predicted, Targets targets) {
        if (predicted.length != targets.length()) {
            throw new IllegalArgumentException(predicted.length + " predictions for a word of length " + targets.length());
        }
        for (int t = 0; t < predicted.length; t++) {
            if (predicted[t] != targets.classId(t)) {
                return false;
            }
        }
        return true;
    }

    /** True iff every output ({@code [T, W]}, e.g. sigmoids) thresholded at {@code threshold} equals its target bit. */
    public static boolean strictBits(float[][] outputs, Targets targets, float threshold) {
        if (outputs.length != targets.length()) {
            throw new IllegalArgumentException(outputs.length + " output rows for a word of length " + targets.length());
        }
        for (int t = 0; t < outputs.length; t++) {
            for (int j = 0; j < targets.width(); j++) {
                if ((outputs[t][j] > threshold) != targets.bit(t, j)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Percentage of strictly correct strings, from per-string predictions and targets. */
    public static double strictAccuracy(List<int[]> predicted, List<Targets> targets) {
        if (predicted.size() != targets.size()) {
            throw new IllegalArgumentException(predicted.size() + " predictions for " + targets.size() + " strings");
        }
        if (predicted.isEmpty()) {
            return Double.NaN;
        }
        int ok = 0;
        for (int i = 0; i < predicted.size(); i++) {
            ok += strict(predicted.get(i), targets.get(i)) ? 1 : 0;
        }
        return 100.0 * ok / predicted.size();
    }

    /** Correct and scored positions of the closing-bracket metric. */
    public record ClosingScore(int correct, int total) {
        /** Accuracy in percent (NaN when no position was scored). */
        public double percent() {
            return total == 0 ? Double.NaN : 100.0 * correct / total;
        }

        public ClosingScore plus(ClosingScore o) {
            return new ClosingScore(correct + o.correct, total + o.total);
        }
    }

    /**
     * The closing symbol that matches the innermost open bracket after each position, {@code [T]}; -1
     * where the stack is empty (those positions are not scored).
     */
    public static int[] closingTargets(BoundedDyckMachine machine, Word word) {
        int[] out = new int[word.length()];
        var c = machine.start();
        for (int t = 0; t < word.length(); t++) {
            c = machine.step(c, word.at(t));
            out[t] = machine.closingBracket(c);
        }
        return out;
    }

    /**
     * Bounded Dyck's closing-bracket accuracy on one word: at each position with a non-empty stack the
     * prediction is correct iff P(correct close) / P(all closes) > 0.8.
     *
     * @param nextProbs next-symbol probabilities, {@code [T, >= 2K]}, indexed like the alphabet (opens
     *     0..K-1, closes K..2K-1; an END column after them is ignored)
     */
    public static ClosingScore closingBrackets(BoundedDyckMachine machine, Word word, float[][] nextProbs) {
        int k = machine.types();
        int[] target = closingTargets(machine, word);
        int correct = 0;
        int total = 0;
        for (int t = 0; t < target.length; t++) {
            if (target[t] < 0) {
                continue;
            }
            double all = 0;
            for (int c = k; c < 2 * k; c++) {
                all += nextProbs[t][c];
            }
            total++;
            if (all > 0 && nextProbs[t][target[t]] / all > CLOSING_RATIO) {
                correct++;
            }
        }
        return new ClosingScore(correct, total);
    }
}
