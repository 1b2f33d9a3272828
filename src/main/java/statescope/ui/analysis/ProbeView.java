package statescope.ui.analysis;

import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Probes page: held-out accuracy of each layer's state probe as bars beside the majority baseline
 * (a click picks the probe that decodes), and the reference automaton with the true state at the
 * stepper's position (filled) and the probe's decoded state as a dashed ghost where they differ.
 */
final class ProbeView extends BorderPane {

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected-layer");

    private final ProbeViewModel vm;
    private final BarChart<String, Number> chart;
    private final XYChart.Series<String, Number> accuracy = new XYChart.Series<>();
    private final XYChart.Series<String, Number> baseline = new XYChart.Series<>();
    private final MachinePane machine = new MachinePane();
    private final Label where = new Label();

    ProbeView(ProbeViewModel vm) {
        this.vm = vm;
        setId("probe-view");
        var x = new CategoryAxis();
        var y = new NumberAxis(0, 100, 20);
        y.setLabel("held-out accuracy %");
        chart = new BarChart<>(x, y);
        chart.setId("probe-bars");
        chart.getStyleClass().add("probe-bars");
        chart.setAnimated(false);
        chart.setCategoryGap(14);
        chart.setBarGap(2);
        accuracy.setName("probe");
        baseline.setName("majority baseline");
        chart.getData().add(accuracy);
        chart.getData().add(baseline);
        chart.setMinWidth(260);
        var status = new Label();
        status.getStyleClass().add("analysis-status");
        status.setId("probe-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        setTop(new VBox(4, bar(), status));
        where.getStyleClass().add("probe-legend");
        where.setId("probe-where");
        where.setWrapText(true);
        var title = new Label("Automaton: true (filled) · belief (dashed)");
        title.getStyleClass().add("machine-title");
        title.setWrapText(true);                                       // whole in a narrow pane (and its exports)
        title.setMinHeight(Region.USE_PREF_SIZE);
        var right = new VBox(4, title, machine, where);
        VBox.setVgrow(machine, Priority.ALWAYS);
        HBox.setHgrow(chart, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        chart.setPrefWidth(420);
        right.setPrefWidth(420);
        setCenter(new HBox(8, chart, right));
        vm.bars().addListener((ListChangeListener<ProbeViewModel.Bar>) c -> redraw());
        vm.selectedProperty().addListener((o, a, b) -> paintSelection());
        vm.machineProperty().addListener((o, a, b) -> machine.show(b, null));
        vm.ghostProperty().addListener((o, a, g) -> paintGhost(g));
    }

    private FlowPane bar() {
        var title = new Label("What it learned: per-layer probes");
        title.getStyleClass().add("view-title");
        var run = new Button("Probe layers");
        run.setId("run-probes");
        run.disableProperty().bind(vm.runningProperty());
        run.setOnAction(e -> vm.run());
        var cancel = new Button("Cancel");
        cancel.setId("cancel-probes");
        cancel.visibleProperty().bind(vm.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> vm.cancel());
        var progress = new ProgressBar();
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        progress.setPrefWidth(140);
        var b = new FlowPane(10, 4, title, run, cancel, progress);
        b.setAlignment(Pos.CENTER_LEFT);
        b.getStyleClass().add("view-bar");
        return b;
    }

    private void redraw() {
        accuracy.getData().clear();
        baseline.getData().clear();
        for (int i = 0; i < vm.bars().size(); i++) {
            var b = vm.bars().get(i);
            var d = new XYChart.Data<String, Number>(b.label(), b.accuracy());
            final int index = i;
            d.nodeProperty().addListener((o, was, node) -> {
                if (node != null) {
                    node.setOnMouseClicked(e -> vm.select(index));
                    node.pseudoClassStateChanged(SELECTED, index == vm.selectedProperty().get());
                }
            });
            accuracy.getData().add(d);
            baseline.getData().add(new XYChart.Data<>(b.label(), b.baseline()));
        }
        paintSelection();
    }

    private void paintSelection() {
        for (int i = 0; i < accuracy.getData().size(); i++) {
            var n = accuracy.getData().get(i).getNode();
            if (n != null) {
                n.pseudoClassStateChanged(SELECTED, i == vm.selectedProperty().get());
            }
        }
    }

    private void paintGhost(ProbeViewModel.Ghost g) {
        if (g == null) {
            machine.mark(-1, -1);
            where.setText("");
            return;
        }
        machine.mark(g.truthState(), g.beliefState());
        int sel = vm.selectedProperty().get();
        String probe = sel >= 0 && sel < vm.bars().size() ? vm.bars().get(sel).label() : "probe";
        where.setText(String.format(Locale.ROOT, "t = %d · automaton: %s · probe (%s): %s%s", g.position(), g.truth(),
                probe, g.belief(), g.position() == 0 ? " (no symbol read)" : g.truth().equals(g.belief()) ? " · they agree"
                        : " · the model's belief and the automaton part ways"));
    }

    /** The machine drawing (for tests). */
    MachinePane machine() {
        return machine;
    }
}
