package statescope.ui.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import statescope.inspect.AlignedTrace;
import statescope.inspect.ChannelKind;
import statescope.inspect.FakeModels;
import statescope.lang.Word;
import statescope.ui.session.BuiltinLanguageLibrary;

/** Issue 16's hover readouts of the heatmap and gate cells, and the tokens as x labels. */
class HoverReadoutTest {

    private static AlignedTrace parity(String word) {
        var lang = new BuiltinLanguageLibrary().catalog().stream().filter(l -> l.id().equals("parity")).findFirst()
                .orElseThrow();
        var trace = new AlignedTrace(FakeModels.oracle(lang, 0), lang);   // d_inner 4
        trace.setWord(Word.parse(lang.machine().alphabet(), word).toArray(), f -> { }, () -> false);
        return trace;
    }

    @Test
    void aCellReadsPositionTokenLayerChannelAndValue() {
        var trace = parity("01101");
        var vm = new HeatmapViewModel(ChannelKind.STATE);
        vm.update(trace, 5);
        var f = vm.frame();
        assertEquals(1, f.start());
        float v = trace.channel(0, ChannelKind.STATE, 3, 2);
        assertEquals(String.format(Locale.ROOT, "t = 3 · token '1' · layer 1 · channel 2 · h = %.4f", v),
                f.readout(2, 2));
        assertEquals("0", f.token(0));
        assertEquals("1", f.token(4));
        assertNull(f.readout(5, 0), "past the last column");
        assertNull(f.readout(0, 4), "past the last channel");
    }

    @Test
    void gateCellsNameTheirQuantity() {
        var trace = parity("0110");
        var gate = new HeatmapViewModel(ChannelKind.GATE);
        var delta = new HeatmapViewModel(ChannelKind.DELTA);
        gate.update(trace, 2);
        delta.update(trace, 2);
        String g = gate.frame().readout(1, 0);
        String d = delta.frame().readout(0, 3);
        assertEquals("t = 2 · token '1' · layer 1 · channel 0 · Ā = ", g.substring(0, g.lastIndexOf(' ') + 1));
        assertEquals("t = 1 · token '0' · layer 1 · channel 3 · Δ = ", d.substring(0, d.lastIndexOf(' ') + 1));
        assertEquals(trace.channel(0, ChannelKind.GATE, 2, 0), Float.parseFloat(g.substring(g.lastIndexOf(' ') + 1)),
                1e-4f);
    }

    @Test
    void tokenLabelsAreThinnedOnlyWhenTheyDoNotFit() {
        String[] one = {"a", "b", "a"};
        assertEquals(1, HeatmapCanvas.tokenStep(one, 20, 1), "one-letter tokens fit 20 px columns");
        assertEquals(3, HeatmapCanvas.tokenStep(one, 4, 1), "4 px columns: every third");
        assertEquals(1, HeatmapCanvas.tokenStep(one, 12, 1));
        assertEquals(2, HeatmapCanvas.tokenStep(one, 12, 2), "at twice the scale they need two columns");
        assertEquals(4, HeatmapCanvas.tokenStep(new String[] {"push", "pop"}, 9, 1));
    }
}
