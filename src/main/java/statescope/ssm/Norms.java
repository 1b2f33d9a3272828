package statescope.ssm;

/**
 * RMSNorm and LayerNorm of one row, scalar: the one norm forward of the step, the batched forward,
 * the reference forward and training (which keeps the returned 1/σ for its backward pass).
 */
public final class Norms {

    private Norms() {
    }

    /**
     * out[0..dim) = norm(x[xOff..xOff+dim)) · w (+ b), with norm(x) = (x − mean) / σ for LayerNorm and
     * x / rms(x) for RMSNorm, σ and rms taken with {@code eps} under the root.
     *
     * @param b the bias of a LayerNorm (always present); unused, and null, for RMSNorm
     * @return 1/σ (LayerNorm) or 1/rms (RMSNorm) of the row, as used
     */
    public static float forward(NormKind kind, float eps, float[] x, int xOff, int dim, float[] w, float[] b,
                                float[] out, int outOff) {
        if (kind == NormKind.RMS) {
            float ss = 0f;
            for (int i = 0; i < dim; i++) {
                float v = x[xOff + i];
                ss += v * v;
            }
            float inv = (float) (1.0 / Math.sqrt(ss / dim + eps));
            for (int i = 0; i < dim; i++) {
                out[outOff + i] = x[xOff + i] * inv * w[i];
            }
            return inv;
        }
        float mean = 0f;
        for (int i = 0; i < dim; i++) {
            mean += x[xOff + i];
        }
        mean /= dim;
        float var = 0f;
        for (int i = 0; i < dim; i++) {
            float v = x[xOff + i] - mean;
            var += v * v;
        }
        var /= dim;
        float inv = (float) (1.0 / Math.sqrt(var + eps));
        for (int i = 0; i < dim; i++) {
            out[outOff + i] = (x[xOff + i] - mean) * inv * w[i] + b[i];
        }
        return inv;
    }
}
