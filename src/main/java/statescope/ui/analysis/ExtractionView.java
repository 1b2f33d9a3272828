package statescope.ui.analysis;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Extraction page: the machine learned from the model (left) beside the reference's minimal machine
 * (right), laid out by the same engine; an extracted state that meets exactly one reference state is
 * green ("m2 = q1"), one that meets several is amber and dashed. The verdict, the oracle's reach and a
 * button that opens the separating word in the stepper.
 */
final class ExtractionView extends BorderPane {

    private final ExtractionViewModel vm;
    private final MachinePane extracted = new MachinePane();
    private final MachinePane reference = new MachinePane();

    ExtractionView(ExtractionViewModel vm) {
        this.vm = vm;
        setId("extraction-view");
        var status = new Label();
        status.getStyleClass().add("analysis-status");
        status.setId("extraction-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        var reach = new Label();
        reach.getStyleClass().add("analysis-status");
        reach.setWrapText(true);
        reach.textProperty().bind(vm.reachProperty());
        setTop(new VBox(4, bar(), status));
        setBottom(reach);
        setCenter(new HBox(8, column("Extracted from the model", extracted), column("Reference (minimal)", reference)));
        vm.shownProperty().addListener((o, a, s) -> {
            extracted.show(s == null ? null : s.extracted(), s == null ? null : s.extractedClasses());
            reference.show(s == null ? null : s.reference(), null);
        });
    }

    private static VBox column(String title, MachinePane pane) {
        var t = new Label(title);
        t.getStyleClass().add("machine-title");
        var box = new VBox(4, t, pane);
        VBox.setVgrow(pane, Priority.ALWAYS);
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setPrefWidth(400);
        box.setMinWidth(0);
        return box;
    }

    private FlowPane bar() {
        var title = new Label("What it learned: the machine");
        title.getStyleClass().add("view-title");
        var run = new Button("Extract machine");
        run.setId("run-extraction");
        run.disableProperty().bind(vm.runningProperty().or(vm.unavailableProperty().isNotEmpty()));
        run.setOnAction(e -> vm.run());                                                                     // (the status line says why it is off)
        var secs = new Spinner<Integer>(1, 3600, vm.secondsProperty().get(), 10);
        secs.setId("extraction-seconds");
        secs.setEditable(true);
        secs.setPrefWidth(90);
        secs.valueProperty().addListener((o, a, b) -> vm.secondsProperty().set(b));
        var cancel = new Button("Cancel");
        cancel.setId("cancel-extraction");
        cancel.visibleProperty().bind(vm.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> vm.cancel());
        var progress = new ProgressBar();
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        progress.setPrefWidth(120);
        var open = new Button("Open separating word");
        open.setId("open-separating");
        open.disableProperty().bind(vm.shownProperty().map(s -> s.result().separating() == null).orElse(true));
        open.setOnAction(e -> vm.openSeparating());
        var b = new FlowPane(10, 4, title, run, new Label("time limit (s)"), secs, cancel, progress, open);
        b.setAlignment(Pos.CENTER_LEFT);
        b.getStyleClass().add("view-bar");
        return b;
    }
}
