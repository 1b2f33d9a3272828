package statescope.ui.trajectory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/** Issue 16's trajectory legend: states in reading order, and at least 16 colours no two alike. */
class LegendTest {

    @Test
    void theLegendListsStatesInReadingOrderNumbersByValue() {
        var names = List.of("q10", "q2", "q1", "dead", "q0");
        assertArrayEquals(new int[] {3, 4, 2, 1, 0}, TrajectoryPainter.legendOrder(names));
        assertArrayEquals(new int[] {1, 2, 0}, TrajectoryPainter.legendOrder(List.of("depth 12", "depth 3", "depth 5")));
    }

    /**
     * The plot keeps clear of the legend: flip-flop's 11 states need two columns in a 1280x720 window's
     * trajectory pane (about 500 by 200), which the fixed 150 px it used to reserve did not hold; where
     * the columns would take over 40% of the width the legend gives way (the centroid labels name the states).
     */
    @Test
    void thePlotLeavesRoomForEveryLegendColumn() {
        var flipFlop = List.of("dead", "i· mem 0", "i· mem 1", "mem 0", "mem 0 read", "mem 1", "mem 1 read",
                "r· mem 0", "r· mem 1", "start", "w·");
        double oneColumn = TrajectoryPainter.legendWidth(flipFlop, 600, 400);
        double twoColumns = TrajectoryPainter.legendWidth(flipFlop, 600, 200);
        double column = 26 + 7.5 * "mem 0 read".length();             // a dot and the longest name
        assertTrue(oneColumn >= 150 && oneColumn < 2 * column, "one column: " + oneColumn);
        assertTrue(twoColumns >= 2 * column, "two columns: " + twoColumns + " against one " + oneColumn);
        assertEquals(0, TrajectoryPainter.legendWidth(flipFlop, 500, 200), "no legend where it would take over 40%");
        assertEquals(150, TrajectoryPainter.legendWidth(List.of("q0", "q1"), 500, 400), "at least the old 150 px");
    }

    @Test
    void sixteenOrMoreStatesGetColoursFarApart() {
        assertTrue(Palette.DISTINCT >= 16, "" + Palette.DISTINCT);
        for (int a = 0; a < Palette.DISTINCT; a++) {
            for (int b = a + 1; b < Palette.DISTINCT; b++) {
                Color x = Palette.of(a);
                Color y = Palette.of(b);
                double d = Math.sqrt(Math.pow(x.getRed() - y.getRed(), 2) + Math.pow(x.getGreen() - y.getGreen(), 2)
                        + Math.pow(x.getBlue() - y.getBlue(), 2));
                assertTrue(d > 0.25, "states " + a + " and " + b + " look alike: " + x + " " + y + " (" + d + ")");
            }
        }
    }

    /**
     * A layer whose states are all the same (constructed Tomita 2's first: input features only) projects to
     * one point, every state's label piled on it: the picture says so instead of looking like a lone point.
     */
    @Test
    void aOnePointPictureSaysWhy() {
        assertTrue(TrajectoryPainter.onePoint(new double[] {0, 0, 0, 0}));
        assertFalse(TrajectoryPainter.onePoint(new double[] {0, 1e-9, 0, 0}), "any spread is a picture");
        assertEquals("layer 1: every state is the same\n(one point); try another layer",
                TrajectoryPainter.onePointNote(0, 2));
        assertEquals("one point: the corpus and the input\nvisit one automaton state only",
                TrajectoryPainter.onePointNote(0, 1), "Tomita 1's words all stay in q0: no layer would spread them");
        assertEquals(1, TrajectoryPainter.visited(new int[] {0, 0}, new int[] {0}));
        assertEquals(2, TrajectoryPainter.visited(new int[] {0, 0}, new int[] {0, 1}));
    }
}
