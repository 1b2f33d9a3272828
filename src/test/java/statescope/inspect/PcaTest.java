package statescope.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import statescope.ssm.GateRange;
import statescope.ssm.ReferenceForward;
import statescope.ssm.SsmState;
import statescope.ssm.SsmStepper;
import statescope.ssm.Traces;

class PcaTest {

    @Test
    void findsTheAxesOfAnAxisAlignedGaussian() {
        // variances 25, 4, 1, 0.01 along e0..e3, rotated by nothing: components must be ±e0, ±e1, ±e2.
        var rng = new SplittableRandom(1);
        double[] std = {5, 2, 1, 0.1};
        float[][] x = new float[4000][4];
        for (float[] row : x) {
            for (int j = 0; j < 4; j++) {
                row[j] = (float) (std[j] * gauss(rng) + 10 * j);
            }
        }
        Projection p = Pca.fit(x, 3, 50, 7);
        for (int c = 0; c < 3; c++) {
            assertEquals(1.0, Math.abs(p.components()[c][c]), 1e-2, "component " + c);
            assertEquals(std[c] * std[c], p.variance()[c], 0.1 * std[c] * std[c]);
        }
        assertEquals(10f, p.mean()[1], 0.2f);
        float[] origin = p.project(p.mean());
        assertEquals(0f, origin[0], 1e-4f);
    }

    private static double gauss(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(Math.max(rng.nextDouble(), 1e-12))) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    @Test
    void corpusCloudLabelsPointsByReferenceState() {
        var parity = BuiltinLanguages.parity();
        List<StateCloud> clouds = CorpusProjection.fit(FakeModels.oracle(parity, 0), parity, 40, 10, 5,
                p -> { }, () -> false);
        assertEquals(1, clouds.size());
        StateCloud c = clouds.get(0);
        assertTrue(c.stateNames().containsAll(List.of("even", "odd")));
        // the oracle's state is a one-hot of the DFA state, so each state's points coincide with its centroid
        for (int i = 0; i < c.points().length; i++) {
            float[] centroid = c.centroids()[c.states()[i]];
            for (int j = 0; j < 3; j++) {
                assertEquals(centroid[j], c.points()[i][j], 1e-4f);
            }
        }
    }

    @Test
    void engineStepAndScanPathsAgree() {
        var model = EngineModel.random(5, 5, 3, 16, GateRange.SIGNED, 2);
        int[] tokens = new SplittableRandom(4).ints(40, 0, 5).toArray();
        double dev = model.stepScanDeviation(tokens).orElseThrow();
        assertTrue(dev < 1e-4, "step vs scan deviation " + dev);
        var stepped = new SsmStepper(model.weights())
                .run(new SsmState(model.weights().config()), tokens);
        assertEquals(Traces.maxAbsDiff(stepped,
                ReferenceForward.forward(model.weights(), tokens)), dev, 0.0,
                "the figure compares the step with the reference forward");
    }
}
