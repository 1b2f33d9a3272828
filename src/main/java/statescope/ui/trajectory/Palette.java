package statescope.ui.trajectory;

import javafx.scene.paint.Color;

/**
 * Distinct colours for automaton states: the colour-blind-friendly Okabe-Ito eight, then eleven more
 * picked one at a time as the farthest (in RGB) from all before (19 in all, no two closer than 0.27, so
 * D_12's 13 states get no two alike), then golden-angle hues.
 */
final class Palette {

    private static final String[] BASE = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
        "#F0E442", "#000000", "#FF00FF", "#800000", "#604E97", "#00FF7F", "#004D40", "#7F7F00", "#FFB6C1",
        "#BE0032", "#A1CAF1", "#654522", "#C2B280"};

    /** How many states get a colour of their own before the hues repeat patterns. */
    static final int DISTINCT = BASE.length;

    private static final Color[] CACHE = new Color[64];

    private Palette() {
    }

    static Color of(int state) {
        if (state < 0) {
            return Color.GRAY;
        }
        if (state < CACHE.length && CACHE[state] != null) {
            return CACHE[state];
        }
        Color c = state < BASE.length ? Color.web(BASE[state]) : Color.hsb((state * 137.5) % 360, 0.65, 0.75);
        if (state < CACHE.length) {
            CACHE[state] = c;                                          // FX thread only
        }
        return c;
    }
}
