package statescope.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import statescope.lang.catalog.Dataset;
import statescope.lang.catalog.Sampling;
import statescope.ssm.Checkpoint;
import statescope.ssm.CheckpointFolder;
import statescope.ssm.FastForward;
import statescope.ssm.SelectiveScanKernel;
import statescope.ssm.SsmConfig;
import statescope.train.Backprop;
import statescope.train.ParamSet;

/** {@code statescope eval}: a trained checkpoint scored on its language's evaluation splits. */
public final class ModelEvaluation {

    /** One model's row of the language × bin table. */
    public record Row(String model, String language, SsmConfig config, long step, long seed,
                      Map<String, Double> accuracy, Map<String, Double> recorded) {
    }

    private static final Pattern MAX_WORDS = Pattern.compile("--max-words (\\d+)");

    private ModelEvaluation() {
    }

    /**
     * Evaluates one checkpoint on the evaluation splits of the language named in its manifest, drawn with
     * the manifest's seed (so bin 1 holds out the words the model was trained on).
     *
     * @param maxWords cap on words per split, or −1 for the cap the model was trained with
     */
    public static Row evaluate(Path file, int maxWords, int threads) throws IOException {
        return evaluate(file, maxWords, threads, null);
    }

    /**
     * As {@link #evaluate(Path, int, int)}, with the forward passes on a given scan kernel.
     *
     * @param scanKernel null for the training forward on the CPU ({@link Backprop#logits}, which the
     *                   manifest's figures were measured with), else the batched {@link FastForward} with
     *                   this kernel (the GPU's); its rounding differs, so a borderline string may flip
     */
    public static Row evaluate(Path file, int maxWords, int threads, SelectiveScanKernel scanKernel) throws IOException {
        String name = Checkpoint.weightsPath(file).getFileName().toString().replace(".safetensors", "");
        return evaluate(Checkpoint.load(Checkpoint.weightsPath(file)), name, file, maxWords, threads, scanKernel);
    }

    /** As {@link #evaluate(Path, int, int, SelectiveScanKernel)}, for a checkpoint already loaded from {@code file}. */
    public static Row evaluate(Checkpoint cp, String name, Path file, int maxWords, int threads,
                               SelectiveScanKernel scanKernel) {
        return evaluate(cp, name, file, maxWords, threads, scanKernel, null);
    }

    /**
     * As {@link #evaluate(Checkpoint, String, Path, int, int, SelectiveScanKernel)}, on the splits of
     * {@code sampling} (null: the sampling the model's manifest names, which its figures were measured on).
     */
    public static Row evaluate(Checkpoint cp, String name, Path file, int maxWords, int threads,
                               SelectiveScanKernel scanKernel, Sampling sampling) {
        String lang = cp.manifest().languageId();
        if (lang == null) {
            throw new IllegalArgumentException(file + ": the manifest names no language; cannot pick evaluation data");
        }
        LanguageTask task = LanguageTask.of(lang, sampling != null ? sampling : TrainingRun.samplingOf(cp.manifest().notes()));
        SsmConfig c = cp.weights().config();
        if (c.vocabSize() != task.vocabSize() || c.outputSize() != task.outputSize()) {
            throw new IllegalArgumentException(file + ": vocabulary " + c.vocabSize() + " / outputs " + c.outputSize()
                    + " do not fit language " + lang + " (" + task.vocabSize() + " / " + task.outputSize() + ")");
        }
        int cap = maxWords;
        if (cap < 0) {
            String notes = cp.manifest().notes() == null ? "" : cp.manifest().notes();
            Matcher m = MAX_WORDS.matcher(notes);
            cap = m.find() ? Integer.parseInt(m.group(1)) : 0;
        }
        Dataset ds = Dataset.generate(task.language(), cp.manifest().seed(), cap);
        var splits = new LinkedHashMap<String, List<LanguageTask.Example>>();
        for (String s : task.evaluationSplits()) {
            splits.put(s, task.encode(ds.split(s)));
        }
        Map<String, Double> acc;
        if (scanKernel != null) {
            FastForward ff = new FastForward(cp.weights(), scanKernel, threads);
            acc = Evaluation.evaluate(task, splits, t -> logits(ff.forward(t, FastForward.Options.LOGITS)), 64);
        } else {
            ParamSet p = ParamSet.of(cp.weights());
            try (Backprop bp = new Backprop(c, cp.weights().hasHeadBias(), threads)) {
                acc = Evaluation.evaluate(task, splits, t -> bp.logits(p, t), 64);
            }
        }
        var recorded = new LinkedHashMap<String, Double>();
        cp.manifest().metrics().forEach((k, v) -> {
            if (k.startsWith("acc_")) {
                recorded.put(k.substring(4), 100 * v);
            }
        });
        return new Row(name, lang, c, cp.manifest().trainingStep(), cp.manifest().seed(), acc, recorded);
    }

    /** Per string its logits [T_b, O], cut from the batch's padded [B, T, O]. */
    private static float[][] logits(FastForward.Result r) {
        int o = r.config().outputSize();
        float[][] out = new float[r.batch()][];
        for (int b = 0; b < r.batch(); b++) {
            int row = b * r.maxLen();
            out[b] = Arrays.copyOfRange(r.logits(), row * o, (row + r.lengths()[b]) * o);
        }
        return out;
    }

    /** The model files of a folder (resume states excluded), sorted by name. */
    public static List<Path> suite(Path dir) throws IOException {
        return CheckpointFolder.models(dir);
    }
}
