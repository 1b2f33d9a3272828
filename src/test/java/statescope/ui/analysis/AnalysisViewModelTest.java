package statescope.ui.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import org.junit.jupiter.api.Test;
import statescope.analysis.Model;
import statescope.analysis.SsmModel;
import statescope.inspect.CatalogLanguages;
import statescope.inspect.LanguageEntry;
import statescope.lang.catalog.Catalog;
import statescope.ssm.Checkpoint;
import statescope.ssm.ReferenceScan;
import statescope.ui.common.Job;
import statescope.ui.common.Progress;
import statescope.ui.common.TaskRunner;
import statescope.ui.common.Work;

/** The Lengths tab's view model on the immediate runner: search, sweep, opening strings, Cancel. */
class AnalysisViewModelTest {

    private static final LanguageEntry PARITY = CatalogLanguages.entry(Catalog.standard().get("parity"));

    private static Model shipped(String name) throws Exception {
        return new SsmModel(Checkpoint.load(Path.of("assets/models/" + name + ".safetensors")).weights(), name);
    }

    /** A session that records what the stepper was asked to show. */
    private static final class FakeSession implements AnalysisViewModel.Session {
        final List<Model> models = new ArrayList<>();
        final List<Runnable> watchers = new ArrayList<>();
        LanguageEntry language = PARITY;
        int[] shown;
        int shownAt = -1;
        Object shownWith;
        int restored;

        @Override
        public LanguageEntry language() {
            return language;
        }

        @Override
        public void watch(Runnable r) {
            watchers.add(r);
        }

        /** The language or the model changed, as the app's session tells its watchers. */
        void changed() {
            watchers.forEach(Runnable::run);
        }

        @Override
        public Model model() {
            return models.get(0);
        }

        @Override
        public List<AnalysisViewModel.OpenModel> openModels() {
            return models.stream().map(m -> new AnalysisViewModel.OpenModel(m.name() + " · trained", m,
                    (Callable<Model>) () -> m)).toList();
        }

        @Override
        public void show(int[] word, int t) {
            show(word, t, null);
        }

        @Override
        public void show(int[] word, int t, Object key) {
            shown = word;
            shownAt = t;
            shownWith = key;
        }

        @Override
        public String modelLabel() {
            return model().name() + " · trained";
        }

        @Override
        public boolean restoreInput() {
            restored++;
            return true;
        }
    }

    /** Runs at once, telling the work it was cancelled. */
    private static TaskRunner cancelling() {
        return new TaskRunner() {
            @Override
            public <T> Job start(Work<T> work, DoubleConsumer onProgress, Consumer<T> onDone, Consumer<Throwable> onError) {
                try {
                    onDone.accept(work.run(new Progress() {
                        @Override
                        public void update(double fraction) {
                        }

                        @Override
                        public boolean cancelled() {
                            return true;
                        }
                    }));
                } catch (Exception e) {
                    onError.accept(e);
                }
                return new Job() {
                    @Override
                    public void cancel() {
                    }

                    @Override
                    public boolean isDone() {
                        return true;
                    }
                };
            }
        };
    }

    @Test
    void aFoundCounterexampleOpensInTheStepperAtItsDivergence() throws Exception {
        var session = new FakeSession();
        session.models.add(shipped("parity-nonneg"));
        var vm = new AnalysisViewModel(session, TaskRunner.immediate(), ReferenceScan::new);
        vm.findCounterexample();
        assertFalse(vm.searchingProperty().get());
        assertNotNull(vm.foundProperty().get(), vm.searchStatusProperty().get());
        assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1}, session.shown);
        assertEquals(6, session.shownAt);
        assertTrue(vm.searchStatusProperty().get().startsWith(
                "parity-nonneg · trained: length 6, wrong at 6: target ∈ L, model ∉ L · exhaustive phase"),
                vm.searchStatusProperty().get());
        assertTrue(vm.restorableProperty().get(), "the replaced input can be given back");
        vm.restoreInput();
        assertEquals(1, session.restored);
        assertFalse(vm.restorableProperty().get());
    }

    @Test
    void theSweepDrawsOneCurvePerOpenModelAndAPointOpensItsFirstFailure() throws Exception {
        var session = new FakeSession();
        session.models.add(shipped("parity-nonneg"));
        session.models.add(shipped("parity-signed"));
        var vm = new AnalysisViewModel(session, TaskRunner.immediate(), ReferenceScan::new);
        vm.maxLengthProperty().set(200);
        vm.stringsProperty().set(8);
        vm.computeLengths();
        assertEquals(List.of("parity-nonneg · trained", "parity-signed · trained"),
                vm.curves().stream().map(AnalysisViewModel.Curve::model).toList(), vm.sweepStatusProperty().get());
        var nonneg = vm.curves().get(0).result();
        int failing = -1;
        for (int i = 0; i < nonneg.points().size() && failing < 0; i++) {
            failing = nonneg.points().get(i).firstFailure() != null ? i : -1;
        }
        assertTrue(failing >= 0, "the nonnegative model fails somewhere up to 200 symbols");
        assertTrue(vm.openPoint(0, failing));
        assertArrayEquals(nonneg.points().get(failing).firstFailure(), session.shown);
        assertEquals(nonneg.points().get(failing).failAt(), session.shownAt);
        assertSame(session.models.get(0), session.shownWith, "the point's own model is opened with it");
        assertFalse(vm.openPoint(5, 0));
        assertTrue(vm.sweepStatusProperty().get().contains("first failing string"), vm.sweepStatusProperty().get());
    }

    /**
     * The review: with the signed model current, a click on a point of the nonnegative model's curve opened
     * that model's failing string in the signed model, which then looked wrong at position 8. The point's
     * model now goes with it, and the legend names each curve as the model picker does.
     */
    @Test
    void aPointOfAnotherModelsCurveOpensWithThatModel() throws Exception {
        var session = new FakeSession();
        session.models.add(shipped("parity-signed"));
        session.models.add(shipped("parity-nonneg"));
        var vm = new AnalysisViewModel(session, TaskRunner.immediate(), ReferenceScan::new);
        vm.maxLengthProperty().set(50);
        vm.stringsProperty().set(8);
        vm.computeLengths();
        var nonneg = vm.curves().get(1);
        assertEquals("parity-nonneg · trained", nonneg.model());
        int failing = -1;
        for (int i = 0; i < nonneg.result().points().size() && failing < 0; i++) {
            failing = nonneg.result().points().get(i).firstFailure() != null ? i : -1;
        }
        assertTrue(failing >= 0, "the nonnegative model fails up to 50 symbols");
        assertTrue(vm.openPoint(1, failing));
        assertSame(session.models.get(1), session.shownWith, "opened with the nonnegative model, not the current one");
        var p = nonneg.result().points().get(failing);
        assertEquals(p.failAt(), session.shownAt);
        assertTrue(vm.sweepStatusProperty().get().startsWith("parity-nonneg · trained, point " + p.length()
                + ": its first failing string"), vm.sweepStatusProperty().get());
    }

    /**
     * The helper's audit: a search's "none up to length 18" on parity stayed under Tomita 3's model, and a
     * cancelled sweep emptied the chart of the last finished one. Now a result is dropped when its model (the
     * search) or its language (the curves) is no longer the session's, and a cancelled sweep keeps the last
     * finished sweep's curves.
     */
    @Test
    void resultsOfAnotherModelOrLanguageAreDroppedAndACancelledSweepKeepsTheLastCurves() throws Exception {
        var session = new FakeSession();
        session.models.add(shipped("parity-nonneg"));
        session.models.add(shipped("parity-signed"));
        boolean[] cancel = {false};
        TaskRunner runner = new TaskRunner() {
            @Override
            public <T> Job start(Work<T> work, DoubleConsumer onProgress, Consumer<T> onDone, Consumer<Throwable> onError) {
                return (cancel[0] ? cancelling() : TaskRunner.immediate()).start(work, onProgress, onDone, onError);
            }
        };
        var vm = new AnalysisViewModel(session, runner, ReferenceScan::new);
        vm.maxLengthProperty().set(100);
        vm.stringsProperty().set(4);
        vm.computeLengths();
        assertEquals(2, vm.curves().size(), vm.sweepStatusProperty().get());
        cancel[0] = true;
        vm.computeLengths();
        assertEquals(2, vm.curves().size(), "the last finished sweep's curves stay");
        assertEquals("sweep cancelled; the curves are the last finished sweep's", vm.sweepStatusProperty().get());
        cancel[0] = false;
        vm.findCounterexample();
        assertNotNull(vm.foundProperty().get());
        session.changed();                                             // the word or the position: nothing dropped
        assertNotNull(vm.foundProperty().get());
        session.models.remove(0);                                      // another model of the same language
        session.changed();
        assertNull(vm.foundProperty().get());
        assertEquals("the model or language changed: search again", vm.searchStatusProperty().get());
        assertEquals(2, vm.curves().size(), "the curves are of every model of the language: they stay");
        session.language = CatalogLanguages.entry(Catalog.standard().get("tomita-3"));
        session.models.set(0, shipped("tomita-3"));
        session.changed();
        assertTrue(vm.curves().isEmpty());
        assertEquals("the language changed: sweep again", vm.sweepStatusProperty().get());
    }

    @Test
    void cancelStopsBothAndSaysSo() throws Exception {
        var session = new FakeSession();
        session.models.add(shipped("parity-signed"));
        var vm = new AnalysisViewModel(session, cancelling(), ReferenceScan::new);
        vm.computeLengths();
        assertEquals("sweep cancelled", vm.sweepStatusProperty().get());
        assertTrue(vm.curves().isEmpty());
        vm.findCounterexample();
        assertTrue(vm.searchStatusProperty().get().contains("stopped"), vm.searchStatusProperty().get());
        assertEquals(null, session.shown);
    }
}
