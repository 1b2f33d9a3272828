package statescope.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import statescope.analysis.extract.BoundedOracle;
import statescope.analysis.extract.Extraction;
import statescope.analysis.extract.ExtractionResult;
import statescope.analysis.extract.ExtractionResult.Verdict;
import statescope.analysis.extract.OutputQueries;
import statescope.analysis.extract.ReferenceOutputs;
import statescope.analysis.extract.SearchOracle;
import statescope.inspect.CatalogLanguages;
import statescope.lang.Alphabet;
import statescope.lang.Word;
import statescope.lang.catalog.Catalog;
import statescope.ssm.ReferenceScan;

/**
 * The extraction's oracle with the counterexample search behind the bounded one: a model wrong only at
 * position 150 passes the bounded oracle (every word to length 10, walks to 64) but not the search.
 */
class SearchOracleTest {

    private static final int DEEP = 150;

    /** The reference's outputs, wrong at position {@link #DEEP} of every word (as {@link OracleModel#wrongAt}). */
    private record WrongAt(ReferenceOutputs ref) implements OutputQueries {
        @Override
        public Alphabet alphabet() {
            return ref.alphabet();
        }

        @Override
        public List<String> outputNames() {
            return ref.outputNames();
        }

        @Override
        public int[][] outputs(List<Word> words) {
            int[][] out = ref.outputs(words);
            for (int[] o : out) {
                if (o.length >= DEEP && o[DEEP - 1] != SINK) {
                    o[DEEP - 1] = (o[DEEP - 1] + 1) % outputNames().size();
                }
            }
            return out;
        }
    }

    private static ExtractionResult extract(boolean withSearch) {
        var lang = Catalog.standard().get("tomita-4");
        var entry = CatalogLanguages.entry(lang);
        var ref = new ReferenceOutputs(lang.machine(), lang.targets());
        var bounded = BoundedOracle.of(lang.machine(), 1 << 10, 200, 64, 1);
        var oracle = withSearch ? new SearchOracle(bounded, Subject.of(OracleModel.wrongAt(entry, DEEP), entry, lang),
                new ReferenceScan(), new CounterexampleSearch.Settings(8, 1000, 200, 400, 3, 2), () -> false) : bounded;
        return Extraction.run(new WrongAt(ref), ref, oracle, 60);
    }

    @Test
    void theSearchFindsWhatTheBoundedOracleMisses() {
        ExtractionResult bounded = extract(false);
        assertEquals(Verdict.EQUIVALENT, bounded.verdict(), "the bounded oracle alone cannot reach position " + DEEP);
        ExtractionResult r = extract(true);
        assertEquals(Verdict.NOT_EQUIVALENT, r.verdict(), r.reach());
        assertEquals(DEEP, r.separating().length(), r.separating().toString());
        int last = DEEP - 1;
        assertTrue(r.modelOutputs()[last] != r.referenceOutputs()[last]);
        assertTrue(r.reach().contains("counterexample search"), r.reach());
    }

    @Test
    void aRightModelIsEquivalentAndTheReachNamesTheSearch() {
        var lang = Catalog.standard().get("tomita-4");
        var entry = CatalogLanguages.entry(lang);
        var ref = new ReferenceOutputs(lang.machine(), lang.targets());
        var oracle = new SearchOracle(BoundedOracle.of(lang.machine(), 1 << 10, 200, 64, 1),
                Subject.of(new OracleModel(entry, (w, t) -> false), entry, lang), new ReferenceScan(),
                new CounterexampleSearch.Settings(8, 1000, 100, 300, 3, 2), () -> false);
        ExtractionResult r = Extraction.run(ref, ref, oracle, 60);
        assertEquals(Verdict.EQUIVALENT, r.verdict());
        assertNull(r.separating());
        assertTrue(r.reach().matches(".*counterexample search: every prefix of the language to length 8 .*100 guided"
                + " strings up to length 300.*"), r.reach());
        assertFalse(r.reach().contains("stopped"), r.reach());
    }
}
