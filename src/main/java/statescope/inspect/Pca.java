package statescope.inspect;

import java.util.SplittableRandom;

/**
 * Principal components by block power (subspace) iteration in plain Java: the top {@code k}
 * eigenvectors of the covariance XᵀX / n, found as V ← orth(Xᵀ(X V)) without ever forming XᵀX, so a
 * corpus of a few thousand states of width 2,048 takes well under a second. Chosen over ND4J's SVD for
 * the trajectory view (see docs/decisions/0004-ui-pca-and-background-work.md). Seeded; never mutates its input.
 */
public final class Pca {

    private Pca() {
    }

    /**
     * Fits a projection.
     *
     * @param rows       the data, {@code [P][F]} (P points of F features)
     * @param k          number of components (≤ F)
     * @param iterations power iterations (30 is plenty for a view)
     * @param seed       seed of the start vectors
     */
    public static Projection fit(float[][] rows, int k, int iterations, long seed) {
        int p = rows.length;
        int f = rows[0].length;
        if (k > f) {
            throw new IllegalArgumentException("asked for " + k + " components of " + f + " features");
        }
        float[] mean = new float[f];                                   // [F]
        for (float[] row : rows) {
            for (int j = 0; j < f; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < f; j++) {
            mean[j] /= p;
        }
        var rng = new SplittableRandom(seed);
        double[][] v = new double[k][f];                               // [k, F]
        for (double[] col : v) {
            for (int j = 0; j < f; j++) {
                col[j] = rng.nextDouble() - 0.5;
            }
        }
        orthonormalise(v);
        double[] variance = new double[k];
        for (int it = 0; it < iterations; it++) {
            double[][] next = new double[k][f];
            for (float[] row : rows) {
                for (int c = 0; c < k; c++) {
                    double dot = 0;                                    // (x - mean) · v_c
                    double[] vc = v[c];
                    for (int j = 0; j < f; j++) {
                        dot += (row[j] - mean[j]) * vc[j];
                    }
                    double[] nc = next[c];
                    for (int j = 0; j < f; j++) {
                        nc[j] += dot * (row[j] - mean[j]);
                    }
                }
            }
            for (int c = 0; c < k; c++) {
                double norm = 0;
                for (int j = 0; j < f; j++) {
                    norm += next[c][j] * v[c][j];
                }
                variance[c] = norm / p;                                // Rayleigh quotient vᵀCv
            }
            v = next;
            orthonormalise(v);
        }
        float[][] comps = new float[k][f];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < f; j++) {
                comps[c][j] = (float) v[c][j];
            }
        }
        return new Projection(mean, comps, variance);
    }

    /** Modified Gram-Schmidt in place on the rows of {@code v}. */
    static void orthonormalise(double[][] v) {
        for (int c = 0; c < v.length; c++) {
            for (int e = 0; e < c; e++) {
                double dot = 0;
                for (int j = 0; j < v[c].length; j++) {
                    dot += v[c][j] * v[e][j];
                }
                for (int j = 0; j < v[c].length; j++) {
                    v[c][j] -= dot * v[e][j];
                }
            }
            double norm = 0;
            for (double x : v[c]) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            if (norm < 1e-30) {
                v[c][c % v[c].length] = 1;                           // degenerate data: any unit vector
                continue;
            }
            for (int j = 0; j < v[c].length; j++) {
                v[c][j] /= norm;
            }
        }
    }
}
