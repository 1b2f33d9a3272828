package statescope.ssm.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import statescope.ssm.GateRange;
import statescope.ssm.ReferenceScan;
import statescope.ssm.ScanBatch;
import statescope.ssm.ScanResult;

/** The equivalence check's own logic (agreement, reporting), without a GPU. */
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
    void everyCasePassesWhenTheDeviceComputesTheReference() {
        try (var fake = new FakeCudaDriver(new ReferenceScan()); var gpu = CudaScanKernel.open(fake.driver(), 0)) {
            for (GpuCheck.Case c : GpuCheck.edgeCases()) {
                GpuCheck.Outcome o = GpuCheck.run(gpu, c);
                assertTrue(o.ok(), c.label() + ": " + o.agreement().summary());
            }
            assertEquals(List.of(), fake.failures());
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
}
