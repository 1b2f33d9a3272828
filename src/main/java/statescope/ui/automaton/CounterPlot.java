package statescope.ui.automaton;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import statescope.ui.common.Pen;
import statescope.ui.common.UiScale;
import statescope.ui.common.VectorPaint;

/**
 * For counter languages: the counter value along the path so far (a step plot of the configuration
 * per position), the current position emphasised. Resizes with its pane.
 */
final class CounterPlot extends Pane {

    private final Canvas canvas = new Canvas();
    private AutomatonViewModel.Frame frame;

    CounterPlot() {
        getStyleClass().add("counter-plot");
        getChildren().add(canvas);
        VectorPaint.attach(canvas, this::paint);
        widthProperty().addListener((o, a, b) -> draw());
        heightProperty().addListener((o, a, b) -> draw());
    }

    void show(AutomatonViewModel.Frame f) {
        this.frame = f;
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        paint(Pen.of(canvas.getGraphicsContext2D()), canvas.getWidth(), canvas.getHeight());
    }

    private void paint(Pen g, double w, double h) {
        g.clearRect(0, 0, w, h);
        if (frame == null || w < 50 || h < 50) {
            return;
        }
        int[] path = frame.path();   // without a DFA the drawn state is the first register (the depth)
        int max = 1;
        for (int v : path) {
            max = Math.max(max, Math.max(v, 0));
        }
        double left = 50;
        double right = w - 20;
        double top = 50;
        double bottom = h - 40;
        g.setFont(Font.font(14 * UiScale.factor()));
        g.setFill(Color.web("#57606a"));
        g.fillText("counter along the last " + (path.length - 1) + " steps", left, 28);
        g.setStroke(Color.web("#d0d7de"));
        for (int v = 0; v <= max; v++) {
            double y = bottom - (bottom - top) * v / max;
            g.strokeLine(left, y, right, y);
            g.fillText(Integer.toString(v), 20, y + 5);
        }
        double dx = path.length > 1 ? (right - left) / (path.length - 1) : 0;
        g.setStroke(Color.web("#0969da"));
        g.setLineWidth(3);
        for (int i = 1; i < path.length; i++) {
            double x0 = left + dx * (i - 1);
            double x1 = left + dx * i;
            double y0 = bottom - (bottom - top) * Math.max(0, path[i - 1]) / max;
            double y1 = bottom - (bottom - top) * Math.max(0, path[i]) / max;
            g.strokeLine(x0, y0, x1, y0);
            g.strokeLine(x1, y0, x1, y1);
        }
        double cx = left + dx * (path.length - 1);
        double cy = bottom - (bottom - top) * Math.max(0, path[path.length - 1]) / max;
        g.setFill(frame.rejected() ? Color.web("#cf222e") : Color.web("#0969da"));
        g.fillOval(cx - 8, cy - 8, 16, 16);
    }
}
