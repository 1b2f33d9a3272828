package statescope.ui.trajectory;

import javafx.scene.paint.Color;

/** Distinct colours for automaton states (colour-blind-friendly first eight, then hues). */
final class Palette {

    private static final String[] BASE = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
        "#F0E442", "#000000"};

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
