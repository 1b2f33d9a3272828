package statescope.ui.chart;

import java.util.ArrayList;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.XYSeriesCollection;
import statescope.study.ChannelKind;

/** A JFreeChart line chart of channels the user picks (comma-separated indices), per layer. */
public final class ChannelChartView extends BorderPane {

    private final ChannelChartViewModel vm;
    private final ChartViewer viewer = new ChartViewer();
    private final Label error = new Label();
    private final statescope.ui.common.LazyPaint paint = new statescope.ui.common.LazyPaint(this::show);
    private final JFreeChart chart;
    private final XYSeriesCollection data;

    public ChannelChartView(ChannelChartViewModel vm, javafx.beans.value.ObservableIntegerValue layers) {
        this.vm = vm;
        getStyleClass().add("channel-chart-view");
        setId("channel-chart-view");
        var title = new Label("Channels");
        title.getStyleClass().add("view-title");
        var picked = new TextField("0, 1, 2, 3");
        picked.setId("channel-picker");
        picked.setPrefColumnCount(9);
        picked.setOnAction(e -> parse(picked.getText()));
        picked.focusedProperty().addListener((o, a, b) -> {
            if (!b) {
                parse(picked.getText());
            }
        });
        var kind = new ChoiceBox<ChannelKind>();
        kind.getItems().setAll(ChannelKind.values());
        kind.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ChannelKind k) {
                return k == null ? "" : k.label();
            }

            @Override
            public ChannelKind fromString(String s) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        var layer = new Spinner<Integer>();
        var factory = new SpinnerValueFactory.IntegerSpinnerValueFactory(1, Math.max(1, layers.get()), 1);
        layers.addListener((o, a, b) -> factory.setMax(Math.max(1, b.intValue())));
        layer.setValueFactory(factory);
        layer.setPrefWidth(80);
        factory.valueProperty().addListener((o, a, b) -> vm.layerProperty().set(b - 1));
        error.getStyleClass().add("inline-error");
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var bar = new HBox(10, title, new Label("channels"), picked, error, spacer, kind, new Label("layer"), layer);
        statescope.ui.common.Bars.keepLabelsWhole(bar);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("view-bar");
        setTop(bar);
        setCenter(viewer);
        vm.frameProperty().addListener((o, a, f) -> paint.request());
        data = new XYSeriesCollection();
        chart = ChannelCharts.createChart(data);
        viewer.setChart(chart);
        // the first drawing of a chart loads fonts and classes (0.3-0.4 s measured): do it now, while the
        // window is being built, not when the user first opens the tab
        chart.draw(new org.jfree.fx.FXGraphics2D(new javafx.scene.canvas.Canvas(320, 200).getGraphicsContext2D()),
                new java.awt.geom.Rectangle2D.Double(0, 0, 320, 200));
    }

    /** Shows the current frame: the chart is made once; later frames only refill its series and marker. */
    private void show() {
        var f = vm.frame();
        if (f == null) {
            return;
        }
        chart.setNotify(false);                                        // one redraw for the whole update
        ChannelCharts.fill(data, f);
        ChannelCharts.markCurrent(chart, f.current());
        chart.setNotify(true);
    }

    /** Whether the view is on screen; while it is not, steps do not draw (bound to its tab's selection). */
    public javafx.beans.property.BooleanProperty shownProperty() {
        return paint.shownProperty();
    }

    private void parse(String text) {
        var out = new ArrayList<Integer>();
        for (String part : text.split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                out.add(Integer.parseInt(part.strip()));
            } catch (NumberFormatException e) {
                error.setText("'" + part + "' is not a channel number");
                return;
            }
        }
        error.setText("");
        vm.channels().setAll(out);
    }
}
