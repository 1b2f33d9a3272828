package statescope.bench;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.SplittableRandom;
import statescope.ssm.FastForward;
import statescope.ssm.GateRange;
import statescope.ssm.ScanBatch;
import statescope.ssm.SelectiveScanKernel;
import statescope.ssm.SsmConfig;
import statescope.ssm.SsmStepper;
import statescope.ssm.SsmWeights;

/**
 * The engine's performance figures, measured in-process with JIT warm-up: one-token step latency and
 * batched scan / forward throughput. Used by {@code statescope bench}; never by unit tests.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    /**
     * A figure over several timed repetitions: wall-clock median and best, and the median CPU time of
     * the calling thread (equal to the work done when the measured code runs on that thread alone; it
     * stays meaningful on a machine shared with other jobs, where wall-clock time does not).
     */
    public record Timing(double median, double best, int reps, double cpuMedian) {
    }

    /**
     * Touches up to {@code bytes} of Java heap once and keeps it committed, so that measurements see
     * the steady state of a long-running process rather than first-touch page faults: on this VM a
     * fresh page costs far more than the kernels themselves (a 134 MB output array of a B=256, T=1024
     * scan doubled its time). Returns the bytes touched.
     */
    public static long pretouchHeap(long bytes) {
        try {
            var bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            bean.setVMOption("MaxHeapFreeRatio", "100");               // do not give the pages back
        } catch (RuntimeException | LinkageError e) {
            // not HotSpot: touch anyway
        }
        long target = Math.min(Runtime.getRuntime().maxMemory() / 2, bytes);
        var keep = new ArrayList<float[]>();
        long done = 0;
        for (; done < target; done += 64L << 20) {
            float[] f = new float[16 << 20];
            Arrays.fill(f, 1f);
            keep.add(f);
        }
        keep.clear();
        System.gc();
        return done;
    }

    private static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /**
     * Median and best latency of one {@code step} in microseconds, for a model with the given config
     * (random weights), on the vector or the scalar kernels.
     */
    public static Timing stepLatencyMicros(SsmConfig cfg, boolean vector, int warmupSteps, int reps, int stepsPerRep) {
        var w = SsmWeights.init(cfg, 1);
        var stepper = vector ? new SsmStepper(w) : SsmStepper.scalar(w);
        var state = stepper.newState();
        var start = state.copy();
        float[] logits = new float[cfg.outputSize()];
        var rnd = new SplittableRandom(2);
        int[] toks = rnd.ints(4096, 0, cfg.vocabSize()).toArray();
        for (int i = 0; i < warmupSteps; i++) {
            if ((i & 1023) == 0) {
                state.restore(start);
            }
            stepper.step(state, toks[i & 4095], logits);
        }
        double[] per = new double[reps];
        double[] cpu = new double[reps];
        for (int r = 0; r < reps; r++) {
            state.restore(start);
            long c0 = cpuNanos();
            long t0 = System.nanoTime();
            for (int i = 0; i < stepsPerRep; i++) {
                stepper.step(state, toks[i & 4095], logits);
            }
            per[r] = (System.nanoTime() - t0) / 1e3 / stepsPerRep;
            cpu[r] = (cpuNanos() - c0) / 1e3 / stepsPerRep;
        }
        return timing(per, cpu);
    }

    /** Random scan input with Mamba-like statistics: Δ log-uniform in [1e-3, 1e-1], A = −(n+1). */
    public static ScanBatch randomScanBatch(int batch, int len, int dInner, int dState, GateRange gates, long seed) {
        var rnd = new SplittableRandom(seed);
        // x, delta [B, T, ED]; a [ED, N]; b, c [B, T, N]
        int btd = batch * len * dInner;
        int btn = batch * len * dState;
        float[] x = new float[btd];
        float[] delta = new float[btd];
        for (int i = 0; i < btd; i++) {
            x[i] = (float) rnd.nextGaussian();
            delta[i] = (float) Math.exp(Math.log(1e-3) + rnd.nextDouble() * (Math.log(1e-1) - Math.log(1e-3)));
        }
        float[] a = new float[dInner * dState];
        for (int i = 0; i < a.length; i++) {
            a[i] = -(i % dState + 1);
        }
        float[] b = new float[btn];
        float[] c = new float[btn];
        for (int i = 0; i < btn; i++) {
            b[i] = (float) rnd.nextGaussian();
            c[i] = (float) rnd.nextGaussian();
        }
        float[] dSkip = new float[dInner];
        Arrays.fill(dSkip, 1f);
        int[] lengths = new int[batch];
        Arrays.fill(lengths, len);
        return new ScanBatch(batch, len, dInner, dState, lengths, x, delta, a, b, c, dSkip, null, gates);
    }

    /** Median and best seconds of {@code kernel.scan(in)} after {@code warmup} untimed calls. */
    public static Timing scanSeconds(SelectiveScanKernel kernel, ScanBatch in, int warmup, int reps) {
        for (int i = 0; i < warmup; i++) {
            kernel.scan(in, false);
        }
        double[] s = new double[reps];
        double[] cpu = new double[reps];
        for (int r = 0; r < reps; r++) {
            long c0 = cpuNanos();
            long t0 = System.nanoTime();
            kernel.scan(in, false);
            s[r] = (System.nanoTime() - t0) / 1e9;
            cpu[r] = (cpuNanos() - c0) / 1e9;
        }
        return timing(s, cpu);
    }

    /** Median and best seconds of a full batched forward pass (logits only) over random tokens. */
    public static Timing forwardSeconds(FastForward ff, int batch, int len, int warmup, int reps) {
        int vocab = ff.weights().config().vocabSize();
        var rnd = new SplittableRandom(3);
        int[][] toks = new int[batch][];
        for (int b = 0; b < batch; b++) {
            toks[b] = rnd.ints(len, 0, vocab).toArray();
        }
        for (int i = 0; i < warmup; i++) {
            ff.forward(toks, FastForward.Options.LOGITS);
        }
        double[] s = new double[reps];
        double[] cpu = new double[reps];
        for (int r = 0; r < reps; r++) {
            long c0 = cpuNanos();
            long t0 = System.nanoTime();
            ff.forward(toks, FastForward.Options.LOGITS);
            s[r] = (System.nanoTime() - t0) / 1e9;
            cpu[r] = (cpuNanos() - c0) / 1e9;
        }
        return timing(s, cpu);
    }

    private static Timing timing(double[] wall, double[] cpu) {
        double[] s = wall.clone();
        Arrays.sort(s);
        return new Timing(median(wall), s[0], s.length, median(cpu));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
