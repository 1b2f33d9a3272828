package statescope.inspect;

import java.util.Locale;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Measures the trajectory view's PCA choice (docs/decisions/0004-ui-pca-and-background-work.md): ND4J's start-up
 * and LAPACK SVD against {@link Pca}'s block power iteration, on a matrix of the size the view fits
 * (P corpus states × D·N features, P = 1,500, D·N = 2,048: a 3-layer d_model-64 model's layer). Not a
 * unit test: run its main by hand.
 */
public final class PcaBench {

    private PcaBench() {
    }

    public static void main(String[] args) {
        int p = 1500;
        int f = 2048;
        var rng = new SplittableRandom(3);
        float[][] x = new float[p][f];
        for (float[] row : x) {
            for (int j = 0; j < f; j++) {
                row[j] = (float) (rng.nextGaussian() * (j < 3 ? 5 - j : 0.3));
            }
        }
        long t0 = System.nanoTime();
        Projection power = Pca.fit(x, 3, 30, 1);
        double powerMs = (System.nanoTime() - t0) / 1e6;
        t0 = System.nanoTime();
        Pca.fit(x, 3, 30, 1);
        double powerWarmMs = (System.nanoTime() - t0) / 1e6;
        t0 = System.nanoTime();
        INDArray a = Nd4j.create(x);                                   // first touch loads the native backend
        double nd4jStartMs = (System.nanoTime() - t0) / 1e6;
        t0 = System.nanoTime();
        INDArray centred = a.subRowVector(a.mean(0));
        INDArray s = Nd4j.create(DataType.FLOAT, Math.min(p, f));
        INDArray vt = Nd4j.create(DataType.FLOAT, f, f);
        Nd4j.getBlasWrapper().lapack().gesvd(centred, s, null, vt);
        double svdMs = (System.nanoTime() - t0) / 1e6;
        double agree = 0;
        for (int c = 0; c < 3; c++) {
            double dot = 0;
            for (int j = 0; j < f; j++) {
                dot += power.components()[c][j] * vt.getDouble(c, j);
            }
            agree = Math.max(agree, 1 - Math.abs(dot));
        }
        System.out.printf(Locale.ROOT, "matrix %d x %d, 3 components%n", p, f);
        System.out.printf(Locale.ROOT, "power iteration (plain Java, 30 iterations): %.0f ms cold, %.0f ms warm%n",
                powerMs, powerWarmMs);
        System.out.printf(Locale.ROOT, "ND4J: %.0f ms to start, %.0f ms for the SVD (gesvd)%n", nd4jStartMs, svdMs);
        System.out.printf(Locale.ROOT, "largest 1 - |cos| between the two bases' components: %.2e%n", agree);
        System.exit(0);
    }
}
