package statescope.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The Lengths tab's chart before any sweep spans decades (10 to the sweep's longest length), not a sliver
 * around 1 whose ticks all read "1"; with curves it fits them, and cleared it spans the decades again.
 */
@ExtendWith(ApplicationExtension.class)
class LengthChartTest {

    @Test
    void anEmptyChartShowsDecadesAndACurveIsFitted(FxRobot robot) {
        var chart = new AtomicReference<LengthChart>();
        robot.interact(() -> chart.set(new LengthChart((c, p) -> { })));
        var axis = chart.get().plot().getDomainAxis();
        assertEquals(new Range(10, 10_000), axis.getRange(), "before any sweep: to the sweep's default longest length");
        var curve = new LengthChart.Curve("m", new double[] {200, 2000}, new double[] {100, 90},
                new double[] {99, 85}, new double[] {100, 94});
        robot.interact(() -> chart.get().show(List.of(curve), List.of()));
        assertTrue(axis.getLowerBound() <= 200 && axis.getUpperBound() >= 2000
                && axis.getUpperBound() < 100_000, "fitted to the curve: " + axis.getRange());
        robot.interact(() -> chart.get().show(List.of(), List.of()));
        assertEquals(new Range(10, 10_000), axis.getRange(), "cleared");
        robot.interact(() -> chart.get().setEmptyMax(100_000));
        assertEquals(new Range(10, 100_000), axis.getRange(), "an empty chart follows the sweep's longest length");
    }
}
