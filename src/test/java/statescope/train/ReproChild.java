package statescope.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import statescope.ssm.Checkpoint;
import statescope.ssm.FastForward;
import statescope.ssm.GateRange;
import statescope.ssm.Manifest;
import statescope.ssm.NormKind;
import statescope.ssm.Safetensors;
import statescope.ssm.SsmConfig;
import statescope.ssm.SsmStepper;
import statescope.ssm.SsmWeights;
import statescope.ssm.Tensor;
import statescope.ssm.VectorSupport;

/**
 * The child process of {@link CrossJvmReproducibilityTest}: trains a tiny model for a few steps with
 * the fast kernels, then runs it forward through the batched and the one-token paths, and writes
 * everything it computed (the checkpoint, the AdamW state, the logits) to files the parent compares
 * byte for byte with another child's.
 *
 * <p>Arguments: {@code OUT_DIR STEPS WARMUP_STEPS}. With warm-up steps it first trains a throw-away
 * model of another seed, so that the JIT has compiled the kernels (C2, with its intrinsics) before the
 * run that counts. It also writes {@code math.safetensors} (HotSpot's {@link Math} functions the scalar
 * code uses, over a sweep) and {@code probe.txt}: the bits of the Vector API's own EXP over a few
 * vectors, after the probe has run long enough to be compiled, which differ between a C1-only and a
 * C2 JVM, and so show that the two children really ran different code.
 */
public final class ReproChild {

    /** 2 layers, d_model 16 (d_inner 32: whole vectors at 256 and 512 bits), signed gates, RMSNorm. */
    static final SsmConfig CONFIG = new SsmConfig(16, 2, 8, 2, 4, 1, 2, 2, GateRange.SIGNED, true, NormKind.RMS, 1e-5f);

    private ReproChild() {
    }

    static Trainer trainer(long seed) {
        var o = new TrainOptions(5e-3, 0.1, true, 1.0, 8, 1_000, 2, seed);
        return new Trainer(ParamSet.of(SsmWeights.init(CONFIG, seed)), o, Loss.CROSS_ENTROPY,
                TrainerTest.parityData(48, 5));
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int steps = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        if (!VectorSupport.available()) {
            throw new IllegalStateException("the child must run with --add-modules jdk.incubator.vector");
        }
        try (Trainer w = trainer(99)) {
            for (int i = 0; i < warmup; i++) {
                w.trainStep();
            }
        }
        System.out.println("warm-up done");
        try (Trainer t = trainer(3)) {
            for (int i = 0; i < steps; i++) {
                t.trainStep();
            }
            SsmWeights weights = t.weights();
            new Checkpoint(weights, Manifest.of(CONFIG)).save(out.resolve("model.safetensors"));
            t.saveOptimizerState(out.resolve("opt.safetensors"));
            int[][] tokens = new int[6][];
            SplittableRandom r = new SplittableRandom(11);
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = new int[20 + 7 * i];
                for (int j = 0; j < tokens[i].length; j++) {
                    tokens[i][j] = r.nextInt(2);
                }
            }
            Map<String, Tensor> logits = new LinkedHashMap<>();
            float[] batched = new FastForward(weights).forward(tokens, FastForward.Options.LOGITS).logits();
            logits.put("fast_forward", new Tensor(new int[] {batched.length}, batched));
            float[][] train = t.logits(tokens);
            for (int i = 0; i < tokens.length; i++) {
                logits.put("backprop." + i, new Tensor(new int[] {train[i].length}, train[i]));
                SsmStepper stepper = new SsmStepper(weights);
                var state = stepper.newState();
                float[] seq = new float[tokens[i].length * CONFIG.outputSize()];
                for (int j = 0; j < tokens[i].length; j++) {
                    float[] l = stepper.step(state, tokens[i][j]);
                    System.arraycopy(l, 0, seq, j * l.length, l.length);
                }
                logits.put("step." + i, new Tensor(new int[] {seq.length}, seq));
            }
            Safetensors.write(out.resolve("logits.safetensors"), new TreeMap<>(logits), Map.of());
        }
        Safetensors.write(out.resolve("math.safetensors"), new TreeMap<>(Map.of("math", mathSweep())), Map.of());
        Files.writeString(out.resolve("probe.txt"), Long.toString(VectorExpProbe.probe(warmup > 0)));
    }

    /** Math.exp, log, log1p, expm1, pow and sqrt over a sweep, looped so that the JIT compiles the loop. */
    static Tensor mathSweep() {
        float[] v = new float[6 * 4096];
        for (int rep = 0; rep < 10; rep++) {
            for (int i = 0; i < 4096; i++) {
                double x = (i - 2048) / 64.0 + rep * 1e-3;
                v[6 * i] = (float) Math.exp(x);
                v[6 * i + 1] = (float) Math.log(Math.abs(x) + 1e-3);
                v[6 * i + 2] = (float) Math.log1p(Math.abs(x));
                v[6 * i + 3] = (float) Math.expm1(x / 8);
                v[6 * i + 4] = (float) Math.pow(0.999, i + rep);
                v[6 * i + 5] = (float) Math.sqrt(i + rep);
            }
        }
        return new Tensor(new int[] {v.length}, v);
    }
}
