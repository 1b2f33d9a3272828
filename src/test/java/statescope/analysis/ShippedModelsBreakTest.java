package statescope.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import statescope.ssm.ReferenceScan;

/**
 * Issue 14's acceptance points on the shipped models (retrained; D_12 on words of both samplings), with the
 * exhaustive phase's parts (exact, seed-free) here and the sampled parts in docs/analysis.md as run.
 */
class ShippedModelsBreakTest {

    private static Subject load(String name) throws Exception {
        return Subjects.load(Path.of("assets/models/" + name + ".safetensors"), null, null, null);
    }

    private static SearchReport search(String name, int maxLength, int samples, int sampleMax) throws Exception {
        var settings = new CounterexampleSearch.Settings(maxLength, 1_000_000, samples, sampleMax, 1, 2);
        return new CounterexampleSearch(load(name), new ReferenceScan(), settings).run(Control.none());
    }

    @Test
    void theNonnegativeParityModelIsRightToFiveSymbolsAndWrongOnSixOnes() throws Exception {
        var r = search("parity-nonneg", 8, 0, 0);
        assertNotNull(r.found(), r.summary());
        assertEquals("111111", r.found().text(), "the shortest wrong string: every shorter one is right");
        assertEquals("exhaustive", r.found().phase());
        assertTrue(r.found().stepAgrees());
    }

    @Test
    void theSignedParityModelIsRightOnEveryStringToSixteen() throws Exception {
        var r = search("parity-signed", 16, 0, 0);
        assertNull(r.found(), r.summary());
        assertEquals(16, r.exhaustiveDepth());
        assertEquals(131_070, r.prefixes());
    }

    @Test
    void theFlipFlopModelIsRightOnEveryPrefixToEight() throws Exception {
        var r = search("flip-flop", 8, 0, 0);
        assertNull(r.found(), r.summary());
        assertEquals(8, r.exhaustiveDepth());
        assertFalse(r.stopped());
    }

    @Test
    void theD12ModelBreaksTheSweepShowsTheDropAndTheSearchFindsAString() throws Exception {
        var r = search("d-12", 200, 200, 1000);
        assertNotNull(r.found(), "found without being told a length: " + r.summary());
        assertEquals(21, r.exhaustiveDepth(), "every prefix to 21 symbols is right (the earlier model failed on ab)");
        assertEquals("guided", r.found().phase());
        assertTrue(r.found().length() > 21 && r.found().stepAgrees(), r.found().text());
        var sweep = new LengthSweep(load("d-12"), new ReferenceScan(), new LengthSweep.Settings(1000, 20, 2, true, 1, 2))
                .run(Control.none());
        assertTrue(sweep.firstBelow() > 0, "the sweep reports the first length below 99%");
        assertTrue(sweep.points().get(sweep.points().size() - 1).accuracy() < 0.99, "it stays below at the end");
    }
}
