package statescope.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import statescope.inspect.CatalogLanguages;
import statescope.inspect.ShippedModels;
import statescope.ssm.GateRange;

/** Constructed checkpoints (manifest kind "constructed") come first in the model picker, then trained ones. */
class ModelLibraryConstructedTest {

    @Test
    void constructedModelsAreOfferedFirstAndLoad(@TempDir Path dir) throws Exception {
        for (String f : List.of("parity-signed.json", "parity-signed.safetensors")) {
            Files.copy(Path.of("assets/models").resolve(f), dir.resolve(f));
        }
        Files.createDirectories(dir.resolve("constructed"));
        for (String f : List.of("parity.json", "parity.safetensors")) {
            Files.copy(Path.of("assets/models/constructed").resolve(f), dir.resolve("constructed").resolve(f));
        }
        var lib = new ModelLibrary(dir, ShippedModels::load);
        var parity = CatalogLanguages.all().stream().filter(l -> l.id().equals("parity")).findFirst()
                .orElseThrow();
        List<ModelChoice> choices = lib.choices(parity);
        assertEquals("constructed · parity", choices.get(0).label());
        assertEquals("trained · parity-signed", choices.get(1).label());
        var constructed = lib.load(choices.get(0), parity).info();
        assertTrue(constructed.constructed(), constructed.summary());
        assertEquals("1 layer · d_model 8 · N 1 · gates [-1,1] · constructed", constructed.summary());
        var trained = lib.load(choices.get(1), parity).info();
        assertFalse(trained.constructed(), trained.summary());
        assertTrue(trained.trained(), trained.summary());
        assertEquals(GateRange.SIGNED, trained.gates());
    }
}
