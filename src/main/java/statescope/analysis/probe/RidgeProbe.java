package statescope.analysis.probe;

/**
 * A fitted linear probe: scores = standardize(x)·W + ȳ, with W [F, K] the ridge least-squares solution
 * (ZᵀZ + λ·R·I) W = Zᵀ(Y − ȳ) on standardized features Z (constant features are dropped). K = the number
 * of classes (one-vs-rest one-hot targets, read by argmax) or of counters (read by rounding).
 */
public final class RidgeProbe {

    /** λ per row: small enough to reach 100% on separable codes, large enough to keep ZᵀZ invertible. */
    public static final double LAMBDA = 1e-4;

    private final int f;
    private final int k;
    private final float[] mean;      // [F]
    private final float[] invStd;    // [F], 0 for constant features
    private final double[] w;        // [F, K]
    private final double[] yMean;    // [K]

    private RidgeProbe(int f, int k, float[] mean, float[] invStd, double[] w, double[] yMean) {
        this.f = f;
        this.k = k;
        this.mean = mean;
        this.invStd = invStd;
        this.w = w;
        this.yMean = yMean;
    }

    /**
     * Fits a probe.
     *
     * @param x features, R rows of F
     * @param y targets [R, K]
     */
    public static RidgeProbe fit(FeatureSet x, float[] y, int k, RidgeFitter fitter) {
        int rows = x.rows();
        int f = x.width();
        if (rows == 0 || y.length != rows * k) {
            throw new IllegalArgumentException("a probe needs rows and one target row per feature row");
        }
        float[] data = x.data();
        double[] sum = new double[f];
        double[] sq = new double[f];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < f; i++) {
                double v = data[r * f + i];
                sum[i] += v;
                sq[i] += v * v;
            }
        }
        float[] mean = new float[f];
        float[] invStd = new float[f];
        for (int i = 0; i < f; i++) {
            double m = sum[i] / rows;
            double var = Math.max(0, sq[i] / rows - m * m);
            mean[i] = (float) m;
            invStd[i] = var > 1e-12 ? (float) (1 / Math.sqrt(var)) : 0f;
        }
        double[] yMean = new double[k];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < k; j++) {
                yMean[j] += y[r * k + j];
            }
        }
        float[] yc = new float[rows * k];                       // [R, K] centred
        for (int j = 0; j < k; j++) {
            yMean[j] /= rows;
        }
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < k; j++) {
                yc[r * k + j] = (float) (y[r * k + j] - yMean[j]);
            }
        }
        float[] z = new float[rows * f];                        // [R, F] standardized
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < f; i++) {
                z[r * f + i] = (data[r * f + i] - mean[i]) * invStd[i];
            }
        }
        double[][] p = fitter.products(z, rows, f, yc, k);
        double[] gram = p[0];
        for (int i = 0; i < f; i++) {
            gram[i * f + i] += invStd[i] == 0 ? 1 : LAMBDA * rows;
        }
        double[] w = Cholesky.solve(gram, f, p[1], k);
        return new RidgeProbe(f, k, mean, invStd, w, yMean);
    }

    /** Outputs [K] for one feature row starting at {@code off}. */
    public double[] scores(float[] data, int off) {
        double[] s = yMean.clone();
        for (int i = 0; i < f; i++) {
            double zi = (data[off + i] - mean[i]) * invStd[i];
            if (zi == 0) {
                continue;
            }
            for (int j = 0; j < k; j++) {
                s[j] += zi * w[i * k + j];
            }
        }
        return s;
    }

    /** The argmax class of every row of {@code x}, [R]. */
    public int[] classify(FeatureSet x) {
        int[] out = new int[x.rows()];
        for (int r = 0; r < out.length; r++) {
            double[] s = scores(x.data(), r * f);
            int best = 0;
            for (int j = 1; j < k; j++) {
                best = s[j] > s[best] ? j : best;
            }
            out[r] = best;
        }
        return out;
    }

    /** The rounded outputs of every row of {@code x}, [R, K]. */
    public int[] round(FeatureSet x) {
        int[] out = new int[x.rows() * k];
        for (int r = 0; r < x.rows(); r++) {
            double[] s = scores(x.data(), r * f);
            for (int j = 0; j < k; j++) {
                out[r * k + j] = (int) Math.round(s[j]);
            }
        }
        return out;
    }

    /** The weights W [F, K] (a copy), for comparing fits. */
    public double[] weights() {
        return w.clone();
    }
}
