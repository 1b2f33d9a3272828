package statescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import statescope.experiment.TrainingRun;
import statescope.lang.catalog.Sampling;
import statescope.ssm.Checkpoint;
import statescope.ssm.GateRange;
import statescope.ssm.NormKind;
import statescope.train.LrSchedule;
import statescope.train.TrainOptions;

/**
 * The {@code statescope train} command a run records: spelled exactly as in the shipped manifests (which
 * {@code reproduce} compares with today's recipes), and read back from a finished model.
 */
class TrainCommandLineTest {

    private static TrainingRun.Spec spec(String language, int layers, int dModel, TrainOptions o, int maxWords,
                                         String mix, String select, Long initSeed, double aInitScale) {
        return new TrainingRun.Spec(language, layers, dModel, 16, GateRange.NONNEGATIVE, NormKind.LAYER, o, maxWords,
                100, 500, 100, 101, mix, select, initSeed, aInitScale,
                language.equals("d-12") ? Sampling.MIXED : Sampling.AUTHORS);
    }

    @Test
    void theCommandIsSpelledAsInTheShippedManifests() throws IOException {
        var d12 = spec("d-12", 2, 24, new TrainOptions(0.002, 0.1, false, 1.0, 32, 10000, 2, 1, LrSchedule.COSINE),
                0, null, null, null, 1.0 / 4096);
        var flipFlop = spec("flip-flop", 1, 16, new TrainOptions(0.003, 0.1, false, 1.0, 16, 4000, 2, 1),
                3000, "val-sparse", null, null, 1.0);
        var anbn = spec("anbn", 2, 32, new TrainOptions(0.001, 0.1, false, 1.0, 16, 3000, 2, 1, LrSchedule.COSINE),
                0, null, "bin1", null, 1.0);
        for (var e : Map.of("d-12", d12, "flip-flop", flipFlop, "anbn", anbn).entrySet()) {
            String notes = Checkpoint.load(Path.of("assets/models", e.getKey() + ".safetensors")).manifest().notes();
            assertEquals(notes.substring(0, notes.indexOf(';')), TrainCommandLine.of(e.getValue()), e.getKey());
        }
        var seeded = spec("parity", 1, 16, new TrainOptions(0.003, 0.1, true, 1.0, 16, 1000, 4, 1), 0, null, null, 3L, 1.0);
        assertEquals("statescope train --language parity --layers 1 --d-model 16 --d-state 16 --gates nonneg --norm layer"
                + " --seed 1 --lr 0.003 --lr-schedule constant --batch 16 --steps 1000 --clip 1.0 --weight-decay 0.1"
                + " --threads 4 --max-words 0 --init-seed 3 --sampler authors", TrainCommandLine.of(seeded));
    }

    @Test
    void theRecipeOfACommandLeavesOutWhatMayDifferForTheSameRecipe() {
        assertEquals("statescope train --language parity --seed 1 --batch 16",
                TrainCommandLine.withoutBudget("statescope train --language parity --seed 1 --lr-schedule constant"
                        + " --batch 16 --steps 1000 --threads 12 "));
        assertEquals("statescope train --language parity --lr-schedule cosine",
                TrainCommandLine.withoutBudget("statescope train --language parity --lr-schedule cosine --steps 5"));
    }

    @Test
    void aFinishedModelTellsItsBudgetReachedStepAndRecipe(@TempDir Path dir) throws IOException {
        Path anbn = Path.of("assets/models/anbn.safetensors");
        TrainCommandLine.Finished f = TrainCommandLine.finishedRun(anbn).orElseThrow();
        assertEquals(3000, f.budget());
        assertEquals(3000, f.reachedStep());
        assertEquals(Checkpoint.load(anbn).manifest().trainingStep(), f.checkpointStep());
        assertTrue(f.recipe().startsWith("statescope train --language anbn ") && !f.recipe().contains("--steps")
                && f.recipe().endsWith("--select bin1"), f.recipe());
        // a copy is the same finished run, until its manifest says it is not done
        Path copy = dir.resolve("copy.safetensors");
        Files.copy(anbn, copy);
        String manifest = Files.readString(Path.of("assets/models/anbn.json"));
        Files.writeString(dir.resolve("copy.json"), manifest);
        assertEquals(f, TrainCommandLine.finishedRun(copy).orElseThrow());
        Files.writeString(dir.resolve("copy.json"), manifest.replace("\"done\" : 1.0", "\"done\" : 0.0"));
        assertTrue(TrainCommandLine.finishedRun(copy).isEmpty());
    }
}
