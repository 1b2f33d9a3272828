package statescope.ssm.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import statescope.ssm.GateRange;
import statescope.ssm.ReferenceScan;
import statescope.ssm.ScanBatch;
import statescope.ssm.ScanResult;

/** The equivalence check's own logic (agreement, slicing, reporting), without a GPU. */
class GpuCheckTest {

    @TempDir
    Path dir;

    @Test
    void agreementFindsTheWorstDifferenceAndWhereItIs() {
        ScanBatch in = ScanInputs.mambaLike(2, 5, 12, 8, 4, GateRange.SIGNED, true, true);
        ScanResult ref = new ReferenceScan().scan(in, true);
        float[] h = ref.hAll().clone();
        int b = 4, t = 7, d = 3, n = 2;
        int at = ((b * 12 + t) * 8 + d) * 4 + n;
        h[at] += 3e-5f;
        var a = ScanAgreement.compare(in, new ScanResult(ref.y(), ref.hLast(), h), new ReferenceScan(), 2);
        assertEquals(0, a.maxAbsY());
        assertEquals(0, a.maxAbsHLast());
        assertEquals(3e-5, a.maxAbsH(), 1e-6);
        assertFalse(a.within(GpuCheck.TOLERANCE));
        assertTrue(a.worst().startsWith("h[b=4, t=7, d=3, n=2]: "), a.worst());
        assertTrue(ScanAgreement.compare(in, ref, new ReferenceScan(), 3).within(0));
    }

    @Test
    void aNanAnywhereFailsTheCheck() {
        ScanBatch in = ScanInputs.mambaLike(2, 2, 4, 8, 4, GateRange.NONNEGATIVE, false, false);
        ScanResult ref = new ReferenceScan().scan(in, false);
        float[] y = ref.y().clone();
        y[5] = Float.NaN;
        var a = ScanAgreement.compare(in, new ScanResult(y, ref.hLast(), null), new ReferenceScan(), 1);
        assertFalse(a.within(1));
        assertTrue(a.worst().startsWith("y[b=0, t=0, d=5]: NaN"), a.worst());
    }

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
    void everyCasePassesWhenTheDeviceComputesTheReference() {
        try (var fake = new FakeCudaDriver(new ReferenceScan()); var gpu = CudaScanKernel.open(fake.driver(), 0)) {
            for (GpuCheck.Case c : GpuCheck.edgeCases()) {
                GpuCheck.Outcome o = GpuCheck.run(gpu, c);
                assertTrue(o.ok(), c.label() + ": " + o.agreement().summary());
            }
            assertEquals(java.util.List.of(), fake.failures());
        }
    }

    @Test
    void benchWithADeviceReportsKernelRowsAgainstThePeak() {
        try (var fake = new FakeCudaDriver(new ReferenceScan())) {
            var o = new GpuBench.Options(4, 48, 32, 16, GateRange.NONNEGATIVE, 3, 2, 1);
            GpuBench.Report r = GpuBench.run(o, line -> { }, () -> CudaScanKernel.open(fake.driver(), 0));
            assertEquals("Fake H100 80GB HBM3", r.device().name());
            assertEquals(null, r.gpuReason());
            assertEquals(java.util.List.of("cuda", "cuda", "cuda", r.rows().get(3).backend()),
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
    void withoutADriverTheCheckSaysSoAndExits2() throws Exception {
        String old = System.getProperty(CudaScanKernel.LIBRARY_PROPERTY);
        System.setProperty(CudaScanKernel.LIBRARY_PROPERTY, "libcuda-statescope-missing.so.1");
        try {
            var bytes = new ByteArrayOutputStream();
            Path json = dir.resolve("check.json");
            int code = GpuCheck.run(true, json, new PrintStream(bytes, true, StandardCharsets.UTF_8));
            assertEquals(2, code);
            assertEquals("GPU unavailable: libcuda-statescope-missing.so.1 not found\n", bytes.toString(StandardCharsets.UTF_8));
            assertEquals("{\"gpu\": null, \"reason\": \"libcuda-statescope-missing.so.1 not found\"}", Files.readString(json));
        } finally {
            if (old == null) {
                System.clearProperty(CudaScanKernel.LIBRARY_PROPERTY);
            } else {
                System.setProperty(CudaScanKernel.LIBRARY_PROPERTY, old);
            }
        }
    }

    @Test
    void benchWithoutADriverStillReportsTheCpuPerToken() {
        String old = System.getProperty(CudaScanKernel.LIBRARY_PROPERTY);
        System.setProperty(CudaScanKernel.LIBRARY_PROPERTY, "libcuda-statescope-missing.so.1");
        try {
            var o = new GpuBench.Options(8, 64, 32, 16, GateRange.SIGNED, 2, 2, 1);
            var log = new java.util.ArrayList<String>();
            GpuBench.Report r = GpuBench.run(o, log::add);
            assertEquals(java.util.List.of("GPU unavailable: libcuda-statescope-missing.so.1 not found",
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
