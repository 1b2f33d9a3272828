package statescope.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import statescope.ssm.FastForward;
import statescope.ssm.GateRange;
import statescope.ssm.ReferenceScan;
import statescope.ssm.ScanBatch;
import statescope.ssm.SelectiveScanKernel;
import statescope.ssm.SsmConfig;
import statescope.ssm.SsmWeights;
import statescope.ssm.VectorSupport;

/**
 * What {@code statescope bench} measures: one-token step latency (3 layers, d_model 64), selective-scan
 * throughput (B=256, T=1024, ED=128, N=16; both gate ranges) and a one-layer block forward on the same
 * shape, each against the plain scalar reference; then the PyTorch CPU peer on the same shapes.
 */
public final class EngineBench {

    private EngineBench() {
    }

    /**
     * What to run.
     *
     * @param quick   smaller shapes (B=32, T=256) and fewer repetitions
     * @param threads worker threads, at least 1
     * @param peer    whether to run the PyTorch peer
     * @param script  the peer script, or null when none was found
     * @param python  the Python that runs it
     */
    public record Options(boolean quick, int threads, boolean peer, Path script, String python) {
        public Options {
            if (threads < 1) {
                throw new IllegalArgumentException("--threads must be ≥ 1");
            }
        }

        int batch() {
            return quick ? 32 : 256;
        }

        int length() {
            return quick ? 256 : 1024;
        }
    }

    /** A target of the issue that set the figures, met or not. */
    public record Target(String name, boolean met) {
        public String verdict() {
            return met ? "met" : "MISSED";
        }
    }

    /**
     * The figures. Maps keep their insertion order (it is the printed order).
     *
     * @param peer null when the peer was not asked for
     */
    public record Report(boolean quick, String shape, Map<String, Object> machine, Map<String, Object> figures,
                         TorchPeer.Result peer, Map<String, Object> ratios, List<Target> targets) {
        public boolean missed() {
            return targets.stream().anyMatch(t -> !t.met());
        }
    }

    /** Measures, then runs the peer; progress lines go to {@code progress}. */
    public static Report run(Options o, Consumer<String> progress) {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cpu", cpuModel());
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("jdk", System.getProperty("java.vm.name") + " " + Runtime.version());
        machine.put("kernels", VectorSupport.describe());
        machine.put("threads", o.threads());
        machine.put("loadAverageAtStart", os.getSystemLoadAverage());
        int bsz = o.batch();
        int len = o.length();
        String shape = "B=" + bsz + ",T=" + len + ",d_inner=128,N=16";
        Map<String, Object> fig = new LinkedHashMap<>();
        progress.accept("touching the heap once (steady state of a long-running process)");
        machine.put("heapPretouchedMB", Benchmarks.pretouchHeap(o.quick() ? 1L << 30 : 3L << 30) >> 20);
        machine.put("maxHeapMB", Runtime.getRuntime().maxMemory() >> 20);

        progress.accept("step latency (vector)");
        var stepCfg = SsmConfig.defaults(64, 3, 16, 16);
        var vStep = Benchmarks.stepLatencyMicros(stepCfg, true, o.quick() ? 20_000 : 60_000, o.quick() ? 5 : 11, 2000);
        progress.accept("step latency (scalar reference)");
        var sStep = Benchmarks.stepLatencyMicros(stepCfg, false, o.quick() ? 5_000 : 20_000, o.quick() ? 3 : 5, 1000);
        fig.put("step_us_vector", vStep.median());
        fig.put("step_us_reference", sStep.median());
        fig.put("step_cpu_us_vector", vStep.cpuMedian());
        fig.put("step_cpu_us_reference", sStep.cpuMedian());

        SelectiveScanKernel vec = VectorSupport.fastScan(o.threads());
        SelectiveScanKernel vec1 = VectorSupport.fastScan(1);           // one thread: CPU time = work
        SelectiveScanKernel ref = new ReferenceScan();
        long updates = (long) bsz * len * 128 * 16;                      // B·T·ED·N state updates
        for (GateRange g : GateRange.values()) {
            String key = g == GateRange.NONNEGATIVE ? "nonneg" : "signed";
            ScanBatch in = Benchmarks.randomScanBatch(bsz, len, 128, 16, g, 1);
            ScanBatch small = Benchmarks.randomScanBatch(8, 128, 128, 16, g, 2);
            progress.accept("scan " + key + " (" + vec.name() + ")");
            Benchmarks.scanSeconds(vec, small, 40, 1);                   // JIT warm-up on small calls
            var tv = Benchmarks.scanSeconds(vec, in, 3, o.quick() ? 3 : 5);   // full-size warm-up: JIT + fresh heap pages
            Benchmarks.scanSeconds(vec1, small, 20, 1);
            var tv1 = Benchmarks.scanSeconds(vec1, in, 2, 3);
            progress.accept("scan " + key + " (reference)");
            Benchmarks.scanSeconds(ref, small, 10, 1);
            var tr = Benchmarks.scanSeconds(ref, in, 0, 2);
            fig.put("scan_tokens_per_s_vector_" + key, bsz * (double) len / tv.median());
            fig.put("scan_ns_per_update_vector_" + key, tv.median() * 1e9 / updates);
            fig.put("scan_tokens_per_s_reference_" + key, bsz * (double) len / tr.median());
            fig.put("scan_ns_per_update_reference_" + key, tr.median() * 1e9 / updates);
            fig.put("scan_cpu_ns_per_update_vector_1thread_" + key, tv1.cpuMedian() * 1e9 / updates);
            fig.put("scan_cpu_ns_per_update_reference_" + key, tr.cpuMedian() * 1e9 / updates);
        }
        progress.accept("one-layer block forward");
        var blockW = SsmWeights.init(SsmConfig.defaults(64, 1, 16, 16), 1);
        var ff = new FastForward(blockW, vec, o.threads());
        Benchmarks.forwardSeconds(ff, 8, 128, 30, 1);
        var tb = Benchmarks.forwardSeconds(ff, bsz, len, 2, 3);
        fig.put("block_forward_tokens_per_s", bsz * (double) len / tb.median());
        machine.put("loadAverageAfterOurs", os.getSystemLoadAverage());

        TorchPeer.Result peer = null;
        if (o.peer()) {
            progress.accept("PyTorch peer");
            List<String> args = new ArrayList<>(List.of("--threads", Integer.toString(o.threads()), "--figures", "step,scan"));
            if (o.quick()) {
                args.add("--quick");
            }
            peer = TorchPeer.run(o.python(), o.script(), args, o.quick() ? 600 : 3600);
            machine.put("loadAverageAfterPeer", os.getSystemLoadAverage());
        }
        return compare(o.quick(), shape, machine, fig, peer);
    }

    /** The ratios and targets from our figures and the peer's. */
    static Report compare(boolean quick, String shape, Map<String, Object> machine, Map<String, Object> fig,
                          TorchPeer.Result peer) {
        Map<String, Object> ratios = new LinkedHashMap<>();
        double stepUs = (double) fig.get("step_us_vector");
        double scanRefN = (double) fig.get("scan_tokens_per_s_vector_nonneg") / (double) fig.get("scan_tokens_per_s_reference_nonneg");
        double scanRefS = (double) fig.get("scan_tokens_per_s_vector_signed") / (double) fig.get("scan_tokens_per_s_reference_signed");
        ratios.put("step_vector_over_reference", (double) fig.get("step_us_reference") / stepUs);
        ratios.put("scan_vector_over_reference_nonneg", scanRefN);
        ratios.put("scan_vector_over_reference_signed", scanRefS);
        for (String key : List.of("nonneg", "signed")) {
            ratios.put("scan_cpu_vector_1thread_over_reference_" + key,
                    (double) fig.get("scan_cpu_ns_per_update_reference_" + key)
                            / (double) fig.get("scan_cpu_ns_per_update_vector_1thread_" + key));
        }
        List<Target> targets = new ArrayList<>();
        targets.add(new Target("step ≤ 50 µs", stepUs <= 50));
        targets.add(new Target("scan ≥ 8× reference ([0,1])", scanRefN >= 8));
        targets.add(new Target("scan ≥ 8× reference ([-1,1])", scanRefS >= 8));
        if (peer != null) {
            var ps = peer.get("step_latency");
            var pf = peer.get("scan_forward_throughput");
            if (ps != null) {
                double r = ps.value() / stepUs;
                ratios.put("step_vs_torch", r);
                targets.add(new Target("step ≥ 20× PyTorch", r >= 20));
            }
            if (pf != null && shape.equals(pf.fields().get("shape"))) {
                double rs = (double) fig.get("scan_tokens_per_s_vector_nonneg") / pf.value();
                double rb = (double) fig.get("block_forward_tokens_per_s") / pf.value();
                ratios.put("scan_kernel_vs_torch_block", rs);
                ratios.put("block_forward_vs_torch_block", rb);
                targets.add(new Target("scan ≥ 50× PyTorch (our scan kernel vs its block forward)", rs >= 50));
                targets.add(new Target("block forward vs PyTorch block forward (like for like, no target)", true));
            }
        }
        return new Report(quick, shape, machine, fig, peer, ratios, targets);
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }
}
