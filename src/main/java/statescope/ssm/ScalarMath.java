package statescope.ssm;

import java.util.Arrays;

/** {@link CpuMath} in plain Java loops: the reference twin of {@code VectorMath}, tested in {@code KernelTwinsTest}. */
final class ScalarMath implements CpuMath {

    @Override
    public String name() {
        return "cpu-scalar";
    }

    @Override
    public void matvec(float[] x, int xOff, int k, float[] bT, int n, float[] y, int yOff, boolean accumulate) {
        if (!accumulate) {
            Arrays.fill(y, yOff, yOff + n, 0f);
        }
        for (int i = 0; i < k; i++) {
            float xi = x[xOff + i];
            int row = i * n;
            for (int j = 0; j < n; j++) {
                y[yOff + j] += xi * bT[row + j];
            }
        }
    }

    @Override
    public void gemm(float[] a, int aOff, int lda, int m, int k, float[] bT, int n,
                     float[] c, int cOff, int ldc, boolean accumulate) {
        for (int r = 0; r < m; r++) {
            matvec(a, aOff + r * lda, k, bT, n, c, cOff + r * ldc, accumulate);
        }
    }

    @Override
    public void mulAdd(float[] a, int aOff, float[] b, int bOff, float[] dst, int dstOff, int len) {
        for (int i = 0; i < len; i++) {
            dst[dstOff + i] += a[aOff + i] * b[bOff + i];
        }
    }

    @Override
    public void silu(float[] src, int srcOff, float[] dst, int dstOff, int len) {
        Activations.silu(src, srcOff, dst, dstOff, len);
    }

    @Override
    public void mulSilu(float[] y, int yOff, float[] z, int zOff, float[] dst, int dstOff, int len) {
        for (int i = 0; i < len; i++) {
            dst[dstOff + i] = y[yOff + i] * Activations.silu(z[zOff + i]);
        }
    }

    @Override
    public void softplusBias(float[] v, int off, float[] bias, int len) {
        Activations.softplus(v, off, bias, v, off, len);
    }

    @Override
    public void scanStep(float[] hT, float[] aT, float[] x, int xOff, float[] delta, int dOff, float[] b, int bOff,
                         float[] c, int cOff, float[] dSkip, int ed, int n, GateRange gates, float[] y, int yOff) {
        for (int d = 0; d < ed; d++) {
            float dt = delta[dOff + d];
            float xt = x[xOff + d];
            float acc = 0f;
            for (int s = 0; s < n; s++) {
                int i = s * ed + d;
                float h = gates.gate(dt * aT[i]) * hT[i] + dt * b[bOff + s] * xt;
                hT[i] = h;
                acc += c[cOff + s] * h;
            }
            y[yOff + d] = acc + dSkip[d] * xt;
        }
    }
}
