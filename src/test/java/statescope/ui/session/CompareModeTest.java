package statescope.ui.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import statescope.inspect.FakeModels;
import statescope.inspect.LanguageEntry;
import statescope.inspect.TraceModel;
import statescope.ui.common.TaskRunner;
import statescope.ui.main.CompareStripView;
import statescope.ui.prediction.PredictionStripViewModel;

/**
 * Compare mode without the FX toolkit (issue 16): the canonical pair of a language, one stepper driving
 * both models, the lane of A-vs-B disagreements, each model's first divergence, hide the future, a
 * refused model B and a refused checkpoint that must not stay shown as the chosen model.
 */
class CompareModeTest {

    private static final ModelChoice NONNEG = ModelChoice.checkpoint("trained · parity-nonneg", Path.of("n.json"));
    private static final ModelChoice SIGNED = ModelChoice.checkpoint("trained · parity-signed", Path.of("s.json"));
    private static final ModelChoice BROKEN = ModelChoice.checkpoint("file · broken", Path.of("broken.json"));
    private static final ModelChoice BUILT = ModelChoice.checkpoint("constructed · parity", Path.of("c.json"));

    /** Parity's pair: the nonnegative model errs at position 3, the signed one is exact. */
    private static SessionViewModel parity() {
        var models = new ModelLibrary(null, null) {
            @Override
            public List<ModelChoice> choices(LanguageEntry language) {
                return List.of(BUILT, SIGNED, BROKEN, NONNEG);
            }

            @Override
            public TraceModel load(ModelChoice choice, LanguageEntry language) throws IOException {
                if (choice.label().startsWith("file · broken")) {
                    throw new IOException("broken.json: not a checkpoint");
                }
                return FakeModels.oracle(language, choice == NONNEG ? 3 : 0);
            }
        };
        var vm = new SessionViewModel(new BuiltinLanguageLibrary(), models, TaskRunner.immediate(), TaskRunner.immediate());
        vm.start();
        var v = vm.views();
        v.catalog().select(v.catalog().languages().stream().filter(l -> l.id().equals("parity")).findFirst().orElseThrow());
        v.input().setInput("0110110");
        return vm;
    }

    @Test
    void theCanonicalPairIsNonnegativeAgainstSignedThenTwoLayersAgainstOneThenConstructedAgainstTrained() {
        var random = ModelChoice.random(1, 16, true, 1);
        assertEquals(List.of(NONNEG, SIGNED), CompareViewModel.canonicalPair(List.of(SIGNED, random, NONNEG)).orElseThrow());
        var two = ModelChoice.checkpoint("trained · bounded-dyck-8-10", Path.of("a.json"));
        var one = ModelChoice.checkpoint("trained · bounded-dyck-8-10-1layer", Path.of("b.json"));
        assertEquals(List.of(two, one), CompareViewModel.canonicalPair(List.of(one, two, random)).orElseThrow());
        var built = ModelChoice.checkpoint("constructed · d-12", Path.of("c.json"));
        var learnt = ModelChoice.checkpoint("trained · d-12", Path.of("d.json"));
        assertEquals(List.of(built, learnt), CompareViewModel.canonicalPair(List.of(built, learnt)).orElseThrow());
        assertTrue(CompareViewModel.canonicalPair(List.of(learnt, random)).isEmpty());
    }

    @Test
    void theRowsAreNamedByWhatTellsTheModelsApart() {
        assertArrayEquals(new String[] {"nonneg", "signed"},
                CompareStripView.distinct("trained · parity-nonneg", "trained · parity-signed"));
        assertArrayEquals(new String[] {"constructed", "trained"},
                CompareStripView.distinct("constructed · d-12", "trained · d-12"));
        assertArrayEquals(new String[] {"bounded-dyck-8-10", "1layer"},
                CompareStripView.distinct("trained · bounded-dyck-8-10", "trained · bounded-dyck-8-10-1layer"),
                "one name the other's start: the longer one by what it adds (its whole name was cut before it)");
        assertArrayEquals(new String[] {"1layer", "bounded-dyck-8-10"},
                CompareStripView.distinct("trained · bounded-dyck-8-10-1layer", "trained · bounded-dyck-8-10"));
        assertArrayEquals(new String[] {"d-12", "d-12"}, CompareStripView.distinct("trained · d-12", "trained · d-12"),
                "one model twice: its name");
    }

    @Test
    void oneActionOpensThePairAndOneStepperDrivesBoth() {
        var vm = parity();
        var v = vm.views();
        assertEquals(BUILT, v.header().modelChoiceProperty().get(), "the default model runs first");
        v.compare().openCanonicalPair();
        assertTrue(v.compare().activeProperty().get());
        assertEquals(NONNEG, v.header().modelChoiceProperty().get(), "A: nonnegative");
        assertEquals(SIGNED, v.compare().choiceProperty().get(), "B: signed");
        var f = v.compare().frame();
        assertEquals(7, f.length());
        assertEquals(3, f.firstA(), "A diverges at 3");
        assertEquals(-1, f.firstB(), "B matches the automaton");
        assertEquals(3, f.firstAB(), "A and B first differ at 3");
        assertArrayEquals(new boolean[] {false, false, true, false, false, false, false}, f.differ());
        assertEquals(f.targets()[4], f.predB()[4]);

        v.stepper().jumpTo(2);
        assertEquals(2, v.compare().frame().current(), "the stepper moves the compare frame");
        v.stepper().hideFutureProperty().set(true);
        f = v.compare().frame();
        assertEquals(-1, f.firstA(), "hidden: A's divergence at 3 is not told at 2");
        assertEquals(-1, f.firstAB());
        assertEquals("", f.predB()[2]);
        assertEquals(PredictionStripViewModel.UNREAD, f.tokens()[2], "hidden: the symbol at 3 is not shown");
        assertEquals("1", f.tokens()[1]);
        assertFalse(f.differ()[2]);
        v.stepper().forward();
        assertEquals(3, v.compare().frame().firstAB());

        v.input().setInput("01101101");                               // B follows the input
        assertEquals(8, v.compare().frame().length());
        assertEquals(8, vm.trace().length());
    }

    @Test
    void theLaneMarksDisagreementWithEachOtherAndWithTheAutomaton() {
        assertEquals("", CompareStripView.lane(false, false, false));
        assertEquals("≠ ✗A", CompareStripView.lane(true, true, false));
        assertEquals("≠ ✗B", CompareStripView.lane(true, false, true));
        assertEquals("✗AB", CompareStripView.lane(false, true, true), "both wrong the same way");
        assertEquals("≠ ✗AB", CompareStripView.lane(true, true, true));
        var vm = parity();
        var v = vm.views();
        v.compare().openCanonicalPair();
        var f = v.compare().frame();
        assertFalse(f.okA()[2], "A (nonneg) wrong at 3");
        assertTrue(f.okB()[2], "B right at 3");
        assertEquals("≠ ✗A", CompareStripView.lane(f.differ()[2], !f.okA()[2], !f.okB()[2]));
    }

    @Test
    void modelBHasItsOwnTrajectoryDrivenByTheSameStepper() {
        var vm = parity();
        var v = vm.views();
        v.compare().openCanonicalPair();
        var tb = v.compare().trajectory();
        assertFalse(tb.cloudsProperty().get().isEmpty(), "B's corpus cloud fitted on B's states");
        assertTrue(tb.cloudsProperty().get() != v.trajectory().cloudsProperty().get(), "not A's cloud");
        v.stepper().jumpTo(5);
        assertEquals(5, tb.frame().current());
        assertEquals(6, tb.frame().path().length, "B's path from the start to 5");
        assertEquals(5, v.trajectory().frame().current(), "A's too");
        v.compare().close();
        assertTrue(tb.cloudsProperty().get().isEmpty(), "closed: B's cloud dropped");
    }

    @Test
    void oneActionComparesTheConstructedModelWithTheTrainedOne() {
        var vm = parity();
        var v = vm.views();
        assertEquals(List.of(BUILT, SIGNED), CompareViewModel.constructedPair(v.header().modelChoices()).orElseThrow());
        assertTrue(v.compare().openConstructedPair(v.header().modelChoices()));
        assertEquals(BUILT, v.header().modelChoiceProperty().get(), "A: constructed");
        assertEquals(SIGNED, v.compare().choiceProperty().get(), "B: the first trained model");
        assertFalse(v.compare().openConstructedPair(List.of(SIGNED, NONNEG)), "no constructed model: nothing");
    }

    @Test
    void aCheckpointFileCanBeModelB() {
        var vm = parity();
        var v = vm.views();
        v.compare().openCheckpoint(Path.of("elsewhere", "mine.json"));
        assertTrue(v.compare().activeProperty().get());
        assertEquals("file · mine.json", v.compare().choiceProperty().get().label());
        assertEquals(Path.of("elsewhere", "mine.json"), v.compare().choiceProperty().get().checkpoint());
    }

    @Test
    void aRefusedModelBKeepsThePairAndSaysWhy() {
        var vm = parity();
        var v = vm.views();
        v.compare().select(NONNEG);
        assertEquals(NONNEG, v.compare().choiceProperty().get());
        v.compare().select(BROKEN);
        assertEquals(NONNEG, v.compare().choiceProperty().get(), "the refused B is not shown as compared");
        assertTrue(v.compare().errorProperty().get().contains("not a checkpoint"), v.compare().errorProperty().get());
        assertEquals(3, v.compare().frame().firstB());
        v.compare().close();
        assertEquals("", v.compare().errorProperty().get(), "the refused B's reason leaves with compare mode");
        assertFalse(v.compare().activeProperty().get());
        assertNull(v.compare().frame());
    }

    @Test
    void aRefusedCheckpointIsNotShownAsTheChosenModelWhileTheOldOneRuns() {
        var vm = parity();
        var v = vm.views();
        var running = vm.trace();
        v.header().openCheckpoint(Path.of("elsewhere", "broken.json"));
        assertEquals(BUILT, v.header().modelChoiceProperty().get(), "the picker shows the model that runs");
        assertTrue(v.header().modelErrorProperty().get().contains("not a checkpoint"),
                v.header().modelErrorProperty().get());
        assertEquals(running, vm.trace(), "the old model still runs");
    }

    @Test
    void anotherLanguageLeavesCompareMode() {
        var vm = parity();
        var v = vm.views();
        v.compare().openCanonicalPair();
        v.catalog().select(v.catalog().languages().getFirst());
        assertFalse(v.compare().activeProperty().get());
    }
}
