package statescope.analysis.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import net.automatalib.util.automaton.Automata;
import org.junit.jupiter.api.Test;
import statescope.analysis.extract.ExtractionResult.Verdict;
import statescope.lang.Alphabet;
import statescope.lang.Word;
import statescope.lang.catalog.Catalog;
import statescope.lang.catalog.Language;
import statescope.ssm.Checkpoint;

class ExtractionTest {

    private static ReferenceOutputs reference(Language l) {
        return new ReferenceOutputs(l.machine(), l.targets());
    }

    /** A fake model: the reference, except that it answers wrong at one position of words with a given prefix. */
    private record Faulty(ReferenceOutputs ref, Word bad) implements OutputQueries {
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
            for (int i = 0; i < out.length; i++) {
                Word w = words.get(i);
                if (w.length() >= bad.length() && w.prefix(bad.length()).equals(bad)) {
                    int t = bad.length() - 1;
                    out[i][t] = out[i][t] == OutputQueries.SINK ? 0 : (out[i][t] + 1) % outputNames().size();
                }
            }
            return out;
        }
    }

    @Test
    void aModelThatIsExactlyTheDfaIsLearnedAsThatDfa() {
        for (String id : List.of("tomita-3", "tomita-5", "012-star-02-star", "flip-flop")) {
            Language l = Catalog.standard().get(id);
            ReferenceOutputs ref = reference(l);
            ExtractionResult r = Extraction.run(ref, ref, BoundedOracle.of(l.machine(), 1 << 10, 200, 64, 1), 60);
            assertEquals(Verdict.EQUIVALENT, r.verdict(), id);
            assertTrue(r.complete(), id);
            var refMealy = ReferenceMealy.build(ref).orElseThrow();
            assertEquals(refMealy.size(), r.states(), id);
            assertTrue(Automata.testEquivalence(refMealy, r.machine(), ReferenceMealy.inputs(l.alphabet().size())), id);
            assertTrue(r.reach().contains("every word of length"), r.reach());
        }
    }

    @Test
    void aModelWrongAtOneWordIsNotEquivalentWithThatWord() {
        Language l = Catalog.standard().get("tomita-3");
        ReferenceOutputs ref = reference(l);
        Word bad = l.parse("0110100");
        ExtractionResult r = Extraction.run(new Faulty(ref, bad), ref, BoundedOracle.of(l.machine(), 1 << 10, 200, 64, 1),
                60);
        assertEquals(Verdict.NOT_EQUIVALENT, r.verdict());
        assertEquals(bad, r.separating());
        int last = bad.length() - 1;
        assertNotEquals(r.referenceOutputs()[last], r.modelOutputs()[last]);
    }

    @Test
    void anExhaustedBudgetIsMarkedAndClaimsNothing() {
        Language l = Catalog.standard().get("tomita-4");
        ReferenceOutputs ref = reference(l);
        ExtractionResult r = Extraction.run(ref, ref, BoundedOracle.of(l.machine(), 1 << 10, 200, 64, 1), 1e-9);
        assertEquals(Verdict.BUDGET_EXHAUSTED, r.verdict());
        assertFalse(r.complete());
        assertNull(r.separating());
        assertNotNull(r.machine());
    }

    /**
     * A fake model that counts its queries: those asked with a stop (the deadline), and those without, which
     * nothing could cut short (extract --time 0.5 ran 3 s on a^nb^n: a 512-word query of the oracle, on a
     * scan the JIT had not compiled yet, went on past the deadline).
     */
    private static final class Counting implements OutputQueries {
        private final ReferenceOutputs ref;
        private int withStop;
        private int without;

        Counting(ReferenceOutputs ref) {
            this.ref = ref;
        }

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
            without++;
            return ref.outputs(words);
        }

        @Override
        public int[][] outputs(List<Word> words, BooleanSupplier stop) {
            withStop++;
            return ref.outputs(words);
        }

        @Override
        public int[] stepped(Word word) {
            return ref.outputs(List.of(word))[0];
        }
    }

    @Test
    void everyQueryOfAnExtractionCanBeStoppedAtTheDeadline() {
        for (String id : List.of("tomita-3", "anbn")) {                 // a finite reference, and one that is not
            Language l = Catalog.standard().get(id);
            ReferenceOutputs ref = reference(l);
            var target = new Counting(ref);
            Extraction.run(target, ref, BoundedOracle.of(l.machine(), 1 << 10, 200, 64, 1), 60);
            assertTrue(target.withStop > 0, id);
            assertEquals(0, target.without, id + ": a query that no deadline stops");
        }
    }

    @Test
    void aModelsQueryAsksItsStopBetweenScanBatches() throws Exception {
        Language parity = Catalog.standard().get("parity");
        var cp = Checkpoint.load(Checkpoint.weightsPath(Path.of("assets/models/parity-nonneg.safetensors")));
        var model = new ModelOutputs(cp.weights(), parity);
        var words = new ArrayList<Word>();
        for (int i = 0; i < 300; i++) {
            words.add(parity.parse(Integer.toBinaryString(4096 + i)));  // 300 distinct words of 13 symbols
        }
        int[] asked = {0};
        assertThrows(OutputQueries.Stopped.class, () -> model.outputs(words, () -> ++asked[0] > 1));
        assertEquals(2, asked[0], "asked before the first batch and before the second");
        assertEquals(ModelOutputs.FIRST_BATCH, model.scannedWords(), "the first batch scanned, the rest not");
        int[][] all = model.outputs(words);
        assertEquals(300, model.scannedWords(), "the rest scanned later, the first batch from the cache");
        assertEquals(13, all[299].length);
    }

    @Test
    void theNonnegativeParityModelIsNotParity() throws Exception {
        Language parity = Catalog.standard().get("parity");
        var cp = Checkpoint.load(Checkpoint.weightsPath(Path.of("assets/models/parity-nonneg.safetensors")));
        var model = new ModelOutputs(cp.weights(), parity);
        ExtractionResult r = Extraction.run(model, reference(parity), BoundedOracle.of(parity.machine(), 1 << 12, 300,
                64, 1), 120);
        assertEquals(Verdict.NOT_EQUIVALENT, r.verdict(), r.toString());
        int last = r.separating().length() - 1;
        assertEquals(r.modelOutputs()[last], model.stepped(r.separating())[last]);
        assertNotEquals(r.referenceOutputs()[last], r.modelOutputs()[last]);
    }
}
