package statescope.ssm;

/** The scalar nonlinearities of the block, exactly as PyTorch defines them (float in, float out). */
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
