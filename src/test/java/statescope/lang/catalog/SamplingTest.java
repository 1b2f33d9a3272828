package statescope.lang.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import statescope.lang.Word;

/** Both samplings of every language: words of the language in the split's window, seeded, and which languages differ. */
class SamplingTest {

    @Test
    void everySplitOfBothSamplingsDrawsWordsOfTheLanguageInItsWindow() {
        for (Sampling sampling : Sampling.values()) {
            Catalog c = Catalog.standard(sampling);
            for (Language l : c.languages()) {
                assertEquals(sampling, l.sampling());
                for (Split s : l.splits()) {
                    int n = s.tokens() > 0 || s.window().min() > 300 ? 3 : 25;
                    for (long seed = 1; seed <= 2; seed++) {
                        for (Word w : l.sample(s, n, seed, Set.of())) {
                            SamplerPropertiesTest.check(l, s, w);
                        }
                    }
                }
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameWordsAndAnotherSeedOthers() {
        Language d12 = CatalogTest.CATALOG.get("d-12");
        List<Word> a = d12.sample("bin2", 20, 5L);
        assertEquals(a, d12.sample("bin2", 20, 5L));
        assertNotEquals(a, d12.sample("bin2", 20, 6L));
    }

    /**
     * A bounded draw returns the word {@code sample} returns from the same random state (training data does
     * not change), and null instead of millions of draws where the generator rarely reaches the window.
     */
    @Test
    void aBoundedDrawIsTheSameWordOrNone() {
        for (Sampling sampling : List.of(Sampling.AUTHORS, Sampling.MIXED)) {
            WordSampler s = Catalog.standard(sampling).get("d-12").trainingSplit().sampler();
            var window = new LengthWindow(2, 100);
            for (long seed = 1; seed <= 20; seed++) {
                var r1 = new SplittableRandom(seed);
                var r2 = new SplittableRandom(seed);
                assertEquals(s.sample(window, r1), s.sampleWithin(window, r2, GeneratorSampler.MAX_ATTEMPTS), sampling
                        + " seed " + seed);
                assertEquals(r1.nextLong(), r2.nextLong(), "the same draws were made");
            }
        }
        WordSampler authors = CatalogTest.CATALOG.get("d-12").trainingSplit().sampler();
        var rare = new LengthWindow(22, 44);          // D_12's generator nests 3/4 deep: short words are rare
        var random = new SplittableRandom(1);
        int none = 0;
        for (int i = 0; i < 20; i++) {
            if (authors.sampleWithin(rare, random, 100) == null) {
                none++;
            }
        }
        assertTrue(none >= 15, "100 draws seldom give a 22-44 symbol D_12 word, got none " + none + " times of 20");
    }

    @Test
    void theSamplingsDifferWhereTheAuthorsDoNotDrawUniformly() {
        Catalog c = CatalogTest.CATALOG;
        for (String id : List.of("tomita-3", "tomita-4", "tomita-5", "tomita-6", "tomita-7", "parity", "d-2", "d-3",
                "d-4", "d-12", "abcde-plus", "ab-d-bc", "012-star-02-star", "dyck-1", "shuffle-2", "shuffle-4",
                "shuffle-6", "boolean-3", "boolean-5")) {
            Language l = c.get(id);
            assertTrue(l.samplingsDiffer(), id);
            assertNotEquals(l.sample("bin1", 5, 1L), l.withSampling(Sampling.UNIFORM).sample("bin1", 5, 1L), id);
        }
        for (String id : List.of("tomita-1", "tomita-2", "aa-star", "aaaa-star", "abab-star", "anbn", "anbncn",
                "anbncndn", "flip-flop", "bounded-dyck-8-10", "mod-3")) {
            Language l = c.get(id);
            assertFalse(l.samplingsDiffer(), id);
            assertEquals(l.sample(l.bin(1), 5, 1L, Set.of()), l.withSampling(Sampling.UNIFORM).sample(l.bin(1), 5, 1L,
                    Set.of()), id);
        }
        Language t3 = c.get("tomita-3");
        assertSame(t3, t3.withSampling(Sampling.AUTHORS));
        assertSame(t3.targets(), t3.withSampling(Sampling.UNIFORM).targets());
        assertEquals(Sampling.UNIFORM, t3.withSampling(Sampling.UNIFORM).withSampling(Sampling.UNIFORM).sampling());
    }

    @Test
    void theInstrumentsSamplerDrawsPastTheAuthorsWindowsAndInsideThemAsTheAuthors() {
        var beyond = new LengthWindow(300, 364);                  // past every generator window of the suite
        for (String id : List.of("parity", "d-12", "tomita-3", "ab-d-bc", "dyck-1", "abcde-plus")) {
            Language l = CatalogTest.CATALOG.get(id);
            assertThrows(IllegalArgumentException.class,
                    () -> l.trainingSplit().sampler().sample(beyond, new SplittableRandom(1)), id);
            Word w = l.anyLengthSampler().sample(beyond, new SplittableRandom(1));
            assertTrue(beyond.contains(w.length()) && l.contains(w), id + ": " + w);
        }
        Language d12 = CatalogTest.CATALOG.get("d-12");                // inside: the authors' generator itself
        LengthWindow inside = d12.trainingSplit().window();
        assertEquals(d12.trainingSplit().sampler().sample(inside, new SplittableRandom(7)),
                d12.anyLengthSampler().sample(inside, new SplittableRandom(7)));
    }

    @Test
    void theMixedSamplingDrawsFromBoth() {
        Language authors = CatalogTest.CATALOG.get("d-4");
        Language mixed = authors.withSampling(Sampling.MIXED);
        Language uniform = authors.withSampling(Sampling.UNIFORM);
        assertFalse(authors.sample("bin1", 30, 3L).equals(mixed.sample("bin1", 30, 3L)));
        List<Word> train = mixed.sample("train", 400, 3L);
        var authorsTrain = Set.copyOf(authors.sample("train", 4000, 3L));
        // the authors' D_4 words are one or two blocks that stay deep; uniform words come back to depth 0 often
        long manyBlocks = train.stream().filter(w -> blocks(w) >= 4).count();
        long manyBlocksAuthors = authors.sample("train", 400, 3L).stream().filter(w -> blocks(w) >= 4).count();
        assertTrue(manyBlocks >= 2 * manyBlocksAuthors + 40, manyBlocks + " words of 400 with 4 or more blocks, "
                + "the authors' sampling " + manyBlocksAuthors);
        assertTrue(train.stream().allMatch(mixed::contains));
        assertFalse(authorsTrain.containsAll(train));
        assertSame(CatalogTest.CATALOG.get("tomita-1").withSampling(Sampling.MIXED).splits(),
                CatalogTest.CATALOG.get("tomita-1").splits(), "one sampling where the two are one");
        assertEquals(Sampling.MIXED, Sampling.parse("mixed"));
        assertTrue(uniform.sample("train", 50, 3L).stream().allMatch(uniform::contains));
    }

    /** How many times a Dyck word comes back to depth 0 (its top-level blocks). */
    private static int blocks(Word w) {
        int depth = 0;
        int blocks = 0;
        for (int s : w.toArray()) {
            depth += s == 0 ? 1 : -1;
            blocks += depth == 0 ? 1 : 0;
        }
        return blocks;
    }

    @Test
    void samplingNamesParse() {
        assertEquals(Sampling.AUTHORS, Sampling.parse("Authors"));
        assertEquals(Sampling.UNIFORM, Sampling.parse(" uniform "));
        var e = assertThrows(IllegalArgumentException.class, () -> Sampling.parse("paper"));
        assertTrue(e.getMessage().contains("[authors, uniform, mixed]"), e.getMessage());
    }
}
