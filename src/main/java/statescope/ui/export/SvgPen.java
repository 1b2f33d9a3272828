package statescope.ui.export;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.scene.transform.Affine;
import javafx.scene.transform.Transform;
import statescope.ui.common.Pen;

/**
 * A {@link Pen} that writes SVG elements: what a canvas view draws on screen becomes shapes and
 * {@code <text>} in the file (text stays text), images become embedded PNGs. Every element carries the
 * pen's transform, starting from {@code base} (where the canvas sits in the exported view).
 */
final class SvgPen implements Pen {

    /** What save() keeps and restore() brings back, as GraphicsContext's state. */
    private static final class State {
        Paint fill = Color.BLACK;
        Paint stroke = Color.BLACK;
        double lineWidth = 1;
        Font font = Font.getDefault();
        TextAlignment align = TextAlignment.LEFT;
        double alpha = 1;
        boolean smooth = true;
        StrokeLineJoin join = StrokeLineJoin.MITER;
        Affine transform;

        State copy() {
            var s = new State();
            s.fill = fill;
            s.stroke = stroke;
            s.lineWidth = lineWidth;
            s.font = font;
            s.align = align;
            s.alpha = alpha;
            s.smooth = smooth;
            s.join = join;
            s.transform = new Affine(transform);
            return s;
        }
    }

    private final StringBuilder out;
    private final Deque<State> saved = new ArrayDeque<>();
    private State s = new State();

    SvgPen(StringBuilder out, Transform base) {
        this.out = out;
        s.transform = new Affine(base);
    }

    private String tf() {
        return Svg.transform(s.transform);
    }

    private String fill() {
        return Svg.paint("fill", s.fill, s.alpha);
    }

    private String stroke() {
        return " fill=\"none\"" + Svg.paint("stroke", s.stroke, s.alpha) + " stroke-width=\"" + Svg.num(s.lineWidth)
                + "\"" + (s.join == StrokeLineJoin.MITER ? "" : " stroke-linejoin=\""
                + s.join.name().toLowerCase(Locale.ROOT) + "\"");
    }

    private static String box(double x, double y, double w, double h) {
        return " x=\"" + Svg.num(x) + "\" y=\"" + Svg.num(y) + "\" width=\"" + Svg.num(w) + "\" height=\""
                + Svg.num(h) + "\"";
    }

    private static String ellipse(double x, double y, double w, double h) {
        return " cx=\"" + Svg.num(x + w / 2) + "\" cy=\"" + Svg.num(y + h / 2) + "\" rx=\"" + Svg.num(w / 2)
                + "\" ry=\"" + Svg.num(h / 2) + "\"";
    }

    @Override
    public void clearRect(double x, double y, double w, double h) {
        // an export starts empty: nothing to clear
    }

    /** Most pixels of an unsmoothed image written as rectangles (a heatmap's cells); larger ones are embedded. */
    static final int MAX_CELLS = 1 << 16;

    @Override
    public void drawImage(Image img, double x, double y, double w, double h) {
        int iw = (int) img.getWidth();
        int ih = (int) img.getHeight();
        if (s.smooth || (long) iw * ih > MAX_CELLS) {
            out.append(Svg.image(img, x, y, w, h, s.smooth, tf()));
            return;
        }
        var px = PngWriter.pixels(img);                                // [ih, iw] ARGB
        double cw = w / iw;
        double ch = h / ih;
        out.append("<g shape-rendering=\"crispEdges\"").append(tf()).append(">\n");
        for (int r = 0; r < ih; r++) {
            for (int c = 0; c < iw; ) {                                // runs of one colour: one rectangle
                int argb = px.argb()[r * iw + c];
                int end = c + 1;
                while (end < iw && px.argb()[r * iw + end] == argb) {
                    end++;
                }
                Color col = Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff, ((argb >>> 24) & 0xff) / 255.0);
                out.append("<rect x=\"").append(Svg.num(x + c * cw)).append("\" y=\"").append(Svg.num(y + r * ch))
                        .append("\" width=\"").append(Svg.num((end - c) * cw)).append("\" height=\"").append(Svg.num(ch))
                        .append('"').append(Svg.paint("fill", col, s.alpha)).append("/>\n");
                c = end;
            }
        }
        out.append("</g>\n");
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        out.append("<ellipse").append(ellipse(x, y, w, h)).append(fill()).append(tf()).append("/>\n");
    }

    @Override
    public void strokeOval(double x, double y, double w, double h) {
        out.append("<ellipse").append(ellipse(x, y, w, h)).append(stroke()).append(tf()).append("/>\n");
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arcWidth, double arcHeight) {
        out.append("<rect").append(box(x, y, w, h)).append(" rx=\"").append(Svg.num(arcWidth / 2)).append("\" ry=\"")
                .append(Svg.num(arcHeight / 2)).append('"').append(fill()).append(tf()).append("/>\n");
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        out.append("<rect").append(box(x, y, w, h)).append(stroke()).append(tf()).append("/>\n");
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        out.append("<line x1=\"").append(Svg.num(x1)).append("\" y1=\"").append(Svg.num(y1)).append("\" x2=\"")
                .append(Svg.num(x2)).append("\" y2=\"").append(Svg.num(y2)).append('"').append(stroke()).append(tf())
                .append("/>\n");
    }

    @Override
    public void strokePolyline(double[] xs, double[] ys, int n) {
        var pts = new StringBuilder();
        for (int i = 0; i < n; i++) {
            pts.append(i == 0 ? "" : " ").append(Svg.num(xs[i])).append(',').append(Svg.num(ys[i]));
        }
        out.append("<polyline points=\"").append(pts).append('"').append(stroke()).append(tf()).append("/>\n");
    }

    @Override
    public void fillText(String text, double x, double y) {
        String anchor = switch (s.align) {
            case CENTER -> " text-anchor=\"middle\"";
            case RIGHT -> " text-anchor=\"end\"";
            default -> "";
        };
        out.append("<text x=\"").append(Svg.num(x)).append("\" y=\"").append(Svg.num(y)).append('"').append(anchor)
                .append(Svg.font(s.font)).append(fill()).append(tf()).append('>').append(Svg.esc(text))
                .append("</text>\n");
    }

    @Override
    public void save() {
        saved.push(s.copy());
    }

    @Override
    public void restore() {
        if (!saved.isEmpty()) {
            s = saved.pop();
        }
    }

    @Override
    public void translate(double x, double y) {
        s.transform.appendTranslation(x, y);
    }

    @Override
    public void rotate(double degrees) {
        s.transform.appendRotation(degrees);
    }

    @Override
    public void setFill(Paint p) {
        s.fill = p;
    }

    @Override
    public void setStroke(Paint p) {
        s.stroke = p;
    }

    @Override
    public void setFont(Font f) {
        s.font = f;
    }

    @Override
    public void setGlobalAlpha(double alpha) {
        s.alpha = alpha;
    }

    @Override
    public void setImageSmoothing(boolean smooth) {
        s.smooth = smooth;
    }

    @Override
    public void setLineJoin(StrokeLineJoin join) {
        s.join = join;
    }

    @Override
    public void setLineWidth(double width) {
        s.lineWidth = width;
    }

    @Override
    public void setTextAlign(TextAlignment align) {
        s.align = align;
    }
}
