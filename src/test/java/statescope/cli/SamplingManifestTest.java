package statescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import statescope.experiment.Recipes;
import statescope.experiment.TrainingRun;
import statescope.lang.catalog.Sampling;

/** A model's command names its sampling where the two differ, and the manifest's notes give it back. */
class SamplingManifestTest {

    @Test
    void theCommandNamesTheSamplingWhereItMatters() {
        TrainingRun.Spec d12 = Recipes.forLanguage("d-12", null).spec(1);
        assertEquals(Sampling.MIXED, d12.sampling());
        String cmd = TrainCommandLine.of(d12);
        assertTrue(cmd.endsWith(" --sampler mixed"), cmd);
        assertTrue(TrainCommandLine.of(d12.withSampling(Sampling.UNIFORM)).endsWith(" --sampler uniform"));
        assertTrue(TrainCommandLine.withoutBudget(cmd).contains("--sampler mixed"), "reproduce tells the recipes apart");
        // Tomita 1: the authors draw it uniformly already, so its command (and shipped manifest) stays as it was
        String t1 = TrainCommandLine.of(Recipes.forLanguage("tomita-1", null).spec(1));
        assertFalse(t1.contains("--sampler"), t1);
    }

    @Test
    void theNotesGiveTheSamplingBackAndOlderNotesMeanUniform() {
        String notes = TrainCommandLine.of(Recipes.forLanguage("tomita-3", null).spec(1)) + "; loss MSE, objective CLASSES";
        assertEquals(Sampling.AUTHORS, TrainingRun.samplingOf(notes));
        assertEquals(Sampling.UNIFORM, TrainingRun.samplingOf(notes.replace("--sampler authors", "--sampler uniform")));
        assertEquals(Sampling.UNIFORM, TrainingRun.samplingOf("statescope train --language tomita-3 --layers 2; loss MSE"));
        assertEquals(Sampling.UNIFORM, TrainingRun.samplingOf(null));
    }
}
