package statescope.ui.export;

import java.nio.file.Path;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import javafx.stage.Window;
import statescope.ui.common.TaskRunner;
import statescope.ui.main.MainWindow;
import statescope.ui.session.ModelChoice;
import statescope.ui.session.SessionViewModel;
import statescope.ui.session.VocabTableViewModel;

/**
 * When and how the {@link VocabTableDialog} opens: by itself when a checkpoint from elsewhere with no
 * vocabulary map beside it is chosen (its load is refused: its ids mean nothing to the language), and
 * from the File menu for the chosen checkpoint or one picked from disk. The model's sizes are read off
 * the FX thread; after a save the checkpoint is loaded again, now with its map.
 */
public final class VocabTables {

    static final Chooser.Kind WEIGHTS = new Chooser.Kind("safetensors weights (a Hugging Face folder's "
            + "model.safetensors)", "safetensors");

    private final MainWindow window;
    private final SessionViewModel vm;
    private final TaskRunner runner;
    private final Chooser chooser;
    private Path showing;
    /** Shows a table (the app: a window of its own; tests look at it instead). */
    BiConsumer<VocabTableViewModel, Window> show = (t, owner) -> VocabTableDialog.show(owner, t,
            f -> saved(t.model(), f));

    VocabTables(MainWindow window, SessionViewModel vm, TaskRunner runner, Chooser chooser) {
        this.window = window;
        this.vm = vm;
        this.runner = runner;
        this.chooser = chooser;
    }

    /** Opens the table whenever a chosen checkpoint needs one. */
    void watch() {
        vm.views().header().modelChoiceProperty().addListener((o, was, c) -> {
            if (c != null && c.isCheckpoint() && VocabTableViewModel.needsTable(c.checkpoint())) {
                Platform.runLater(() -> open(c.checkpoint()));        // after the load's refusal is shown
            }
        });
    }

    /** File ▸ Vocabulary of a checkpoint: the chosen checkpoint's table, else one picked from disk. */
    void openFromMenu() {
        ModelChoice c = vm.views().header().modelChoiceProperty().get();
        Path p = c != null && c.isCheckpoint() && !VocabTableViewModel.hasOwnVocabulary(c.checkpoint())
                ? c.checkpoint() : chooser.open("Checkpoint to give a vocabulary", WEIGHTS);
        if (p != null) {
            open(p);
        }
    }

    /** Reads the model's sizes off the FX thread, then shows its table (or says in one line why not). */
    public void open(Path model) {
        if (model.equals(showing)) {
            return;
        }
        var language = vm.views().catalog().languageProperty().get();
        showing = model;
        runner.start(p -> VocabTableViewModel.load(model, language), f -> { }, t -> {
            show.accept(t, window.getScene() == null ? null : window.getScene().getWindow());
            showing = null;
        }, e -> {
            showing = null;
            vm.views().status().reportProblem("No vocabulary table for " + model.getFileName() + ": " + FileJobs.oneLine(e));
        });
    }

    /** After a save: the checkpoint loads again, with its map (through the picker's entry when it has one). */
    void saved(Path model, Path file) {
        vm.views().status().report("Vocabulary map saved to " + file);
        var header = vm.views().header();
        for (ModelChoice c : header.modelChoices()) {
            if (c.isCheckpoint() && c.checkpoint().equals(model) && c != header.modelChoiceProperty().get()) {
                header.selectModel(c);
                return;
            }
        }
        header.openCheckpoint(model);
    }
}
