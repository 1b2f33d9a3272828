package statescope.ui.export;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.scene.text.Text;
import javafx.scene.transform.NonInvertibleTransformException;
import javafx.scene.transform.Transform;
import statescope.ui.common.VectorPaint;

/**
 * Writes a node as it is shown, as one SVG document: shapes as SVG shapes, every {@link Text} (the
 * labels of controls included) as SVG {@code <text>}, region backgrounds and borders as rectangles,
 * canvases through what their view attached ({@link VectorPaint}) or else as their pixels, clips kept.
 * Reads the scene graph: call it on the FX thread.
 */
final class SvgScene {

    private final StringBuilder out = new StringBuilder(1 << 16);
    private final Transform toRoot;
    private int clips;

    private SvgScene(Node root) {
        Bounds b = root.getLayoutBounds();
        try {
            toRoot = Transform.translate(-b.getMinX(), -b.getMinY())
                    .createConcatenation(root.getLocalToSceneTransform().createInverse());
        } catch (NonInvertibleTransformException e) {
            throw new IllegalStateException("the view is scaled to nothing", e);
        }
    }

    /** The SVG document of {@code root} at its size on screen. */
    static String write(Node root) {
        var s = new SvgScene(root);
        Bounds b = root.getLayoutBounds();
        String w = Svg.num(Math.ceil(b.getWidth()));
        String h = Svg.num(Math.ceil(b.getHeight()));
        s.out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"")
                .append(" width=\"").append(w).append("\" height=\"").append(h).append("\" viewBox=\"0 0 ").append(w)
                .append(' ').append(h).append("\">\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        s.node(root);
        s.out.append("</svg>\n");
        return s.out.toString();
    }

    private void node(Node n) {
        if (!n.isVisible() || n.getOpacity() <= 0) {
            return;
        }
        Transform t = toRoot.createConcatenation(n.getLocalToSceneTransform());
        int groups = 0;
        if (n.getClip() instanceof Rectangle r) {
            String id = "clip" + clips++;
            out.append("<clipPath id=\"").append(id).append("\"><rect").append(box(r.getX(), r.getY(), r.getWidth(),
                    r.getHeight())).append(Svg.transform(t)).append("/></clipPath>\n<g clip-path=\"url(#").append(id)
                    .append(")\">\n");
            groups++;
        }
        if (n.getOpacity() < 1) {
            out.append("<g opacity=\"").append(Svg.num(n.getOpacity())).append("\">\n");
            groups++;
        }
        Object vector = VectorPaint.of(n);
        Bounds lb = n.getLayoutBounds();
        if (vector instanceof VectorPaint.Painter p) {
            p.paint(new SvgPen(out, t), lb.getWidth(), lb.getHeight());
        } else if (vector instanceof VectorPaint.Markup m) {
            String svg = m.svg(lb.getWidth(), lb.getHeight());
            if (!svg.isEmpty()) {
                out.append("<g").append(Svg.transform(t)).append(">\n")
                        .append(svg.replaceFirst("^<\\?xml[^>]*>\\s*", "")).append("\n</g>\n");
            }
        } else {
            if (n instanceof Region r) {
                region(r, t);
            }
            if (n instanceof Text text) {
                text(text, t);
            } else if (n instanceof Shape shape) {
                out.append(SvgShapes.shape(shape, t));
            } else if (n instanceof ImageView iv && iv.getImage() != null) {
                out.append(Svg.image(iv.getImage(), lb.getMinX(), lb.getMinY(), lb.getWidth(), lb.getHeight(),
                        iv.isSmooth(), Svg.transform(t)));
            } else if (n instanceof Canvas c && c.getWidth() >= 1 && c.getHeight() >= 1) {
                out.append(Svg.image(c.snapshot(null, null), 0, 0, c.getWidth(), c.getHeight(), true,
                        Svg.transform(t)));
            }
            if (n instanceof Parent p) {
                for (Node child : p.getChildrenUnmodifiable()) {
                    node(child);
                }
            }
        }
        out.append("</g>\n".repeat(groups));
    }

    private static String box(double x, double y, double w, double h) {
        return " x=\"" + Svg.num(x) + "\" y=\"" + Svg.num(y) + "\" width=\"" + Svg.num(w) + "\" height=\""
                + Svg.num(h) + "\"";
    }

    private void region(Region r, Transform t) {
        double w = r.getWidth();
        double h = r.getHeight();
        if (r.getBackground() != null) {
            for (BackgroundFill f : r.getBackground().getFills()) {
                var in = f.getInsets();
                String fill = Svg.paint("fill", f.getFill(), 1);
                if (!fill.contains("none")) {
                    out.append("<rect").append(box(in.getLeft(), in.getTop(), w - in.getLeft() - in.getRight(),
                            h - in.getTop() - in.getBottom())).append(radius(f.getRadii())).append(fill)
                            .append(Svg.transform(t)).append("/>\n");
                }
            }
        }
        if (r.getBorder() != null) {
            for (BorderStroke s : r.getBorder().getStrokes()) {
                double bw = s.getWidths().getTop();
                String stroke = Svg.paint("stroke", s.getTopStroke(), 1);
                if (bw > 0 && !s.getWidths().isTopAsPercentage() && !stroke.contains("none")) {
                    var in = s.getInsets();
                    out.append("<rect").append(box(in.getLeft() + bw / 2, in.getTop() + bw / 2,
                            w - in.getLeft() - in.getRight() - bw, h - in.getTop() - in.getBottom() - bw))
                            .append(radius(s.getRadii())).append(" fill=\"none\"").append(stroke)
                            .append(" stroke-width=\"").append(Svg.num(bw)).append('"').append(Svg.transform(t))
                            .append("/>\n");
                }
            }
        }
    }

    private static String radius(CornerRadii c) {
        double r = c == null || c.isTopLeftHorizontalRadiusAsPercentage() ? 0 : c.getTopLeftHorizontalRadius();
        return r > 0 ? " rx=\"" + Svg.num(r) + "\"" : "";
    }

    private void text(Text text, Transform t) {
        String s = text.getText();
        if (s == null || s.isBlank()) {
            return;
        }
        Bounds b = text.getLayoutBounds();
        double x = b.getMinX();
        double y = b.getMinY() + text.getBaselineOffset();
        double line = text.getFont().getSize() * 1.25 + text.getLineSpacing();
        String[] lines = s.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            out.append("<text x=\"").append(Svg.num(x)).append("\" y=\"").append(Svg.num(y + i * line)).append('"')
                    .append(" xml:space=\"preserve\"").append(Svg.font(text.getFont()))
                    .append(Svg.paint("fill", text.getFill(), 1)).append(Svg.transform(t)).append('>')
                    .append(Svg.esc(lines[i])).append("</text>\n");
        }
    }
}
