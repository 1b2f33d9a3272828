package statescope.ui.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The Gates tab's two canvases in a 1280x720 window are about 75 px high each: the room under the cells
 * shrinks to the token row there, so the cells keep most of the height (the full axis left 15 px of them);
 * a tall canvas keeps its positions and axis title.
 */
class HeatmapLayoutTest {

    @Test
    void aShortCanvasGivesItsHeightToTheCells() {
        assertTrue(HeatmapCanvas.blockHeight(1, 75) >= 40, "cells in 75 px: " + HeatmapCanvas.blockHeight(1, 75));
        assertTrue(HeatmapCanvas.blockHeight(2, 150) >= 40, "compare mode: " + HeatmapCanvas.blockHeight(2, 150));
        assertEquals(300 - 12 - 48, HeatmapCanvas.blockHeight(1, 300), 1e-9, "a tall canvas keeps its axis");
    }

    /** Compare mode in a canvas at its 60 px minimum (a 1280x720 screen at 1.6x): no row under the cells. */
    @Test
    void aCanvasAtItsMinimumInCompareModeDrawsItsCellsWithNothingUnder() {
        assertEquals(0, HeatmapCanvas.bottom(2, 60), 1e-9);
        assertTrue(HeatmapCanvas.blockHeight(2, 60) >= 12, "cells in 60 px: " + HeatmapCanvas.blockHeight(2, 60));
        assertEquals(18, HeatmapCanvas.bottom(2, 100), 1e-9, "the token row where it leaves 16 px of cells");
    }

    /**
     * The rows under the cells (tokens, positions, the axis title) are one line of the scaled font apart:
     * at 1.6x in presentation mode the tokens had been drawn over the positions.
     */
    @Test
    void theRowsUnderTheCellsGrowWithTheUiScale() {
        assertEquals(48 * 1.6, HeatmapCanvas.bottom(1, 400, 1.6), 1e-9);
        assertEquals(18 * 1.6, HeatmapCanvas.bottom(2, 150, 1.6), 1e-9, "compare mode, short: the tokens only");
        assertEquals(48, HeatmapCanvas.bottom(1, 400, 1.0), 1e-9);
    }
}
