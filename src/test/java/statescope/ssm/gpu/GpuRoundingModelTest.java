package statescope.ssm.gpu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import statescope.ssm.GateRange;
import statescope.ssm.ReferenceScan;
import statescope.ssm.ScanBatch;
import statescope.ssm.ScanResult;

/**
 * Is 1e-5 a fair tolerance for the GPU? This models the kernel's arithmetic on the CPU: each gate is
 * exp2(Δ·(A·log2 e)) off by up to one ulp (ex2.approx's error), h and y use fused multiply-adds, and
 * y sums in two accumulators. On the equivalence check's inputs (T = 4096, long memories with Ā near 1),
 * the model must stay well inside 1e-5 of the reference, or the GPU check would fail for rounding alone.
 */
class GpuRoundingModelTest {

    private static final float LOG2E = 1.4426950408889634f;

    @ParameterizedTest
    @EnumSource(GateRange.class)
    void kernelLikeRoundingStaysWellInsideTheTolerance(GateRange gates) {
        ScanBatch in = ScanInputs.mambaLike(99, 3, 4096, 64, 16, gates, true, true);
        ScanResult ref = new ReferenceScan().scan(in, true);
        ScanResult model = kernelModel(in, new SplittableRandom(5));
        var a = ScanAgreement.compare(in, model, new ReferenceScan(), 3);
        assertTrue(a.within(GpuCheck.TOLERANCE / 3), a.summary() + "; worst " + a.worst());
        assertTrue(ref.y().length == model.y().length);
    }

    private static ScanResult kernelModel(ScanBatch in, SplittableRandom ulp) {
        int bs = in.batch(), tl = in.maxLen(), dd = in.dInner(), nn = in.dState();
        float[] y = new float[bs * tl * dd];
        float[] hLast = new float[bs * dd * nn];
        float[] hAll = new float[bs * tl * dd * nn];
        for (int b = 0; b < bs; b++) {
            for (int d = 0; d < dd; d++) {
                float[] h = new float[nn];
                for (int n = 0; n < nn && in.h0() != null; n++) {
                    h[n] = in.h0()[(b * dd + d) * nn + n];
                }
                for (int t = 0; t < in.lengths()[b]; t++) {
                    int row = b * tl + t;
                    float xv = in.x()[row * dd + d];
                    float dv = in.delta()[row * dd + d];
                    float dx = dv * xv;
                    float acc0 = in.dSkip()[d] * xv;
                    float acc1 = 0;
                    for (int n = 0; n < nn; n++) {
                        float e = (float) Math.pow(2, dv * (in.a()[d * nn + n] * LOG2E));
                        int k = ulp.nextInt(3) - 1;
                        e = k == 0 ? e : k > 0 ? Math.nextUp(e) : Math.nextDown(e);
                        float gate = in.gates() == GateRange.SIGNED ? Math.fma(2f, e, -1f) : e;
                        h[n] = Math.fma(gate, h[n], dx * in.b()[row * nn + n]);
                        if ((n & 1) == 1) {
                            acc1 = Math.fma(in.c()[row * nn + n], h[n], acc1);
                        } else {
                            acc0 = Math.fma(in.c()[row * nn + n], h[n], acc0);
                        }
                        hAll[(row * dd + d) * nn + n] = h[n];
                    }
                    y[row * dd + d] = acc0 + acc1;
                }
                System.arraycopy(h, 0, hLast, (b * dd + d) * nn, nn);
            }
        }
        return new ScanResult(y, hLast, hAll);
    }
}
