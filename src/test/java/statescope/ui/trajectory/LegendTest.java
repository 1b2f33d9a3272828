package statescope.ui.trajectory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
}
