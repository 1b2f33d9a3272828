package statescope.ui.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jfree.chart.axis.NumberAxis;
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
