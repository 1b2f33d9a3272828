package statescope.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** bench's ratios and targets from given figures (no timing here), and its table and JSON. */
class EngineBenchTest {

    private static final String SHAPE = "B=32,T=256,d_inner=128,N=16";

    private static Map<String, Object> figures(double stepUs, double scanSpeedUp) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("step_us_vector", stepUs);
        f.put("step_us_reference", 4 * stepUs);
        f.put("step_cpu_us_vector", stepUs);
        f.put("step_cpu_us_reference", 4 * stepUs);
        for (String key : List.of("nonneg", "signed")) {
            f.put("scan_tokens_per_s_vector_" + key, 1e6 * scanSpeedUp);
            f.put("scan_ns_per_update_vector_" + key, 0.5);
            f.put("scan_tokens_per_s_reference_" + key, 1e6);
            f.put("scan_ns_per_update_reference_" + key, 0.5 * scanSpeedUp);
            f.put("scan_cpu_ns_per_update_vector_1thread_" + key, 1.0);
            f.put("scan_cpu_ns_per_update_reference_" + key, 3.0);
        }
        f.put("block_forward_tokens_per_s", 2e6);
        return f;
    }

    private static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpu", "test cpu");
        m.put("cores", 2);
        m.put("jdk", "test jdk");
        m.put("kernels", "test kernels");
        m.put("threads", 2);
        m.put("loadAverageAtStart", 0.5);
        m.put("loadAverageAfterOurs", 0.7);
        m.put("maxHeapMB", 100L);
        m.put("heapPretouchedMB", 50L);
        return m;
    }

    private static TorchPeer.Result peer(String scanShape) {
        return new TorchPeer.Result(TorchPeer.parse(
                "peer=torch-cpu figure=step_latency value=500 unit=us shape=layers=3,d_model=64,d_state=16\n"
                        + "peer=torch-cpu figure=scan_forward_throughput value=1e5 unit=tokens/s shape=" + scanShape + "\n"),
                null, "python3 bench/torch_peer.py");
    }

    @Test
    void withoutThePeerOnlyTheReferenceTargetsAreJudged() {
        var r = EngineBench.compare(true, SHAPE, machine(), figures(20, 10), null);
        assertEquals(4.0, (double) r.ratios().get("step_vector_over_reference"), 1e-12);
        assertEquals(10.0, (double) r.ratios().get("scan_vector_over_reference_signed"), 1e-12);
        assertEquals(3.0, (double) r.ratios().get("scan_cpu_vector_1thread_over_reference_nonneg"), 1e-12);
        assertEquals(List.of("step ≤ 50 µs", "scan ≥ 8× reference ([0,1])", "scan ≥ 8× reference ([-1,1])"),
                r.targets().stream().map(EngineBench.Target::name).toList());
        assertFalse(r.missed());
        assertTrue(EngineBench.compare(true, SHAPE, machine(), figures(60, 10), null).missed(), "60 µs misses ≤ 50");
        assertTrue(EngineBench.compare(true, SHAPE, machine(), figures(20, 7.9), null).missed(), "7.9× misses ≥ 8×");
    }

    @Test
    void thePeerGivesRatiosOnlyForItsOwnShape() {
        var r = EngineBench.compare(true, SHAPE, machine(), figures(20, 10), peer(SHAPE));
        assertEquals(25.0, (double) r.ratios().get("step_vs_torch"), 1e-12);
        assertEquals(100.0, (double) r.ratios().get("scan_kernel_vs_torch_block"), 1e-12);
        assertEquals(20.0, (double) r.ratios().get("block_forward_vs_torch_block"), 1e-12);
        assertFalse(r.missed());
        var other = EngineBench.compare(true, SHAPE, machine(), figures(20, 10), peer("B=256,T=1024,d_inner=128,N=16"));
        assertFalse(other.ratios().containsKey("scan_kernel_vs_torch_block"));
        assertTrue(other.ratios().containsKey("step_vs_torch"));
    }

    @Test
    void tableAndJsonCarryTheFiguresAndTheNotice() {
        var unavailable = new TorchPeer.Result(List.of(), "peer exited with 3: PyTorch is not installed", "python3 x");
        String text = EngineBenchText.text(EngineBench.compare(true, SHAPE, machine(), figures(20, 10), unavailable));
        assertTrue(text.contains("PyTorch peer: not available: peer exited with 3: PyTorch is not installed\n"), text);
        assertTrue(text.contains("target  step ≤ 50 µs"), text);
        String withPeer = EngineBenchText.text(EngineBench.compare(true, SHAPE, machine(), figures(20, 10), peer(SHAPE)));
        assertTrue(withPeer.contains("PyTorch peer (python3 bench/torch_peer.py), run right after ours:"), withPeer);
        String json = EngineBenchText.json(EngineBench.compare(true, SHAPE, machine(), figures(20, 10), peer(SHAPE)));
        assertTrue(json.contains("\"step_vs_torch\" : 25.0"), json);
        assertTrue(json.contains("\"scan ≥ 8× reference ([0,1])\" : \"met\""), json);
    }

    @Test
    void threadsMustBePositive() {
        var e = assertThrows(IllegalArgumentException.class, () -> new EngineBench.Options(true, 0, false, null, "python3"));
        assertEquals("--threads must be ≥ 1", e.getMessage());
    }
}
