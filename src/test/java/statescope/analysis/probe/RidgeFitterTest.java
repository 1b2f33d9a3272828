package statescope.analysis.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RidgeFitterTest {

    @Test
    void nd4jAndJavaProductsAgree() {
        var r = new SplittableRandom(3);
        int rows = 300;
        int f = 37;
        int k = 4;
        float[] z = new float[rows * f];
        float[] y = new float[rows * k];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) r.nextGaussian();
        }
        double[][] a = RidgeFitter.java().products(z, rows, f, y, k);
        double[][] b = RidgeFitter.nd4j().products(z, rows, f, y, k);
        for (int p = 0; p < 2; p++) {
            assertEquals(a[p].length, b[p].length);
            for (int i = 0; i < a[p].length; i++) {
                assertEquals(a[p][i], b[p][i], 1e-3 * (1 + Math.abs(a[p][i])), "product " + p + " entry " + i);
            }
        }
        // ZᵀY is [F, K] row-major on both sides: entry (i, j) is Σ_r z[r, i]·y[r, j]
        double s = 0;
        for (int row = 0; row < rows; row++) {
            s += (double) z[row * f + 5] * y[row * k + 2];
        }
        assertEquals(s, b[1][5 * k + 2], 1e-3 * (1 + Math.abs(s)));
    }

    @Test
    void aOneHotChannelAmongNoiseGivesAPerfectProbe() {
        var r = new SplittableRandom(5);
        int rows = 1000;
        int f = 20;
        int classes = 4;
        float[] x = new float[rows * f];
        float[] y = new float[rows * classes];
        int[] label = new int[rows];
        for (int i = 0; i < rows; i++) {
            label[i] = r.nextInt(classes);
            for (int j = 0; j < f; j++) {
                x[i * f + j] = (float) r.nextGaussian();
            }
            for (int c = 0; c < classes; c++) {
                x[i * f + 7 + c] = c == label[i] ? 1f : 0f;                  // channels 7..10: the class one-hot
            }
            y[i * classes + label[i]] = 1f;
        }
        var set = new FeatureSet("h", 1, f, rows, x);
        RidgeProbe p = RidgeProbe.fit(set, y, classes, RidgeFitter.java());
        int[] got = p.classify(set);
        int ok = 0;
        for (int i = 0; i < rows; i++) {
            ok += got[i] == label[i] ? 1 : 0;
        }
        assertEquals(rows, ok);
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < classes; c++) {
                x[i * f + 7 + c] = (float) r.nextGaussian();                 // erase the code: chance level
            }
        }
        int[] noise = RidgeProbe.fit(set, y, classes, RidgeFitter.java()).classify(set);
        int hits = 0;
        for (int i = 0; i < rows; i++) {
            hits += noise[i] == label[i] ? 1 : 0;
        }
        assertTrue(hits < 0.5 * rows, "noise decoded " + hits + " of " + rows);
    }
}
