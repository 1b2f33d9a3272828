package statescope.ui.common;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Paint;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The drawing calls the canvas views make, as {@link GraphicsContext} names them, so that one painter
 * draws on screen ({@link #of(GraphicsContext)}) and into a vector file (the SVG export's pen) alike.
 * Angles in degrees, as JavaFX's.
 */
public interface Pen {

    /** A pen drawing on a canvas. */
    static Pen of(GraphicsContext g) {
        return new FxPen(g);
    }

    void clearRect(double x, double y, double w, double h);

    void drawImage(Image img, double x, double y, double w, double h);

    void fillOval(double x, double y, double w, double h);

    void strokeOval(double x, double y, double w, double h);

    void fillRoundRect(double x, double y, double w, double h, double arcWidth, double arcHeight);

    void strokeRect(double x, double y, double w, double h);

    void strokeLine(double x1, double y1, double x2, double y2);

    void strokePolyline(double[] xs, double[] ys, int n);

    void fillText(String text, double x, double y);

    void save();

    void restore();

    void translate(double x, double y);

    void rotate(double degrees);

    void setFill(Paint p);

    void setStroke(Paint p);

    void setFont(Font f);

    void setGlobalAlpha(double alpha);

    void setImageSmoothing(boolean smooth);

    void setLineJoin(StrokeLineJoin join);

    void setLineWidth(double width);

    void setTextAlign(TextAlignment align);
}
