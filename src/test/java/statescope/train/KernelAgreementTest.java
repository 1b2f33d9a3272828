package statescope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import statescope.ssm.GateRange;

/** The Vector API training kernels agree with the scalar reference kernels. */
class KernelAgreementTest {

    private final TrainMath scalar = new ScalarTrainMath();
    private final TrainMath vector = TrainMath.best();

    @Test
    void vectorKernelsAreInUseUnderTheTestJvm() {
        assertTrue(vector.name().startsWith("cpu-vector"), "the test JVM runs with jdk.incubator.vector, got "
                + vector.name());
    }

    static float[] rand(SplittableRandom r, int n, double lo, double hi) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (lo + r.nextDouble() * (hi - lo));
        }
        return v;
    }

    static void close(float[] a, float[] b, double rel, String what) {
        double scale = 1e-6;
        for (float v : a) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < a.length; i++) {
            assertTrue(Math.abs(a[i] - b[i]) <= rel * scale, what + "[" + i + "]: " + a[i] + " vs " + b[i]);
        }
    }

    /** Element by element: each within {@code rel} of its own size (above {@code floor}), so small tails count too. */
    static void closeEach(float[] a, float[] b, double rel, double floor, String what) {
        for (int i = 0; i < a.length; i++) {
            double tol = rel * Math.max(Math.abs(a[i]), floor);
            assertTrue(Math.abs(a[i] - b[i]) <= tol, what + "[" + i + "]: " + a[i] + " vs " + b[i]);
        }
    }

    @Test
    void gemmAgreesForEveryStrideAndTail() {
        SplittableRandom r = new SplittableRandom(1);
        for (int[] mnk : new int[][] {{7, 13, 5}, {16, 32, 9}, {3, 8, 64}, {9, 33, 17}}) {
            int m = mnk[0];
            int n = mnk[1];
            int k = mnk[2];
            float[] a = rand(r, m * k, -1, 1);
            float[] b = rand(r, k * n, -1, 1);
            float[] c0 = rand(r, m * n, -1, 1);
            float[] c1 = c0.clone();
            scalar.gemm(m, n, k, a, 0, k, 1, b, 0, n, c0, 0, n, true);
            vector.gemm(m, n, k, a, 0, k, 1, b, 0, n, c1, 0, n, true);
            close(c0, c1, 1e-5, "gemm NN");
            scalar.gemm(m, n, k, a, 0, 1, m, b, 0, n, c0, 0, n, false);   // A read transposed
            vector.gemm(m, n, k, a, 0, 1, m, b, 0, n, c1, 0, n, false);
            close(c0, c1, 1e-5, "gemm TN");
        }
    }

    @Test
    void activationsAgree() {
        SplittableRandom r = new SplittableRandom(2);
        float[] x = rand(r, 37, -30, 30);
        float[] g = rand(r, 37, -1, 1);
        float[] a = new float[37];
        float[] b = new float[37];
        scalar.silu(x, 0, a, 0, 37);
        vector.silu(x, 0, b, 0, 37);
        closeEach(a, b, 1e-5, 1e-30, "silu");
        scalar.siluBackward(x, 0, g, 0, a, 0, 37);
        vector.siluBackward(x, 0, g, 0, b, 0, 37);
        closeEach(a, b, 1e-5, 1e-30, "silu'");
        scalar.softplus(x, 0, a, 0, 37);
        vector.softplus(x, 0, b, 0, 37);
        closeEach(a, b, 1e-5, 1e-30, "softplus");
        scalar.softplusBackward(x, 0, g, 0, a, 0, 37);
        vector.softplusBackward(x, 0, g, 0, b, 0, 37);
        closeEach(a, b, 1e-5, 1e-30, "softplus'");
    }

    @ParameterizedTest
    @EnumSource(GateRange.class)
    void scanForwardAndBackwardAgree(GateRange gates) {
        SplittableRandom r = new SplittableRandom(3);
        int t = 40;
        int ed = 32;
        int n = 16;
        int rank = 2;
        int w = rank + 2 * n;
        float[] aT = rand(r, n * ed, -4, -0.5);
        float[] x = rand(r, t * ed, -1, 1);
        float[] delta = rand(r, t * ed, 0.001, 1.5);
        float[] dbc = rand(r, t * w, -1, 1);
        float[] dSkip = rand(r, ed, 0.5, 1.5);
        float[][] hs = {new float[t * n * ed], new float[t * n * ed]};
        float[][] y = {new float[t * ed], new float[t * ed]};
        TrainMath[] ms = {scalar, vector};
        for (int i = 0; i < 2; i++) {
            ms[i].scanForward(t, ed, n, rank, gates, aT, x, delta, dbc, dSkip, hs[i], y[i]);
        }
        close(hs[0], hs[1], 1e-5, "h");
        close(y[0], y[1], 1e-5, "y");
        float[] dy = rand(r, t * ed, -1, 1);
        float[][] dx = new float[2][t * ed];
        float[][] dDelta = new float[2][t * ed];
        float[][] ddbc = new float[2][t * w];
        float[][] dAT = new float[2][n * ed];
        float[][] dD = new float[2][ed];
        for (int i = 0; i < 2; i++) {
            ms[i].scanBackward(t, ed, n, rank, gates, aT, x, delta, dbc, dSkip, hs[0], dy, dx[i], dDelta[i],
                    ddbc[i], dAT[i], dD[i], new float[n * ed]);
        }
        close(dx[0], dx[1], 1e-5, "dx");
        close(dDelta[0], dDelta[1], 1e-5, "dΔ");
        close(ddbc[0], ddbc[1], 1e-5, "dB,dC");
        close(dAT[0], dAT[1], 1e-5, "dA");
        close(dD[0], dD[1], 1e-5, "dD");
        assertEquals(0f, ddbc[1][0]);
    }
}
