package statescope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import statescope.ssm.Benchmarks;
import statescope.ssm.FastForward;
import statescope.ssm.GateRange;
import statescope.ssm.ReferenceScan;
import statescope.ssm.ScanBatch;
import statescope.ssm.SelectiveScanKernel;
import statescope.ssm.SsmConfig;
import statescope.ssm.SsmWeights;
import statescope.ssm.VectorSupport;

/**
 * {@code statescope bench}: the engine's speed, side by side with the plain reference path and, when
 * available, the PyTorch CPU peer run right after in the same session.
 */
@Command(name = "bench",
        description = {"Measure the engine: one-token step latency (3 layers, d_model 64), selective-scan",
            "throughput (B=256, T=1024, d_inner=128, N=16; both gate ranges) and a full one-layer block",
            "forward on the same shape; each against the plain scalar reference, then runs the PyTorch",
            "CPU peer (../shared/bench/torch_peer.py) and prints the ratios."},
        mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  statescope bench --quick", "  statescope bench --json > bench.json",
            "", "Targets: step ≤ 50 µs and ≥ 20× PyTorch; vector scan ≥ 8× the reference and ≥ 50× PyTorch.",
            "With --check a missed target exits with 5."})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "Smaller shapes (B=32, T=256) and fewer repetitions: a smoke run.")
    boolean quick;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: available processors).")
    Integer threads;

    @Option(names = "--no-peer", description = "Do not run the PyTorch peer.")
    boolean noPeer;

    @Option(names = "--peer", paramLabel = "FILE", description = "The peer script (default ../shared/bench/torch_peer.py).")
    Path peer;

    @Option(names = "--python", paramLabel = "EXE", defaultValue = "/usr/bin/python3",
            description = "Python with torch for the peer (default ${DEFAULT-VALUE}).")
    String python;

    @Option(names = "--check", description = "Exit with 5 when a target is missed.")
    boolean check;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int th = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (th < 1) {
            throw new IllegalArgumentException("--threads must be ≥ 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cpu", cpuModel());
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("jdk", System.getProperty("java.vm.name") + " " + Runtime.version());
        machine.put("kernels", VectorSupport.describe());
        machine.put("threads", th);
        machine.put("loadAverageAtStart", os.getSystemLoadAverage());
        int bsz = quick ? 32 : 256;
        int len = quick ? 256 : 1024;
        String shape = "B=" + bsz + ",T=" + len + ",d_inner=128,N=16";
        Map<String, Object> fig = new LinkedHashMap<>();
        progress(err, "touching the heap once (steady state of a long-running process)");
        machine.put("heapPretouchedMB", Benchmarks.pretouchHeap(quick ? 1L << 30 : 3L << 30) >> 20);
        machine.put("maxHeapMB", Runtime.getRuntime().maxMemory() >> 20);

        progress(err, "step latency (vector)");
        var stepCfg = SsmConfig.defaults(64, 3, 16, 16);
        var vStep = Benchmarks.stepLatencyMicros(stepCfg, true, quick ? 20_000 : 60_000, quick ? 5 : 11, 2000);
        progress(err, "step latency (scalar reference)");
        var sStep = Benchmarks.stepLatencyMicros(stepCfg, false, quick ? 5_000 : 20_000, quick ? 3 : 5, 1000);
        fig.put("step_us_vector", vStep.median());
        fig.put("step_us_reference", sStep.median());
        fig.put("step_cpu_us_vector", vStep.cpuMedian());
        fig.put("step_cpu_us_reference", sStep.cpuMedian());

        SelectiveScanKernel vec = VectorSupport.fastScan(th);
        SelectiveScanKernel vec1 = VectorSupport.fastScan(1);           // one thread: CPU time = work
        SelectiveScanKernel ref = new ReferenceScan();
        long updates = (long) bsz * len * 128 * 16;
        for (GateRange g : GateRange.values()) {
            String key = g == GateRange.NONNEGATIVE ? "nonneg" : "signed";
            ScanBatch in = Benchmarks.randomScanBatch(bsz, len, 128, 16, g, 1);
            ScanBatch small = Benchmarks.randomScanBatch(8, 128, 128, 16, g, 2);
            progress(err, "scan " + key + " (" + vec.name() + ")");
            Benchmarks.scanSeconds(vec, small, 40, 1);                   // JIT warm-up on small calls
            var tv = Benchmarks.scanSeconds(vec, in, 3, quick ? 3 : 5);   // full-size warm-up: JIT + fresh heap pages
            Benchmarks.scanSeconds(vec1, small, 20, 1);
            var tv1 = Benchmarks.scanSeconds(vec1, in, 2, 3);
            progress(err, "scan " + key + " (reference)");
            Benchmarks.scanSeconds(ref, small, 10, 1);
            var tr = Benchmarks.scanSeconds(ref, in, 0, quick ? 2 : 2);
            fig.put("scan_tokens_per_s_vector_" + key, bsz * (double) len / tv.median());
            fig.put("scan_ns_per_update_vector_" + key, tv.median() * 1e9 / updates);
            fig.put("scan_tokens_per_s_reference_" + key, bsz * (double) len / tr.median());
            fig.put("scan_ns_per_update_reference_" + key, tr.median() * 1e9 / updates);
            fig.put("scan_cpu_ns_per_update_vector_1thread_" + key, tv1.cpuMedian() * 1e9 / updates);
            fig.put("scan_cpu_ns_per_update_reference_" + key, tr.cpuMedian() * 1e9 / updates);
        }
        progress(err, "one-layer block forward");
        var blockW = SsmWeights.init(SsmConfig.defaults(64, 1, 16, 16), 1);
        var ff = new FastForward(blockW, vec, th);
        Benchmarks.forwardSeconds(ff, 8, 128, 30, 1);
        var tb = Benchmarks.forwardSeconds(ff, bsz, len, 2, 3);
        fig.put("block_forward_tokens_per_s", bsz * (double) len / tb.median());
        machine.put("loadAverageAfterOurs", os.getSystemLoadAverage());

        TorchPeer.Result peerResult = null;
        if (!noPeer) {
            progress(err, "PyTorch peer");
            peerResult = TorchPeer.run(python, TorchPeer.locate(peer), th, quick, quick ? 600 : 3600);
            machine.put("loadAverageAfterPeer", os.getSystemLoadAverage());
        }
        Map<String, Object> ratios = new LinkedHashMap<>();
        double stepRef = sStep.median() / vStep.median();
        double scanRefN = (double) fig.get("scan_tokens_per_s_vector_nonneg") / (double) fig.get("scan_tokens_per_s_reference_nonneg");
        double scanRefS = (double) fig.get("scan_tokens_per_s_vector_signed") / (double) fig.get("scan_tokens_per_s_reference_signed");
        ratios.put("step_vector_over_reference", stepRef);
        ratios.put("scan_vector_over_reference_nonneg", scanRefN);
        ratios.put("scan_vector_over_reference_signed", scanRefS);
        for (String key : List.of("nonneg", "signed")) {
            ratios.put("scan_cpu_vector_1thread_over_reference_" + key,
                    (double) fig.get("scan_cpu_ns_per_update_reference_" + key)
                            / (double) fig.get("scan_cpu_ns_per_update_vector_1thread_" + key));
        }
        List<String[]> targets = new ArrayList<>();                       // {name, verdict}
        targets.add(target("step ≤ 50 µs", vStep.median() <= 50));
        targets.add(target("scan ≥ 8× reference ([0,1])", scanRefN >= 8));
        targets.add(target("scan ≥ 8× reference ([-1,1])", scanRefS >= 8));
        Map<String, Object> peerMap = new LinkedHashMap<>();
        if (peerResult != null) {
            peerMap.put("command", peerResult.command());
            if (peerResult.unavailable() != null) {
                peerMap.put("unavailable", peerResult.unavailable());
            }
            for (var f : peerResult.figures()) {
                peerMap.put(f.name(), f.fields());
            }
            var ps = peerResult.get("step_latency");
            var pf = peerResult.get("scan_forward_throughput");
            if (ps != null) {
                double r = ps.value() / vStep.median();
                ratios.put("step_vs_torch", r);
                targets.add(target("step ≥ 20× PyTorch", r >= 20));
            }
            if (pf != null && shape.equals(pf.fields().get("shape"))) {
                double rs = (double) fig.get("scan_tokens_per_s_vector_nonneg") / pf.value();
                double rb = (double) fig.get("block_forward_tokens_per_s") / pf.value();
                ratios.put("scan_kernel_vs_torch_block", rs);
                ratios.put("block_forward_vs_torch_block", rb);
                targets.add(target("scan ≥ 50× PyTorch (our scan kernel vs its block forward)", rs >= 50));
                targets.add(target("block forward vs PyTorch block forward (like for like, no target)", true));
            }
        }
        boolean missed = targets.stream().anyMatch(t -> t[1].equals("MISSED"));
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("quick", quick);
            root.put("shape", shape);
            root.put("machine", machine);
            root.put("figures", fig);
            root.put("peer", peerMap);
            root.put("ratios", ratios);
            Map<String, String> tmap = new LinkedHashMap<>();
            targets.forEach(t -> tmap.put(t[0], t[1]));
            root.put("targets", tmap);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
        } else {
            text(out, machine, fig, ratios, targets, peerResult, shape);
        }
        out.flush();
        return check && missed ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
    }

    private static String[] target(String name, boolean met) {
        return new String[] {name, met ? "met" : "MISSED"};
    }

    private static void progress(PrintWriter err, String what) {
        err.println("bench: " + what + " ...");
        err.flush();
    }

    private void text(PrintWriter out, Map<String, Object> m, Map<String, Object> f, Map<String, Object> r,
                      List<String[]> targets, TorchPeer.Result peer, String shape) {
        out.printf("machine   %s, %s cores, %s%n", m.get("cpu"), m.get("cores"), m.get("jdk"));
        out.printf("heap      %s MB max, %s MB touched before measuring (no first-touch page faults)%n",
                m.get("maxHeapMB"), m.get("heapPretouchedMB"));
        out.printf("kernels   %s, %s threads; load average %.2f at start, %.2f after ours%s%n", m.get("kernels"),
                m.get("threads"), (double) m.get("loadAverageAtStart"), (double) m.get("loadAverageAfterOurs"),
                (double) m.get("loadAverageAtStart") > 1.5 ? " (machine shared: figures are noisy)" : "");
        out.println();
        out.printf("%-44s %14s %14s %9s%n", "figure", "ours", "reference", "speed-up");
        out.printf("%-44s %11.2f µs %11.2f µs %8.1f×%n", "one-token step, 3 layers, d_model 64",
                f.get("step_us_vector"), f.get("step_us_reference"), r.get("step_vector_over_reference"));
        out.printf("%-44s %11.2f µs %11.2f µs%n", "  CPU time per step",
                f.get("step_cpu_us_vector"), f.get("step_cpu_us_reference"));
        for (String key : List.of("nonneg", "signed")) {
            String label = "scan " + shape + (key.equals("nonneg") ? " [0,1]" : " [-1,1]");
            out.printf("%-44s %10s t/s %10s t/s %8.1f×%n", label, si((double) f.get("scan_tokens_per_s_vector_" + key)),
                    si((double) f.get("scan_tokens_per_s_reference_" + key)), r.get("scan_vector_over_reference_" + key));
            out.printf("%-44s %11.3f ns %11.3f ns%n", "  wall time per state update", f.get("scan_ns_per_update_vector_" + key),
                    f.get("scan_ns_per_update_reference_" + key));
            out.printf("%-44s %11.3f ns %11.3f ns %8.1f×%n", "  CPU time per state update, 1 thread",
                    f.get("scan_cpu_ns_per_update_vector_1thread_" + key), f.get("scan_cpu_ns_per_update_reference_" + key),
                    r.get("scan_cpu_vector_1thread_over_reference_" + key));
        }
        out.printf("%-44s %10s t/s%n", "block forward, 1 layer, d_model 64, same B,T", si((double) f.get("block_forward_tokens_per_s")));
        out.println();
        if (peer == null) {
            out.println("PyTorch peer: skipped (--no-peer)");
        } else if (peer.unavailable() != null && peer.figures().isEmpty()) {
            out.println("PyTorch peer: not available: " + peer.unavailable());
        } else {
            out.println("PyTorch peer (" + peer.command() + "), run right after ours:");
            for (var fg : peer.figures()) {
                out.printf("  %-28s %12.4g %-9s %s%n", fg.name(), fg.value(), fg.unit(),
                        fg.fields().getOrDefault("shape", "") + " torch " + fg.fields().getOrDefault("torch", ""));
            }
            if (r.containsKey("step_vs_torch")) {
                out.printf("  step: ours %.1f× faster%n", r.get("step_vs_torch"));
            }
            if (r.containsKey("scan_kernel_vs_torch_block")) {
                out.printf("  scan: our scan kernel %.1f× its block forward; our block forward %.1f× its block forward%n",
                        r.get("scan_kernel_vs_torch_block"), r.get("block_forward_vs_torch_block"));
            }
        }
        out.println();
        for (String[] t : targets) {
            out.printf("target  %-66s %s%n", t[0], t[1]);
        }
    }

    private static String si(double v) {
        return v >= 1e6 ? String.format("%.2f M", v / 1e6) : v >= 1e3 ? String.format("%.1f k", v / 1e3) : String.format("%.0f", v);
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
