package statescope.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javafx.stage.FileChooser;
import org.junit.jupiter.api.Test;
import statescope.inspect.ShippedModels;
import statescope.ui.StateScopeApp;

/**
 * "Open checkpoint…" offers what the app saves and ships: its default filter shows every shipped
 * checkpoint file, weights ({@code .safetensors}) and manifests ({@code .json}), and a weights file picked
 * there loads (it offered manifests only).
 */
class CheckpointChooserTest {

    private static boolean shows(FileChooser.ExtensionFilter filter, Path file) {
        return filter.getExtensions().stream()
                .anyMatch(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(file.getFileName()));
    }

    @Test
    void theDefaultFilterShowsEveryShippedCheckpointFile() throws Exception {
        var filter = CheckpointChooser.filters().get(0);
        int weights = 0;
        try (Stream<Path> files = Files.list(Path.of("assets", "models"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String n = f.getFileName().toString();
                if (n.endsWith(".safetensors") || n.endsWith(".json") && !n.endsWith(".vocab.json")) {
                    assertTrue(shows(filter, f), n + " is not offered by '" + filter.getDescription() + "'");
                    weights += n.endsWith(".safetensors") ? 1 : 0;
                }
            }
        }
        assertTrue(weights > 0, "no shipped .safetensors found");
        assertFalse(shows(filter, Path.of("notes.txt")));
        assertTrue(CheckpointChooser.filters().stream().anyMatch(x -> shows(x, Path.of("notes.txt"))),
                "an 'all files' filter is there too");
    }

    @Test
    void aPickedWeightsFileLoads() throws Exception {
        var language = StateScopeApp.languages().catalog().stream().filter(l -> l.id().equals("aa-star"))
                .findFirst().orElseThrow();
        var model = ShippedModels.load(Path.of("assets", "models", "aa-star.safetensors"), language);
        assertEquals(language.vocabularySize(), model.info().vocabSize());
        assertFalse(model.info().name().endsWith(".safetensors"), model.info().name());
    }
}
