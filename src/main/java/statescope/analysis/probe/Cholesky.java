package statescope.analysis.probe;

/** Solves A·X = B for a symmetric positive definite A [F, F] and B [F, K] by a Cholesky factorization. */
final class Cholesky {

    private Cholesky() {
    }

    /** X [F, K]; {@code a} is overwritten with its factor. */
    static double[] solve(double[] a, int f, double[] b, int k) {
        for (int j = 0; j < f; j++) {                           // A = L·Lᵀ, L in the lower triangle
            double d = a[j * f + j];
            for (int p = 0; p < j; p++) {
                d -= a[j * f + p] * a[j * f + p];
            }
            if (!(d > 0)) {
                throw new ArithmeticException("the probe's normal equations are not positive definite");
            }
            double l = Math.sqrt(d);
            a[j * f + j] = l;
            for (int i = j + 1; i < f; i++) {
                double s = a[i * f + j];
                for (int p = 0; p < j; p++) {
                    s -= a[i * f + p] * a[j * f + p];
                }
                a[i * f + j] = s / l;
            }
        }
        double[] x = b.clone();
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < f; i++) {                       // L·u = b
                double s = x[i * k + c];
                for (int p = 0; p < i; p++) {
                    s -= a[i * f + p] * x[p * k + c];
                }
                x[i * k + c] = s / a[i * f + i];
            }
            for (int i = f - 1; i >= 0; i--) {                  // Lᵀ·x = u
                double s = x[i * k + c];
                for (int p = i + 1; p < f; p++) {
                    s -= a[p * f + i] * x[p * k + c];
                }
                x[i * k + c] = s / a[i * f + i];
            }
        }
        return x;
    }
}
