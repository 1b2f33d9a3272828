package statescope.lang.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import statescope.lang.Word;

class DatasetTest {

    static final Catalog CATALOG = CatalogTest.CATALOG;
    static final Catalog UNIFORM = Catalog.standard(Sampling.UNIFORM);

    @Test
    void binOneIsHeldOutFromTraining() {
        for (Language l : new Language[] {UNIFORM.get("tomita-4"), CATALOG.get("tomita-4"), CATALOG.get("d-4")}) {
            Dataset d = Dataset.generate(l, 3L, 300);
            var train = new HashSet<>(d.split("train"));
            assertEquals(300, d.split("train").size(), l.sampling().toString());
            assertEquals(300, d.split("bin1").size());
            for (Word w : d.split("bin1")) {
                assertFalse(train.contains(w), "bin1 word " + w + " is a training word");
            }
            assertTrue(d.notes().isEmpty(), d.notes().toString());
            assertEquals(Dataset.generate(l, 3L, 300), d);
        }
        assertEquals(300, new HashSet<>(Dataset.generate(UNIFORM.get("tomita-4"), 3L, 300).split("train")).size());
    }

    @Test
    void theAuthorsTomitaTrainingWordsRepeatAsTheirFilesDo() {
        // their Tomita 3 training file: 6,577 distinct words in 10,000 (short words recur)
        Dataset d = Dataset.generate(CATALOG.get("tomita-3"), 1L, 0);
        assertEquals(10_000, d.split("train").size());
        int distinct = new HashSet<>(d.split("train")).size();
        assertTrue(distinct > 6_000 && distinct < 7_200, "distinct training words: " + distinct);
        Dataset u = Dataset.generate(UNIFORM.get("tomita-3"), 1L, 0);
        assertEquals(u.split("train").size(), new HashSet<>(u.split("train")).size(), "the uniform sampling's are distinct");
    }

    @Test
    void smallLanguagesTakeEveryWordAndSayWhere() {
        Dataset d = Dataset.generate(CATALOG.get("tomita-1"), 1L, 0);
        assertEquals(100, d.split("train").size(), "1^1 .. 1^100");
        assertEquals(99, d.split("bin1").size(), "1^1 .. 1^99, overlapping training");
        assertEquals(45, d.split("bin2").size(), "1^106 .. 1^150");
        assertTrue(d.notes().get("bin1").contains("overlaps"), d.notes().toString());
        assertTrue(d.notes().get("train").contains("100 of 1000"), d.notes().toString());
        var abab = Dataset.generate(CATALOG.get("abab-star"), 1L, 0);
        assertEquals(116, abab.split("bin1").size());
        assertEquals(22, abab.split("bin2").size());
        var anbn = Dataset.generate(CATALOG.get("anbn"), 1L, 0);
        assertEquals(99, anbn.split("train").size());
    }

    /**
     * Bounded Dyck's splits are sized in tokens (train 2M, dev 200K, test 1M). With a cap of 20 words the
     * cap comes first (20 words of at most 1400 tokens are far below every budget): each split has exactly
     * 20 words, the first 20 of the uncapped split. Without a cap each split stops at its budget: its
     * tokens reach the budget, and without its last word they fall short of it. Every word lies in its
     * split's window.
     */
    @Test
    void tokenSizedSplitsStopAtTheBudgetOrTheCap() {
        Language l = CATALOG.get("bounded-dyck-8-10");
        var tokenSized = l.splits().stream().filter(s -> s.tokens() > 0).toList();
        assertEquals(List.of("train", "dev", "test"), tokenSized.stream().map(Split::name).toList());
        Dataset capped = Dataset.generate(l, 5L, 20);
        Dataset full = Dataset.generate(l, 5L, 0);
        for (Split s : tokenSized) {
            List<Word> words = full.split(s.name());
            assertFalse(words.isEmpty(), s.name());
            long tokens = 0;
            for (Word w : words) {
                assertTrue(s.window().contains(w.length()), s.name() + ": a word of length " + w.length());
                tokens += w.length();
            }
            long last = words.getLast().length();
            assertTrue(tokens >= s.tokens(), s.name() + ": " + tokens + " tokens, short of the budget " + s.tokens());
            assertTrue(tokens - last < s.tokens(), s.name() + ": " + tokens + " tokens, a word past the budget " + s.tokens());
            assertTrue(words.size() > 20, s.name() + ": " + words.size() + " words");
            assertEquals(20, capped.split(s.name()).size(), s.name() + ": the cap comes first");
            assertTrue(words.subList(0, 20).equals(capped.split(s.name())), s.name() + ": the cap takes the first 20 words");
            for (Word w : capped.split(s.name())) {
                assertTrue(s.window().contains(w.length()), s.name() + ": a capped word of length " + w.length());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> capped.split("bin1"));
        assertThrows(IllegalArgumentException.class, () -> Dataset.generate(CATALOG.get("parity"), 1L, -1));
    }

    @Test
    void availableCountsAreExact() {
        Language t2 = UNIFORM.get("tomita-2");
        assertEquals(24.0, t2.bin(2).sampler().available(t2.bin(2).window()));
        Language d2 = UNIFORM.get("d-2");
        // D_2 words of length 4: abab and aabb
        assertEquals(2.0, d2.trainingSplit().sampler().available(new LengthWindow(4, 4)));
        Language dyck = UNIFORM.get("dyck-1");
        assertEquals(5.0, dyck.trainingSplit().sampler().available(new LengthWindow(6, 6)), "Catalan(3)");
        Language b3 = UNIFORM.get("boolean-3");
        // length 2: ~0 ~1; length 3: +ab (4), ~~a (2) = 6
        assertEquals(2.0, b3.trainingSplit().sampler().available(new LengthWindow(2, 2)));
        assertEquals(6.0, b3.trainingSplit().sampler().available(new LengthWindow(3, 3)));
    }
}
