package statescope.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import statescope.lang.Word;
import statescope.lang.catalog.Catalog;
import statescope.lang.catalog.Family;
import statescope.lang.catalog.Language;
import statescope.lang.catalog.TargetEncoding;
import statescope.ssm.GateRange;

/** The UI's view of the catalog agrees with the catalog: states, targets, tokens, decoding. */
class CatalogLanguagesTest {

    private static final List<Language> LANGS = Catalog.standard().languages();

    @Test
    void flipFlopComesFirstAndEveryLanguageIsThere() {
        var all = CatalogLanguages.all();
        assertTrue(all.get(0).id().startsWith("flip"), all.get(0).id());
        assertEquals(LANGS.size(), all.size());
    }

    /**
     * The catalog's badge colour follows the star-free verdict, from the DFA where there is one and from
     * the language's family where it is too large to build (bounded Dyck(8,10) had been drawn as a counter
     * language, in the counters' colour, under its "SF" badge).
     */
    @Test
    void everyRegularLanguageHasAStarFreeVerdict() {
        for (var e : CatalogLanguages.all()) {
            var l = Catalog.standard().get(e.id());
            if (l.family().isRegular()) {
                assertEquals(l.family() == Family.STAR_FREE, e.starFree(), e.id());
            } else {
                assertNull(e.starFree(), e.id());
            }
        }
        assertEquals(Boolean.TRUE, CatalogLanguages.entry(Catalog.standard().get("bounded-dyck-8-10")).starFree());
    }

    /**
     * The demo input shows the state changing: flip-flop's writes both bits and reads one back, Tomita 3's
     * leaves its start state, and every language's passes through at least two configurations.
     */
    @Test
    void demoInputsTakeTheMachineThroughItsStates() {
        for (var e : CatalogLanguages.all()) {
            var m = e.machine();
            var config = m.start();
            var seen = new HashSet<Object>();
            seen.add(config);
            var word = Word.parse(m.alphabet(), e.sample());
            for (int i = 0; i < word.length(); i++) {
                config = m.step(config, word.at(i));
                seen.add(config);
            }
            assertTrue(seen.size() >= 2 || e.id().equals("tomita-1"), e.id() + ": '" + e.sample() + "' stays put");
        }
        String flipFlop = CatalogLanguages.all().get(0).sample();
        assertTrue(flipFlop.contains("w0") && flipFlop.contains("w1") && flipFlop.endsWith("r" + flipFlop.charAt(
                flipFlop.lastIndexOf('w') + 1)), "flip-flop's demo writes both bits and reads the last: " + flipFlop);
    }

    @Test
    void tracesShowTheCatalogsStatesAndTargets() {
        for (Language l : LANGS) {
            LanguageEntry e = CatalogLanguages.entry(l);
            var model = EngineModel.random(e.vocabularySize(), e.reference().width(), 1, 8, GateRange.SIGNED, 1);
            for (Word w : l.sample(l.trainingSplit(), 3, 5, Set.of())) {
                Word word = w.length() > 60 ? w.prefix(60) : w;
                var bulk = new AlignedTrace(model, e);
                bulk.setWord(word.toArray(), p -> { }, () -> false);
                var typed = new AlignedTrace(model, e);
                for (int s : word.toArray()) {
                    typed.append(s);                                     // one key at a time
                }
                var targets = l.targets().encode(word);
                int[] tokens = l.encodeInput(word);
                for (int t = 1; t <= word.length(); t++) {
                    for (int j = 0; j < targets.width(); j++) {
                        assertEquals(targets.bit(t - 1, j), bulk.target(t).unit(j), l.id() + " " + word + " t=" + t);
                        assertEquals(targets.bit(t - 1, j), typed.target(t).unit(j), l.id() + " typed t=" + t);
                    }
                    assertEquals(tokens[t - 1], e.tokens().token(word.toArray(), t - 1), l.id() + " token " + t);
                    if (l.dfa().isPresent()) {
                        assertEquals(l.dfa().get().run(l.dfa().get().startState(), word.prefix(t)),
                                bulk.state(t), l.id() + " DFA state at " + t);
                    }
                }
            }
        }
    }

    /** The status bar's summary tells a constructed checkpoint from a trained one and from random weights. */
    @Test
    void theSummaryNamesWhereTheWeightsCameFrom() throws Exception {
        LanguageEntry d12 = CatalogLanguages.entry(Catalog.standard().get("d-12"));
        String built = ShippedModels.load(Path.of("assets/models/constructed/d-12.json"), d12).info().summary();
        String trained = ShippedModels.load(Path.of("assets/models/d-12.json"), d12).info().summary();
        String random = EngineModel.random(3, 3, 1, 8, GateRange.NONNEGATIVE, 1).info().summary();
        assertTrue(built.endsWith(" · constructed"), built);
        assertTrue(trained.endsWith(" · trained"), trained);
        assertTrue(random.endsWith(" · random init"), random);
    }

    @Test
    void aBitPerUnitOutputIsThresholded() {
        // a head with one unit per target bit (not per class) is read with the 0.5 threshold
        Language l = LANGS.stream().filter(x -> x.targets().width() != x.targets().numClasses()).findFirst()
                .orElseThrow(() -> new AssertionError("some language has more classes than bits (D_n: 3 vs 2)"));
        var e = CatalogLanguages.entry(l);
        float[] logits = new float[l.targets().width()];
        Arrays.fill(logits, -2f);
        logits[0] = 2f;
        var decoded = e.reference().decode(logits);
        assertTrue(decoded.unit(0), l.id());
        for (int j = 1; j < logits.length; j++) {
            assertTrue(!decoded.unit(j), l.id() + " bit " + j);
        }
    }

    @Test
    void aOneHotClassOutputDecodesToItsPattern() {
        for (Language l : LANGS) {
            var e = CatalogLanguages.entry(l);
            var classes = l.targets().classes();
            for (var c : classes) {
                float[] logits = new float[classes.size()];             // one output per class
                Arrays.fill(logits, -1f);
                logits[c.id()] = 1f;
                var decoded = e.reference().decode(logits);
                var sb = new StringBuilder();
                for (boolean b : decoded.units()) {
                    sb.append(b ? '1' : '0');
                }
                assertEquals(c.bits(), sb.toString(), l.id() + " class " + c.name());
                if (l.targets().kind() != TargetEncoding.Kind.MEMBERSHIP) {
                    assertEquals(c.name(), decoded.label());
                }
            }
        }
    }
}
