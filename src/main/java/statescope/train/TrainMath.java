package statescope.train;

import java.lang.invoke.MethodHandles;
import statescope.ssm.GateRange;
import statescope.ssm.VectorSupport;

/**
 * The numeric primitives of training (forward with caches, backward), in two implementations:
 * {@code VectorTrainMath} (Java Vector API) and its reference twin {@link ScalarTrainMath} (plain loops),
 * chosen by {@link VectorSupport} through {@link #best()}. Arrays are flat and row-major; shapes in the
 * symbols of the {@code statescope.ssm} legend (T length, ED d_inner, N d_state, R dt_rank).
 */
interface TrainMath {

    /** Short name for benchmark tables. */
    String name();

    /**
     * C[i, j] (+)= Σ_p A(i, p) · B[p, j] for i &lt; m, j &lt; n, p &lt; k, where
     * A(i, p) = a[aOff + i·aRow + p·aCol] (so a transposed A is just other strides) and
     * B[p, j] = b[bOff + p·ldb + j], C[i, j] = c[cOff + i·ldc + j].
     */
    void gemm(int m, int n, int k, float[] a, int aOff, int aRow, int aCol, float[] b, int bOff, int ldb,
              float[] c, int cOff, int ldc, boolean accumulate);

    /** dst[i] = SiLU(src[i]). */
    void silu(float[] src, int srcOff, float[] dst, int dstOff, int len);

    /** g[i] = dOut[i] · SiLU'(pre[i]) (+ g[i] when accumulating). */
    void siluBackward(float[] pre, int preOff, float[] dOut, int dOff, float[] g, int gOff, int len);

    /** dst[i] = softplus(src[i]) (PyTorch's threshold 20). */
    void softplus(float[] src, int srcOff, float[] dst, int dstOff, int len);

    /** g[i] = dOut[i] · σ(pre[i]) (softplus'; 1 above the threshold). */
    void softplusBackward(float[] pre, int preOff, float[] dOut, int dOff, float[] g, int gOff, int len);

    /**
     * Forward selective scan of one sequence, keeping every state.
     *
     * @param hs    out [T, N, ED]: h_t
     * @param aT    [N, ED] A = −exp(A_log), transposed
     * @param x     [T, ED]
     * @param delta [T, ED]
     * @param dbc   [T, R+2N] (B at column r, C at column r+n)
     * @param dSkip [ED]
     * @param y     out [T, ED]
     */
    void scanForward(int tLen, int ed, int n, int r, GateRange gates, float[] aT, float[] x, float[] delta,
                     float[] dbc, float[] dSkip, float[] hs, float[] y);

    /**
     * Backward of {@link #scanForward}: given dy [T, ED], accumulates dx [T, ED], dDelta [T, ED] (both
     * overwritten, not accumulated), dB / dC into columns r.. / r+n.. of ddbc [T, R+2N] (overwritten),
     * and adds into dAT [N, ED] (gradient w.r.t. A, transposed) and dD [ED].
     *
     * @param dh scratch [N, ED]
     */
    void scanBackward(int tLen, int ed, int n, int r, GateRange gates, float[] aT, float[] x, float[] delta,
                      float[] dbc, float[] dSkip, float[] hs, float[] dy, float[] dx, float[] dDelta,
                      float[] ddbc, float[] dAT, float[] dD, float[] dh);

    /** y[i] += a · x[i]. */
    void axpy(float a, float[] x, int xOff, float[] y, int yOff, int len);

    /** Σ x[i]·y[i]. */
    float dot(float[] x, int xOff, float[] y, int yOff, int len);

    /**
     * The Vector API implementation when {@link VectorSupport} chooses the vector kernels, else the
     * scalar one: the same decision as the step, the batched forward and the scan.
     */
    static TrainMath best() {
        return VectorSupport.pick(MethodHandles.lookup(), TrainMath.class, "statescope.train.VectorTrainMath",
                ScalarTrainMath::new);
    }
}
