package statescope.ui.chart;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Tooltip;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableIntegerValue;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Line;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.fx.FXGraphics2D;
import statescope.inspect.ChannelKind;
import statescope.ui.common.Bars;
import statescope.ui.common.LazyPaint;
import statescope.ui.common.UiScale;

/**
 * A JFreeChart line chart of channels the user picks (comma-separated indices, or ticked in the menu beside
 * them, which names them: "3 · depth" where the model's manifest does), per layer; series named by
 * their channels' labels. In compare mode ({@link #compare}) model B's channels are plotted below A's
 * over the same positions, each with its own value axis titled by its model.
 */
public final class ChannelChartView extends BorderPane {

    /** When the chart's first (off-screen) drawing runs after the view is made: after the app's start-up. */
    private static final Duration WARM_UP_DELAY = Duration.seconds(4);

    private final ChannelChartViewModel vm;
    private final ChartViewer viewer = new ChartViewer();
    private final Label error = new Label();
    private final LazyPaint paint = new LazyPaint(this::show);
    private final JFreeChart chart;
    private final XYSeriesCollection data;
    private final XYSeriesCollection dataB = new XYSeriesCollection();
    private final JFreeChart compareChart;
    private final Line marker = new Line();
    private final TextField picked = new TextField("0, 1, 2, 3");
    private final Tooltip pickedNames = new Tooltip();
    private float[][] drawn;                                           // the series the chart shows
    private float[][] drawnB;                                          // model B's, in compare mode
    private String drawnPrefix = "";
    private int current;
    private final Label beyond;
    private ChannelChartViewModel vmB;
    private ObservableBooleanValue comparing = new SimpleBooleanProperty(false);
    private ObservableStringValue nameA = new SimpleStringProperty("");
    private ObservableStringValue nameB = new SimpleStringProperty("");

    public ChannelChartView(ChannelChartViewModel vm, ObservableIntegerValue layers) {
        this.vm = vm;
        getStyleClass().add("channel-chart-view");
        setId("channel-chart-view");
        var title = new Label("Channels");
        title.getStyleClass().add("view-title");
        picked.setId("channel-picker");
        picked.setTooltip(pickedNames);
        picked.setPrefColumnCount(9);
        picked.setOnAction(e -> parse(picked.getText()));
        picked.focusedProperty().addListener((o, a, b) -> {
            if (!b) {
                parse(picked.getText());
            }
        });
        var kind = new ChoiceBox<ChannelKind>();
        kind.getItems().setAll(ChannelKind.values());
        kind.setConverter(new StringConverter<>() {
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
        var beyond = new Label();
        this.beyond = beyond;
        beyond.setId("channels-beyond");
        beyond.getStyleClass().add("inline-error");
        beyond.textProperty().bind(vm.beyondProperty());
        beyond.visibleProperty().bind(beyond.textProperty().isNotEmpty());
        beyond.managedProperty().bind(beyond.visibleProperty());
        beyond.setWrapText(true);
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var layerLabel = new Label("layer");
        var layerBox = new HBox(6, layerLabel, layer);                 // wraps as one: the label stays by its value
        layerBox.setAlignment(Pos.CENTER_LEFT);
        layerBox.setMinWidth(Region.USE_PREF_SIZE);
        var menu = new ChannelMenu(vm);
        vm.channels().addListener((ListChangeListener<Integer>) c -> {
            if (!picked.isFocused()) {
                picked.setText(vm.channels().stream().map(String::valueOf).collect(Collectors.joining(", ")));
            }
        });
        var pickBox = new HBox(2, picked, menu);                       // the field and its menu wrap as one
        pickBox.setAlignment(Pos.CENTER_LEFT);
        pickBox.setMinWidth(Region.USE_PREF_SIZE);
        var bar = new FlowPane(10, 6, title, new Label("channels"), pickBox, error, beyond, spacer, kind,
                layerBox);                                            // wraps in a narrow tab instead of cutting off
        Bars.keepLabelsWhole(bar);
        Bars.keepLabelsWhole(layerBox);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("view-bar");
        setTop(bar);
        marker.getStyleClass().add("chart-marker");
        marker.setId("chart-marker");
        marker.setManaged(false);
        marker.setVisible(false);
        var overlay = new Pane(marker);
        overlay.setMouseTransparent(true);
        setCenter(new StackPane(viewer, overlay));
        ChangeListener<Number> resized = (o, a, b) -> Platform.runLater(() -> {
            show();                                                    // compare mode's axis titles follow the height
            placeMarker();
        });
        viewer.widthProperty().addListener(resized);                  // the chart redraws first, then the marker follows
        viewer.heightProperty().addListener(resized);
        vm.frameProperty().addListener((o, a, f) -> paint.request());
        data = new XYSeriesCollection();
        chart = ChannelCharts.createChart(data);
        compareChart = ChannelCharts.createCompareChart(data, dataB);
        viewer.setChart(chart);
        ChartSvg.attach(viewer);
        ChartMouse.install(viewer, () -> ChartMouse.autoRange(viewer));
        UiScale.factorProperty().addListener((o, a, b) -> {
            ChannelCharts.scaleFonts(chart, b.doubleValue());
            ChannelCharts.scaleFonts(compareChart, b.doubleValue());
            paint.request();
        });
        // the first drawing of a chart loads fonts and classes (0.3-0.4 s measured): done a few seconds after
        // the window is up, off the start-up's path, so that the user's first opening of the tab does not wait
        var warmUp = new PauseTransition(WARM_UP_DELAY);
        warmUp.setOnFinished(e -> {
            if (!shownProperty().get()) {                                 // a shown chart has drawn itself
                chart.draw(new FXGraphics2D(new Canvas(320, 200).getGraphicsContext2D()),
                        new Rectangle2D.Double(0, 0, 320, 200));
            }
        });
        warmUp.play();
    }

    /**
     * Compare mode: while {@code active} and {@code b} has a frame, model B's channels (the same picks,
     * layer and quantity, {@code b} following this view's model) are plotted below A's, the value axes
     * titled "A · {@code nameA}" and "B · {@code nameB}".
     */
    public void compare(ChannelChartViewModel b, ObservableBooleanValue active, ObservableStringValue nameA,
                        ObservableStringValue nameB) {
        this.vmB = b;
        this.comparing = active;
        this.nameA = nameA;
        this.nameB = nameB;
        b.frameProperty().addListener((o, x, f) -> paint.request());
        active.addListener((o, x, on) -> paint.request());
        nameA.addListener((o, x, n) -> paint.request());
        nameB.addListener((o, x, n) -> paint.request());
        beyond.textProperty().bind(Bindings.createStringBinding(() -> {
            String bText = active.get() ? b.beyondProperty().get() : "";
            String aText = vm.beyondProperty().get();
            return bText.isEmpty() ? aText : aText.isEmpty() ? "B: " + bText : "A: " + aText + "; B: " + bText;
        }, active, vm.beyondProperty(), b.beyondProperty()));
    }

    /**
     * Shows the current frame. The chart is made once; its lines are refilled and redrawn only when the
     * frame's values changed (a new {@code series} array), and the current position is a JavaFX line
     * over the chart, so a step inside the window moves one node instead of redrawing the chart. In
     * compare mode the compare chart takes the single one's place.
     */
    private void show() {
        var f = vm.frame();
        if (f == null) {
            return;
        }
        var fb = vmB == null || !comparing.get() ? null : vmB.frame();
        var want = fb == null ? chart : compareChart;
        if (viewer.getChart() != want) {
            viewer.setChart(want);
            drawn = null;
            drawnB = null;
        }
        current = f.current();
        // compare mode: one legend entry per channel when A's and B's channels read alike, else each model's
        boolean alike = fb == null || Arrays.equals(f.labels(), fb.labels());
        String prefix = alike ? "" : "A · ";
        var plots = ChannelCharts.plots(want);
        if (f.series() != drawn || !prefix.equals(drawnPrefix)) {
            drawn = f.series();
            drawnPrefix = prefix;
            want.setNotify(false);                                     // one redraw for the whole update
            ChannelCharts.fill(data, f, prefix);
            ChannelCharts.paintByChannel(plots.getFirst(), f.channels());   // a channel keeps its colour
            ChannelCharts.name(plots.getFirst(), f, fb == null ? "" : "A · ");
            want.setNotify(true);
        }
        if (fb != null) {
            boolean small = viewer.getHeight() < 260 * UiScale.factor();  // short plots: the axes say just A and B
            if (small != (want.getXYPlot().getDomainAxis().getLabel() == null)) {
                ChannelCharts.compact(want, small);                        // and the positions no title
            }
            String a = small ? "A" : "A · " + nameA.get();
            String b = small ? "B" : "B · " + nameB.get();
            if (f.layer() != fb.layer()) {                              // one model has fewer layers: its last is shown
                a += " · layer " + (f.layer() + 1);
                b += " · layer " + (fb.layer() + 1);
            }
            var renderB = plots.getLast().getRenderer();
            if (fb.series() != drawnB || !a.equals(plots.getFirst().getRangeAxis().getLabel())
                    || !b.equals(plots.getLast().getRangeAxis().getLabel())
                    || renderB.getDefaultSeriesVisibleInLegend() == alike) {
                drawnB = fb.series();
                want.setNotify(false);
                ChannelCharts.fill(dataB, fb, "B · ");
                ChannelCharts.paintByChannel(plots.getLast(), fb.channels());
                ChannelCharts.name(plots.getLast(), fb, "B · ");
                renderB.setDefaultSeriesVisibleInLegend(!alike);
                plots.getFirst().getRangeAxis().setLabel(a);
                plots.getLast().getRangeAxis().setLabel(b);
                want.setNotify(true);
            }
        }
        pickedNames.setText(String.join("\n", f.labels()));
        placeMarker();
    }

    /** Puts the position marker over the plot's data area (as the chart was last drawn). */
    private void placeMarker() {
        var info = viewer.getRenderingInfo();
        var area = info == null ? null : info.getPlotInfo().getDataArea();
        if (area == null || area.getWidth() <= 0 || drawn == null) {
            marker.setVisible(false);
            return;
        }
        var plot = viewer.getChart().getXYPlot();
        double x = plot.getDomainAxis().valueToJava2D(current, area, plot.getDomainAxisEdge());
        marker.setStartX(x);
        marker.setEndX(x);
        marker.setStartY(area.getMinY());
        marker.setEndY(area.getMaxY());
        marker.setVisible(x >= area.getMinX() - 0.5 && x <= area.getMaxX() + 0.5);
    }

    /** Whether the view is on screen; while it is not, steps do not draw (bound to its tab's selection). */
    public BooleanProperty shownProperty() {
        return paint.shownProperty();
    }

    /** The channels field (for tests). */
    TextField picker() {
        return picked;
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
