package statescope.ui.heatmap;

import javafx.scene.paint.Color;

/** Colour maps as ARGB ints: a diverging blue–white–red map for signed values, a sequential one. */
public final class ColorMaps {

    private ColorMaps() {
    }

    private static final int[][] DIVERGING = {
        {5, 48, 97}, {33, 102, 172}, {67, 147, 195}, {146, 197, 222}, {209, 229, 240}, {247, 247, 247},
        {253, 219, 199}, {244, 165, 130}, {214, 96, 77}, {178, 24, 43}, {103, 0, 31}};
    private static final int[][] SEQUENTIAL = {
        {255, 255, 229}, {247, 252, 185}, {217, 240, 163}, {173, 221, 142}, {120, 198, 121}, {65, 171, 93},
        {35, 132, 67}, {0, 104, 55}, {0, 69, 41}};

    /** Value in [−1, 1] (clamped): negative blue, zero white, positive red. */
    public static int diverging(double v) {
        return lerp(DIVERGING, (Math.max(-1, Math.min(1, v)) + 1) / 2);
    }

    /** Value in [0, 1] (clamped): light yellow to dark green. */
    public static int sequential(double v) {
        return lerp(SEQUENTIAL, Math.max(0, Math.min(1, v)));
    }

    public static Color color(int argb) {
        return Color.rgb((argb >> 16) & 255, (argb >> 8) & 255, argb & 255);
    }

    private static int lerp(int[][] stops, double u) {
        double x = u * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) Math.floor(x));
        double f = x - i;
        int r = (int) Math.round(stops[i][0] + f * (stops[i + 1][0] - stops[i][0]));
        int g = (int) Math.round(stops[i][1] + f * (stops[i + 1][1] - stops[i][1]));
        int b = (int) Math.round(stops[i][2] + f * (stops[i + 1][2] - stops[i][2]));
        return 0xFF000000 | (r << 16) | (g << 8) | b;
    }
}
