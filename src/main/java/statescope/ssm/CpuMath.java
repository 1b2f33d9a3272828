package statescope.ssm;

/**
 * The numeric primitives of the step and the batched forward, in two implementations: {@code VectorMath}
 * (Java Vector API) and its reference twin {@link ScalarMath} (plain loops), chosen by
 * {@link VectorSupport}. Arrays are flat and row-major; weights come pre-transposed ([in, out]) so that
 * every product runs along contiguous rows and needs no horizontal reduction.
 */
interface CpuMath {

    /** Short name for status bars and benchmark tables. */
    String name();

    /** y[0..n) (+)= x[0..k) · bT, with bT [k, n]. */
    void matvec(float[] x, int xOff, int k, float[] bT, int n, float[] y, int yOff, boolean accumulate);

    /** C[m, n] (+)= A[m, k] · bT[k, n]; A and C rows are {@code lda} / {@code ldc} apart. */
    void gemm(float[] a, int aOff, int lda, int m, int k, float[] bT, int n,
              float[] c, int cOff, int ldc, boolean accumulate);

    /** dst[i] += a[i] · b[i]. */
    void mulAdd(float[] a, int aOff, float[] b, int bOff, float[] dst, int dstOff, int len);

    /** dst[i] = SiLU(src[i]); src and dst may be the same range. */
    void silu(float[] src, int srcOff, float[] dst, int dstOff, int len);

    /** dst[i] = y[i] · SiLU(z[i]). */
    void mulSilu(float[] y, int yOff, float[] z, int zOff, float[] dst, int dstOff, int len);

    /** v[i] = softplus(v[i] + bias[i]). */
    void softplusBias(float[] v, int off, float[] bias, int len);

    /**
     * One token of the selective scan for all ED channels, state updated in place:
     * h[n, d] = gate(Δ[d]·aT[n, d])·h[n, d] + Δ[d]·B[n]·x[d];  y[d] = Σ_n C[n]·h[n, d] + D[d]·x[d].
     *
     * @param hT [N, ED]
     * @param aT [N, ED]
     */
    void scanStep(float[] hT, float[] aT, float[] x, int xOff, float[] delta, int dOff, float[] b, int bOff,
                  float[] c, int cOff, float[] dSkip, int ed, int n, GateRange gates, float[] y, int yOff);
}
