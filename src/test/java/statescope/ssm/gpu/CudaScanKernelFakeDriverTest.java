package statescope.ssm.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static statescope.ssm.gpu.ScanAsserts.assertSameResult;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import statescope.ssm.GateRange;
import statescope.ssm.ReferenceScan;
import statescope.ssm.ScanBatch;

/**
 * The real bindings, kernel loader and launcher against {@link FakeCudaDriver}: transfers, parameter
 * packing (decoded by the PTX's own parameter types), launch configuration, error reporting, clean-up.
 */
class CudaScanKernelFakeDriverTest {

    private final ReferenceScan cpu = new ReferenceScan();
    private final FakeCudaDriver fake = new FakeCudaDriver(cpu);

    @AfterEach
    void close() {
        assertEquals(List.of(), fake.failures(), "problems the fake driver saw");
        fake.close();
    }

    @ParameterizedTest
    @EnumSource(GateRange.class)
    void scanRoundTripsThroughTheDriver(GateRange gates) {
        ScanBatch in = ScanInputs.mambaLike(3, 4, 37, 40, 5, gates, true, true);
        try (var kernel = CudaScanKernel.open(fake.driver(), 0)) {
            assertSameResult(cpu.scan(in, true), kernel.scan(in, true));
            assertSameResult(cpu.scan(in, false), kernel.scan(in, false));
            assertEquals(gates == GateRange.SIGNED ? 1 : 0, fake.lastSignedGate);
            assertEquals(ScanLaunch.plan(4, 40, 5), fake.lastLaunch);
            assertEquals(2, fake.launches);
            assertEquals(0, fake.liveAllocations(), "device memory freed after each scan");
        }
        assertEquals(0, fake.contextRetains, "primary context released");
        assertEquals(0, fake.moduleLoads, "module unloaded");
    }

    @Test
    void deviceIsDescribed() {
        try (var kernel = CudaScanKernel.open(fake.driver(), 0)) {
            CudaDevice d = kernel.device();
            assertEquals("Fake H100 80GB HBM3", d.name());
            assertEquals(9, d.ccMajor());
            assertEquals(132, d.multiprocessors());
            assertEquals(3350, d.peakBandwidthGBs());
            assertEquals(2 * 2_619_000e3 * 5120 / 8 / 1e9, d.computedBandwidthGBs(), 1e-9);
            assertEquals(13000, d.driverVersion());
        }
    }

    @Test
    void timedLaunchesReportMillisAndBytes() {
        ScanBatch in = ScanInputs.mambaLike(5, 2, 20, 32, 16, GateRange.NONNEGATIVE, false, false);
        try (var kernel = CudaScanKernel.open(fake.driver(), 0); var run = kernel.upload(in, false)) {
            assertTrue(run.launchTimed(3) >= 0);
            assertEquals(3, fake.launches);
            assertEquals(ScanLaunch.bytesMoved(in, false), run.bytesMoved());
            assertSameResult(cpu.scan(in, false), run.download());
        }
    }

    @Test
    void launchFailureNamesTheCallAndTheError() {
        ScanBatch in = ScanInputs.mambaLike(1, 2, 8, 32, 4, GateRange.NONNEGATIVE, false, false);
        fake.failLaunchesWith = FakeCudaDriver.LAUNCH_FAILED;
        try (var kernel = CudaScanKernel.open(fake.driver(), 0)) {
            var e = assertThrows(CudaException.class, () -> kernel.scan(in, false));
            assertEquals("cuLaunchKernel: CUDA_ERROR_LAUNCH_FAILED (unspecified launch failure)", e.getMessage());
            assertEquals(FakeCudaDriver.LAUNCH_FAILED, e.code());
            assertEquals(0, fake.liveAllocations(), "device memory freed after a failed launch");
        }
    }

    @Test
    void jitFailureCarriesTheJitLog() {
        fake.jitErrorLog = "ptxas fatal: Unsupported .version 7.0";
        var e = assertThrows(CudaException.class, () -> CudaScanKernel.open(fake.driver(), 0));
        assertEquals("cuModuleLoadDataEx", e.call());
        assertTrue(e.getMessage().contains("CUDA_ERROR_INVALID_PTX"), e.getMessage());
        assertTrue(e.getMessage().contains("JIT log: ptxas fatal: Unsupported .version 7.0"), e.getMessage());
        assertEquals(0, fake.contextRetains, "context released after a failed open");
    }

    @Test
    void noDeviceIsACudaErrorFromInit() {
        fake.deviceCount = 0;
        var e = assertThrows(CudaException.class, () -> CudaScanKernel.open(fake.driver(), 0));
        assertEquals("cuInit: CUDA_ERROR_NO_DEVICE (no CUDA-capable device is detected)", e.getMessage());
    }

    @Test
    void driverWithoutAFunctionIsUnavailable() {
        var e = assertThrows(GpuUnavailableException.class,
                () -> CudaDriver.bind(fake.lookup("cuLaunchKernel"), "libold"));
        assertEquals("libold has no cuLaunchKernel (driver too old?)", e.getMessage());
    }

    @Test
    void tooLargeStateIsUnavailableBeforeAnyDeviceWork() {
        ScanBatch in = ScanInputs.mambaLike(1, 1, 4, 32, 65, GateRange.NONNEGATIVE, false, false);
        try (var kernel = CudaScanKernel.open(fake.driver(), 0)) {
            var e = assertThrows(GpuUnavailableException.class, () -> kernel.scan(in, false));
            assertEquals("the CUDA scan supports d_state up to 64, not 65", e.getMessage());
            assertEquals(0, fake.launches);
        }
    }

    @Test
    void closedKernelRefusesWork() {
        ScanBatch in = ScanInputs.mambaLike(1, 1, 4, 32, 4, GateRange.NONNEGATIVE, false, false);
        var kernel = CudaScanKernel.open(fake.driver(), 0);
        kernel.close();
        kernel.close();
        assertThrows(IllegalStateException.class, () -> kernel.scan(in, false));
    }
}
