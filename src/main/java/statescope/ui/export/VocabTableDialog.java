package statescope.ui.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import statescope.ui.session.VocabTableViewModel;

/**
 * The vocabulary table of a model from elsewhere ({@link VocabTableViewModel}): one row per token of the
 * language (the model's token id to feed) and one per prediction (the head output to read), the first
 * problem in one line under them, and "Save and load", which writes the map beside the checkpoint and
 * loads the model with it. Opened by itself when such a model without a map is chosen, and from the
 * File menu.
 */
public final class VocabTableDialog extends VBox {

    private final VocabTableViewModel vm;
    private final Label problem = new Label();
    private final Label failure = new Label();
    private final Button save = new Button("Save and load");
    private Runnable close = () -> { };

    /**
     * The table's content (a dialog shows it; tests and screenshots use it directly).
     *
     * @param saved called with the written file after a save
     */
    public VocabTableDialog(VocabTableViewModel vm, Consumer<Path> saved) {
        super(10);
        this.vm = vm;
        setId("vocab-table");
        getStyleClass().add("vocab-table");
        var title = new Label("Vocabulary of " + vm.model().getFileName());
        title.getStyleClass().add("view-title");
        var note = new Label("A model from elsewhere has its own token ids. Say which id stands for each token of "
                + vm.language().name() + ", and which head output is read as each prediction. The model has "
                + vm.modelTokens() + " token ids (0.." + (vm.modelTokens() - 1) + ") and " + vm.modelOutputs()
                + " outputs (0.." + (vm.modelOutputs() - 1) + "). Saved beside the checkpoint, the map is applied "
                + "whenever it is loaded (as with the CLI's --vocab … --save-vocab).");
        note.getStyleClass().add("view-note");
        note.setWrapText(true);
        var tables = new VBox(14, table("Token of the language", "model token id", vm.inputs(), "vocab-in-"),
                table("Prediction", "model output id", vm.outputs(), "vocab-out-"));
        problem.setId("vocab-problem");
        problem.getStyleClass().add("inline-error");
        problem.setWrapText(true);
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        failure.setId("vocab-failure");
        failure.getStyleClass().add("inline-error");
        failure.setWrapText(true);
        vm.problemProperty().addListener((o, a, b) -> failure.setText(""));
        var ok = new Label("Every token and prediction has its own id: ready to save.");
        ok.getStyleClass().add("view-note");
        ok.visibleProperty().bind(vm.problemProperty().isEmpty());
        var messages = new StackPane(problem, ok);
        messages.setAlignment(Pos.CENTER_LEFT);
        save.setId("vocab-save");
        save.setDefaultButton(true);
        save.disableProperty().bind(vm.problemProperty().isNotEmpty());
        save.setOnAction(e -> {
            try {
                Path p = vm.save();
                close.run();
                saved.accept(p);
            } catch (IOException | IllegalArgumentException ex) {
                failure.setText("Could not save " + vm.model().getFileName() + ": " + ex.getMessage());
            }
        });
        var cancel = new Button("Cancel");
        cancel.setId("vocab-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> close.run());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var buttons = new HBox(10, spacer, cancel, save);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(title, note, tables, messages, failure, buttons);
        setPrefWidth(560);
        getStyleClass().add("vocab-dialog");
    }

    private static Node table(String head, String idHead, List<VocabTableViewModel.Row> rows, String idPrefix) {
        var grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        var h1 = new Label(head);
        var h2 = new Label(idHead);
        h1.getStyleClass().add("sub-title");
        h2.getStyleClass().add("sub-title");
        h1.setMinWidth(Region.USE_PREF_SIZE);
        h2.setMinWidth(Region.USE_PREF_SIZE);
        grid.addRow(0, h2, h1);
        for (int i = 0; i < rows.size(); i++) {
            var r = rows.get(i);
            var name = new Label(r.meaning().isEmpty() ? r.name() : r.name() + "  (" + r.meaning() + ")");
            name.getStyleClass().add("vocab-name");
            name.setMinWidth(Region.USE_PREF_SIZE);
            var field = new TextField();
            field.setId(idPrefix + i);
            field.setPrefColumnCount(5);
            field.textProperty().bindBidirectional(r.id());
            grid.addRow(i + 1, field, name);
        }
        return grid;
    }

    /** The problem line and the save failure line (for tests). */
    Label problem() {
        return problem;
    }

    Label failure() {
        return failure;
    }

    /** Shows the table in a window of its own over {@code owner}. */
    public static void show(Window owner, VocabTableViewModel vm, Consumer<Path> saved) {
        var content = new VocabTableDialog(vm, saved);
        var stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Vocabulary of " + vm.model().getFileName());
        content.close = stage::close;
        Parent root = content;
        var scene = new Scene(root);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            scene.getRoot().getStyleClass().addAll(owner.getScene().getRoot().getStyleClass());
        }
        stage.setScene(scene);
        stage.show();
    }
}
