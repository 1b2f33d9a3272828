package statescope.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link EngineBench}'s report as a table for people and as JSON for scripts. */
public final class EngineBenchText {

    private EngineBenchText() {
    }

    /** The report as JSON: quick, shape, machine, figures, peer, ratios, targets. */
    public static String json(EngineBench.Report r) {
        Map<String, Object> peerMap = new LinkedHashMap<>();
        if (r.peer() != null) {
            peerMap.put("command", r.peer().command());
            if (r.peer().unavailable() != null) {
                peerMap.put("unavailable", r.peer().unavailable());
            }
            for (var f : r.peer().figures()) {
                peerMap.put(f.name(), f.fields());
            }
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("quick", r.quick());
        root.put("shape", r.shape());
        root.put("machine", r.machine());
        root.put("figures", r.figures());
        root.put("peer", peerMap);
        root.put("ratios", r.ratios());
        Map<String, String> targets = new LinkedHashMap<>();
        r.targets().forEach(t -> targets.put(t.name(), t.verdict()));
        root.put("targets", targets);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report as a table: machine, our figures beside the reference's, the peer's, the targets. */
    public static String text(EngineBench.Report r) {
        var sw = new StringWriter();
        var out = new PrintWriter(sw);
        Map<String, Object> m = r.machine();
        Map<String, Object> f = r.figures();
        Map<String, Object> q = r.ratios();
        out.printf("machine   %s, %s cores, %s%n", m.get("cpu"), m.get("cores"), m.get("jdk"));
        out.printf("heap      %s MB max, %s MB touched before measuring (no first-touch page faults)%n",
                m.get("maxHeapMB"), m.get("heapPretouchedMB"));
        out.printf("kernels   %s, %s threads; load average %.2f at start, %.2f after ours%s%n", m.get("kernels"),
                m.get("threads"), (double) m.get("loadAverageAtStart"), (double) m.get("loadAverageAfterOurs"),
                (double) m.get("loadAverageAtStart") > 1.5 ? " (machine shared: figures are noisy)" : "");
        out.println();
        out.printf("%-44s %14s %14s %9s%n", "figure", "ours", "reference", "speed-up");
        out.printf("%-44s %11.2f µs %11.2f µs %8.1f×%n", "one-token step, 3 layers, d_model 64",
                f.get("step_us_vector"), f.get("step_us_reference"), q.get("step_vector_over_reference"));
        out.printf("%-44s %11.2f µs %11.2f µs%n", "  CPU time per step",
                f.get("step_cpu_us_vector"), f.get("step_cpu_us_reference"));
        for (String key : List.of("nonneg", "signed")) {
            String label = "scan " + r.shape() + (key.equals("nonneg") ? " [0,1]" : " [-1,1]");
            out.printf("%-44s %10s t/s %10s t/s %8.1f×%n", label, si((double) f.get("scan_tokens_per_s_vector_" + key)),
                    si((double) f.get("scan_tokens_per_s_reference_" + key)), q.get("scan_vector_over_reference_" + key));
            out.printf("%-44s %11.3f ns %11.3f ns%n", "  wall time per state update", f.get("scan_ns_per_update_vector_" + key),
                    f.get("scan_ns_per_update_reference_" + key));
            out.printf("%-44s %11.3f ns %11.3f ns %8.1f×%n", "  CPU time per state update, 1 thread",
                    f.get("scan_cpu_ns_per_update_vector_1thread_" + key), f.get("scan_cpu_ns_per_update_reference_" + key),
                    q.get("scan_cpu_vector_1thread_over_reference_" + key));
        }
        out.printf("%-44s %10s t/s%n", "block forward, 1 layer, d_model 64, same B,T", si((double) f.get("block_forward_tokens_per_s")));
        out.println();
        peer(out, r.peer(), q);
        out.println();
        for (EngineBench.Target t : r.targets()) {
            out.printf("target  %-66s %s%n", t.name(), t.verdict());
        }
        out.flush();
        return sw.toString();
    }

    private static void peer(PrintWriter out, TorchPeer.Result peer, Map<String, Object> q) {
        if (peer == null) {
            out.println("PyTorch peer: skipped (--no-peer)");
            return;
        }
        if (peer.unavailable() != null && peer.figures().isEmpty()) {
            out.println("PyTorch peer: not available: " + peer.unavailable());
            return;
        }
        out.println("PyTorch peer (" + peer.command() + "), run right after ours:");
        for (var fg : peer.figures()) {
            out.printf("  %-28s %12.4g %-9s %s%n", fg.name(), fg.value(), fg.unit(),
                    fg.fields().getOrDefault("shape", "") + " torch " + fg.fields().getOrDefault("torch", ""));
        }
        if (q.containsKey("step_vs_torch")) {
            out.printf("  step: ours %.1f× faster%n", q.get("step_vs_torch"));
        }
        if (q.containsKey("scan_kernel_vs_torch_block")) {
            out.printf("  scan: our scan kernel %.1f× its block forward; our block forward %.1f× its block forward%n",
                    q.get("scan_kernel_vs_torch_block"), q.get("block_forward_vs_torch_block"));
        }
    }

    private static String si(double v) {
        return v >= 1e6 ? String.format("%.2f M", v / 1e6) : v >= 1e3 ? String.format("%.1f k", v / 1e3) : String.format("%.0f", v);
    }
}
