package statescope.ui.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
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
        combined.setGap(12);
        for (var data : List.of(dataA, dataB)) {
            var values = new NumberAxis("value");
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
