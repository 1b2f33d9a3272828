package statescope.ui.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.scene.layout.StackPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Accuracy against length (JFreeChart): a log length axis, accuracy in percent, one line per curve with
 * its 95% interval as a band, and the training lengths shaded. A click on a point reports which curve
 * and which point.
 */
public final class LengthChart extends StackPane {

    /**
     * One curve: per point the length, the accuracy and its interval, all in percent.
     *
     * @param name the legend's name
     */
    public record Curve(String name, double[] length, double[] accuracy, double[] low, double[] high) {
    }

    private static final Color[] COLORS = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9)};

    private static final double EMPTY_MIN = 10;
    private double emptyMax = 10_000;
    private final YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    private final JFreeChart chart;
    private final XYPlot plot;
    private final ChartViewer viewer;
    private boolean empty = true;

    /** @param onPoint called with (curve, point) when a point is clicked */
    public LengthChart(BiConsumer<Integer, Integer> onPoint) {
        getStyleClass().add("length-chart");
        setId("length-chart");
        var x = new LogAxis("length (symbols, log scale)");
        x.setSmallestValue(1);
        x.setBase(10);
        x.setNumberFormatOverride(new DecimalFormat("#,##0"));
        x.setRange(EMPTY_MIN, emptyMax);                       // empty: decades, not a range of 1s labelled "1"
        var y = new NumberAxis("strict accuracy (%)");
        y.setRange(-2, 102);
        var renderer = new DeviationRenderer(true, true);
        renderer.setAlpha(0.18f);
        for (int i = 0; i < COLORS.length; i++) {
            renderer.setSeriesPaint(i, COLORS[i]);
            renderer.setSeriesFillPaint(i, COLORS[i]);
            renderer.setSeriesStroke(i, new BasicStroke(2.2f));
            renderer.setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
        }
        plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xD0D7DE));
        plot.setRangeGridlinePaint(new Color(0xD0D7DE));
        for (var axis : List.of(plot.getDomainAxis(), plot.getRangeAxis())) {
            axis.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        }
        chart = new JFreeChart(null, new Font(Font.SANS_SERIF, Font.PLAIN, 14), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(4, 4, 4, 22));            // the last tick label ("100,000") whole
        chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        viewer = new ChartViewer(chart);
        ChartSvg.attach(viewer);
        ChartMouse.install(viewer, this::resetRanges);
        viewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX e) {
                if (e.getEntity() instanceof XYItemEntity item) {
                    onPoint.accept(item.getSeriesIndex(), item.getItem());
                }
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX e) {
                // nothing on hover
            }
        });
        getChildren().add(viewer);
    }

    /** The ranges the chart shows its curves in: lengths as drawn (decades when empty), accuracy 0 to 100%. */
    private void resetRanges() {
        if (empty) {
            plot.getDomainAxis().setRange(EMPTY_MIN, emptyMax);
        } else {
            plot.getDomainAxis().setAutoRange(true);
        }
        plot.getRangeAxis().setRange(-2, 102);
    }

    /** The longest length the next sweep goes to: an empty chart's axis ends there (it said 100,000 under "up to 10,000"). */
    public void setEmptyMax(double max) {
        emptyMax = Math.max(EMPTY_MIN * 10, max);
        if (empty) {
            resetRanges();
        }
    }

    /** The chart's plot (tests read its axes). */
    XYPlot plot() {
        return plot;
    }

    /**
     * Shows the curves, and shades each training window {@code {min, max}} (null entries skipped).
     */
    public void show(List<Curve> curves, List<int[]> training) {
        chart.setNotify(false);
        data.removeAllSeries();
        for (Curve c : curves) {
            var s = new YIntervalSeries(c.name(), false, true);
            for (int i = 0; i < c.length().length; i++) {
                s.add(c.length()[i], c.accuracy()[i], c.low()[i], c.high()[i]);
            }
            data.addSeries(s);
        }
        empty = curves.stream().allMatch(c -> c.length().length == 0);
        resetRanges();
        plot.clearDomainMarkers();
        boolean labelled = false;
        for (int[] w : training) {
            if (w == null) {
                continue;
            }
            var m = new IntervalMarker(Math.max(1, w[0]), Math.max(w[0] + 0.5, w[1]));
            m.setPaint(new Color(0x8C959F));                          // grey: no curve's colour (one is green)
            m.setAlpha(0.16f);
            if (!labelled) {
                m.setLabel("training lengths");
                m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
                m.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
                m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
                labelled = true;
            }
            plot.addDomainMarker(m, Layer.BACKGROUND);
        }
        chart.setNotify(true);
    }

    /** The chart (for tests and snapshots). */
    public JFreeChart chart() {
        return chart;
    }
}
