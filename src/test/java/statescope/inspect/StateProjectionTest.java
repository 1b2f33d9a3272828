package statescope.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A projection applied to states where the scan keeps them ([N, ED]) and where the step writes them ([ED, N]). */
class StateProjectionTest {

    private static float[] randoms(SplittableRandom rnd, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rnd.nextGaussian();
        }
        return a;
    }

    @Test
    void aStateProjectsToTheSameBitsInEitherLayoutAndToWhatTheProjectionMeans() {
        var rnd = new SplittableRandom(5);
        for (int[] shape : new int[][] {{8, 16}, {37, 3}, {128, 16}, {1, 1}}) {
            int ed = shape[0];
            int n = shape[1];
            int f = ed * n;
            var plain = new Projection(randoms(rnd, f), new float[][] {randoms(rnd, f), randoms(rnd, f), randoms(rnd, f)},
                    new double[3]);
            var sp = StateProjection.of(plain, n);
            float[] h = randoms(rnd, f);                                // [ED, N]
            float[] major = new float[f + 7];                           // [N, ED], at an offset
            for (int d = 0; d < ed; d++) {
                for (int s = 0; s < n; s++) {
                    major[7 + s * ed + d] = h[d * n + s];
                }
            }
            float[] fromMajor = new float[4];
            float[] fromState = new float[4];
            sp.projectStateMajor(major, 7, fromMajor, 1);
            sp.projectState(h, 0, new float[f], fromState, 1);
            assertArrayEquals(fromMajor, fromState, 0f, ed + "x" + n + ": the same bits from either layout");
            assertEquals(0f, fromState[0], "nothing written before outOff");
            float[] meant = plain.project(h);
            for (int c = 0; c < 3; c++) {
                assertEquals(meant[c], fromState[1 + c], 1e-5 * Math.sqrt(f) * (1 + Math.abs(meant[c])),
                        ed + "x" + n + ", component " + c);
            }
        }
    }

    @Test
    void aProjectionOfAnotherStateSizeIsRefused() {
        var p = new Projection(new float[10], new float[][] {new float[10]}, new double[1]);
        var e = assertThrows(IllegalArgumentException.class, () -> StateProjection.of(p, 3));
        assertTrue(e.getMessage().contains("10 values"), e.getMessage());
    }
}
