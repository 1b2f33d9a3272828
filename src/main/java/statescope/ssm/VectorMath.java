package statescope.ssm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link CpuMath} on the Java Vector API: lanes run over output columns / channels, so no horizontal
 * reductions are needed; the scan step is {@link VectorScan}'s token with one block of all ED channels.
 * Its reference twin is {@link ScalarMath}, which it agrees with to float rounding
 * ({@code KernelTwinsTest}). Loaded only through {@link VectorSupport}.
 */
final class VectorMath implements CpuMath {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = S.length();

    @Override
    public String name() {
        return "cpu-vector (" + S.vectorBitSize() + "-bit)";
    }

    @Override
    public void matvec(float[] x, int xOff, int k, float[] bT, int n, float[] y, int yOff, boolean accumulate) {
        int j = 0;
        for (; j + 4 * LANES <= n; j += 4 * LANES) {
            matvec4(x, xOff, k, bT, n, j, y, yOff, accumulate);
        }
        for (; j + LANES <= n; j += LANES) {
            matvec1(x, xOff, k, bT, n, j, y, yOff, accumulate);
        }
        if (j < n) {                                      // masked tail, n − j < LANES (rare: weights are padded)
            matvec1Masked(x, xOff, k, bT, n, j, y, yOff, accumulate, S.indexInRange(j, n));
        }
    }

    private static void matvec4(float[] x, int xOff, int k, float[] bT, int n, int j, float[] y, int yOff,
                                boolean accumulate) {
        FloatVector c0 = init(y, yOff + j, accumulate);
        FloatVector c1 = init(y, yOff + j + LANES, accumulate);
        FloatVector c2 = init(y, yOff + j + 2 * LANES, accumulate);
        FloatVector c3 = init(y, yOff + j + 3 * LANES, accumulate);
        for (int i = 0; i < k; i++) {
            FloatVector xi = FloatVector.broadcast(S, x[xOff + i]);
            int row = i * n + j;
            c0 = FloatVector.fromArray(S, bT, row).fma(xi, c0);
            c1 = FloatVector.fromArray(S, bT, row + LANES).fma(xi, c1);
            c2 = FloatVector.fromArray(S, bT, row + 2 * LANES).fma(xi, c2);
            c3 = FloatVector.fromArray(S, bT, row + 3 * LANES).fma(xi, c3);
        }
        c0.intoArray(y, yOff + j);
        c1.intoArray(y, yOff + j + LANES);
        c2.intoArray(y, yOff + j + 2 * LANES);
        c3.intoArray(y, yOff + j + 3 * LANES);
    }

    private static void matvec1(float[] x, int xOff, int k, float[] bT, int n, int j, float[] y, int yOff,
                                boolean accumulate) {
        FloatVector c0 = init(y, yOff + j, accumulate);
        for (int i = 0; i < k; i++) {
            c0 = FloatVector.fromArray(S, bT, i * n + j).fma(FloatVector.broadcast(S, x[xOff + i]), c0);
        }
        c0.intoArray(y, yOff + j);
    }

    private static void matvec1Masked(float[] x, int xOff, int k, float[] bT, int n, int j, float[] y, int yOff,
                                      boolean accumulate, VectorMask<Float> mk) {
        FloatVector c0 = initMasked(y, yOff + j, accumulate, mk);
        for (int i = 0; i < k; i++) {
            c0 = FloatVector.fromArray(S, bT, i * n + j, mk).fma(FloatVector.broadcast(S, x[xOff + i]), c0);
        }
        c0.intoArray(y, yOff + j, mk);
    }

    private static FloatVector init(float[] y, int off, boolean accumulate) {
        return accumulate ? FloatVector.fromArray(S, y, off) : FloatVector.zero(S);
    }

    @Override
    public void gemm(float[] a, int aOff, int lda, int m, int k, float[] bT, int n,
                     float[] c, int cOff, int ldc, boolean accumulate) {
        // each micro-kernel is its own small method: C2 must inline every Vector API call, and a
        // large method exhausts its inlining budget (then vectors are boxed and run ~100x slower)
        int r = 0;
        for (; r + 4 <= m; r += 4) {
            int a0 = aOff + r * lda;
            int o0 = cOff + r * ldc;
            int j = 0;
            for (; j + 2 * LANES <= n; j += 2 * LANES) {
                kernel4x2(a, a0, lda, k, bT, n, j, c, o0, ldc, accumulate);
            }
            for (; j + LANES <= n; j += LANES) {
                kernel4x1(a, a0, lda, k, bT, n, j, c, o0, ldc, accumulate);
            }
            if (j < n) {
                kernel4x1Masked(a, a0, lda, k, bT, n, j, c, o0, ldc, accumulate, S.indexInRange(j, n));
            }
        }
        for (; r < m; r++) {
            matvec(a, aOff + r * lda, k, bT, n, c, cOff + r * ldc, accumulate);
        }
    }

    /** C[4 rows, 2·LANES columns from j] (+)= A[4 rows, k] · bT[k, j..j+2·LANES). */
    private static void kernel4x2(float[] a, int a0, int lda, int k, float[] bT, int n, int j,
                                  float[] c, int o0, int ldc, boolean accumulate) {
        int a1 = a0 + lda;
        int a2 = a1 + lda;
        int a3 = a2 + lda;
        FloatVector c00 = init(c, o0 + j, accumulate);
        FloatVector c01 = init(c, o0 + j + LANES, accumulate);
        FloatVector c10 = init(c, o0 + ldc + j, accumulate);
        FloatVector c11 = init(c, o0 + ldc + j + LANES, accumulate);
        FloatVector c20 = init(c, o0 + 2 * ldc + j, accumulate);
        FloatVector c21 = init(c, o0 + 2 * ldc + j + LANES, accumulate);
        FloatVector c30 = init(c, o0 + 3 * ldc + j, accumulate);
        FloatVector c31 = init(c, o0 + 3 * ldc + j + LANES, accumulate);
        for (int i = 0; i < k; i++) {
            FloatVector b0 = FloatVector.fromArray(S, bT, i * n + j);
            FloatVector b1 = FloatVector.fromArray(S, bT, i * n + j + LANES);
            FloatVector v = FloatVector.broadcast(S, a[a0 + i]);
            c00 = b0.fma(v, c00);
            c01 = b1.fma(v, c01);
            v = FloatVector.broadcast(S, a[a1 + i]);
            c10 = b0.fma(v, c10);
            c11 = b1.fma(v, c11);
            v = FloatVector.broadcast(S, a[a2 + i]);
            c20 = b0.fma(v, c20);
            c21 = b1.fma(v, c21);
            v = FloatVector.broadcast(S, a[a3 + i]);
            c30 = b0.fma(v, c30);
            c31 = b1.fma(v, c31);
        }
        c00.intoArray(c, o0 + j);
        c01.intoArray(c, o0 + j + LANES);
        c10.intoArray(c, o0 + ldc + j);
        c11.intoArray(c, o0 + ldc + j + LANES);
        c20.intoArray(c, o0 + 2 * ldc + j);
        c21.intoArray(c, o0 + 2 * ldc + j + LANES);
        c30.intoArray(c, o0 + 3 * ldc + j);
        c31.intoArray(c, o0 + 3 * ldc + j + LANES);
    }

    /** C[4 rows, one vector of columns from j] (+)= A[4 rows, k] · bT[k, j..j+LANES). */
    private static void kernel4x1(float[] a, int a0, int lda, int k, float[] bT, int n, int j,
                                  float[] c, int o0, int ldc, boolean accumulate) {
        int a1 = a0 + lda;
        int a2 = a1 + lda;
        int a3 = a2 + lda;
        FloatVector c0 = init(c, o0 + j, accumulate);
        FloatVector c1 = init(c, o0 + ldc + j, accumulate);
        FloatVector c2 = init(c, o0 + 2 * ldc + j, accumulate);
        FloatVector c3 = init(c, o0 + 3 * ldc + j, accumulate);
        for (int i = 0; i < k; i++) {
            FloatVector b0 = FloatVector.fromArray(S, bT, i * n + j);
            c0 = b0.fma(FloatVector.broadcast(S, a[a0 + i]), c0);
            c1 = b0.fma(FloatVector.broadcast(S, a[a1 + i]), c1);
            c2 = b0.fma(FloatVector.broadcast(S, a[a2 + i]), c2);
            c3 = b0.fma(FloatVector.broadcast(S, a[a3 + i]), c3);
        }
        c0.intoArray(c, o0 + j);
        c1.intoArray(c, o0 + ldc + j);
        c2.intoArray(c, o0 + 2 * ldc + j);
        c3.intoArray(c, o0 + 3 * ldc + j);
    }

    /** As {@link #kernel4x1} for the last, partial vector of columns. */
    private static void kernel4x1Masked(float[] a, int a0, int lda, int k, float[] bT, int n, int j,
                                  float[] c, int o0, int ldc, boolean accumulate, VectorMask<Float> mk) {
        int a1 = a0 + lda;
        int a2 = a1 + lda;
        int a3 = a2 + lda;
        FloatVector c0 = initMasked(c, o0 + j, accumulate, mk);
        FloatVector c1 = initMasked(c, o0 + ldc + j, accumulate, mk);
        FloatVector c2 = initMasked(c, o0 + 2 * ldc + j, accumulate, mk);
        FloatVector c3 = initMasked(c, o0 + 3 * ldc + j, accumulate, mk);
        for (int i = 0; i < k; i++) {
            FloatVector b0 = FloatVector.fromArray(S, bT, i * n + j, mk);
            c0 = b0.fma(FloatVector.broadcast(S, a[a0 + i]), c0);
            c1 = b0.fma(FloatVector.broadcast(S, a[a1 + i]), c1);
            c2 = b0.fma(FloatVector.broadcast(S, a[a2 + i]), c2);
            c3 = b0.fma(FloatVector.broadcast(S, a[a3 + i]), c3);
        }
        c0.intoArray(c, o0 + j, mk);
        c1.intoArray(c, o0 + ldc + j, mk);
        c2.intoArray(c, o0 + 2 * ldc + j, mk);
        c3.intoArray(c, o0 + 3 * ldc + j, mk);
    }

    private static FloatVector initMasked(float[] c, int off, boolean accumulate, VectorMask<Float> mk) {
        return accumulate ? FloatVector.fromArray(S, c, off, mk) : FloatVector.zero(S);
    }

    @Override
    public void mulAdd(float[] a, int aOff, float[] b, int bOff, float[] dst, int dstOff, int len) {
        int i = 0;
        for (int up = S.loopBound(len); i < up; i += LANES) {
            FloatVector.fromArray(S, a, aOff + i)
                    .fma(FloatVector.fromArray(S, b, bOff + i), FloatVector.fromArray(S, dst, dstOff + i))
                    .intoArray(dst, dstOff + i);
        }
        for (; i < len; i++) {
            dst[dstOff + i] = Math.fma(a[aOff + i], b[bOff + i], dst[dstOff + i]);
        }
    }

    @Override
    public void silu(float[] src, int srcOff, float[] dst, int dstOff, int len) {
        VectorPolyMath.silu(src, srcOff, dst, dstOff, len);
    }

    @Override
    public void mulSilu(float[] y, int yOff, float[] z, int zOff, float[] dst, int dstOff, int len) {
        int i = 0;
        for (int up = S.loopBound(len); i < up; i += LANES) {
            FloatVector.fromArray(S, y, yOff + i).mul(VectorPolyMath.silu(FloatVector.fromArray(S, z, zOff + i)))
                    .intoArray(dst, dstOff + i);
        }
        for (; i < len; i++) {
            dst[dstOff + i] = y[yOff + i] * PolyMath.silu(z[zOff + i]);
        }
    }

    @Override
    public void softplusBias(float[] v, int off, float[] bias, int len) {
        VectorPolyMath.softplus(v, off, bias, v, off, len);
    }

    @Override
    public void scanStep(float[] hT, float[] aT, float[] x, int xOff, float[] delta, int dOff, float[] b, int bOff,
                         float[] c, int cOff, float[] dSkip, int ed, int n, GateRange gates, float[] y, int yOff) {
        boolean signed = gates == GateRange.SIGNED;
        int vecEnd = S.loopBound(ed);
        VectorScan.token(x, xOff, delta, dOff, aT, b, bOff, c, cOff, dSkip, ed, n, 0, vecEnd, ed, signed, hT, y, yOff,
                null, 0, null, null, false);
        VectorScan.tokenTail(x, xOff, delta, dOff, aT, b, bOff, c, cOff, dSkip, ed, n, 0, vecEnd, ed, ed, signed, hT,
                y, yOff, null, 0, null, false);
    }
}
