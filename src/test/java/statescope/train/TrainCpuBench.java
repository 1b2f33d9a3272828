package statescope.train;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import statescope.ssm.GateRange;
import statescope.ssm.NormKind;
import statescope.ssm.SsmConfig;
import statescope.ssm.SsmStepper;
import statescope.ssm.SsmWeights;

/**
 * CPU time (of the measuring thread, so meaningful on a busy machine) of one training step of the
 * bench-train model (2 layers, d_model 64, B=32, T=64, one thread) and of the one-token step (3 layers,
 * d_model 64). A main run by hand, not a test:
 * {@code java --add-modules jdk.incubator.vector -cp target/statescope.jar:target/test-classes
 * statescope.train.TrainCpuBench 40 150} (warm-up steps, timed steps).
 */
public final class TrainCpuBench {

    private TrainCpuBench() {
    }

    public static void main(String[] args) {
        int warm = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 150;
        SsmConfig c = new SsmConfig(64, 2, 16, 2, 4, SsmConfig.defaultDtRank(64), 16, 16, GateRange.NONNEGATIVE, true,
                NormKind.RMS, 1e-5f);
        SplittableRandom rnd = new SplittableRandom(0);
        int[][] toks = new int[32][64];
        int[][] tg = new int[32][64];
        for (int b = 0; b < 32; b++) {
            for (int t = 0; t < 64; t++) {
                toks[b][t] = rnd.nextInt(16);
                tg[b][t] = rnd.nextInt(16);
            }
        }
        var opts = new TrainOptions(1e-3, 0.1, true, 0, 32, Long.MAX_VALUE, 1, 0);
        var bean = ManagementFactory.getThreadMXBean();
        try (Trainer tr = new Trainer(ParamSet.of(SsmWeights.init(c, 0)), opts, Loss.MSE, TrainingSet.of(toks, tg))) {
            for (int i = 0; i < warm; i++) {
                tr.trainStep();
            }
            double[] ms = new double[steps];
            for (int i = 0; i < steps; i++) {
                long t0 = bean.getCurrentThreadCpuTime();
                tr.trainStep();
                ms[i] = (bean.getCurrentThreadCpuTime() - t0) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf(Locale.ROOT, "train step, 1 thread: CPU %.3f ms median, %.3f ms p10 (%.0f tokens per CPU-second)%n",
                    ms[steps / 2], ms[steps / 10], 32 * 64 / (ms[steps / 2] / 1e3));
        }
        var stepper = new SsmStepper(SsmWeights.init(SsmConfig.defaults(64, 3, 16, 16), 1));
        var state = stepper.newState();
        float[] logits = new float[16];
        for (int i = 0; i < 200_000; i++) {
            stepper.step(state, i % 16, logits);
        }
        double best = Double.MAX_VALUE;
        for (int r = 0; r < 7; r++) {
            long t0 = bean.getCurrentThreadCpuTime();
            for (int i = 0; i < 20_000; i++) {
                stepper.step(state, i % 16, logits);
            }
            best = Math.min(best, (bean.getCurrentThreadCpuTime() - t0) / 20_000.0 / 1e3);
        }
        System.out.printf(Locale.ROOT, "one-token step, 3 layers, d_model 64: CPU %.3f µs (best of 7)%n", best);
    }
}
