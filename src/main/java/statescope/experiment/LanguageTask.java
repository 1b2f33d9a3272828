package statescope.experiment;

import java.util.ArrayList;
import java.util.List;
import statescope.lang.Word;
import statescope.lang.catalog.BoundedDyckMachine;
import statescope.lang.catalog.Catalog;
import statescope.lang.catalog.Correctness;
import statescope.lang.catalog.Language;
import statescope.lang.catalog.Metric;
import statescope.lang.catalog.TargetClass;
import statescope.lang.catalog.TargetEncoding;
import statescope.train.Loss;
import statescope.train.Metrics;

/**
 * A catalog language as a supervised task for the trainer: input ids, per-position class targets, the
 * loss of the paper's runs and its scoring rule (paper.md §3).
 *
 * <ul>
 *   <li>{@link Objective#CLASSES}: the protocol's target classes (each distinct target pattern is one
 *       class; MSE on one-hot or cross-entropy as the paper's run for that language); a string is
 *       correct iff the argmax class is right at every position (the 27-language suite, flip-flop);</li>
 *   <li>{@link Objective#NEXT_TOKEN}: a language model over the alphabet plus END, trained with
 *       cross-entropy on the next symbol, scored by closing-bracket accuracy (bounded Dyck, §3.3).</li>
 * </ul>
 */
public final class LanguageTask {

    /** What the head predicts. */
    public enum Objective { CLASSES, NEXT_TOKEN }

    /** One encoded word: the model's input ids and the class target at each position, both [T]. */
    public record Example(Word word, int[] tokens, int[] targets) {
    }

    private final Language language;
    private final Objective objective;

    private LanguageTask(Language language) {
        this.language = language;
        this.objective = language.metric() == Metric.CLOSING_BRACKET ? Objective.NEXT_TOKEN : Objective.CLASSES;
    }

    /** The task of a catalog language (id or alias; an unknown name suggests close ones). */
    public static LanguageTask of(String name) {
        return new LanguageTask(Catalog.standard().get(name));
    }

    /** The task of a language. */
    public static LanguageTask of(Language language) {
        return new LanguageTask(language);
    }

    public Language language() {
        return language;
    }

    public Objective objective() {
        return objective;
    }

    /** Input vocabulary size V. */
    public int vocabSize() {
        return language.inputVocabulary().size();
    }

    /** Head outputs O: the number of target classes, or |alphabet| + 1 (END) for next-token tasks. */
    public int outputSize() {
        return objective == Objective.CLASSES ? language.targets().numClasses() : language.alphabet().size() + 1;
    }

    /** The input symbols, index = token id. */
    public List<String> vocabulary() {
        var out = new ArrayList<String>();
        for (int i = 0; i < language.inputVocabulary().size(); i++) {
            out.add(language.inputVocabulary().symbol(i));
        }
        return out;
    }

    /** Names of the head outputs. */
    public List<String> outputClasses() {
        var out = new ArrayList<String>();
        if (objective == Objective.CLASSES) {
            for (TargetClass c : language.targets().classes()) {
                out.add(c.name());
            }
        } else {
            for (int i = 0; i < language.alphabet().size(); i++) {
                out.add("next " + language.alphabet().symbol(i));
            }
            out.add("END");
        }
        return out;
    }

    /** The loss of the paper's runs for this language. */
    public Loss paperLoss() {
        if (objective == Objective.NEXT_TOKEN) {
            return Loss.CROSS_ENTROPY;
        }
        return language.targets().paperLoss() == TargetEncoding.Loss.MSE ? Loss.MSE : Loss.CROSS_ENTROPY;
    }

    /** Encodes a word. */
    public Example encode(Word w) {
        int[] tokens = language.encodeInput(w);
        int[] targets;
        if (objective == Objective.CLASSES) {
            targets = language.targets().encode(w).classIds();
        } else {
            targets = new int[w.length()];
            for (int t = 0; t < w.length(); t++) {
                targets[t] = t + 1 < w.length() ? w.at(t + 1) : language.alphabet().size();
            }
        }
        return new Example(w, tokens, targets);
    }

    /** Encodes words. */
    public List<Example> encode(List<Word> words) {
        var out = new ArrayList<Example>(words.size());
        for (Word w : words) {
            out.add(encode(w));
        }
        return out;
    }

    /** Names of the evaluation splits in order (bin1, bin2, ...; val, val-sparse; dev, test). */
    public List<String> evaluationSplits() {
        return language.evaluationSplits().stream().map(s -> s.name()).toList();
    }

    /**
     * The paper's score of a model's outputs on examples, in percent: strict per-string accuracy, or
     * closing-bracket accuracy for next-token tasks.
     *
     * @param logits per example, [T, O]
     */
    public double score(List<Example> examples, List<float[]> logits) {
        int o = outputSize();
        if (objective == Objective.CLASSES) {
            int ok = 0;
            for (int i = 0; i < examples.size(); i++) {
                ok += Metrics.strictCorrect(logits.get(i), o, examples.get(i).targets()) ? 1 : 0;
            }
            return examples.isEmpty() ? Double.NaN : 100.0 * ok / examples.size();
        }
        BoundedDyckMachine m = (BoundedDyckMachine) language.machine();
        var total = new Correctness.ClosingScore(0, 0);
        for (int i = 0; i < examples.size(); i++) {
            float[] lg = logits.get(i);
            Word w = examples.get(i).word();
            float[][] probs = new float[w.length()][o];
            for (int t = 0; t < w.length(); t++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < o; j++) {
                    max = Math.max(max, lg[t * o + j]);
                }
                double z = 0;
                for (int j = 0; j < o; j++) {
                    z += Math.exp(lg[t * o + j] - max);
                }
                for (int j = 0; j < o; j++) {
                    probs[t][j] = (float) (Math.exp(lg[t * o + j] - max) / z);
                }
            }
            total = total.plus(Correctness.closingBrackets(m, w, probs));
        }
        return total.percent();
    }
}
