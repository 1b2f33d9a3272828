package statescope.ui.common;

import javafx.scene.Node;

/**
 * How a canvas (or a node drawn by a library) is written to a vector file: a canvas keeps only pixels, so a view that paints one
 * attaches here what draws the same picture again, and the SVG export calls it in the canvas's place
 * (a canvas with nothing attached is exported as its pixels).
 */
public final class VectorPaint {

    private static final String KEY = "statescope.vectorPaint";

    /** Draws the canvas's picture, {@code w} by {@code h}, with {@code pen}. */
    public interface Painter {
        void paint(Pen pen, double w, double h);
    }

    /** The canvas's picture as SVG elements, {@code w} by {@code h} (for drawings made by a library). */
    public interface Markup {
        String svg(double w, double h);
    }

    private VectorPaint() {
    }

    /** {@code c} is exported as what {@code p} draws. */
    public static void attach(Node c, Painter p) {
        c.getProperties().put(KEY, p);
    }

    /** {@code c} is exported as the markup {@code m} writes. */
    public static void attach(Node c, Markup m) {
        c.getProperties().put(KEY, m);
    }

    /** {@code c} is left out of exports (another canvas's painter draws its part). */
    public static void skip(Node c) {
        c.getProperties().put(KEY, (Markup) (w, h) -> "");
    }

    /** What is attached to {@code n}: a {@link Painter}, a {@link Markup}, or null. */
    public static Object of(Node n) {
        return n.getProperties().get(KEY);
    }
}
