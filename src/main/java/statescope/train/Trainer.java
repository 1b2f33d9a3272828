package statescope.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import statescope.ssm.CheckpointException;
import statescope.ssm.Safetensors;
import statescope.ssm.SsmWeights;
import statescope.ssm.Tensor;

/**
 * Mini-batch training of a Mamba model: hand-written backward ({@link Backprop}), global-norm
 * clipping, {@link AdamW}. The data are visited in shuffled epochs seeded by (seed, epoch), so the
 * batch of step s depends only on the seed and s: a run resumed from a checkpoint of step s with
 * {@link #resume} continues bit-identically to one that was never stopped (same threads and
 * vector width; in another JVM process too, as the kernels give the same bits in every JIT tier).
 */
public final class Trainer implements AutoCloseable {

    /** What one step did. */
    public record StepResult(long step, double loss, double accuracy, double gradNorm, long tokens) {
    }

    private final ParamSet params;
    private final TrainOptions options;
    private final Loss loss;
    private final TrainingSet data;
    private final Backprop backprop;
    private final AdamW adam;
    private final ParamSet grad;
    private long step;
    private long permEpoch = -1;
    private int[] perm;

    /** @param params the model to train, updated in place (the trainer owns it from now on) */
    public Trainer(ParamSet params, TrainOptions options, Loss loss, TrainingSet data) {
        this.params = params;
        this.options = options;
        this.loss = loss;
        this.data = data;
        this.backprop = new Backprop(params.config(), params.hasHeadBias(), options.threads());
        this.adam = new AdamW(params, 0.9, 0.999, 1e-8, options.weightDecay(),
                options.decayAll() ? AdamW.DECAY_ALL : AdamW.DECAY_MATRICES);
        this.grad = params.zerosLike();
    }

    /** Steps taken so far. */
    public long step() {
        return step;
    }

    /** The live parameters. */
    public ParamSet params() {
        return params;
    }

    /** An immutable snapshot of the current model. */
    public SsmWeights weights() {
        return params.toWeights();
    }

    public TrainOptions options() {
        return options;
    }

    /** Name of the numeric kernels in use. */
    public String kernelName() {
        return backprop.kernelName();
    }

    /** Sequence indices of the batch of step s (a pure function of the seed and s). */
    int[] batchIndices(long s) {
        int b = options.batch();
        int n = data.size();
        int[] out = new int[b];
        for (int i = 0; i < b; i++) {
            long pos = s * b + i;
            long epoch = pos / n;
            if (epoch != permEpoch) {
                perm = permutation(n, options.seed(), epoch);
                permEpoch = epoch;
            }
            out[i] = perm[(int) (pos % n)];
        }
        return out;
    }

    private static int[] permutation(int n, long seed, long epoch) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        var rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L + 17);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** The learning rate the next step will use (the schedule at the current step). */
    public double learningRate() {
        return options.schedule().at(options.lr(), step, options.steps());
    }

    /** One optimiser step on the next batch. */
    public StepResult trainStep() {
        int[] idx = batchIndices(step);
        int[][] toks = new int[idx.length][];
        int[][] tg = new int[idx.length][];
        for (int i = 0; i < idx.length; i++) {
            toks[i] = data.tokens(idx[i]);
            tg[i] = data.targets(idx[i]);
        }
        Backprop.Result r = backprop.lossAndGradient(params, toks, tg, loss, grad);
        if (!Double.isFinite(r.loss())) {
            throw new IllegalStateException("the loss became " + r.loss() + " at step " + step
                    + "; lower --lr or --clip");
        }
        double norm = AdamW.clipGlobalNorm(grad, options.clip());
        adam.step(params, grad, learningRate());
        step++;
        return new StepResult(step, r.loss(), r.accuracy(), norm, r.tokens());
    }

    /** Logits [T_i, O] of each sequence under the current parameters (forward only). */
    public float[][] logits(int[][] tokens) {
        return backprop.logits(params, tokens);
    }

    /** Writes the AdamW moments and the step counts (the trainer's and AdamW's, atomically), to resume from later. */
    public void saveOptimizerState(Path file) throws IOException {
        var t = new LinkedHashMap<String, Tensor>();
        var m = adam.firstMoment().tensors();
        var v = adam.secondMoment().tensors();
        for (var e : m.entrySet()) {
            t.put("m." + e.getKey(), e.getValue());
        }
        for (var e : v.entrySet()) {
            t.put("v." + e.getKey(), e.getValue());
        }
        Safetensors.write(file, t, Map.of("step", Long.toString(step), "seed", Long.toString(options.seed()),
                "adam_step", Long.toString(adam.steps())));
    }

    /**
     * Restores the step count and (when {@code file} exists and was written at the same step) the AdamW
     * moments; returns whether the moments were restored. The moments are validated first: every tensor
     * present with the model's shape, first moments finite, second moments finite and ≥ 0, the step
     * counts well-formed; a file that fails is refused (nothing is restored), naming the tensor.
     *
     * @throws CheckpointException when the file is unreadable or its moments are invalid
     */
    public boolean resume(long atStep, Path file) throws IOException {
        this.step = atStep;
        this.adam.setSteps(atStep);
        if (file == null || !Files.exists(file)) {
            return false;
        }
        Safetensors.Contents c = Safetensors.read(file);
        Long s = count(c, "step", file);
        if (s == null || s != atStep) {
            return false;
        }
        Long adamStep = count(c, "adam_step", file);              // differs from the step after continueFrom
        var m = new LinkedHashMap<String, Tensor>();
        var v = new LinkedHashMap<String, Tensor>();
        for (var e : c.tensors().entrySet()) {
            if (e.getKey().startsWith("m.")) {
                m.put(e.getKey().substring(2), e.getValue());
            } else if (e.getKey().startsWith("v.")) {
                v.put(e.getKey().substring(2), e.getValue());
            }
        }
        validateMoments(m, false, file);
        validateMoments(v, true, file);
        adam.firstMoment().load(m);
        adam.secondMoment().load(v);
        adam.setSteps(adamStep != null ? adamStep : atStep);
        return true;
    }

    private static Long count(Safetensors.Contents c, String key, Path file) throws CheckpointException {
        String t = c.metadata().get(key);
        if (t == null) {
            return null;
        }
        try {
            long n = Long.parseLong(t);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new CheckpointException(file.getFileName() + ": metadata " + key + " is '" + t
                    + "', not a step count; delete the file to resume with fresh AdamW moments");
        }
    }

    /** Checks names, shapes and values of one set of moments against the model's parameters. */
    private void validateMoments(Map<String, Tensor> moments, boolean second, Path file) throws CheckpointException {
        String which = second ? "second" : "first";
        String fix = "; delete " + file.getFileName() + " to resume with fresh AdamW moments";
        for (int i = 0; i < params.size(); i++) {
            String name = params.name(i);
            Tensor t = moments.get(name);
            if (t == null || !Arrays.equals(t.shape(), params.shape(i))) {
                throw new CheckpointException(file.getFileName() + ": the " + which + " moment of " + name + " is "
                        + (t == null ? "missing" : "of shape " + t.shapeString()) + ", the model's is "
                        + Arrays.toString(params.shape(i)) + fix);
            }
            float[] d = t.data();
            for (int j = 0; j < d.length; j++) {
                if (!Float.isFinite(d[j]) || (second && d[j] < 0)) {
                    throw new CheckpointException(file.getFileName() + ": the " + which + " moment of " + name
                            + " holds " + d[j] + " at index " + j + fix);
                }
            }
        }
    }

    /**
     * Continues a finished model from step {@code atStep} with fresh AdamW moments (their bias
     * correction restarts too): the batch order goes on from that step, as the model's moments are gone.
     */
    public void continueFrom(long atStep) {
        this.step = atStep;
        this.adam.setSteps(0);
    }

    @Override
    public void close() {
        backprop.close();
    }
}
