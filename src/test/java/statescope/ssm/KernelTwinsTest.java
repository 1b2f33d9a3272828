package statescope.ssm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fast kernels of the inference path agree with their reference twins: {@link VectorMath} with
 * {@link ScalarMath} (every {@link CpuMath} primitive, the scan step included) and {@link VectorScan}
 * with {@link ReferenceScan}, on odd sizes that exercise the vector tails. The other twins have their
 * own tests: {@code PolyMathTest} (VectorPolyMath, bit for bit), {@code train.KernelAgreementTest}
 * (VectorTrainMath) and the GPU tests (the CUDA scan); {@code AgreementTest} checks whole models.
 */
class KernelTwinsTest {

    private final CpuMath fast = VectorSupport.math();
    private final CpuMath reference = new ScalarMath();

    static float[] gaussian(SplittableRandom r, int n, double scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextGaussian() * scale);
        }
        return v;
    }

    static float[] uniform(SplittableRandom r, int n, double lo, double hi) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (lo + r.nextDouble() * (hi - lo));
        }
        return v;
    }

    @Test
    void theTestJvmRunsTheVectorTwins() {
        assertTrue(fast instanceof VectorMath, "the test JVM runs with jdk.incubator.vector, got " + fast.name());
        assertTrue(VectorSupport.fastScan(1) instanceof VectorScan);
    }

    @Test
    void vectorAndScalarPrimitivesAgreeOnOddSizes() {
        var rnd = new SplittableRandom(8);
        for (int[] mkn : new int[][] {{1, 1, 1}, {3, 5, 7}, {4, 64, 256}, {9, 128, 36}, {5, 4, 128}, {17, 13, 33}}) {
            int m = mkn[0];
            int k = mkn[1];
            int n = mkn[2];
            float[] a = gaussian(rnd, m * (k + 2), 1);
            float[] bT = gaussian(rnd, k * n, 1);
            float[] c1 = new float[m * (n + 1) + 3];
            Arrays.fill(c1, 0.5f);
            float[] c2 = c1.clone();
            fast.gemm(a, 1, k + 2, m, k, bT, n, c1, 3, n + 1, true);
            reference.gemm(a, 1, k + 2, m, k, bT, n, c2, 3, n + 1, true);
            assertTrue(Traces.maxAbs(c1, c2) < 1e-4, "gemm " + Arrays.toString(mkn));
            float[] y1 = uniform(rnd, n + 2, -1, 1);
            float[] y2 = y1.clone();
            fast.matvec(a, 1, k, bT, n, y1, 2, false);
            reference.matvec(a, 1, k, bT, n, y2, 2, false);
            assertTrue(Traces.maxAbs(y1, y2) < 1e-4, "matvec " + Arrays.toString(mkn));
            float[] src = Arrays.copyOf(a, 37);
            float[] d1 = new float[37];
            float[] d2 = new float[37];
            fast.silu(src, 0, d1, 0, 37);
            reference.silu(src, 0, d2, 0, 37);
            assertTrue(Traces.maxAbs(d1, d2) < 1e-6, "silu");
            float[] z = gaussian(rnd, 37, 3);
            fast.mulSilu(src, 1, z, 0, d1, 0, 36);
            reference.mulSilu(src, 1, z, 0, d2, 0, 36);
            assertTrue(Traces.maxAbs(d1, d2) < 1e-5, "mulSilu");
            fast.mulAdd(src, 0, z, 1, d1, 1, 35);
            reference.mulAdd(src, 0, z, 1, d2, 1, 35);
            assertTrue(Traces.maxAbs(d1, d2) < 1e-5, "mulAdd");
            float[] bias = Arrays.copyOf(bT, 37);
            float[] p1 = src.clone();
            float[] p2 = src.clone();
            p1[3] = 25f;
            p2[3] = 25f;
            fast.softplusBias(p1, 0, bias, 37);
            reference.softplusBias(p2, 0, bias, 37);
            assertTrue(Traces.maxAbs(p1, p2) < 1e-5, "softplus");
        }
    }

    @ParameterizedTest
    @EnumSource(GateRange.class)
    void scanStepAgreesTokenAfterToken(GateRange gates) {
        var rnd = new SplittableRandom(12);
        for (int[] shape : new int[][] {{1, 1}, {7, 3}, {16, 16}, {37, 5}, {64, 16}, {130, 4}}) {
            int ed = shape[0];
            int n = shape[1];
            float[] aT = uniform(rnd, n * ed, -4, -0.1);                          // [N, ED]
            float[] dSkip = uniform(rnd, ed, 0.5, 1.5);                           // [ED]
            float[] h1 = gaussian(rnd, n * ed, 0.5);                             // [N, ED]
            float[] h2 = h1.clone();
            for (int t = 0; t < 20; t++) {
                float[] x = gaussian(rnd, ed + 1, 1);                            // [ED] from offset 1
                float[] delta = uniform(rnd, ed + 2, 0.001, 1.5);                // [ED] from offset 2
                float[] bc = gaussian(rnd, 3 + 2 * n, 1);                        // B at 3, C at 3 + N
                float[] y1 = new float[ed + 1];
                float[] y2 = new float[ed + 1];
                fast.scanStep(h1, aT, x, 1, delta, 2, bc, 3, bc, 3 + n, dSkip, ed, n, gates, y1, 1);
                reference.scanStep(h2, aT, x, 1, delta, 2, bc, 3, bc, 3 + n, dSkip, ed, n, gates, y2, 1);
                String what = gates + " ED=" + ed + " N=" + n + " t=" + t;
                assertTrue(Traces.maxAbs(h1, h2) < 1e-5, "h " + what);
                assertTrue(Traces.maxAbs(y1, y2) < 1e-5, "y " + what);
                assertEquals(0f, y1[0], "nothing written before yOff");
            }
        }
    }

    /** A batch with padding (lengths differ, one string empty), random h0 and Mamba-like ranges. */
    static ScanBatch batch(long seed, int ed, int n, GateRange gates, boolean h0) {
        var rnd = new SplittableRandom(seed);
        int[] lengths = {23, 0, 7, 30, 1};
        int bSz = lengths.length;
        int tMax = 30;
        float[] x = gaussian(rnd, bSz * tMax * ed, 1);                           // [B, T, ED]
        float[] delta = uniform(rnd, bSz * tMax * ed, 0.001, 1.0);               // [B, T, ED]
        float[] a = uniform(rnd, ed * n, -8, -0.1);                               // [ED, N]
        float[] b = gaussian(rnd, bSz * tMax * n, 1);                            // [B, T, N]
        float[] c = gaussian(rnd, bSz * tMax * n, 0.25);                         // [B, T, N]
        float[] dSkip = uniform(rnd, ed, 0.5, 1.5);                               // [ED]
        float[] h = h0 ? gaussian(rnd, bSz * ed * n, 0.5) : null;                // [B, ED, N]
        return new ScanBatch(bSz, tMax, ed, n, lengths, x, delta, a, b, c, dSkip, h, gates);
    }

    @ParameterizedTest
    @EnumSource(GateRange.class)
    void vectorScanAgreesWithReferenceScan(GateRange gates) {
        SelectiveScanKernel ref = new ReferenceScan();
        for (int[] shape : new int[][] {{1, 1}, {13, 4}, {32, 16}, {37, 7}, {128, 16}}) {
            for (int threads : new int[] {1, 3}) {
                for (boolean h0 : new boolean[] {false, true}) {
                    ScanBatch in = batch(shape[0] * 31L + shape[1], shape[0], shape[1], gates, h0);
                    float[] xBefore = in.x().clone();
                    ScanResult want = ref.scan(in, true);
                    ScanResult got = new VectorScan(threads).scan(in, true);
                    String what = gates + " ED=" + shape[0] + " N=" + shape[1] + " threads=" + threads + " h0=" + h0;
                    assertTrue(Traces.maxAbs(want.y(), got.y()) < 1e-5, "y " + what);
                    assertTrue(Traces.maxAbs(want.hAll(), got.hAll()) < 1e-5, "h_t " + what);
                    assertTrue(Traces.maxAbs(want.hLast(), got.hLast()) < 1e-5, "h_last " + what);
                    assertArrayEquals(xBefore, in.x(), "the input is not modified");
                    assertArrayEquals(meanOverN(want.hAll(), shape[1]), want.hMean(), "reference mean " + what);
                    assertArrayEquals(meanOverN(got.hAll(), shape[1]), got.hMean(), "vector mean " + what);
                    for (SelectiveScanKernel k : new SelectiveScanKernel[] {ref, new VectorScan(threads)}) {
                        ScanResult plain = k == ref ? want : got;
                        ScanResult major = k.scan(in, true, ScanResult.allocate(in, true, true));
                        assertTrue(major.stateMajor(), k.name());
                        assertArrayEquals(plain.hAll(), asEdN(major, in), k.name() + " [N, ED] states " + what);
                        assertArrayEquals(plain.hMean(), major.hMean(), k.name() + " means " + what);
                        assertArrayEquals(plain.y(), major.y(), k.name() + " y " + what);
                    }
                    ScanResult noStates = new VectorScan(threads).scan(in, false);
                    assertEquals(null, noStates.hAll());
                    assertEquals(null, noStates.hMean());
                    assertArrayEquals(got.y(), noStates.y(), "y does not depend on emitting the states");
                }
            }
        }
    }

    /** Every state of {@code r} read back as [B, T, ED, N]. */
    private static float[] asEdN(ScanResult r, ScanBatch in) {
        int ed = in.dInner();
        int n = in.dState();
        float[] out = new float[r.hAll().length];
        for (int b = 0; b < in.batch(); b++) {
            for (int t = 0; t < in.maxLen(); t++) {
                r.state(b, t, in.maxLen(), ed, n, out, (b * in.maxLen() + t) * ed * n);
            }
        }
        return out;
    }

    /** Each [.., N] row's mean: summed over n in order from 0, then divided by N (the readers' bits). */
    private static float[] meanOverN(float[] hAll, int n) {
        float[] out = new float[hAll.length / n];
        for (int i = 0; i < out.length; i++) {
            float sum = 0f;
            for (int s = 0; s < n; s++) {
                sum += hAll[i * n + s];
            }
            out[i] = sum / n;
        }
        return out;
    }
}
