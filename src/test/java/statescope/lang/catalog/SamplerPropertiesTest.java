package statescope.lang.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import statescope.PropertyLoop;
import statescope.lang.Word;

/**
 * Samplers emit words of the split's length window, in the language, with targets that the
 * protocol's slow re-implementation ({@link ProtocolTargets}) and the reference machine agree with,
 * and are reproducible for a seed.
 */
class SamplerPropertiesTest {

    static final Catalog CATALOG = CatalogTest.CATALOG;

    record Case(String language, String split, long seed) {
    }

    /** A sampled word of the case with the symbol at {@code where} (mod its length) shifted by {@code shift}. */
    record Mutation(Case sample, int where, int shift) {
    }

    /** A language and one of its splits, uniform over all pairs of the catalog, and any seed. */
    static Case randomCase(RandomGenerator r) {
        var pairs = new ArrayList<String[]>();
        for (Language l : CATALOG.languages()) {
            for (Split s : l.splits()) {
                pairs.add(new String[] {l.id(), s.name()});
            }
        }
        String[] p = pairs.get(r.nextInt(pairs.size()));
        return new Case(p[0], p[1], r.nextLong());
    }

    @Test
    void samplesLieInTheWindowAndTheLanguageWithProtocolTargets() {
        PropertyLoop.forAll((r, size) -> randomCase(r)).trials(150).check(c -> {
            Language l = CATALOG.get(c.language());
            Split s = l.split(c.split());
            List<Word> words = l.sample(s, 3, c.seed(), Set.of());
            assertFalse(words.isEmpty(), c.toString());
            for (Word w : words) {
                check(l, s, w);
            }
        });
    }

    @Test
    void samplingIsReproducible() {
        PropertyLoop.forAll((r, size) -> randomCase(r)).trials(60).check(c -> {
            Language l = CATALOG.get(c.language());
            Split s = l.split(c.split());
            assertEquals(l.sample(s, 4, c.seed(), Set.of()), l.sample(s, 4, c.seed(), Set.of()), c.toString());
        });
    }

    /** Near misses: a sampled word with one symbol changed; machine, DFA and definition still agree. */
    @Test
    void machinesAgreeWithTheDefinitionOnMutatedWords() {
        PropertyLoop.forAll((r, size) -> new Mutation(randomCase(r), r.nextInt(1_000_001), r.nextInt(1, 31)))
                .trials(200).check(SamplerPropertiesTest::agreeOnTheMutation);
    }

    private static void agreeOnTheMutation(Mutation mutation) {
        Case c = mutation.sample();
        Language l = CATALOG.get(c.language());
        Word w = l.sample(l.split(c.split()), 1, c.seed(), Set.of()).get(0);
        int[] s = w.toArray();
        if (s.length == 0) {
            return;
        }
        int i = mutation.where() % s.length;
        s[i] = (s[i] + mutation.shift()) % l.alphabet().size();
        Word m = Word.of(l.alphabet(), s);
        boolean def = l.contains(m);
        assertEquals(def, l.machine().accepts(m), l.id() + ": machine vs definition on a mutated word");
        l.dfa().ifPresent(d -> assertEquals(def, d.accepts(m), l.id() + ": DFA vs definition on a mutated word"));
    }

    /** Every language and split once, so that no combination depends on the random choice of cases. */
    @Test
    void everySplitOfEveryLanguageOnce() {
        for (Language l : CATALOG.languages()) {
            for (Split s : l.splits()) {
                for (Word w : l.sample(s, 2, 7L, Set.of())) {
                    check(l, s, w);
                }
            }
        }
    }

    static void check(Language l, Split s, Word w) {
        String where = l.id() + "/" + s.name() + " '" + abbreviate(w) + "'";
        assertTrue(s.window().contains(w.length()), where + " length " + w.length() + " outside " + s.window());
        assertTrue(l.contains(w), where + " not in the language");
        var m = l.machine();
        var c = m.start();
        for (int i = 0; i < w.length(); i++) {
            assertTrue(m.allowedNext(c).get(w.at(i)), where + ": symbol " + i + " not allowed by the machine");
            c = m.step(c, w.at(i));
            assertFalse(m.isDead(c), where + ": dead at " + i);
        }
        assertTrue(m.accepting(c), where + ": not accepted by the machine");
        Targets t = l.targets().encode(w);
        assertEquals(w.length(), t.length());
        var names = new ArrayList<String>();
        for (int i = 0; i < t.length(); i++) {
            int id = t.classId(i);
            assertTrue(id >= 0, where + ": pattern " + t.pattern(i) + " at " + i + " is no class");
            assertEquals(t.pattern(i), l.targets().classes().get(id).bits(), where);
            names.add(l.targets().classes().get(id).name());
        }
        assertEquals(ProtocolTargets.classNames(l, w), names, where + ": targets differ from the protocol");
        assertEquals(w.length(), l.encodeInput(w).length);
    }

    static String abbreviate(Word w) {
        String s = w.toString();
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
