package statescope.ui.analysis;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import statescope.analysis.LengthSweep;
import statescope.ui.chart.LengthChart;
import statescope.ui.common.Bars;
import statescope.ui.common.UiScale;

/**
 * The analysis tab's "Where it breaks" page: on top the "Find counterexample" action for the current model (progress, Cancel,
 * then the string, its phase and time), below it the length sweep of every open model of the language
 * as a chart; a click on a point opens that point's first failing string in the stepper.
 */
final class SweepView extends BorderPane {

    /** The chart's least height at UI scale 1, px. */
    static final double CHART_MIN_HEIGHT = 220;

    private final AnalysisViewModel vm;
    private final LengthChart chart;

    SweepView(AnalysisViewModel vm) {
        this.vm = vm;
        setId("sweep-view");
        chart = new LengthChart((curve, point) -> vm.openPoint(curve, point));
        vm.maxLengthProperty().subscribe(max -> chart.setEmptyMax(max.doubleValue()));
        var searchStatus = new Label();
        searchStatus.setId("search-status");
        searchStatus.getStyleClass().add("analysis-status");
        searchStatus.textProperty().bind(vm.searchStatusProperty());
        searchStatus.setWrapText(true);
        searchStatus.managedProperty().bind(searchStatus.textProperty().isNotEmpty());   // no blank line before a search
        setTop(new VBox(4, searchBar(), searchStatus, sweepBar()));
        setCenter(chart);
        // on a short pane (1280x720, presentation mode's large type) the tab scrolls down to the chart rather
        // than squeezing it to nothing; a finished sweep scrolls it into view
        chart.minHeightProperty().bind(UiScale.factorProperty().multiply(CHART_MIN_HEIGHT));
        var status = new Label();
        status.getStyleClass().add("analysis-status");
        status.setId("sweep-status");
        status.textProperty().bind(vm.sweepStatusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        status.setWrapText(true);
        setBottom(status);
        vm.curves().addListener((ListChangeListener<AnalysisViewModel.Curve>) c -> redraw());
    }

    private FlowPane searchBar() {
        var find = new Button("Find counterexample");
        find.setId("find-counterexample");
        find.disableProperty().bind(vm.searchingProperty());
        find.setOnAction(e -> vm.findCounterexample());
        var cancel = new Button("Cancel");
        cancel.setId("cancel-search");
        cancel.visibleProperty().bind(vm.searchingProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> vm.cancelSearch());
        var progress = new ProgressBar();
        progress.progressProperty().bind(vm.searchProgressProperty());
        progress.visibleProperty().bind(vm.searchingProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        progress.setPrefWidth(140);
        var title = new Label("Where it breaks");
        title.getStyleClass().add("view-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        var restore = new Button("Restore input");                     // what a found string replaced
        restore.setId("restore-input");
        restore.setTooltip(new Tooltip("Give the input field back the text the opened string replaced"));
        restore.visibleProperty().bind(vm.restorableProperty());
        restore.managedProperty().bind(restore.visibleProperty());
        restore.setOnAction(e -> vm.restoreInput());
        var bar = new FlowPane(10, 4, title, find, cancel, progress, restore);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("view-bar");
        return bar;
    }

    /** The sweep's controls; they wrap onto a second line in a narrow tab (1280x720) rather than scroll sideways. */
    private FlowPane sweepBar() {
        var run = new Button("Sweep lengths");
        run.setId("sweep-lengths");
        run.disableProperty().bind(vm.sweepingProperty());
        run.setOnAction(e -> vm.computeLengths());
        var cancel = new Button("Cancel");
        cancel.setId("cancel-sweep");
        cancel.visibleProperty().bind(vm.sweepingProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> vm.cancelSweep());
        var max = new Spinner<Integer>(10, 1_000_000, vm.maxLengthProperty().get(), 1000);
        max.setId("sweep-max");
        max.setEditable(true);
        max.setPrefWidth(130);
        max.valueProperty().addListener((o, a, b) -> vm.maxLengthProperty().set(b));
        vm.maxLengthProperty().addListener((o, a, b) -> max.getValueFactory().setValue(b.intValue()));
        var strings = new Spinner<Integer>(1, 10_000, vm.stringsProperty().get(), 10);
        strings.setId("sweep-strings");
        strings.setEditable(true);
        strings.setPrefWidth(100);
        strings.valueProperty().addListener((o, a, b) -> vm.stringsProperty().set(b));
        vm.stringsProperty().addListener((o, a, b) -> strings.getValueFactory().setValue(b.intValue()));
        var progress = new ProgressBar();
        progress.progressProperty().bind(vm.sweepProgressProperty());
        progress.visibleProperty().bind(vm.sweepingProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        progress.setPrefWidth(140);
        var upTo = new HBox(6, new Label("up to"), max);               // a label stays with its field
        upTo.setAlignment(Pos.CENTER_LEFT);
        var perPoint = new HBox(6, new Label("strings per point"), strings);
        perPoint.setAlignment(Pos.CENTER_LEFT);
        Bars.keepLabelsWhole(upTo);
        Bars.keepLabelsWhole(perPoint);
        var bar = new FlowPane(10, 4, run, upTo, perPoint, cancel, progress);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("view-bar");
        return bar;
    }

    private void redraw() {
        List<LengthChart.Curve> cs = new ArrayList<>();
        List<int[]> training = new ArrayList<>();
        for (var c : vm.curves()) {
            var pts = c.result().points();
            int n = pts.size();
            double[] x = new double[n];
            double[] y = new double[n];
            double[] lo = new double[n];
            double[] hi = new double[n];
            for (int i = 0; i < n; i++) {
                LengthSweep.Point p = pts.get(i);
                x[i] = p.length();
                y[i] = 100 * p.accuracy();
                lo[i] = 100 * p.low();
                hi[i] = 100 * p.high();
            }
            cs.add(new LengthChart.Curve(c.model(), x, y, lo, hi));
            var w = c.result().training();
            training.add(w == null ? null : new int[] {w.min(), w.max()});
        }
        chart.show(cs, training);
        if (!cs.isEmpty()) {
            for (Node n = getParent(); n != null; n = n.getParent()) {
                if (n instanceof ScrollPane scroll) {
                    scroll.setVvalue(scroll.getVmax());
                    break;
                }
            }
        }
    }

    /** The chart (for tests and screenshots). */
    LengthChart chart() {
        return chart;
    }
}
