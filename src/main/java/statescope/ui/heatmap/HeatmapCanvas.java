package statescope.ui.heatmap;

import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import statescope.inspect.ChannelKind;
import statescope.ui.common.HoverReadout;
import statescope.ui.common.LazyPaint;
import statescope.ui.common.Pen;
import statescope.ui.common.UiScale;
import statescope.ui.common.VectorPaint;

/**
 * Paints one {@link HeatmapViewModel.Frame}: channels down, positions across, the current position
 * outlined, axes and a colour bar. Signed quantities use the diverging map scaled by the window's
 * largest |value| (so 0 is white and a negative gate is blue at a glance); Δ uses the sequential map.
 */
final class HeatmapCanvas extends Pane {

    private static final double LEFT = 62;
    private static final double RIGHT = 86;
    private static final double TOP = 12;
    private static final double BOTTOM = 48;                          // tokens, positions, axis title

    private final Canvas canvas = new Canvas();
    private final boolean diverging;
    private final LazyPaint paint = new LazyPaint(this::draw);
    private final WritableImage bar;                                   // the colour bar, [1 × 64]
    private WritableImage img;                                         // reused while the window's size stays
    private HeatmapViewModel.Frame frame;

    HeatmapCanvas(boolean diverging) {
        this.diverging = diverging;
        this.bar = colorBar(diverging);
        getStyleClass().add("heatmap-canvas");
        getChildren().add(canvas);
        VectorPaint.attach(canvas, this::paint);
        setMinHeight(60);                                             // two fit a 1280x720 window
        readout = HoverReadout.attach(this, (x, y) -> {
            int[] cell = cellAt(x, y);
            return cell == null ? null : frame.readout(cell[0], cell[1]);
        });
    }

    private final HoverReadout readout;

    /** The hover readout (for tests and screenshots). */
    HoverReadout readout() {
        return readout;
    }

    /** The (column, channel) under (x, y) in this canvas's coordinates, or null outside the cells. */
    int[] cellAt(double x, double y) {
        var f = frame;
        double pw = getWidth() - LEFT - RIGHT;
        double ph = getHeight() - TOP - BOTTOM;
        if (f == null || f.values().length == 0 || pw <= 0 || ph <= 0 || x < LEFT || y < TOP
                || x >= LEFT + pw || y >= TOP + ph) {
            return null;
        }
        int cols = f.values().length;
        int rows = f.values()[0].length;
        return new int[] {Math.min(cols - 1, (int) ((x - LEFT) / pw * cols)),
            Math.min(rows - 1, (int) ((y - TOP) / ph * rows))};
    }

    void show(HeatmapViewModel.Frame f) {
        frame = f;
        paint.request();
    }

    /** Whether the canvas is on screen (steps do not draw while it is not). */
    BooleanProperty shownProperty() {
        return paint.shownProperty();
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            paint.request();
        }
    }

    private static WritableImage colorBar(boolean diverging) {
        int steps = 64;
        var out = new WritableImage(1, steps);
        for (int i = 0; i < steps; i++) {
            double u = 1 - (double) i / (steps - 1);
            out.getPixelWriter().setArgb(0, i, diverging ? ColorMaps.diverging(2 * u - 1) : ColorMaps.sequential(u));
        }
        return out;
    }

    private void draw() {
        paint(Pen.of(canvas.getGraphicsContext2D()), canvas.getWidth(), canvas.getHeight());
    }

    /** Draws the frame on {@code g}, {@code w} by {@code h} (the canvas, or an export). */
    private void paint(Pen g, double w, double h) {
        g.clearRect(0, 0, w, h);
        if (frame == null || frame.values().length == 0 || w < LEFT + RIGHT + 20 || h < TOP + BOTTOM + 20) {
            g.setFill(Color.web("#57606a"));
            g.setFont(Font.font(14 * UiScale.factor()));
            g.fillText("no tokens yet", LEFT, TOP + 30);
            return;
        }
        float[][] v = frame.values();                                   // [W][D]
        int cols = v.length;
        int rows = v[0].length;
        if (img == null || img.getWidth() != cols || img.getHeight() != rows) {
            img = new WritableImage(cols, rows);
        }
        PixelWriter pw = img.getPixelWriter();
        // Ā lives in (−1, 1): a fixed scale keeps sign and size comparable across layers and strings
        float scale = frame.kind() == ChannelKind.GATE ? 1f
                : diverging ? frame.absMax() : Math.max(frame.max(), 1e-6f);
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) {
                double u = v[c][r] / scale;
                pw.setArgb(c, r, diverging ? ColorMaps.diverging(u) : ColorMaps.sequential(u));
            }
        }
        double pw2 = w - LEFT - RIGHT;
        double ph = h - TOP - BOTTOM;
        g.setImageSmoothing(false);
        g.drawImage(img, LEFT, TOP, pw2, ph);
        double cw = pw2 / cols;
        int cur = frame.current() - frame.start();
        if (cur >= 0 && cur < cols) {
            g.setStroke(Color.web("#24292f"));
            g.setLineWidth(2);
            g.strokeRect(LEFT + cur * cw, TOP, Math.max(cw, 2), ph);
        }
        g.setFill(Color.web("#57606a"));
        g.setFont(Font.font(12 * UiScale.factor()));
        g.setTextAlign(TextAlignment.RIGHT);
        int step = rows <= 16 ? 4 : rows <= 64 ? 16 : 32;
        for (int r = 0; r < rows; r += step) {
            g.fillText(Integer.toString(r), LEFT - 6, TOP + (r + 0.5) * ph / rows + 4);
        }
        g.save();
        g.translate(14, TOP + ph / 2);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("channel", 0, 0);
        g.restore();
        g.setTextAlign(TextAlignment.CENTER);
        int every = tokenStep(frame.tokens(), cw, UiScale.factor());
        g.setFill(Color.web("#24292f"));
        for (int c = 0; c < cols; c += every) {                        // the tokens read, thinned when they crowd
            g.fillText(frame.token(c), LEFT + (c + 0.5) * cw, TOP + ph + 15);
        }
        g.setFill(Color.web("#57606a"));
        int tstep = Math.max(1, (int) Math.ceil(cols / Math.max(1, pw2 / 48)));
        for (int c = 0; c < cols; c += tstep) {
            g.fillText(Integer.toString(frame.start() + c), LEFT + (c + 0.5) * cw, TOP + ph + 30);
        }
        g.fillText("position t", LEFT + pw2 / 2, TOP + ph + 45);
        drawColorBar(g, w - RIGHT + 18, TOP, ph, scale);
    }

    /**
     * Every how many columns a token label is drawn: 1 when each fits its column ({@code cw} wide), else the
     * fewest that leaves room for the longest token at UI scale {@code k}.
     */
    static int tokenStep(String[] tokens, double cw, double k) {
        int longest = 1;
        for (String t : tokens == null ? new String[0] : tokens) {
            longest = Math.max(longest, t.length());
        }
        double need = longest * 7.5 * k + 4;                           // 12 px text, a little air
        return Math.max(1, (int) Math.ceil(need / Math.max(cw, 1e-6)));
    }

    private void drawColorBar(Pen g, double x, double y, double h, float scale) {
        g.setImageSmoothing(false);
        g.drawImage(bar, x, y, 14, h);
        g.setFill(Color.web("#57606a"));
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(Font.font(11 * UiScale.factor()));
        g.fillText(fmt(scale), x + 18, y + 10);
        g.fillText(diverging ? fmt(-scale) : "0", x + 18, y + h);
        if (diverging) {
            g.fillText("0", x + 18, y + h / 2 + 4);
        }
    }

    private static String fmt(double v) {
        return Math.abs(v) >= 100 || (Math.abs(v) < 0.01 && v != 0)
                ? String.format(Locale.ROOT, "%.1e", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
