package statescope.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import statescope.ssm.Safetensors;
import statescope.ssm.SsmWeights;
import statescope.ssm.Tensor;

/**
 * Mini-batch training of a Mamba model: hand-written backward ({@link Backprop}), global-norm
 * clipping, {@link AdamW}. The data are visited in shuffled epochs seeded by (seed, epoch), so the
 * batch of step s depends only on the seed and s: a run resumed from a checkpoint of step s with
 * {@link #loadOptimizerState} continues bit-identically to one that was never stopped (same threads).
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
     * moments; returns whether the moments were restored.
     */
    public boolean resume(long atStep, Path file) throws IOException {
        this.step = atStep;
        this.adam.setSteps(atStep);
        if (file == null || !Files.exists(file)) {
            return false;
        }
        Safetensors.Contents c = Safetensors.read(file);
        String s = c.metadata().get("step");
        if (s == null || Long.parseLong(s) != atStep) {
            return false;
        }
        var m = new LinkedHashMap<String, Tensor>();
        var v = new LinkedHashMap<String, Tensor>();
        for (var e : c.tensors().entrySet()) {
            if (e.getKey().startsWith("m.")) {
                m.put(e.getKey().substring(2), e.getValue());
            } else if (e.getKey().startsWith("v.")) {
                v.put(e.getKey().substring(2), e.getValue());
            }
        }
        adam.firstMoment().load(m);
        adam.secondMoment().load(v);
        String t = c.metadata().get("adam_step");                 // differs from the step after continueFrom
        adam.setSteps(t != null ? Long.parseLong(t) : atStep);
        return true;
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
