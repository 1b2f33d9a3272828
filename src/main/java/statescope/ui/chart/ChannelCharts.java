package statescope.ui.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import statescope.ui.common.UiScale;

/** Dataset and chart factories for the channel chart (the JFree demos' createDataset/createChart split). */
final class ChannelCharts {

    private static final Color[] COLORS = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xD55E00), new Color(0x000000), new Color(0x999999)};

    private ChannelCharts() {
    }

    /** One series per picked channel, x = position. */
    static XYSeriesCollection createDataset(ChannelChartViewModel.Frame f) {
        var data = new XYSeriesCollection();
        fill(data, f);
        return data;
    }

    /**
     * Makes {@code data} hold the frame's series (one per picked channel, x = position), reusing the
     * series objects whose channel stays picked.
     */
    static void fill(XYSeriesCollection data, ChannelChartViewModel.Frame f) {
        int[] channels = f.channels();
        boolean same = data.getSeriesCount() == channels.length;
        for (int c = 0; same && c < channels.length; c++) {
            same = ("channel " + channels[c]).equals(data.getSeriesKey(c));
        }
        if (!same) {
            data.removeAllSeries();
            for (int c : channels) {
                data.addSeries(new XYSeries("channel " + c, false, true));
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
        var renderer = chart.getXYPlot().getRenderer();
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
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xD0D7DE));
        plot.setRangeGridlinePaint(new Color(0xD0D7DE));
        scaleFonts(chart, UiScale.factor());
        var renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true);                        // one path per series, not one line per point
        for (int i = 0; i < COLORS.length; i++) {
            renderer.setSeriesPaint(i, COLORS[i]);
            renderer.setSeriesStroke(i, new BasicStroke(2.2f));
        }
        plot.setRenderer(renderer);
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());  // whole positions
        return chart;
    }

    /** The legend's and axes' fonts at UI scale {@code s} (14 and 13 px at 1). */
    static void scaleFonts(JFreeChart chart, double s) {
        XYPlot plot = chart.getXYPlot();
        var label = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(14 * s));
        var tick = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(13 * s));
        chart.getLegend().setItemFont(label);
        plot.getDomainAxis().setLabelFont(label);
        plot.getRangeAxis().setLabelFont(label);
        plot.getDomainAxis().setTickLabelFont(tick);
        plot.getRangeAxis().setTickLabelFont(tick);
    }

}
