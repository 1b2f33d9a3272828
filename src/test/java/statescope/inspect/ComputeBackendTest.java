package statescope.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import statescope.ssm.ReferenceScan;
import statescope.ssm.gpu.BackendChoice;
import statescope.ssm.gpu.CudaScanKernel;
import statescope.ssm.gpu.GpuUnavailableException;
import statescope.ssm.gpu.Notice;

/** The UI's scan backend: chosen once, the CPU with a one-line reason when there is no GPU. */
class ComputeBackendTest {

    private final ReferenceScan cpu = new ReferenceScan();
    private int probes;
    private final Supplier<CudaScanKernel> noDriver = () -> {
        probes++;
        throw new GpuUnavailableException("libcuda.so.1 not found");
    };

    @Test
    void autoWithoutAGpuRunsOnTheCpuAndTheStatusLineSaysWhy() {
        var compute = new ComputeBackend(BackendChoice.AUTO, () -> cpu, noDriver);
        assertFalse(compute.selected(), "nothing is probed before the first background job");
        assertEquals("Compute: steps on cpu-vector (256-bit); scan backend not chosen yet",
                compute.statusText("cpu-vector (256-bit)"));
        assertSame(cpu, compute.kernel());
        assertTrue(compute.selected());
        assertEquals(new Notice(Notice.Level.INFO, "GPU unavailable: libcuda.so.1 not found; using cpu-reference"),
                compute.notice());
        assertEquals("Compute: CPU (cpu-reference); GPU unavailable: libcuda.so.1 not found · steps on cpu-vector (256-bit)",
                compute.statusText("cpu-vector (256-bit)"));
    }

    @Test
    void theGpuIsProbedOnceForTheWholeSession() {
        var compute = new ComputeBackend(BackendChoice.AUTO, () -> cpu, noDriver);
        compute.kernel();
        compute.selection();
        compute.kernel();
        assertEquals(1, probes);
    }

    @Test
    void cpuChoiceNeverProbesAndHasNothingToExplain() {
        var compute = new ComputeBackend(BackendChoice.CPU, () -> cpu, noDriver);
        assertSame(cpu, compute.kernel());
        assertEquals(0, probes);
        assertNull(compute.notice());
        assertEquals("Compute: CPU (cpu-reference) · steps on cpu-scalar", compute.statusText("cpu-scalar"));
    }

    @Test
    void theSettingPicksTheBackendAndABadOneFallsBackToAutoSayingSo() {
        assertEquals(BackendChoice.AUTO, ComputeBackend.fromSetting(null, () -> cpu, noDriver).choice());
        assertEquals(BackendChoice.AUTO, ComputeBackend.fromSetting(" ", () -> cpu, noDriver).choice());
        var forcedCpu = ComputeBackend.fromSetting(" CPU ", () -> cpu, noDriver);
        assertEquals(BackendChoice.CPU, forcedCpu.choice());
        assertSame(cpu, forcedCpu.kernel());
        assertEquals(0, probes, "cpu never probes the GPU");
        assertEquals(BackendChoice.GPU, ComputeBackend.fromSetting("gpu", () -> cpu, noDriver).choice());
        var bad = ComputeBackend.fromSetting("cuda", () -> cpu, noDriver);
        assertEquals(BackendChoice.AUTO, bad.choice());
        assertSame(cpu, bad.kernel());
        assertEquals("STATESCOPE_BACKEND='cuda' unknown (auto, cpu, gpu): using auto · Compute: CPU (cpu-reference); "
                + "GPU unavailable: libcuda.so.1 not found · steps on cpu-scalar", bad.statusText("cpu-scalar"));
    }

    @Test
    void onThisMachineAutoNamesWhatItPicked() {
        var s = new ComputeBackend(BackendChoice.AUTO).selection();       // the real driver, if any
        assertTrue(s.onGpu() || s.notice().text().startsWith("GPU unavailable: "), s.statusText());
        assertTrue(s.statusText().startsWith(s.onGpu() ? "Compute: GPU, " : "Compute: CPU ("), s.statusText());
    }
}
