package statescope.ui.common;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Paint;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** A {@link Pen} on a canvas: every call passed on to its {@link GraphicsContext}. */
final class FxPen implements Pen {

    private final GraphicsContext g;

    FxPen(GraphicsContext g) {
        this.g = g;
    }

    @Override
    public void clearRect(double x, double y, double w, double h) {
        g.clearRect(x, y, w, h);
    }

    @Override
    public void drawImage(Image img, double x, double y, double w, double h) {
        g.drawImage(img, x, y, w, h);
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        g.fillOval(x, y, w, h);
    }

    @Override
    public void strokeOval(double x, double y, double w, double h) {
        g.strokeOval(x, y, w, h);
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arcWidth, double arcHeight) {
        g.fillRoundRect(x, y, w, h, arcWidth, arcHeight);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        g.strokeRect(x, y, w, h);
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        g.strokeLine(x1, y1, x2, y2);
    }

    @Override
    public void strokePolyline(double[] xs, double[] ys, int n) {
        g.strokePolyline(xs, ys, n);
    }

    @Override
    public void fillText(String text, double x, double y) {
        g.fillText(text, x, y);
    }

    @Override
    public void save() {
        g.save();
    }

    @Override
    public void restore() {
        g.restore();
    }

    @Override
    public void translate(double x, double y) {
        g.translate(x, y);
    }

    @Override
    public void rotate(double degrees) {
        g.rotate(degrees);
    }

    @Override
    public void setFill(Paint p) {
        g.setFill(p);
    }

    @Override
    public void setStroke(Paint p) {
        g.setStroke(p);
    }

    @Override
    public void setFont(Font f) {
        g.setFont(f);
    }

    @Override
    public void setGlobalAlpha(double alpha) {
        g.setGlobalAlpha(alpha);
    }

    @Override
    public void setImageSmoothing(boolean smooth) {
        g.setImageSmoothing(smooth);
    }

    @Override
    public void setLineJoin(StrokeLineJoin join) {
        g.setLineJoin(join);
    }

    @Override
    public void setLineWidth(double width) {
        g.setLineWidth(width);
    }

    @Override
    public void setTextAlign(TextAlignment align) {
        g.setTextAlign(align);
    }
}
