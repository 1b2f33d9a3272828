package statescope.ssm;

/** RMSNorm and LayerNorm of one row, scalar (shared by the reference paths and the step). */
final class Norms {

    private Norms() {
    }

    /**
     * out[0..dim) = norm(x[xOff..xOff+dim)) · w (+ b).
     *
     * @param b LayerNorm bias, or null for RMSNorm
     */
    static void apply(NormKind kind, float eps, float[] x, int xOff, int dim, float[] w, float[] b,
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
        } else {
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
        }
    }
}
