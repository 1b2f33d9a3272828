package statescope.analysis.probe;

/** ZᵀZ and ZᵀY by a plain loop over rows (lower triangle, mirrored), accumulated in double. */
final class JavaRidgeFitter implements RidgeFitter {

    @Override
    public String name() {
        return "java";
    }

    @Override
    public double[][] products(float[] z, int rows, int f, float[] y, int k) {
        double[] gram = new double[f * f];               // [F, F]
        double[] cross = new double[f * k];              // [F, K]
        for (int r = 0; r < rows; r++) {
            int zo = r * f;
            int yo = r * k;
            for (int i = 0; i < f; i++) {
                double a = z[zo + i];
                if (a == 0) {
                    continue;
                }
                int gi = i * f;
                for (int j = 0; j <= i; j++) {
                    gram[gi + j] += a * z[zo + j];
                }
                int ci = i * k;
                for (int j = 0; j < k; j++) {
                    cross[ci + j] += a * y[yo + j];
                }
            }
        }
        for (int i = 0; i < f; i++) {
            for (int j = 0; j < i; j++) {
                gram[j * f + i] = gram[i * f + j];
            }
        }
        return new double[][] {gram, cross};
    }
}
