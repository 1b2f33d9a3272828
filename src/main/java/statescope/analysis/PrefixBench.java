package statescope.analysis;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import statescope.lang.catalog.ReferenceMachine;
import statescope.lang.catalog.ReferenceMachine.Config;
import statescope.ssm.FastForward;
import statescope.ssm.SsmState;
import statescope.ssm.VectorSupport;

/**
 * The exhaustive phase's speed, measured in one run: the prefix tree ({@link PrefixSearch}, every prefix
 * stepped once from its parent's state, on all threads and on one) beside the naive loop that checks one
 * string at a time, stepping each from the empty prefix to its end. The naive loop is timed on a sample
 * of prefixes drawn with the tree's length distribution (it would take the tree's mean length times
 * longer to do them all), so its prefixes/s is what it would reach on the whole tree.
 */
public final class PrefixBench {

    /**
     * The figures.
     *
     * @param depth          the tree's depth (every live prefix up to it)
     * @param prefixes       prefixes in the tree
     * @param meanLength     their mean length
     * @param threads        threads of the parallel tree walk
     * @param treeSeconds    the tree on {@code threads} threads
     * @param treeOneSeconds the tree on one thread
     * @param naivePrefixes  prefixes the naive loop checked
     * @param naiveSeconds   its time (one thread)
     * @param treeCpu        process CPU seconds during the tree on {@code threads} threads (every thread of the
     *                       JVM: a figure that does not depend on what else the machine runs)
     * @param naiveCpu       process CPU seconds during the naive loop
     * @param scanPerSecond  prefixes/s when a frontier of {@value #FRONTIER_BATCH} prefixes goes through the
     *                       batched forward as strings of one token from their states ({@code FastForward}
     *                       with initial states, {@code threads} threads); NaN for a model without it
     */
    public record Result(int depth, long prefixes, double meanLength, int threads, double treeSeconds,
                         double treeOneSeconds, long naivePrefixes, double naiveSeconds, double treeCpu, double naiveCpu,
                         double scanPerSecond) {

        /** Tree prefixes per second of process CPU time. */
        public double treePerCpuSecond() {
            return prefixes / treeCpu;
        }

        /** Naive prefixes per second of process CPU time. */
        public double naivePerCpuSecond() {
            return naivePrefixes / naiveCpu;
        }

        public double treePerSecond() {
            return prefixes / treeSeconds;
        }

        public double treeOnePerSecond() {
            return prefixes / treeOneSeconds;
        }

        public double naivePerSecond() {
            return naivePrefixes / naiveSeconds;
        }

        /** How many times faster the tree (all threads) is than the naive loop. */
        public double ratio() {
            return treePerSecond() / naivePerSecond();
        }

        /** The same on one thread each: the prefix tree's own gain. */
        public double ratioOneThread() {
            return treeOnePerSecond() / naivePerSecond();
        }

        /** Seconds the tree would take for 10^6 prefixes. */
        public double secondsPerMillion() {
            return 1e6 / treePerSecond();
        }
    }

    /** Prefixes per batched-forward call in the scan-frontier figure. */
    static final int FRONTIER_BATCH = 1024;

    private PrefixBench() {
    }

    /**
     * Runs the benchmark: a warm-up, the tree of up to {@code budget} prefixes on {@code threads} threads
     * and on one, then the naive loop for about {@code naiveSeconds}.
     */
    public static Result run(Subject subject, long budget, int threads, double naiveSeconds, Control control) {
        PrefixPlan plan = PrefixPlan.of(subject.machine(), Integer.MAX_VALUE / 2, budget);
        if (plan.depth() == 0) {
            throw new IllegalArgumentException("the budget of " + budget + " prefixes does not cover length 1");
        }
        control.report(0, "bench: warm-up");
        new PrefixSearch(subject, threads, true).run(PrefixPlan.of(subject.machine(), plan.depth(), budget / 10), control);
        control.report(0.1, "bench: prefix tree, " + threads + " threads");
        double cpu0 = cpuSeconds();
        var tree = new PrefixSearch(subject, threads, true).run(plan, control);
        double treeCpu = cpuSeconds() - cpu0;
        control.report(0.4, "bench: prefix tree, 1 thread");
        var one = new PrefixSearch(subject, 1, true).run(plan, control);
        control.report(0.7, "bench: naive loop");
        double mean = 0;
        for (int len = 1; len <= plan.depth(); len++) {
            mean += (double) len * plan.at(len) / plan.prefixes();
        }
        List<int[]> sample = sample(subject, plan, 20_000, new SplittableRandom(7));
        double cpu1 = cpuSeconds();
        long t0 = System.nanoTime();
        long n = 0;
        Model.Stepper stepper = subject.model().stepper();
        Judge judge = subject.judge().copy();
        ReferenceMachine m = subject.machine();
        float[] logits = new float[subject.model().outputSize()];
        int wrong = 0;
        while (System.nanoTime() - t0 < naiveSeconds * 1e9 && !control.isCancelled()) {
            int[] w = sample.get((int) (n % sample.size()));
            Model.State s = subject.model().newState();
            Config c = m.start();
            for (int t = 0; t < w.length; t++) {                       // the whole string from the start
                stepper.step(s, subject.token(w, t), logits);
                Config next = m.step(c, w[t]);
                wrong += Judge.right(judge.margin(c, w[t], next, logits, 0)) ? 0 : 1;
                c = next;
            }
            n++;
        }
        double naive = (System.nanoTime() - t0) / 1e9;
        double naiveCpu = cpuSeconds() - cpu1;
        control.report(0.9, "bench: frontier through the batched scan");
        double scan = subject.model() instanceof SsmModel ssm ? scanFrontier(subject, ssm, sample, threads, naiveSeconds)
                : Double.NaN;
        control.report(1, "bench: done (" + wrong + " wrong positions seen by the naive loop)");
        return new Result(plan.depth(), tree.prefixes(), mean, threads, tree.seconds(), one.seconds(), n, naive, treeCpu,
                naiveCpu, scan);
    }

    /** CPU seconds the whole process has used (NaN where the platform does not say). */
    static double cpuSeconds() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof OperatingSystemMXBean sun) {
            long ns = sun.getProcessCpuTime();
            return ns < 0 ? Double.NaN : ns / 1e9;
        }
        return Double.NaN;
    }

    /**
     * The alternative the exhaustive phase does not take: a frontier of states, each read one more token
     * through the batched forward ({@code FastForward} with initial states, T = 1), repeated for about
     * {@code seconds}; prefixes/s.
     */
    private static double scanFrontier(Subject subject, SsmModel model, List<int[]> sample, int threads, double seconds) {
        var ff = new FastForward(model.weights(), VectorSupport.fastScan(threads), threads);
        var states = new SsmState[FRONTIER_BATCH];
        int[][] tokens = new int[FRONTIER_BATCH][];
        for (int i = 0; i < FRONTIER_BATCH; i++) {
            int[] w = sample.get(i % sample.size());
            states[i] = new SsmState(model.weights().config());
            tokens[i] = new int[] {subject.token(w, w.length - 1)};
        }
        var options = new FastForward.Options(false, false, states);
        ff.forward(tokens, options);                                   // warm-up
        long t0 = System.nanoTime();
        long n = 0;
        while (System.nanoTime() - t0 < seconds * 1e9) {
            ff.forward(tokens, options);
            n += FRONTIER_BATCH;
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    /** {@code n} live prefixes with lengths drawn as often as the tree holds them. */
    static List<int[]> sample(Subject subject, PrefixPlan plan, int n, SplittableRandom random) {
        var sources = new Sources(subject);
        var out = new ArrayList<int[]>(n);
        double[] cdf = new double[plan.depth()];
        double acc = 0;
        for (int len = 1; len <= plan.depth(); len++) {
            acc += (double) plan.at(len) / plan.prefixes();
            cdf[len - 1] = acc;
        }
        for (long tries = 0; out.size() < n && tries < 100L * n; tries++) {
            double u = random.nextDouble();
            int len = 1;
            while (len < plan.depth() && cdf[len - 1] < u) {
                len++;
            }
            int[] w = sources.walk(len, random);
            if (w.length == len) {
                out.add(w);
            }
        }
        return out;
    }
}
