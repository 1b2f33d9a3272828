package statescope.ui.automaton;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import statescope.ui.common.Pen;
import statescope.ui.common.UiScale;
import statescope.ui.common.VectorPaint;

/**
 * For counter languages: every counter of the machine along the path so far (a step plot per register,
 * a legend when there are several), gridlines at 1, 2 or 5 times a power of ten so a long count stays
 * readable, the current position emphasised. Resizes with its pane.
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

    private static final Color[] SERIES = {Color.web("#0969da"), Color.web("#bf3989"), Color.web("#1a7f37"),
        Color.web("#9a6700"), Color.web("#8250df"), Color.web("#cf222e")};

    /** A tick step of 1, 2 or 5 times a power of ten giving at most about {@code ticks} gridlines up to {@code max}. */
    static int tickStep(int max, int ticks) {
        int step = 1;
        while (max / step > ticks) {
            int d = step;
            step = Integer.toString(d).charAt(0) == '2' ? d / 2 * 5 : d * 2;   // 1, 2, 5, 10, 20, 50, …
        }
        return step;
    }

    private void draw() {
        paint(Pen.of(canvas.getGraphicsContext2D()), canvas.getWidth(), canvas.getHeight());
    }

    private void paint(Pen g, double w, double h) {
        g.clearRect(0, 0, w, h);
        if (frame == null || w < 50 || h < 50) {
            return;
        }
        int[][] regs = frame.registers();          // [P][R] every counter of the machine along the path
        int r = regs.length == 0 ? 0 : regs[0].length;
        int max = 1;
        for (int[] row : regs) {
            for (int v : row) {
                max = Math.max(max, v);
            }
        }
        double k = UiScale.factor();
        double left = 50 * k;
        double right = w - 20;
        double top = 50 * k;
        double bottom = h - 40;
        Font font = Font.font(14 * k);
        g.setFont(font);
        g.setFill(Color.web("#57606a"));
        if (compact(h, k)) {                                            // a short pane (presentation mode at 1280x720):
            paintLines(g, regs, r, max, left, right, 8 * k, h - 8 * k, k);      // the lines, no title, and the
            compactLegend(g, r, left, right, k);                        // names on one row over a white band
            return;
        }
        String title = (r > 1 ? "counters" : "counter") + " along the last " + (regs.length - 1)
                + (regs.length == 2 ? " step" : " steps");
        g.fillText(title, left, 28 * k);
        // legend after the title, wrapped onto more rows (and the data moved down) when it does not fit
        int names = r > 1 ? Math.min(r, frame.names().size()) : 0;
        double[] legendX = new double[names];
        double[] legendY = new double[names];
        double lx = left + textWidth(title, font) + 24 * k;
        double ly = 28 * k;
        for (int c = 0; c < names; c++) {
            double tw = textWidth(frame.names().get(c), font);
            if (lx + tw > right && lx > left) {
                lx = left;
                ly += 20 * k;
            }
            legendX[c] = lx;
            legendY[c] = ly;
            lx += tw + 14 * k;
        }
        top = Math.min(Math.max(top, ly + 22 * k), bottom - 20);
        paintLines(g, regs, r, max, left, right, top, bottom, k);
        for (int c = 0; c < names; c++) {
            g.setFill(SERIES[c % SERIES.length]);
            g.fillText(frame.names().get(c), legendX[c], legendY[c]);
        }
    }

    /**
     * The counters' names in their colours on one row at the top left (small, over a band of white that
     * lets the lines show through), as many as fit: which line is which stays readable in a short pane.
     */
    private void compactLegend(Pen g, int r, double left, double right, double k) {
        int names = r > 1 ? Math.min(r, frame.names().size()) : 0;
        if (names == 0) {
            return;
        }
        Font small = Font.font(12 * k);
        g.setFont(small);
        double x = left;
        double[] at = new double[names];
        int shown = 0;
        for (int c = 0; c < names; c++) {
            double tw = textWidth(frame.names().get(c), small);
            if (x + tw > right) {
                break;
            }
            at[c] = x;
            x += tw + 10 * k;
            shown++;
        }
        g.setFill(Color.rgb(255, 255, 255, 0.75));
        g.fillRoundRect(left - 4 * k, 2 * k, x - left, 17 * k, 6 * k, 6 * k);
        for (int c = 0; c < shown; c++) {
            g.setFill(SERIES[c % SERIES.length]);
            g.fillText(frame.names().get(c), at[c], 15 * k);
        }
    }

    /**
     * Whether a pane {@code h} high at UI scale {@code k} is too short for the title and legend above the
     * lines (they would cover them): then only the lines and the axis' ends are drawn.
     */
    static boolean compact(double h, double k) {
        return h < 130 * k;
    }

    /** The gridlines with their values, then each counter's line and its current dot, between top and bottom. */
    private void paintLines(Pen g, int[][] regs, int r, int max, double left, double right, double top, double bottom,
                            double k) {
        g.setStroke(Color.web("#d0d7de"));
        g.setLineWidth(1);
        g.setFill(Color.web("#57606a"));
        int step = tickStep(max, Math.max(1, (int) ((bottom - top) / (22 * k))));
        for (int v = 0; v <= max; v += step) {
            double y = bottom - (bottom - top) * v / max;
            g.strokeLine(left, y, right, y);
            g.fillText(Integer.toString(v), 8, y + 5);
        }
        double dx = regs.length > 1 ? (right - left) / (regs.length - 1) : 0;
        for (int c = 0; c < r; c++) {
            Color colour = SERIES[c % SERIES.length];
            g.setStroke(colour);
            g.setLineWidth(3);
            double off = (c - (r - 1) / 2.0) * 2;                     // equal counters stay apart by a hair
            for (int i = 1; i < regs.length; i++) {
                double x0 = left + dx * (i - 1);
                double x1 = left + dx * i;
                double y0 = bottom - (bottom - top) * Math.max(0, regs[i - 1][c]) / max + off;
                double y1 = bottom - (bottom - top) * Math.max(0, regs[i][c]) / max + off;
                g.strokeLine(x0, y0, x1, y0);
                g.strokeLine(x1, y0, x1, y1);
            }
            double cx = left + dx * (regs.length - 1);
            double cy = bottom - (bottom - top) * Math.max(0, regs[regs.length - 1][c]) / max + off;
            g.setFill(frame.rejected() ? Color.web("#cf222e") : colour);
            g.fillOval(cx - 7, cy - 7, 14, 14);
        }
    }

    private static double textWidth(String text, Font font) {
        var t = new Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }
}
