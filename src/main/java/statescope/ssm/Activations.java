package statescope.ssm;

/**
 * The scalar nonlinearities of the block, exactly as PyTorch defines them (float in, float out), and
 * their array loops, shared by the scalar kernels of inference ({@code ScalarMath}) and training.
 */
public final class Activations {

    private Activations() {
    }

    /** softplus(x) = log(1 + e^x), returning x itself above PyTorch's threshold 20. */
    public static float softplus(float x) {
        return x > 20f ? x : (float) Math.log1p(Math.exp(x));
    }

    /** SiLU(x) = x · σ(x) = x / (1 + e^−x). */
    public static float silu(float x) {
        return (float) (x / (1.0 + Math.exp(-x)));
    }

    /** σ(x) = 1 / (1 + e^−x). */
    public static float sigmoid(float x) {
        return (float) (1.0 / (1.0 + Math.exp(-x)));
    }

    /** dst[i] = SiLU(src[i]) over arrays (src and dst may be the same range): the scalar kernels' SiLU loop. */
    public static void silu(float[] src, int srcOff, float[] dst, int dstOff, int len) {
        for (int i = 0; i < len; i++) {
            dst[dstOff + i] = silu(src[srcOff + i]);
        }
    }

    /**
     * dst[i] = softplus(src[i] + bias[i]) over arrays (bias may be null; src and dst may be the same
     * range): the scalar kernels' softplus loop, the twin of {@link VectorPolyMath#softplus}.
     */
    public static void softplus(float[] src, int srcOff, float[] bias, float[] dst, int dstOff, int len) {
        for (int i = 0; i < len; i++) {
            dst[dstOff + i] = softplus(bias == null ? src[srcOff + i] : src[srcOff + i] + bias[i]);
        }
    }

    /** A = −exp(A_log) elementwise: the state matrix from Mamba's log-parametrisation, a fresh array. */
    public static float[] stateMatrix(float[] aLog) {
        float[] a = new float[aLog.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) -Math.exp(aLog[i]);
        }
        return a;
    }

    /** Inverse of softplus: x + log(−expm1(−x)), for x &gt; 0 (used for Mamba's Δ-bias initialisation). */
    public static double inverseSoftplus(double y) {
        return y + Math.log(-Math.expm1(-y));
    }
}
