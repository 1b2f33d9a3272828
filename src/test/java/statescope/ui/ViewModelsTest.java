package statescope.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import statescope.lang.Word;
import statescope.inspect.BuiltinLanguages;
import statescope.inspect.ChannelKind;
import statescope.inspect.CorpusProjection;
import statescope.inspect.FakeModels;
import statescope.inspect.AlignedTrace;
import statescope.ui.automaton.AutomatonViewModel;
import statescope.ui.chart.ChannelChartViewModel;
import statescope.ui.heatmap.HeatmapViewModel;
import statescope.ui.prediction.PredictionStripViewModel;
import statescope.ui.trajectory.TrajectoryViewModel;

/** The views' frames, computed without the FX toolkit, on a parity trace of an exact oracle. */
class ViewModelsTest {

    private static AlignedTrace parityTrace(String text) {
        var parity = BuiltinLanguages.parity();
        var trace = new AlignedTrace(FakeModels.oracle(parity, 0), parity.reference());
        trace.setWord(Word.parse(parity.machine().alphabet(), text).toArray(), p -> { }, () -> false);
        return trace;
    }

    @Test
    void theStripWindowKeepsTheCurrentPositionInView() {
        var trace = parityTrace("0110".repeat(25));                 // 100 tokens
        var vm = new PredictionStripViewModel();
        vm.capacityProperty().set(10);
        vm.update(trace, 50);
        var f = vm.frame();
        assertEquals(10, f.size());
        assertTrue(f.start() <= 50 && 50 < f.start() + f.size());
        vm.update(trace, 100);
        assertEquals(91, vm.frame().start(), "the last cells at the end");
        vm.update(trace, 0);
        assertEquals(1, vm.frame().start());
    }

    @Test
    void theAutomatonFrameCarriesTheTrail() {
        var trace = parityTrace("0110");
        var vm = new AutomatonViewModel();
        vm.update(trace, 3);
        var f = vm.frame();
        int even = 0;
        int odd = 1;
        assertArrayEquals(new int[] {even, even, odd, even}, f.path());
        assertEquals(even, f.current());
        assertTrue(f.accepting());
    }

    @Test
    void heatmapAndChartShowTheGateSign() {
        var trace = parityTrace("0101");                            // the oracle's Ā is -0.9 on a 1, +0.9 on a 0
        var gates = new HeatmapViewModel(ChannelKind.GATE);
        gates.update(trace, 4);
        var f = gates.frame();
        assertEquals(4, f.values().length);
        assertEquals(0.9f, f.values()[0][0], 1e-3f);
        assertEquals(-0.9f, f.values()[1][0], 1e-3f);
        var chart = new ChannelChartViewModel();
        chart.kindProperty().set(ChannelKind.GATE);
        chart.channels().setAll(2);
        chart.update(trace, 4);
        assertArrayEquals(new float[] {0.9f, -0.9f, 0.9f, -0.9f}, chart.frame().series()[0], 1e-3f);
    }

    @Test
    void theChartWindowPagesAndKeepsTheCurrentPositionInView() {
        var trace = parityTrace("0110".repeat(200));                // 800 tokens
        var chart = new ChannelChartViewModel();
        int w = ChannelChartViewModel.MAX_POINTS;
        chart.update(trace, 800);
        assertEquals(800 - w + 1, chart.frame().start(), "the last positions at the end");
        assertEquals(w, chart.frame().series()[0].length);
        float[][] series = chart.frame().series();
        chart.update(trace, 700);
        assertEquals(800 - w + 1, chart.frame().start(), "stepping inside the window keeps it");
        assertTrue(series == chart.frame().series(), "unchanged values: the same array, so the lines are not redrawn");
        assertEquals(700, chart.frame().current());
        chart.update(trace, 400);
        assertEquals(400 - w / 2, chart.frame().start(), "leaving it re-centres the window on the position");
        assertEquals(trace.channel(0, ChannelKind.STATE, 400, 0), chart.frame().series()[0][w / 2], 0f);
        chart.update(trace, 10);
        assertEquals(1, chart.frame().start(), "the first positions near the start");
        assertEquals(w, chart.frame().series()[0].length);
        for (int t : new int[] {0, 1, 255, 256, 257, 799, 800}) {
            chart.update(trace, t);
            var f = chart.frame();
            assertTrue(f.start() <= Math.max(t, 1) && Math.max(t, 1) < f.start() + f.series()[0].length, "t = " + t);
        }
    }

    @Test
    void theTrajectoryFollowsThePositionAndRotates() {
        var parity = BuiltinLanguages.parity();
        var trace = parityTrace("011");
        var clouds = CorpusProjection.fit(trace.model(), parity, 30, 8, 1, p -> { }, () -> false);
        trace.setProjections(clouds.stream().map(c -> c.projection()).toList(), p -> { }, () -> false);
        var vm = new TrajectoryViewModel();
        vm.setClouds(List.copyOf(clouds));
        vm.update(trace, 2);
        assertEquals(3, vm.frame().path().length, "t = 0, 1, 2");
        int odd = clouds.get(0).stateNames().indexOf("odd");
        assertEquals(odd, vm.frame().pathStates()[2]);
        vm.rotate(0, 10_000);
        assertEquals(1.5, vm.pitchProperty().get(), 1e-9, "pitch is clamped");
    }
}
