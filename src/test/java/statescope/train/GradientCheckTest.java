package statescope.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import statescope.ssm.GateRange;
import statescope.ssm.NormKind;
import statescope.ssm.SsmConfig;
import statescope.ssm.SsmWeights;

/**
 * The hand-written backward pass against central finite differences of an independent
 * double-precision forward ({@link DoubleReference}), on a tiny 2-layer model, for every parameter
 * tensor, both gate ranges, both norms and both losses, with the scalar and the Vector API kernels.
 */
class GradientCheckTest {

    static final int[][] TOKENS = {{0, 3, 1, 2, 2, 1}, {2, 0, 1}};
    static final int[][] TARGETS = {{1, 0, -1, 2, 1, 0}, {2, 2, 1}};

    /** A tiny model with every weight randomised so that no gradient is trivially zero. */
    static ParamSet tinyModel(GateRange gates, NormKind norm, long seed) {
        SsmConfig c = new SsmConfig(8, 2, 3, 2, 3, 2, 4, 3, gates, true, norm, 1e-5f);
        ParamSet p = ParamSet.of(SsmWeights.init(c, seed, true));
        SplittableRandom rnd = new SplittableRandom(seed + 7);
        for (int i = 0; i < p.size(); i++) {
            float[] v = p.get(i);
            String name = p.name(i);
            for (int j = 0; j < v.length; j++) {
                if (name.endsWith("A_log")) {
                    v[j] = (float) (rnd.nextDouble() * 1.2 - 0.5);
                } else if (name.endsWith("dt_proj.bias")) {
                    v[j] = (float) (rnd.nextDouble() * 1.5 - 0.5);
                } else if (name.endsWith("norm.weight") || name.endsWith("norm_f.weight") || name.endsWith("mixer.D")) {
                    v[j] = (float) (1 + 0.3 * rnd.nextGaussian());
                } else {
                    v[j] += (float) (0.4 * rnd.nextGaussian());
                }
            }
        }
        return p;
    }

    @ParameterizedTest(name = "{0} gates, {1} norm, {2}, {3}")
    @CsvSource({
        "NONNEGATIVE, RMS, MSE, scalar",
        "SIGNED, RMS, MSE, scalar",
        "NONNEGATIVE, LAYER, CROSS_ENTROPY, vector",
        "SIGNED, LAYER, MSE, vector",
        "SIGNED, RMS, CROSS_ENTROPY, vector",
    })
    void backwardMatchesFiniteDifferences(GateRange gates, NormKind norm, Loss loss, String kernels) {
        ParamSet p = tinyModel(gates, norm, 11);
        TrainMath math = kernels.equals("scalar") ? new ScalarTrainMath() : TrainMath.best();
        ParamSet grad = p.zerosLike();
        try (Backprop bp = new Backprop(p.config(), true, 2, math)) {
            bp.lossAndGradient(p, TOKENS, TARGETS, loss, grad);
        }
        DoubleReference ref = new DoubleReference(p);
        SplittableRandom rnd = new SplittableRandom(5);
        double h = 1e-4;
        double maxAbs = grad.norm() / Math.sqrt(grad.count());
        int checked = 0;
        for (int ti = 0; ti < p.size(); ti++) {
            float[] v = p.get(ti);
            float[] g = grad.get(ti);
            int largest = 0;
            for (int j = 1; j < g.length; j++) {
                largest = Math.abs(g[j]) > Math.abs(g[largest]) ? j : largest;
            }
            int[] picks = {largest, rnd.nextInt(v.length), rnd.nextInt(v.length), rnd.nextInt(v.length)};
            boolean anyNonZero = false;
            for (int j : picks) {
                double plus = ref.lossWith(ti, j, v[j] + h, TOKENS, TARGETS, loss);
                double minus = ref.lossWith(ti, j, v[j] - h, TOKENS, TARGETS, loss);
                double numeric = (plus - minus) / (2 * h);
                double tol = 2e-3 * Math.abs(numeric) + 1e-4 * maxAbs + 1e-7;
                assertTrue(Math.abs(numeric - g[j]) <= tol, p.name(ti) + "[" + j + "]: analytic " + g[j]
                        + " vs finite difference " + numeric + " (" + gates + ", " + norm + ", " + loss + ")");
                anyNonZero |= Math.abs(numeric) > 1e-6;
                checked++;
            }
            assertTrue(anyNonZero, p.name(ti) + ": every checked entry had a zero gradient; the check proves nothing");
        }
        assertTrue(checked >= 4 * p.size());
    }
}
