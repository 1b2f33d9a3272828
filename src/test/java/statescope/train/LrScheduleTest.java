package statescope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void trainerStepsWithTheScheduledRate() {
        var cos = new TrainOptions(3e-3, 0.1, true, 1.0, 8, 10, 1, 3, LrSchedule.COSINE);
        var con = new TrainOptions(3e-3, 0.1, true, 1.0, 8, 10, 1, 3);
        try (Trainer a = new Trainer(ParamSet.of(SsmWeights.init(TrainerTest.CONFIG, 3)), cos, Loss.MSE,
                TrainerTest.parityData(32, 5));
             Trainer b = new Trainer(ParamSet.of(SsmWeights.init(TrainerTest.CONFIG, 3)), con, Loss.MSE,
                     TrainerTest.parityData(32, 5))) {
            assertEquals(3e-3, a.learningRate(), 0, "step 0 takes the base rate");
            a.trainStep();
            b.trainStep();
            assertTrue(a.params().contentEquals(b.params()), "the first step is the same under both schedules");
            for (int i = 1; i < 5; i++) {
                a.trainStep();
                b.trainStep();
            }
            assertEquals(1.5e-3, a.learningRate(), 1e-12, "halfway through 10 steps");
            assertFalse(a.params().contentEquals(b.params()), "a lower rate moves the weights less");
        }
    }
}
