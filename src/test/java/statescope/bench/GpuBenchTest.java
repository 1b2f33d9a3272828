package statescope.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import statescope.ssm.GateRange;
import statescope.ssm.ReferenceScan;
import statescope.ssm.VectorSupport;
import statescope.ssm.ScanBatch;
import statescope.ssm.gpu.CudaScanKernel;
import statescope.ssm.gpu.FakeCudaDriver;
import statescope.ssm.gpu.GpuCheck;
import statescope.ssm.gpu.ScanAgreement;
import statescope.ssm.gpu.ScanLaunch;

/** The GPU benchmark's rows, table and JSON, on a stand-in driver and without one. */
class GpuBenchTest {

    @Test
    void slicesAreThePrefixOfASmallerBatchWithTheSameSeed() {
        // GpuBench scans the full batch on the GPU and only its first strings on the CPU
        var o = new GpuBench.Options(6, 20, 16, 8, GateRange.NONNEGATIVE, 1, 2, 1);
        ScanBatch full = GpuBench.inputs(o, 6);
        ScanBatch small = GpuBench.inputs(o, 2);
        ScanBatch slice = ScanAgreement.slice(full, 0, 2);
        assertArrayEquals(small.x(), slice.x());
        assertArrayEquals(small.delta(), slice.delta());
        assertArrayEquals(small.b(), slice.b());
        assertArrayEquals(small.c(), slice.c());
        assertArrayEquals(small.a(), slice.a());
        assertArrayEquals(small.lengths(), slice.lengths());
    }

    @Test
    void benchWithADeviceReportsKernelRowsAgainstThePeak() {
        try (var fake = new FakeCudaDriver(new ReferenceScan())) {
            var o = new GpuBench.Options(4, 48, 32, 16, GateRange.NONNEGATIVE, 3, 2, 1);
            GpuBench.Report r = GpuBench.run(o, line -> { }, () -> CudaScanKernel.open(fake.driver(), 0));
            assertEquals("Fake H100 80GB HBM3", r.device().name());
            assertEquals(null, r.gpuReason());
            assertEquals(List.of("cuda", "cuda", "cuda", VectorSupport.fastScan(o.cpuThreads()).name()),
                    r.rows().stream().map(GpuBench.Row::backend).toList());
            GpuBench.Row kernel = r.rows().getFirst();
            long bytes = ScanLaunch.bytesMoved(GpuBench.inputs(o, 4), false);
            assertEquals(bytes / (kernel.millis() / 1e3) / 1e9, kernel.gbPerS(), 1e-6 * kernel.gbPerS());
            assertEquals(100 * kernel.gbPerS() / 3350, kernel.percentPeak(), 1e-9);
            assertEquals(4 * 48 / (kernel.millis() / 1e3), kernel.tokensPerS(), 1e-6 * kernel.tokensPerS());
            assertTrue(r.agreement() <= GpuCheck.TOLERANCE, "GPU vs CPU on the slice: " + r.agreement());
            assertTrue(GpuBench.table(r).startsWith("GPU: Fake H100 80GB HBM3 (sm_90, 132 SMs, 91 GB), peak 3350 GB/s"),
                    GpuBench.table(r));
            assertEquals(1 + 3 + 1 + 1 + 1, fake.launches, "warm-up + 3 timed, h_t warm-up + 1 timed, end to end");
            assertEquals(0, fake.liveAllocations());
        }
    }

    @Test
    void benchWithoutADriverStillReportsTheCpuPerToken() {
        String old = System.getProperty(CudaScanKernel.LIBRARY_PROPERTY);
        System.setProperty(CudaScanKernel.LIBRARY_PROPERTY, "libcuda-statescope-missing.so.1");
        try {
            var o = new GpuBench.Options(8, 64, 32, 16, GateRange.SIGNED, 2, 2, 1);
            var log = new ArrayList<String>();
            GpuBench.Report r = GpuBench.run(o, log::add);
            assertEquals(List.of("GPU unavailable: libcuda-statescope-missing.so.1 not found",
                    "CPU " + r.rows().getFirst().backend() + " on B=2 T=64 D=32 N=16 with 1 threads ..."), log);
            assertEquals(null, r.device());
            assertEquals("libcuda-statescope-missing.so.1 not found", r.gpuReason());
            assertEquals(1, r.rows().size());
            GpuBench.Row cpu = r.rows().getFirst();
            assertEquals("B=2 T=64 D=32 N=16", cpu.shape());
            assertEquals(cpu.millis() * 1e6 / (2 * 64), cpu.nsPerToken(), 1e-9);
            String table = GpuBench.table(r);
            assertTrue(table.startsWith("GPU: none (libcuda-statescope-missing.so.1 not found)"), table);
            assertTrue(GpuBench.json(r).contains("\"gpuUnavailable\": \"libcuda-statescope-missing.so.1 not found\""));
        } finally {
            if (old == null) {
                System.clearProperty(CudaScanKernel.LIBRARY_PROPERTY);
            } else {
                System.setProperty(CudaScanKernel.LIBRARY_PROPERTY, old);
            }
        }
    }
}
