package statescope.analysis.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import statescope.lang.Alphabet;
import statescope.lang.Word;
import statescope.lang.catalog.Language;
import statescope.lang.catalog.Metric;
import statescope.ssm.FastForward;
import statescope.ssm.SsmState;
import statescope.ssm.SsmStepper;
import statescope.ssm.SsmWeights;

/**
 * A trained model as a Mealy machine on its language's domain: at each position the argmax class of its
 * head, or the sink where the reference machine is dead (the protocol never asks the model there).
 * Queries run through the batched scan in batches, with a cache of answered words; {@link #stepped}
 * runs the recurrent step instead. A query with a stop ({@link #outputs(List, BooleanSupplier)}) asks it
 * before every batch, and its batches start small (one word, then twice as many each time, up to 256):
 * until the JIT has compiled the scan, the first scans of a run are many times slower than later ones
 * (the first 512-word query of an extraction took about 3 s where later ones take 20 ms; one word of it
 * 0.1-0.4 s), and a deadline must not wait for a whole such query.
 */
public final class ModelOutputs implements OutputQueries {

    private static final int BATCH = 256;
    static final int FIRST_BATCH = 1;
    private static final int CACHE_LIMIT = 2_000_000;

    private final SsmWeights weights;
    private final Language language;
    private final ReferenceOutputs reference;
    private final FastForward forward;
    private final Map<Word, int[]> cache = new HashMap<>();
    private long scannedWords;
    private long scannedSymbols;

    /** Why {@code weights} cannot be read as a Mealy machine on {@code language}, or "" when it can. */
    public static String whyNot(SsmWeights weights, Language language) {
        if (language.metric() == Metric.CLOSING_BRACKET) {
            return language.id() + " is a next-token task: its model predicts a distribution over the next symbol,"
                    + " not a class, so there is no Mealy machine to extract";
        }
        if (weights.config().outputSize() != language.targets().numClasses()) {
            return "the model has " + weights.config().outputSize() + " outputs but " + language.id() + " has "
                    + language.targets().numClasses() + " target classes";
        }
        return "";
    }

    public ModelOutputs(SsmWeights weights, Language language) {
        String why = whyNot(weights, language);
        if (!why.isEmpty()) {
            throw new IllegalArgumentException(why);
        }
        this.weights = weights;
        this.language = language;
        this.reference = new ReferenceOutputs(language.machine(), language.targets());
        this.forward = new FastForward(weights);
    }

    @Override
    public Alphabet alphabet() {
        return language.alphabet();
    }

    @Override
    public List<String> outputNames() {
        return reference.outputNames();
    }

    /** Words and symbols the scan has run (cache misses). */
    public long scannedWords() {
        return scannedWords;
    }

    public long scannedSymbols() {
        return scannedSymbols;
    }

    @Override
    public int[][] outputs(List<Word> words) {
        return outputs(words, () -> false);
    }

    @Override
    public int[][] outputs(List<Word> words, BooleanSupplier stop) {
        int[][] out = new int[words.size()][];
        var missing = new ArrayList<Integer>();
        for (int i = 0; i < out.length; i++) {
            out[i] = cache.get(words.get(i));
            if (out[i] == null) {
                missing.add(i);
            }
        }
        int[][] ref = reference.outputs(missing.stream().map(words::get).toList());
        for (int from = 0, size = FIRST_BATCH; from < missing.size(); from += size, size = Math.min(BATCH, 2 * size)) {
            if (stop.getAsBoolean()) {
                throw new Stopped();
            }
            List<Integer> part = missing.subList(from, Math.min(missing.size(), from + size));
            int[][] tokens = part.stream().map(i -> language.encodeInput(words.get(i))).toArray(int[][]::new);
            int[][] nonEmpty = Arrays.stream(tokens).filter(t -> t.length > 0).toArray(int[][]::new);
            FastForward.Result r = nonEmpty.length == 0 ? null : forward.forward(nonEmpty, FastForward.Options.LOGITS);
            int o = weights.config().outputSize();
            int b = 0;
            for (int j = 0; j < part.size(); j++) {
                int i = part.get(j);
                int len = tokens[j].length;
                int[] res = new int[len];
                int row = len == 0 ? 0 : b * r.maxLen();
                for (int t = 0; t < len; t++) {
                    res[t] = ref[from + j][t] == SINK ? SINK : argmax(r.logits(), (row + t) * o, o);
                }
                b += len == 0 ? 0 : 1;
                out[i] = res;
                scannedWords++;
                scannedSymbols += len;
                if (cache.size() < CACHE_LIMIT) {
                    cache.put(words.get(i), res);
                }
            }
        }
        return out;
    }

    @Override
    public int[] stepped(Word word) {
        int[] ref = reference.outputs(List.of(word))[0];
        var stepper = new SsmStepper(weights);
        SsmState s = stepper.newState();
        int[] tokens = language.encodeInput(word);
        int[] out = new int[tokens.length];
        float[] logits = new float[weights.config().outputSize()];
        for (int t = 0; t < tokens.length; t++) {
            stepper.step(s, tokens[t], logits);
            out[t] = ref[t] == SINK ? SINK : argmax(logits, 0, logits.length);
        }
        return out;
    }

    private static int argmax(float[] v, int off, int len) {
        int best = 0;
        for (int j = 1; j < len; j++) {
            if (v[off + j] > v[off + best]) {
                best = j;
            }
        }
        return best;
    }
}
