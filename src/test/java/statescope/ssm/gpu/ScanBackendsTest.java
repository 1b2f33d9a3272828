package statescope.ssm.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static statescope.ssm.gpu.ScanAsserts.assertSameResult;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import statescope.ssm.GateRange;
import statescope.ssm.ReferenceScan;
import statescope.ssm.ScanBatch;
import statescope.ssm.ScanResult;

/** Backend selection and the CPU fall-back, with a driver library that does not exist and with the fake driver. */
class ScanBackendsTest {

    private static final String MISSING = "libcuda-statescope-test-missing.so.1";
    private final ReferenceScan cpu = new ReferenceScan();
    private final ScanBatch in = ScanInputs.mambaLike(11, 3, 24, 48, 16, GateRange.SIGNED, true, true);
    private final Supplier<CudaScanKernel> missingDriver = () -> CudaScanKernel.open(CudaDriver.load(MISSING), 0);

    @Test
    void missingDriverLibraryIsTheFallbackSignal() {
        var e = assertThrows(GpuUnavailableException.class, () -> CudaDriver.load(MISSING));
        assertEquals(MISSING + " not found", e.getMessage());
    }

    @Test
    void autoWithoutDriverFallsBackToCpuWithAnInfoNotice() {
        Selection s = ScanBackends.select(BackendChoice.AUTO, cpu, missingDriver, n -> { });
        assertSame(cpu, s.kernel());
        assertFalse(s.onGpu());
        assertEquals(new Notice(Notice.Level.INFO, "GPU unavailable: " + MISSING + " not found; using cpu-reference"),
                s.notice());
        assertEquals("GPU unavailable: " + MISSING + " not found; using cpu-reference", s.notice().line());
        assertEquals("Compute: CPU (cpu-reference); GPU unavailable: " + MISSING + " not found", s.statusText());
    }

    @Test
    void explicitGpuWithoutDriverFallsBackWithAWarning() {
        Selection s = ScanBackends.select(BackendChoice.GPU, cpu, missingDriver, n -> { });
        assertSame(cpu, s.kernel());
        assertEquals(Notice.Level.WARNING, s.notice().level());
        assertEquals("warning: GPU requested but unavailable: " + MISSING + " not found; using cpu-reference",
                s.notice().line());
    }

    @Test
    void cpuChoiceNeverProbesTheGpu() {
        Selection s = ScanBackends.select(BackendChoice.CPU, cpu, () -> {
            throw new AssertionError("GPU probed");
        }, n -> { });
        assertSame(cpu, s.kernel());
        assertNull(s.notice());
        assertEquals("Compute: CPU (cpu-reference)", s.statusText());
    }

    @Test
    void defaultSelectionOnThisMachineNeverFails() {
        // Whatever this machine has, auto gives a working kernel (GPU or CPU) with identical-enough results.
        Selection s = ScanBackends.select(BackendChoice.AUTO, cpu);
        try {
            assertTrue(s.statusText().startsWith("Compute: "), s.statusText());
            ScanResult got = s.kernel().scan(in, true);
            assertEquals(in.batch() * in.maxLen() * in.dInner(), got.y().length);
            var agreement = ScanAgreement.compare(in, got, cpu, in.batch());
            assertTrue(agreement.within(GpuCheck.TOLERANCE), s.statusText() + ": " + agreement.summary());
        } finally {
            if (s.kernel() instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
        }
    }

    @Test
    void gpuFailureDuringAScanFallsBackForThatScanAndEveryLaterOne() {
        try (var fake = new FakeCudaDriver(cpu)) {
            List<Notice> notices = new ArrayList<>();
            Selection s = ScanBackends.select(BackendChoice.AUTO, cpu,
                    () -> CudaScanKernel.open(fake.driver(), 0), notices::add);
            assertTrue(s.onGpu());
            assertNull(s.notice());
            assertEquals("cuda", s.kernel().name());
            assertEquals("Compute: GPU, Fake H100 80GB HBM3 (sm_90, 132 SMs, 91 GB)", s.statusText());
            assertSameResult(cpu.scan(in, true), s.kernel().scan(in, true));
            assertEquals(1, fake.launches);

            fake.failLaunchesWith = FakeCudaDriver.LAUNCH_FAILED;
            assertSameResult(cpu.scan(in, true), s.kernel().scan(in, true));
            assertFalse(s.onGpu());
            assertEquals("cpu-reference", s.kernel().name());
            assertEquals(List.of(new Notice(Notice.Level.WARNING, "GPU scan failed: cuLaunchKernel: "
                    + "CUDA_ERROR_LAUNCH_FAILED (unspecified launch failure); using cpu-reference from now on")), notices);
            assertEquals("Compute: CPU (cpu-reference); GPU scan failed: cuLaunchKernel: CUDA_ERROR_LAUNCH_FAILED "
                    + "(unspecified launch failure)", s.statusText());
            assertEquals(0, fake.contextRetains, "the failed GPU kernel was closed");

            fake.failLaunchesWith = FakeCudaDriver.SUCCESS;
            assertSameResult(cpu.scan(in, false), s.kernel().scan(in, false));
            assertEquals(1, fake.launches, "no GPU launch after the fall-back");
            assertEquals(1, notices.size(), "the fall-back is reported once");
            assertEquals(List.of(), fake.failures());
        }
    }

    @Test
    void jitFailureAtLoadFallsBackWithTheLog() {
        try (var fake = new FakeCudaDriver(cpu)) {
            fake.jitErrorLog = "unsupported PTX version";
            Selection s = ScanBackends.select(BackendChoice.AUTO, cpu, () -> CudaScanKernel.open(fake.driver(), 0),
                    n -> { });
            assertSame(cpu, s.kernel());
            assertTrue(s.notice().text().startsWith("GPU unavailable: cuModuleLoadDataEx: CUDA_ERROR_INVALID_PTX"),
                    s.notice().text());
            assertTrue(s.notice().text().contains("unsupported PTX version"), s.notice().text());
        }
    }

    @Test
    void backendChoiceParses() {
        assertEquals(BackendChoice.GPU, BackendChoice.parse(" GPU "));
        assertEquals("auto", BackendChoice.AUTO.label());
        var e = assertThrows(IllegalArgumentException.class, () -> BackendChoice.parse("tpu"));
        assertEquals("unknown backend 'tpu': expected auto, cpu or gpu", e.getMessage());
    }
}
