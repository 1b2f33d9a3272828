package statescope.ui.automaton;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import statescope.inspect.AlignedTrace;
import statescope.inspect.FakeModels;
import statescope.ui.StateScopeApp;
import statescope.ui.export.ViewExport;

/** Issue 16's counter plot: a sensible axis (not one gridline per integer) and every counter in the frame. */
@ExtendWith(ApplicationExtension.class)
class CounterPlotTest {

    @Test
    void gridlinesStepBy125TimesAPowerOfTen() {
        assertEquals(1, CounterPlot.tickStep(5, 8));
        assertEquals(10, CounterPlot.tickStep(60, 8), "a^60 b^60: 7 gridlines, not 61");
        assertEquals(2, CounterPlot.tickStep(12, 8));
        assertEquals(5, CounterPlot.tickStep(33, 8));
        for (int max = 1; max < 5000; max += 7) {
            int step = CounterPlot.tickStep(max, 8);
            assertTrue(max / step <= 8, "max " + max + " step " + step);
            String first = Integer.toString(step).substring(0, 1);
            assertTrue(first.equals("1") || first.equals("2") || first.equals("5"), "step " + step);
        }
    }

    /** a^n b^n c^n's machine after aaabb (position 5) of aaabbbccc. */
    private static AutomatonViewModel anbncnAfterAaabb() {
        var lang = StateScopeApp.languages().catalog().stream().filter(l -> l.id().equals("anbncn")).findFirst()
                .orElseThrow();
        var trace = new AlignedTrace(FakeModels.oracle(lang, 0), lang);
        trace.setWord(lang.encode("aaabbbccc"), f -> { }, () -> false);
        var vm = new AutomatonViewModel();
        vm.update(trace, 5);
        return vm;
    }

    @Test
    void theFrameCarriesEveryCounter() {
        var f = anbncnAfterAaabb().frame();
        assertEquals(List.of("#a", "#b", "#c"), f.names(), "a counter per letter");
        assertEquals(f.path().length, f.registers().length);
        assertArrayEquals(new int[] {3, 2, 0}, f.registers()[f.registers().length - 1], "after aaabb");
    }

    /** A short pane (compare mode, presentation mode) keeps the counters' names, on one row over the lines. */
    @Test
    void aShortPaneStillNamesItsCounters() throws Exception {
        var vm = anbncnAfterAaabb();
        String[] svg = new String[2];
        WaitForAsyncUtils.asyncFx(() -> {
            for (int i = 0; i < 2; i++) {
                var plot = new CounterPlot();
                var root = new StackPane(plot);
                new Scene(root, 500, i == 0 ? 100 : 300);
                root.applyCss();
                root.layout();
                plot.show(vm.frame());
                svg[i] = ViewExport.svg(plot);
            }
        }).get();
        assertTrue(CounterPlot.compact(100, 1.0));
        for (String s : svg) {
            for (String name : vm.frame().names()) {
                assertTrue(s.contains(">" + name + "<"), name + " named in " + s.length() + " characters of SVG");
            }
        }
        assertFalse(svg[0].contains("counters along"), "no title in the short pane");
        assertTrue(svg[1].contains("counters along"), "the title in the usual pane");
    }

    @Test
    void aShortPaneDrawsTheLinesAlone() {
        assertTrue(CounterPlot.compact(60, 1.6), "presentation mode at 1280x720: title and legend would cover the lines");
        assertTrue(CounterPlot.compact(120, 1.0));
        assertFalse(CounterPlot.compact(300, 1.0), "the usual pane: title, legend, gridlines");
        assertFalse(CounterPlot.compact(220, 1.6));
    }
}
