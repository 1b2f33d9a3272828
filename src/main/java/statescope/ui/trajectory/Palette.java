package statescope.ui.trajectory;

import javafx.scene.paint.Color;

/** Distinct colours for automaton states (colour-blind-friendly first eight, then hues). */
final class Palette {

    private static final String[] BASE = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
        "#F0E442", "#000000"};

    private Palette() {
    }

    static Color of(int state) {
        if (state < 0) {
            return Color.GRAY;
        }
        if (state < BASE.length) {
            return Color.web(BASE[state]);
        }
        return Color.hsb((state * 137.5) % 360, 0.65, 0.75);
    }
}
