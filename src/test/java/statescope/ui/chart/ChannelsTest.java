package statescope.ui.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import statescope.inspect.AlignedTrace;
import statescope.inspect.FakeModels;
import statescope.lang.Word;
import statescope.ui.session.BuiltinLanguageLibrary;

/** Issue 16's channel chart defects: a channel beyond the model said so, whole positions, stable colours. */
class ChannelsTest {

    @Test
    void aChannelBeyondTheModelIsNamedNotSilentlyDropped() {
        var lang = new BuiltinLanguageLibrary().catalog().stream().filter(l -> l.id().equals("parity")).findFirst()
                .orElseThrow();
        var trace = new AlignedTrace(FakeModels.oracle(lang, 0), lang);   // d_inner 4
        trace.setWord(Word.parse(lang.machine().alphabet(), "0110").toArray(), f -> { }, () -> false);
        var vm = new ChannelChartViewModel();
        vm.channels().setAll(0, 5, 40);
        vm.update(trace, 2);
        assertArrayEquals(new int[] {0}, vm.frame().channels());
        assertEquals("channels 5, 40 not drawn: this model has channels 0–3", vm.beyondProperty().get());
        vm.channels().setAll(1, 2);
        vm.update(trace, 2);
        assertEquals("", vm.beyondProperty().get());
    }

    /**
     * Compare mode's Channels tab in a 1280x720 window gives each model's plot about 30 px of height: each
     * value axis showed one tick, "0.0", and its scale could not be read (review). At that height and at
     * comfortable ones each reads at least two distinct ticks, their labels inside the plot and apart.
     */
    @Test
    void compareModesValueAxesReadAtLeastTwoTicks() {
        var a = new XYSeriesCollection();
        var b = new XYSeriesCollection();
        for (var data : List.of(a, b)) {
            for (int c = 0; c < 4; c++) {                              // parity's states: small values around 0
                var s = new XYSeries("channel " + c);
                for (int t = 0; t <= 36; t++) {
                    s.add(t, (data == a ? 0.3 : 0.05) * Math.sin(0.7 * t + c) + 0.04 * c - 0.03);
                }
                data.addSeries(s);
            }
        }
        var chart = ChannelCharts.createCompareChart(a, b);
        for (int height : new int[] {160, 180, 250, 400}) {
            ChannelCharts.compact(chart, height < 260);                // as the view does below 260 px
            var image = new BufferedImage(500, height, BufferedImage.TYPE_INT_RGB);
            var g2 = image.createGraphics();
            var info = new ChartRenderingInfo();
            chart.draw(g2, new Rectangle2D.Double(0, 0, 500, height), info);
            var plots = ChannelCharts.plots(chart);
            for (int i = 0; i < 2; i++) {
                Rectangle2D area = info.getPlotInfo().getSubplotInfo(i).getDataArea();
                var axis = (NumberAxis) plots.get(i).getRangeAxis();
                assertTrue(axis.getRange().getLength() > 0, "a range, not a point");
                double h = g2.getFontMetrics(axis.getTickLabelFont()).getAscent()
                        + g2.getFontMetrics(axis.getTickLabelFont()).getDescent();
                var boxes = new ArrayList<double[]>();                 // each label's top and bottom
                var labels = new ArrayList<String>();
                for (Object o : axis.refreshTicks(g2, new AxisState(), area, RectangleEdge.LEFT)) {
                    if (o instanceof NumberTick t && t.getTickType() == TickType.MAJOR && !t.getText().isEmpty()) {
                        double y = axis.valueToJava2D(t.getValue(), area, RectangleEdge.LEFT);
                        double top = t.getTextAnchor().isTop() ? y : t.getTextAnchor().isBottom() ? y - h : y - h / 2;
                        boxes.add(new double[] {top, top + h});
                        labels.add(t.getText());
                    }
                }
                String where = "plot " + (i == 0 ? "A" : "B") + ", " + (int) area.getHeight() + " px high: " + labels;
                assertTrue(area.getHeight() >= 2 * h, where + ": room for two labels");
                assertTrue(labels.size() >= 2 && labels.stream().distinct().count() == labels.size(), where);
                for (int k = 0; k < boxes.size(); k++) {
                    double[] box = boxes.get(k);
                    assertTrue(box[0] >= area.getMinY() - h / 2 - 0.5 && box[1] <= area.getMaxY() + h / 2 + 0.5,
                            where + ": label " + labels.get(k) + " off the plot");
                    for (int m = 0; m < k; m++) {
                        double[] o = boxes.get(m);
                        assertTrue(box[1] <= o[0] + 0.5 || o[1] <= box[0] + 0.5,
                                where + ": labels " + labels.get(m) + " and " + labels.get(k) + " overlap");
                    }
                }
            }
            g2.dispose();
        }
    }

    @Test
    void positionsAreWholeAndAChannelKeepsItsColour() {
        var chart = ChannelCharts.createChart(new XYSeriesCollection());
        var axis = (NumberAxis) chart.getXYPlot().getDomainAxis();
        assertTrue(axis.getStandardTickUnits().getCeilingTickUnit(0.3).getSize() >= 1, "no half positions");
        ChannelCharts.paintByChannel(chart, new int[] {3, 1});
        var renderer = chart.getXYPlot().getRenderer();
        assertEquals(ChannelCharts.colour(3), renderer.getSeriesPaint(0));
        ChannelCharts.paintByChannel(chart, new int[] {1});
        assertEquals(ChannelCharts.colour(1), renderer.getSeriesPaint(0), "channel 1 keeps its colour as series 0");
        assertTrue(!ChannelCharts.colour(1).equals(ChannelCharts.colour(3)));
    }
}
