package statescope.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import statescope.inspect.CatalogLanguages;
import statescope.inspect.CustomLanguages;
import statescope.inspect.LanguageEntry;
import statescope.lang.catalog.Catalog;
import statescope.ssm.ReferenceScan;

/** The counterexample search against hand-made models that err exactly where they are told to. */
class SearchTest {

    private static final LanguageEntry ALL = CustomLanguages.fromRegex("(0|1)*");
    private static final LanguageEntry ALTERNATING = CustomLanguages.fromRegex("(01)*");

    private static SearchReport search(Model model, LanguageEntry lang, int maxLength, long budget, int samples, int sampleMax) {
        var settings = new CounterexampleSearch.Settings(maxLength, budget, samples, sampleMax, 3, 2);
        return new CounterexampleSearch(Subject.of(model, lang, null), new ReferenceScan(), settings).run(Control.none());
    }

    private static int[] bits(String s) {
        return s.chars().map(c -> c - '0').toArray();
    }

    @Test
    void theExhaustivePhaseFindsTheOneDeepStringThatFails() {
        int[] deep = bits("011010011001011");                        // length 15: below the breadth-first levels
        var r = search(OracleModel.wrongAfter(ALL, deep), ALL, 20, 1 << 17, 0, 0);
        assertNotNull(r.found(), r.summary());
        assertArrayEquals(deep, r.found().word());
        assertEquals(15, r.found().position());
        assertEquals("exhaustive", r.found().phase());
        assertTrue(r.found().stepAgrees());
    }

    @Test
    void theShortestFailureWinsThenTheLexicographicallyFirst() {
        var model = new OracleModel(ALL, (w, t) -> (t == 14 && w[0] == 1 && w[13] == 1) || (t == 13 && w[3] == 1 && w[12] == 1)
                || t == 16);
        var r = search(model, ALL, 20, 1 << 18, 0, 0);
        assertEquals(13, r.found().length(), r.summary());
        assertArrayEquals(bits("0001000000001"), r.found().word());   // the first 13-symbol string with w[3] = w[12] = 1
    }

    @Test
    void deadPrefixesArePrunedAndCountedOut() {
        // wrong only after "00", which no word of (01)* starts with
        var r = search(OracleModel.wrongAfter(ALTERNATING, bits("00")), ALTERNATING, 12, 1000, 0, 0);
        assertNull(r.found());
        assertEquals(12, r.exhaustiveDepth());
        assertEquals(12, r.prefixes(), "one live prefix per length");
        assertEquals("none up to length 12, and none in 0 sampled strings up to length 0", r.summary());
    }

    @Test
    void theGuidedPhaseFindsAFailureBeyondTheExhaustiveLengths() {
        var r = search(OracleModel.wrongAt(ALL, 300), ALL, 200, 2000, 400, 1000);
        assertNotNull(r.found(), r.summary());
        assertEquals("guided", r.found().phase());
        assertEquals(300, r.found().length(), "cut at the first wrong position");
        assertEquals(9, r.exhaustiveDepth(), "2 + 4 + ... + 512 = 1022 prefixes fit the budget of 2000, 1024 more would not");
    }

    @Test
    void samplerOnlyDrawsEveryGuidedStringFromTheLanguagesSampler() {
        var d2 = Catalog.standard().get("d-2");
        var entry = CatalogLanguages.entry(d2);
        var settings = new CounterexampleSearch.Settings(8, 1000, 100, 400, 3, 2, true);
        var r = new CounterexampleSearch(Subject.of(OracleModel.wrongAt(entry, 150), entry, d2), new ReferenceScan(), settings)
                .run(Control.none());
        assertNotNull(r.found(), r.summary());
        assertEquals("sampler", r.found().source());
        var regex = Subject.of(OracleModel.wrongAt(ALL, 5), ALL, null);
        var e = Assertions.assertThrows(IllegalArgumentException.class,
                () -> new CounterexampleSearch(regex, new ReferenceScan(), settings));
        assertTrue(e.getMessage().contains("no sampler"), e.getMessage());
    }

    @Test
    void noneFoundSaysHowFarItLooked() {
        var r = search(new OracleModel(ALL, (w, t) -> false), ALL, 200, 100, 50, 300);
        assertNull(r.found());
        assertEquals(5, r.exhaustiveDepth());
        assertEquals(50, r.sampled());
        assertTrue(r.sampledLongest() <= 300 && r.sampledLongest() >= 150, r.summary());
        assertEquals("none up to length 5, and none in 50 sampled strings up to length " + r.sampledLongest(), r.summary());
        assertFalse(r.stopped());
    }

    @Test
    void shorteningCutsCyclesWhileTheStringStillFails() {
        // wrong wherever the string has read at least 40 ones; the guided phase finds a long one, cuts keep 40 ones
        var model = new OracleModel(ALL, (w, t) -> Arrays.stream(w, 0, t).sum() >= 40);
        var r = search(model, ALL, 200, 60, 200, 2000);
        assertNotNull(r.found(), r.summary());
        assertEquals(40, Arrays.stream(r.found().word()).sum());
        assertTrue(r.found().length() <= r.found().foundLength());
    }

    @Test
    void theBenchmarkStepsEveryPrefixOfThePlanOnTheTreeAndTheNaiveLoopAlike() {
        var s = Subject.of(new OracleModel(ALL, (w, t) -> t == 3), ALL, null);   // failures do not stop it
        var r = PrefixBench.run(s, 2000, 2, 0.05, Control.none());
        assertEquals(9, r.depth());
        assertEquals(1022, r.prefixes(), "2 + 4 + ... + 512");
        assertEquals((2.0 * 1 + 4 * 2 + 8 * 3 + 16 * 4 + 32 * 5 + 64 * 6 + 128 * 7 + 256 * 8 + 512 * 9) / 1022, r.meanLength(), 1e-9);
        assertTrue(r.naivePrefixes() > 0);
        assertTrue(Double.isNaN(r.scanPerSecond()), "a hand-made model has no batched scan of states");
    }

    @Test
    void aDeadlineStopsTheSearchAndSaysSo() {
        var settings = new CounterexampleSearch.Settings(200, 1_000_000, 1000, 1000, 3, 1);
        var search = new CounterexampleSearch(Subject.of(new OracleModel(ALL, (w, t) -> false), ALL, null),
                new ReferenceScan(), settings);
        var r = search.run(new Control(() -> true, p -> { }, Long.MAX_VALUE));
        assertTrue(r.stopped());
        assertNull(r.found());
    }
}
