package statescope.ui.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import statescope.analysis.Model;
import statescope.analysis.SsmModel;
import statescope.analysis.extract.ExtractionResult.Verdict;
import statescope.inspect.CatalogLanguages;
import statescope.inspect.LanguageEntry;
import statescope.lang.Word;
import statescope.lang.catalog.Catalog;
import statescope.ssm.Checkpoint;
import statescope.ssm.ReferenceScan;
import statescope.ui.common.TaskRunner;

/** The analysis tab's Probes and Extraction pages, on the immediate runner and shipped models. */
class ExplainViewModelTest {

    private static final LanguageEntry PARITY = CatalogLanguages.entry(Catalog.standard().get("parity"));

    /** A session with a stepper word and position, recording what it was asked to show. */
    private static final class FakeSession implements AnalysisViewModel.Session {
        Model model;
        LanguageEntry language = PARITY;
        int[] word = new int[0];
        int position;
        final List<Runnable> watchers = new ArrayList<>();
        int[] shown;
        int shownAt = -1;

        FakeSession(String model) throws Exception {
            this.model = model == null ? null : new SsmModel(Checkpoint.load(Path.of("assets/models/" + model
                    + ".safetensors")).weights(), model);
        }

        @Override
        public LanguageEntry language() {
            return language;
        }

        @Override
        public Model model() {
            return model;
        }

        @Override
        public List<AnalysisViewModel.OpenModel> openModels() {
            return List.of();
        }

        @Override
        public void show(int[] w, int t) {
            shown = w;
            shownAt = t;
        }

        @Override
        public int[] word() {
            return word;
        }

        @Override
        public int position() {
            return position;
        }

        @Override
        public void watch(Runnable r) {
            watchers.add(r);
        }

        void moveTo(int[] w, int t) {
            word = w;
            position = t;
            watchers.forEach(Runnable::run);
        }
    }

    private static AnalysisViewModel analysis(FakeSession s) {
        return new AnalysisViewModel(s, TaskRunner.immediate(), ReferenceScan::new);
    }

    @Test
    void theSignedParityModelsProbeDecodesTheTrueStateAtEveryPosition() throws Exception {
        var s = new FakeSession("parity-signed");
        var probes = analysis(s).probes();
        probes.run();
        assertEquals(List.of("L0 embedding", "L1 h", "L1 block"), probes.bars().stream().map(ProbeViewModel.Bar::label).toList(),
                probes.statusProperty().get());
        assertTrue(probes.bars().get(1).accuracy() >= 99, probes.statusProperty().get());
        assertTrue(probes.selectedProperty().get() >= 1, "the best probe is a block's, not the embedding's");
        assertNotNull(probes.machineProperty().get());
        int[] word = {0, 1, 1, 0, 1, 1, 1};
        int ones = 0;
        for (int t = 1; t <= word.length; t++) {
            s.moveTo(word, t);
            ones += word[t - 1];
            var g = probes.ghostProperty().get();
            assertEquals(t, g.position());
            assertTrue(g.truthState() >= 0, "the true state is drawn: " + g);
            assertEquals(g.truth(), g.belief(), "at " + t);
            assertEquals(g.truthState(), g.beliefState());
            String expected = Catalog.standard().get("parity").dfa().orElseThrow()
                    .label(Catalog.standard().get("parity").dfa().orElseThrow().run(0,
                            Word.of(PARITY.machine().alphabet(), Arrays.copyOf(word, t))));
            assertEquals(expected, g.truth(), "after " + ones + " ones");
        }
        probes.select(0);                           // the embedding knows only the last symbol
        int wrong = 0;
        for (int t = 1; t <= word.length; t++) {
            s.moveTo(word, t);
            wrong += probes.ghostProperty().get().truth().equals(probes.ghostProperty().get().belief()) ? 0 : 1;
        }
        assertTrue(wrong > 0, "the embedding's probe cannot track parity");
    }

    @Test
    void withoutAModelNothingRunsAndTheStatusSaysWhy() throws Exception {
        var s = new FakeSession(null);
        var a = analysis(s);
        a.probes().run();
        assertFalse(a.probes().runningProperty().get());
        assertTrue(a.probes().statusProperty().get().startsWith("load a trained model"), a.probes().statusProperty().get());
        a.extraction().run();
        assertNull(a.extraction().shownProperty().get());
        assertFalse(a.extraction().openSeparating());
    }

    @Test
    void theNonnegativeParityModelIsExtractedBesideParityAndItsSeparatingWordOpens() throws Exception {
        var s = new FakeSession("parity-nonneg");
        var ex = analysis(s).extraction();
        ex.secondsProperty().set(60);
        ex.run();
        var shown = ex.shownProperty().get();
        assertNotNull(shown, ex.statusProperty().get());
        assertEquals(Verdict.NOT_EQUIVALENT, shown.result().verdict(), ex.statusProperty().get());
        assertNotNull(shown.reference(), "parity is finite-state: its machine is drawn");
        assertEquals(!shown.result().complete(), ex.statusProperty().get().contains("drawn: the hypothesis when learning "
                + "stopped there"), "a partial machine is said to be one: " + ex.statusProperty().get());
        assertEquals(shown.result().states(), shown.extractedClasses().size());
        assertTrue(ex.reachProperty().get().startsWith("oracle reach: every word of length"), ex.reachProperty().get());
        assertTrue(ex.openSeparating());
        assertArrayEquals(shown.result().separating().toArray(), s.shown);
        assertEquals(s.shown.length, s.shownAt);
    }

    /**
     * The review: Extract on bounded Dyck said "next-token task … no Mealy machine to extract", and the
     * sentence stayed under D_12's models. The page now says why before a click (the button is off) and
     * says it again, or takes it back, when the language or model changes.
     */
    @Test
    void aNextTokenTaskIsRefusedBeforeTheClickAndTheReasonGoesWithTheLanguage() throws Exception {
        var s = new FakeSession("bounded-dyck-8-10");
        s.language = CatalogLanguages.entry(Catalog.standard().get("bounded-dyck-8-10"));
        var ex = analysis(s).extraction();
        assertTrue(ex.unavailableProperty().get().startsWith("bounded-dyck-8-10 is a next-token task"),
                ex.unavailableProperty().get());
        assertEquals(ex.unavailableProperty().get(), ex.statusProperty().get(), "said before any click");
        ex.run();
        assertNull(ex.shownProperty().get());
        s.language = PARITY;
        s.model = new FakeSession("parity-nonneg").model;
        s.moveTo(new int[] {1}, 1);
        assertEquals("", ex.unavailableProperty().get());
        assertEquals(ExtractionViewModel.READY, ex.statusProperty().get(), "the old language's reason is gone");
        s.model = null;
        s.moveTo(new int[] {1}, 1);
        assertTrue(ex.statusProperty().get().startsWith("load a trained model"), ex.statusProperty().get());
    }

    @Test
    void anExtractedMachineGoesWhenTheModelChangesNotWhenTheStepperMoves() throws Exception {
        var s = new FakeSession("parity-nonneg");
        var ex = analysis(s).extraction();
        ex.secondsProperty().set(60);
        ex.run();
        assertNotNull(ex.shownProperty().get(), ex.statusProperty().get());
        s.moveTo(new int[] {1, 1}, 1);
        assertNotNull(ex.shownProperty().get(), "the stepper moving keeps it");
        s.model = new FakeSession("parity-signed").model;
        s.moveTo(new int[] {1, 1}, 1);
        assertNull(ex.shownProperty().get(), "another model's machine is not shown as this one's");
        assertEquals("the model or language changed: extract again", ex.statusProperty().get());
    }
}
