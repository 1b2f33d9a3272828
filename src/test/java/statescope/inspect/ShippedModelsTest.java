package statescope.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import statescope.lang.catalog.Catalog;
import statescope.ssm.Checkpoint;
import statescope.ssm.Manifest;
import statescope.ssm.SsmConfig;
import statescope.ssm.SsmWeights;

/**
 * The app's checkpoint loading: a model built for a regex (no language named, next-symbol outputs) is
 * refused on a catalog language whose outputs mean classes, where its two outputs used to be read as
 * Tomita 7's two classes without a word; the same model on its own kind of outputs loads.
 */
class ShippedModelsTest {

    @TempDir
    Path dir;

    private Path save(List<String> outputs) throws IOException {
        var cfg = SsmConfig.defaults(8, 1, 2, 2);
        var m = new Manifest(1, cfg, List.of("0", "1"), outputs, null, 1, 0, Map.of(), "test");
        Path p = dir.resolve("built.safetensors");
        new Checkpoint(SsmWeights.init(cfg, 1), m).save(p);
        return p;
    }

    @Test
    void aModelBuiltForARegexIsRefusedOnALanguageScoredOnClasses() throws IOException {
        var tomita7 = CatalogLanguages.entry(Catalog.standard().get("tomita-7"));
        assertEquals(List.of("{1}", "{0,1}"), tomita7.reference().outputNames());
        var e = assertThrows(IOException.class, () -> ShippedModels.load(save(List.of("next 0", "next 1")), tomita7));
        assertTrue(e.getMessage().contains("was built for another language: its outputs are [next 0, next 1], but "
                + "Tomita 7 is scored on [{1}, {0,1}]"), e.getMessage());
        assertEquals(2, ShippedModels.load(save(List.of("{1}", "{0,1}")), tomita7).info().vocabSize(), "its own kind loads");
    }
}
