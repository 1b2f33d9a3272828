package statescope.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import statescope.lang.catalog.Catalog;
import statescope.lang.catalog.Family;
import statescope.lang.catalog.Sampling;
import statescope.ssm.Checkpoint;

/**
 * What the shipped models score: the figures in their manifests are what {@code statescope eval}
 * measures now (on the words of the sampling each manifest names: the authors' generators for every
 * model retrained for issue 13), and they show the paper's pattern as issues 4 and 13 state it
 * (docs/reproduction.md).
 */
class ShippedModelResultsTest {

    private static final Path MODELS = ShippedModelFilesTest.MODELS;

    @Test
    void evalReproducesEveryFigureInTheManifests() throws IOException {
        int figures = 0;
        for (Path file : ModelEvaluation.suite(MODELS)) {
            ModelEvaluation.Row row = ModelEvaluation.evaluate(file, -1, 2); // -1: the manifest's --max-words, as eval
            assertEquals(row.recorded().keySet(), row.accuracy().keySet(), file.toString());
            for (var e : row.accuracy().entrySet()) {
                assertEquals(row.recorded().get(e.getKey()), e.getValue(), 1e-9, file + " " + e.getKey());
                figures++;
            }
        }
        assertEquals(71, figures, "31 models: 2 figures each, 3 for the nine counter languages");
    }

    @Test
    void everyRetrainedModelNamesItsRecipesSampling() throws IOException {
        Catalog catalog = Catalog.standard();
        for (Recipes.Recipe r : Recipes.all()) {
            var notes = Checkpoint.load(MODELS.resolve(r.fileStem() + ".safetensors")).manifest().notes();
            boolean differs = catalog.get(r.language()).samplingsDiffer();
            assertEquals(differs ? r.sampling() : Sampling.UNIFORM, TrainingRun.samplingOf(notes),
                    r.fileStem() + ": " + notes);
        }
    }

    @Test
    void theShippedModelsShowThePapersPattern() throws IOException {
        Catalog catalog = Catalog.standard();
        for (Recipes.Recipe r : Recipes.all()) {
            String stem = r.fileStem();
            Map<String, Double> acc = accuracy(stem);
            switch (stem) {
                case "flip-flop" -> {
                    assertEquals(1.0, acc.get("val"), stem);
                    assertEquals(1.0, acc.get("val-sparse"), stem);
                }
                case "parity-signed" -> assertTrue(acc.get("bin1") >= 0.99 && acc.get("bin2") >= 0.99, stem + acc);
                case "bounded-dyck-8-10" -> assertTrue(acc.get("test") >= 0.97, stem + acc);
                case "bounded-dyck-8-10-1layer" -> assertTrue(acc.get("test") <= accuracy("bounded-dyck-8-10").get("test")
                        - 0.05, "one layer should be clearly lower: " + acc);
                default -> {
                    Family family = catalog.get(r.language()).family();
                    double bin1 = acc.get("bin1");
                    double bin2 = acc.get("bin2");
                    switch (family) {
                        case STAR_FREE -> assertTrue(bin1 >= 0.99 && bin2 >= 0.99, stem + " (star-free) " + acc);
                        // no length generalisation: the longer bin fails (the paper's best: Tomita 3 29.37, parity
                        // 16.7, the rest about 0), and is not better than bin 1. On uniform words Tomita 3 held
                        // 83.6 on bin 2; on the authors' words it collapses as theirs
                        case NON_STAR_FREE -> assertTrue(bin2 <= 0.5 && bin2 <= bin1, stem + " (non-star-free) " + acc);
                        case COUNTER -> assertTrue(bin1 >= 0.99 && bin2 < bin1 && acc.get("bin3") <= bin2,
                                stem + " (counter: fitted, then dropping) " + acc);
                    }
                }
            }
        }
    }

    private static Map<String, Double> accuracy(String stem) throws IOException {
        var metrics = Checkpoint.load(MODELS.resolve(stem + ".safetensors")).manifest().metrics();
        var acc = new TreeMap<String, Double>();
        metrics.forEach((k, v) -> {
            if (k.startsWith("acc_")) {
                acc.put(k.substring(4), v);
            }
        });
        return acc;
    }
}
