package statescope.ui.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import statescope.ui.common.ChannelLabels;
import statescope.ui.common.UiScale;

/** Dataset and chart factories for the channel chart (the JFree demos' createDataset/createChart split). */
final class ChannelCharts {

    private static final Color[] COLORS = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xD55E00), new Color(0x000000), new Color(0x999999)};

    private ChannelCharts() {
    }

    /** Longest series name in the legend (a longer channel name is cut; the tooltip gives it whole). */
    static final int LEGEND_CHARS = 30;

    /** One series per picked channel, x = position. */
    static XYSeriesCollection createDataset(ChannelChartViewModel.Frame f) {
        var data = new XYSeriesCollection();
        fill(data, f, "");
        return data;
    }

    /**
     * The legend's name of series {@code c}: "channel 3" for a model without names, else the channel's
     * label ("3 · depth", "4 · unused") cut to {@value #LEGEND_CHARS} characters; {@code prefix} before it
     * ("A · ", "B · " in compare mode).
     */
    static String seriesName(ChannelChartViewModel.Frame f, int c, String prefix) {
        String label = f.labels()[c];
        String name = label.equals(Integer.toString(f.channels()[c])) ? "channel " + label : label;
        return ChannelLabels.shorten(prefix + name, LEGEND_CHARS);
    }

    /**
     * Makes {@code data} hold the frame's series (one per picked channel, x = position, named by
     * {@link #seriesName}), reusing the series objects whose channel stays picked.
     */
    static void fill(XYSeriesCollection data, ChannelChartViewModel.Frame f, String prefix) {
        int[] channels = f.channels();
        boolean same = data.getSeriesCount() == channels.length;
        for (int c = 0; same && c < channels.length; c++) {
            same = seriesName(f, c, prefix).equals(data.getSeriesKey(c));
        }
        if (!same) {
            data.removeAllSeries();
            for (int c = 0; c < channels.length; c++) {
                data.addSeries(new XYSeries(seriesName(f, c, prefix), false, true));
            }
        }
        for (int c = 0; c < channels.length; c++) {
            XYSeries s = data.getSeries(c);
            float[] v = f.series()[c];
            s.setNotify(false);
            s.clear();
            for (int i = 0; i < v.length; i++) {
                s.add(f.start() + i, v[i], false);
            }
            s.setNotify(true);                                        // one change event per series
        }
    }

    /** The colour of a channel, the same whatever else is picked. */
    static Color colour(int channel) {
        return COLORS[Math.floorMod(channel, COLORS.length)];
    }

    /** Colours each series by its channel (series {@code i} shows {@code channels[i]}). */
    static void paintByChannel(JFreeChart chart, int[] channels) {
        paintByChannel(chart.getXYPlot(), channels);
    }

    /** As above, on one plot (of a compare chart). */
    static void paintByChannel(XYPlot plot, int[] channels) {
        var renderer = plot.getRenderer();
        for (int i = 0; i < channels.length; i++) {
            renderer.setSeriesPaint(i, colour(channels[i]));
            renderer.setSeriesStroke(i, new BasicStroke(2.2f));
        }
    }

    static JFreeChart createChart(XYSeriesCollection data) {
        JFreeChart chart = ChartFactory.createXYLineChart(null, "position t", "value", data,
                PlotOrientation.VERTICAL, true, true, false);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setRangeAxis(new ReadableAxis("value"));
        style(plot);
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());  // whole positions
        scaleFonts(chart, UiScale.factor());
        return chart;
    }

    /**
     * Compare mode's chart: A's channels ({@code dataA}) above B's ({@code dataB}), each plot with its own
     * value axis (titled by the model) over one shared position axis, a channel in the same colour in both.
     */
    static JFreeChart createCompareChart(XYSeriesCollection dataA, XYSeriesCollection dataB) {
        var positions = new NumberAxis("position t");
        positions.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        positions.setAutoRangeIncludesZero(false);
        var combined = new CombinedDomainXYPlot(positions);
        combined.setGap(GAP);
        for (var data : List.of(dataA, dataB)) {
            var values = new ReadableAxis("value");
            values.setAutoRangeIncludesZero(false);
            var plot = new XYPlot(data, null, values, null);
            style(plot);
            combined.add(plot, 1);
        }
        var chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, combined, true);
        chart.setBackgroundPaint(Color.WHITE);
        scaleFonts(chart, UiScale.factor());
        return chart;
    }

    /** The space between a compare chart's two plots, and on a short chart ({@link #compact}). */
    private static final double GAP = 12;
    private static final double GAP_SHORT = 6;

    /**
     * A short compare chart (compare mode's two plots in a 1280x720 window's tab, about 30 px each) gives its
     * height to the plots: no "position t" title under the positions (its ticks say what they are) and a
     * narrower gap; {@code short} false puts them back.
     */
    static void compact(JFreeChart chart, boolean isShort) {
        if (chart.getPlot() instanceof CombinedDomainXYPlot c) {
            c.getDomainAxis().setLabel(isShort ? null : "position t");
            c.setGap(isShort ? GAP_SHORT : GAP);
        }
    }

    /**
     * A value axis that always reads its scale: where the usual ticks leave fewer than two labels (a plot
     * some 30 px high showed one, "0.0"), it labels the ends of its range instead, at round values a tenth of
     * the range apart or less, each label inside the plot (the top one below its tick, the bottom one above),
     * with 0 between them where the plot has room.
     */
    static final class ReadableAxis extends NumberAxis {

        ReadableAxis(String label) {
            super(label);
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        protected List refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
            List ticks = super.refreshTicksVertical(g2, dataArea, edge);
            int labelled = 0;
            for (Object t : ticks) {
                if (t instanceof ValueTick v && v.getTickType() == TickType.MAJOR && !((Tick) v).getText().isEmpty()) {
                    labelled++;
                }
            }
            Range r = getRange();
            double step = Math.pow(10, Math.floor(Math.log10(r.getLength() / 10)));
            double lo = Math.ceil(r.getLowerBound() / step) * step;
            double hi = Math.floor(r.getUpperBound() / step) * step;
            if (labelled >= 2 || !(hi > lo) || !Double.isFinite(step)) {
                return ticks;
            }
            boolean left = edge == RectangleEdge.LEFT;
            var out = new ArrayList<NumberTick>();
            out.add(tick(lo, step, left ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT));
            double room = g2.getFontMetrics(getTickLabelFont()).getHeight();
            if (lo < 0 && hi > 0 && dataArea.getHeight() >= 4 * room) {
                out.add(tick(0, step, left ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT));
            }
            out.add(tick(hi, step, left ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT));
            return out;
        }

        private static NumberTick tick(double value, double step, TextAnchor anchor) {
            int decimals = (int) Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
            double v = Math.abs(value) < step / 2 ? 0 : value;             // no "-0.00"
            return new NumberTick(TickType.MAJOR, v, String.format(Locale.ROOT, "%." + decimals + "f", v), anchor,
                    anchor, 0);
        }
    }

    /** The plots of a chart: its one plot, or a compare chart's two (A's first). */
    static List<XYPlot> plots(JFreeChart chart) {
        return chart.getPlot() instanceof CombinedDomainXYPlot c ? c.getSubplots() : List.of(chart.getXYPlot());
    }

    /** White background, light grid, one line per channel and a tooltip that names the channel in full. */
    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xD0D7DE));
        plot.setRangeGridlinePaint(new Color(0xD0D7DE));
        var renderer = new NamedRenderer();
        renderer.setDrawSeriesLineAsPath(true);                        // one path per series, not one line per point
        for (int i = 0; i < COLORS.length; i++) {
            renderer.setSeriesPaint(i, COLORS[i]);
            renderer.setSeriesStroke(i, new BasicStroke(2.2f));
        }
        renderer.setDefaultToolTipGenerator((data, series, item) -> String.format(Locale.ROOT, "t = %d · %s = %.4f",
                Math.round(data.getXValue(series, item)), renderer.name(data, series), data.getYValue(series, item)));
        plot.setRenderer(renderer);
    }

    /** A line renderer that knows its series' channels in full (the legend's names may be cut). */
    private static final class NamedRenderer extends XYLineAndShapeRenderer {
        private String[] names = new String[0];

        NamedRenderer() {
            super(true, false);
        }

        String name(XYDataset data, int series) {
            return series < names.length ? names[series] : String.valueOf(data.getSeriesKey(series));
        }
    }

    /** Records the frame's full channel labels ({@code prefix} before each) for {@code plot}'s tooltips. */
    static void name(XYPlot plot, ChannelChartViewModel.Frame f, String prefix) {
        var full = new String[f.labels().length];
        for (int c = 0; c < full.length; c++) {
            full[c] = prefix + "channel " + f.labels()[c];
        }
        if (plot.getRenderer() instanceof NamedRenderer r) {
            r.names = full;
        }
    }

    /** The legend's and axes' fonts at UI scale {@code s} (14 and 13 px at 1). */
    static void scaleFonts(JFreeChart chart, double s) {
        var label = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(14 * s));
        var tick = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(13 * s));
        chart.getLegend().setItemFont(label);
        var domain = chart.getXYPlot().getDomainAxis();
        domain.setLabelFont(label);
        domain.setTickLabelFont(tick);
        for (XYPlot plot : plots(chart)) {
            plot.getRangeAxis().setLabelFont(label);
            plot.getRangeAxis().setTickLabelFont(tick);
        }
    }

}
