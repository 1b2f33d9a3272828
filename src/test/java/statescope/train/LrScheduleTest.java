package statescope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import statescope.ssm.SsmWeights;

/** The learning-rate schedules, by hand-computed values, and that the trainer follows them. */
class LrScheduleTest {

    @Test
    void cosineStartsAtTheBaseHalvesMidwayAndEndsAtZero() {
        assertEquals(2e-3, LrSchedule.COSINE.at(2e-3, 0, 1000), 0);
        assertEquals(1e-3, LrSchedule.COSINE.at(2e-3, 500, 1000), 1e-15);
        // ½(1 + cos(π/4)) = 0.853553...
        assertEquals(2e-3 * 0.8535533905932737, LrSchedule.COSINE.at(2e-3, 250, 1000), 1e-15);
        assertEquals(0.0, LrSchedule.COSINE.at(2e-3, 1000, 1000), 1e-18);
        assertEquals(0.0, LrSchedule.COSINE.at(2e-3, 5000, 1000), 1e-18, "past the budget: the final rate");
        assertTrue(LrSchedule.COSINE.at(1, 999, 1000) > 0, "the last step still moves");
    }

    @Test
    void constantIsTheBaseEverywhere() {
        for (long s : new long[] {0, 1, 500, 999, 10_000}) {
            assertEquals(3e-3, LrSchedule.CONSTANT.at(3e-3, s, 1000), 0);
        }
    }

    @Test
    void parseNamesTheValidValues() {
        assertEquals(LrSchedule.COSINE, LrSchedule.parse(" Cosine "));
        var e = assertThrows(IllegalArgumentException.class, () -> LrSchedule.parse("linear"));
        assertTrue(e.getMessage().contains("constant or cosine"), e.getMessage());
    }

    /**
     * Both trainers start from the same weights and data; their first step is the same (the cosine starts
     * at the base rate), and over five steps the cosine one takes rates 1, 0.976, 0.905, 0.794, 0.655 times
     * the base (sum 4.33 against 5), so it moves the weights less far from the start, by about the ratio of the sums: AdamW's update is the
     * rate times a step of about unit size per weight, plus a decay also scaled by the rate.
     */
    @Test
    void trainerStepsWithTheScheduledRate() {
        var cos = new TrainOptions(3e-3, 0.1, true, 1.0, 8, 10, 1, 3, LrSchedule.COSINE);
        var con = new TrainOptions(3e-3, 0.1, true, 1.0, 8, 10, 1, 3);
        var start = ParamSet.of(SsmWeights.init(TrainerTest.CONFIG, 3));
        try (Trainer a = new Trainer(ParamSet.of(SsmWeights.init(TrainerTest.CONFIG, 3)), cos, Loss.MSE,
                TrainerTest.parityData(32, 5));
             Trainer b = new Trainer(ParamSet.of(SsmWeights.init(TrainerTest.CONFIG, 3)), con, Loss.MSE,
                     TrainerTest.parityData(32, 5))) {
            assertTrue(a.params().contentEquals(start), "both start from the same weights");
            assertEquals(3e-3, a.learningRate(), 0, "step 0 takes the base rate");
            a.trainStep();
            b.trainStep();
            assertTrue(a.params().contentEquals(b.params()), "the first step is the same under both schedules");
            for (int i = 1; i < 5; i++) {
                a.trainStep();
                b.trainStep();
            }
            assertEquals(1.5e-3, a.learningRate(), 1e-12, "halfway through 10 steps");
            double lower = distance(a.params(), start);
            double base = distance(b.params(), start);
            assertTrue(base > 0, "the constant rate moved the weights");
            // about the ratio of the rate sums, 4.33 / 5 = 0.87 (0.88 measured)
            assertTrue(lower < 0.95 * base && lower > 0.8 * base,
                    "a lower rate moves the weights less: " + lower + " vs " + base + " from the start");
        }
    }

    /** The L2 distance between two parameter sets of one layout, in double. */
    private static double distance(ParamSet x, ParamSet y) {
        double s = 0;
        for (int i = 0; i < x.size(); i++) {
            float[] p = x.get(i);
            float[] q = y.get(i);
            for (int j = 0; j < p.length; j++) {
                double d = (double) p[j] - q[j];
                s += d * d;
            }
        }
        return Math.sqrt(s);
    }
}
