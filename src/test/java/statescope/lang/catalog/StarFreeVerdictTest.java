package statescope.lang.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import statescope.lang.Dfa;
import statescope.lang.Minimizer;
import statescope.lang.StarFreeVerdict;
import statescope.lang.Word;

/** The star-free verdict of every regular catalog language matches paper.md §4; witnesses are re-run on the DFA. */
class StarFreeVerdictTest {

    static final Catalog CATALOG = CatalogTest.CATALOG;

    /** paper.md §4: star-free or not, for every regular language with a DFA in the catalog. */
    static final Map<String, Boolean> PAPER = Map.ofEntries(
            Map.entry("tomita-1", true), Map.entry("tomita-2", true), Map.entry("tomita-4", true),
            Map.entry("tomita-7", true), Map.entry("d-2", true), Map.entry("d-3", true), Map.entry("d-4", true),
            Map.entry("d-12", true), Map.entry("abcde-plus", true), Map.entry("ab-d-bc", true),
            Map.entry("012-star-02-star", true), Map.entry("flip-flop", true), Map.entry("bounded-dyck-2-4", true),
            Map.entry("parity", false), Map.entry("aa-star", false), Map.entry("aaaa-star", false),
            Map.entry("abab-star", false), Map.entry("tomita-3", false), Map.entry("tomita-5", false),
            Map.entry("tomita-6", false), Map.entry("mod-3", false), Map.entry("mod-5", false));

    @Test
    void everyRegularLanguageWithADfaIsCovered() {
        for (Language l : CATALOG.languages()) {
            if (l.dfa().isPresent()) {
                assertTrue(PAPER.containsKey(l.id()), l.id() + " has a DFA but no expected verdict");
            } else {
                assertTrue(l.id().equals("bounded-dyck-8-10") || !l.family().isRegular(), l.id());
            }
        }
    }

    @Test
    void verdictsMatchThePaperAndTheFamily() {
        for (var e : PAPER.entrySet()) {
            Language l = CATALOG.get(e.getKey());
            StarFreeVerdict v = l.starFreeVerdict().orElseThrow();
            assertEquals(e.getValue(), v.starFree(), e.getKey());
            assertEquals(e.getValue(), l.family() == Family.STAR_FREE, e.getKey());
            assertEquals(l.dfa().orElseThrow().numStates(), v.minimalStates(), e.getKey() + ": the catalog DFA is minimal");
        }
    }

    @Test
    void catalogDfasAreMinimalWithDistinctLabels() {
        for (Language l : CATALOG.languages()) {
            l.dfa().ifPresent(d -> {
                // minimisation merges equivalent states and drops unreachable ones: nothing to merge or drop
                assertEquals(d.numStates(), Minimizer.minimize(d).numStates(), l.id());
                assertEquals(d.numStates(), d.labels().stream().distinct().count(), l.id());
            });
        }
    }

    @Test
    void witnessesCycleWhenRunOnTheDfa() {
        for (var e : PAPER.entrySet()) {
            if (e.getValue()) {
                continue;
            }
            Language l = CATALOG.get(e.getKey());
            Dfa dfa = l.dfa().orElseThrow();
            var w = l.starFreeVerdict().orElseThrow().witness().orElseThrow();
            int horizon = w.k() + w.period() + 2;
            int[][] powers = new int[horizon + 1][];
            for (int j = 1; j <= horizon; j++) {
                powers[j] = transformation(dfa, w.w().power(j));
            }
            assertTrue(Arrays.equals(powers[w.k()], powers[w.k() + w.period()]), e.getKey() + ": w^k = w^(k+p)");
            for (int j = 1; j < horizon; j++) {
                assertFalse(Arrays.equals(powers[j], powers[j + 1]), e.getKey() + ": w^" + j + " = w^" + (j + 1));
            }
            for (int p = 1; p < w.period(); p++) {
                assertNotEquals(Arrays.toString(powers[w.k()]), Arrays.toString(powers[w.k() + p]),
                        e.getKey() + ": period is not minimal");
            }
        }
    }

    @Test
    void knownWitnesses() {
        assertEquals("1", CATALOG.get("parity").starFreeVerdict().orElseThrow().witness().orElseThrow().w().toString());
        var mod5 = CATALOG.get("mod-5").starFreeVerdict().orElseThrow().witness().orElseThrow();
        assertEquals(5, mod5.period());
        assertEquals(3, CATALOG.get("tomita-6").starFreeVerdict().orElseThrow().witness().orElseThrow().period());
        assertEquals(2, CATALOG.get("abab-star").starFreeVerdict().orElseThrow().witness().orElseThrow().period());
    }

    /** The state reached from each state by reading {@code w}. */
    static int[] transformation(Dfa dfa, Word w) {
        int[] t = new int[dfa.numStates()];
        for (int q = 0; q < t.length; q++) {
            t[q] = dfa.run(q, w);
        }
        return t;
    }
}
