package statescope.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import statescope.ssm.GateRange;
import statescope.ssm.VectorSupport;

/** The projection's kernel, and the JIT warm-up that reads through it once per model shape. */
class ProjectionKernelTest {

    /** The kernel in use (the Vector API one here) gives the plain double loop's figures within float rounding. */
    @Test
    void theKernelInUseMatchesThePlainLoop() {
        assertEquals(VectorSupport.available(), !(ProjectionKernel.INSTANCE instanceof ProjectionKernel.Scalar));
        var rnd = new SplittableRandom(8);
        for (int f : new int[] {1, 15, 16, 17, 2048, 2051}) {                 // whole vectors and tails
            float[] mean = randoms(rnd, f);
            float[][] w = {randoms(rnd, f), randoms(rnd, f), randoms(rnd, f)};
            float[] x = randoms(rnd, f + 5);
            float[] fast = new float[4];
            float[] plain = new float[4];
            ProjectionKernel.INSTANCE.project(mean, w, x, 5, fast, 1);
            new ProjectionKernel.Scalar().project(mean, w, x, 5, plain, 1);
            assertEquals(0f, fast[0], "nothing written before outOff");
            for (int c = 1; c < 4; c++) {
                assertEquals(plain[c], fast[c], 1e-5 * Math.sqrt(f) * (1 + Math.abs(plain[c])), "F " + f + ", component " + c);
            }
        }
    }

    @Test
    void theWarmUpRunsOncePerShape() {
        var lang = BuiltinLanguages.flipFlop();
        var model = EngineModel.random(5, 5, 1, 44, GateRange.NONNEGATIVE, 3);     // a shape no model of the app has
        int f = model.info().dInner() * model.info().dState();
        var identity = new Projection(new float[f], new float[][] {new float[f], new float[f], new float[f]}, new double[3]);
        assertTrue(JitWarmUp.run(model, lang, List.of(identity), VectorSupport.fastScan(1), () -> false));
        assertFalse(JitWarmUp.run(EngineModel.random(5, 5, 1, 44, GateRange.SIGNED, 4), lang, List.of(identity),
                VectorSupport.fastScan(1), () -> false), "the same shape again: already compiled");
    }

    private static float[] randoms(SplittableRandom rnd, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rnd.nextGaussian();
        }
        return a;
    }
}
