package statescope.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import statescope.cli.TrainCommandLine;
import statescope.ssm.Checkpoint;
import statescope.ssm.Safetensors;

/**
 * The checkpoints in assets/models are what the recipes make: one per recipe, each with its manifest,
 * finished, trained with the recipe's options and budget (its manifest's command), and naming its own
 * manifest in the weights file (a renamed copy would name another file).
 */
class ShippedModelFilesTest {

    static final Path MODELS = Path.of("assets/models");

    @Test
    void everyRecipeHasAFinishedModelWhoseWeightsNameItsOwnManifest() throws IOException {
        List<Recipes.Recipe> recipes = Recipes.all();
        for (Recipes.Recipe r : recipes) {
            Path weights = MODELS.resolve(r.fileStem() + ".safetensors");
            assertTrue(Files.isRegularFile(weights), "no shipped model for recipe " + r.fileStem());
            assertEquals(r.fileStem() + ".json", Safetensors.read(weights).metadata().get("statescope.manifest"),
                    weights + " names another manifest");
            var manifest = Checkpoint.load(weights).manifest();
            assertEquals(1.0, manifest.metrics().get("done"), weights + " is not a finished run");
            assertEquals(r.language(), manifest.languageId(), weights + " is a model of another language");
            // trained by the recipe as it stands (a changed recipe needs the model trained again)
            TrainCommandLine.Finished run = TrainCommandLine.finishedRun(weights).orElseThrow();
            assertEquals(TrainCommandLine.withoutBudget(TrainCommandLine.of(r.spec(1))), run.recipe(),
                    weights + " was trained with another recipe");
            assertEquals(r.steps(), run.budget(), weights + " was trained with another step budget");
        }
        try (Stream<Path> files = Files.list(MODELS)) {
            assertEquals(recipes.size(), files.filter(p -> p.toString().endsWith(".safetensors")).count(),
                    "a shipped model without a recipe");
        }
    }
}
