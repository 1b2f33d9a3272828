package statescope.ui.heatmap;

import java.util.ArrayList;
import java.util.List;
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
 * Paints one {@link HeatmapViewModel.Frame}: channels down (labelled "3 · depth" where the model names
 * them, see {@link RowLabels}), positions across, the current position outlined, axes and a colour bar.
 * In compare mode model B's frame is drawn below A's over the same positions, each block with its own
 * title ("A · nonneg"), row labels and colour scale, the tokens and positions once under both. Signed quantities use the diverging map scaled by the window's
 * largest |value| (so 0 is white and a negative gate is blue at a glance); Δ uses the sequential map.
 */
final class HeatmapCanvas extends Pane {

    private static final double LEFT = 62;
    private static final double RIGHT = 86;
    private static final double TOP = 12;
    private static final double BOTTOM = 48;                          // tokens, positions, axis title
    private static final double BOTTOM_COMPACT = 18;                  // tokens only (compare mode, short of height)

    private final Canvas canvas = new Canvas();
    private final boolean diverging;
    private final LazyPaint paint = new LazyPaint(this::draw);
    private final WritableImage bar;                                   // the colour bar, [1 × 64]
    private static final double GAP = 10;                              // between A's and B's blocks

    private final WritableImage[] images = new WritableImage[2];       // per block, reused while its size stays
    private final RowLabels rowLabels = new RowLabels();
    /** The row labels as last drawn, per block, and the block's top (a label's hover names its channel). */
    private final Labelled[] labelled = new Labelled[2];

    private record Labelled(double top, List<RowLabels.Placed> labels) {
    }
    private HeatmapViewModel.Frame frame;
    /** Compare mode's model B, drawn below A over the same positions, or null. */
    private HeatmapViewModel.Frame frameB;
    private String titleA = "A";
    private String titleB = "B";
    /** The left margin as last drawn (for the hover readout). */
    private double layoutLeft = LEFT;

    HeatmapCanvas(boolean diverging) {
        this.diverging = diverging;
        this.bar = colorBar(diverging);
        getStyleClass().add("heatmap-canvas");
        getChildren().add(canvas);
        VectorPaint.attach(canvas, this::paint);
        setMinHeight(60);                                             // two fit a 1280x720 window
        readout = HoverReadout.attach(this, this::readoutAt);
    }

    private final HoverReadout readout;

    /** The hover readout (for tests and screenshots). */
    HoverReadout readout() {
        return readout;
    }

    /**
     * The (column, channel) under (x, y) in this canvas's coordinates, or null outside the cells; in compare
     * mode a third entry says whose: 0 for A, 1 for B. A point left of the cells, on a row label, has
     * column −1.
     */
    int[] cellAt(double x, double y) {
        var blocks = blocks();
        double left = layoutLeft;
        double pw = getWidth() - left - RIGHT;
        if (blocks.isEmpty() || pw <= 0 || x >= left + pw || y < TOP) {
            return null;
        }
        double bh = blockHeight(blocks.size(), getHeight());
        int b = (int) ((y - TOP) / (bh + GAP));
        double top = TOP + b * (bh + GAP);
        if (bh <= 0 || b >= blocks.size() || y >= top + bh) {
            return null;                                              // below the cells, or in the gap
        }
        var f = blocks.get(b);
        int cols = f.values().length;
        int rows = f.values()[0].length;
        int row = Math.min(rows - 1, (int) ((y - top) / bh * rows));
        int col = x < left ? -1 : Math.min(cols - 1, (int) ((x - left) / pw * cols));
        return new int[] {col, row, b};
    }

    /** The hover readout at (x, y): a cell's, or a row label's channel in full; "A · " / "B · " when comparing. */
    private String readoutAt(double x, double y) {
        int[] cell = cellAt(x, y);
        if (cell == null || (cell[0] < 0 && x < 26 * UiScale.factor())) {
            return null;
        }
        var blocks = blocks();
        var f = blocks.get(cell[2]);
        int row = cell[1];
        var drawn = labelled[cell[2]];
        if (cell[0] < 0 && drawn != null) {                            // on a label: its channel (spread labels move)
            for (var label : drawn.labels()) {
                if (Math.abs(drawn.top() + label.y() - y) <= 6.5 * UiScale.factor()) {
                    row = label.row();
                }
            }
        }
        String text = cell[0] < 0 ? f.labelReadout(row) : f.readout(cell[0], row);
        return blocks.size() > 1 ? (cell[2] == 0 ? titleA : titleB) + " · " + text : text;
    }

    void show(HeatmapViewModel.Frame f) {
        int before = blockCount();
        frame = f;
        blocksChanged(before);
        paint.request();
    }

    /** Compare mode: model B's frame below A's ({@code b} null: A alone), the blocks titled "A · …", "B · …". */
    void showB(HeatmapViewModel.Frame b, String titleA, String titleB) {
        int before = blockCount();
        frameB = b;
        blocksChanged(before);
        this.titleA = titleA;
        this.titleB = titleB;
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

    /** How many models' frames are drawn (1, or 2 in compare mode; 1 before any frame), as {@link #blocks}. */
    int blockCount() {
        boolean a = frame != null && frame.values().length > 0;
        return a && frameB != null && frameB.values().length > 0 ? 2 : 1;
    }

    /** One block or two now: the parent lays out again (the gate view decides whether Δ still fits). */
    private void blocksChanged(int before) {
        if (blockCount() != before) {
            requestParentLayout();
        }
    }

    /** The frames drawn, top to bottom: A's, then B's in compare mode. */
    private List<HeatmapViewModel.Frame> blocks() {
        var out = new ArrayList<HeatmapViewModel.Frame>(2);
        if (frame != null && frame.values().length > 0) {
            out.add(frame);
            if (frameB != null && frameB.values().length > 0) {
                out.add(frameB);
            }
        }
        return out;
    }

    /** The left margin: the axis title and the widest row label (names cut to a third of the width). */
    private double left(List<HeatmapViewModel.Frame> blocks, double w) {
        double k = UiScale.factor();
        double widest = 0;
        var font = Font.font(12 * k);
        for (var f : blocks) {
            if (f.named()) {
                widest = Math.max(widest, rowLabels.widest(f, f.values()[0].length, font, labelCap(w)));
            }
        }
        return widest == 0 ? LEFT : Math.max(LEFT, 26 * k + widest + 8);
    }

    private static double labelCap(double w) {
        return Math.max(60, Math.min(190 * UiScale.factor(), w / 3));
    }

    /** Draws the frames on {@code g}, {@code w} by {@code h} (the canvas, or an export). */
    private void paint(Pen g, double w, double h) {
        g.clearRect(0, 0, w, h);
        var blocks = blocks();
        double left = left(blocks, w);
        layoutLeft = left;
        if (blocks.isEmpty() || w < left + RIGHT + 20 || blockHeight(blocks.size(), h) < 12) {
            g.setFill(Color.web("#57606a"));
            g.setFont(Font.font(14 * UiScale.factor()));
            g.fillText(blocks.isEmpty() ? "no tokens yet" : "too little room: enlarge the window or expand the tab",
                    LEFT, Math.min(TOP + 30, h - 4));
            return;
        }
        double pw2 = w - left - RIGHT;
        double bh = blockHeight(blocks.size(), h);
        boolean layers = blocks.size() > 1 && blocks.get(0).layer() != blocks.get(1).layer();
        for (int b = 0; b < blocks.size(); b++) {
            String title = blocks.size() > 1 ? (b == 0 ? titleA : titleB) : "channel";
            if (layers) {                                              // one model has fewer layers: its last is shown
                title += " · layer " + (blocks.get(b).layer() + 1);
            }
            paintBlock(g, blocks.get(b), b, left, TOP + b * (bh + GAP), pw2, bh, w, title);
        }
        var f = blocks.get(0);
        int cols = f.values().length;
        double cw = pw2 / cols;
        double bottom = bottom(blocks.size(), h);
        if (bottom == 0) {
            return;                                                   // no room under the cells
        }
        double ph = h - TOP - bottom;
        double k = UiScale.factor();                                  // rows one line of the scaled font apart
        g.setFont(Font.font(12 * k));
        g.setTextAlign(TextAlignment.CENTER);
        int every = tokenStep(f.tokens(), cw, k);
        g.setFill(Color.web("#24292f"));
        for (int c = 0; c < cols; c += every) {                        // the tokens read, thinned when they crowd
            g.fillText(f.token(c), left + (c + 0.5) * cw, TOP + ph + 15 * k);
        }
        if (bottom < BOTTOM * k) {
            return;                                                   // compact: the tokens say where the columns are
        }
        g.setFill(Color.web("#57606a"));
        int tstep = Math.max(1, (int) Math.ceil(cols / Math.max(1, pw2 / (48 * k))));
        for (int c = 0; c < cols; c += tstep) {
            g.fillText(Integer.toString(f.start() + c), left + (c + 0.5) * cw, TOP + ph + 30 * k);
        }
        g.fillText("position t", left + pw2 / 2, TOP + ph + 45 * k);
    }

    /** The height of each of {@code n} stacked blocks in a canvas {@code h} high. */
    static double blockHeight(int n, double h) {
        return (h - TOP - bottom(n, h) - (n - 1) * GAP) / n;
    }

    /**
     * The room under the cells: tokens, positions and the axis title; the tokens only when the blocks would
     * be under 36 px each otherwise (compare mode's two blocks, or the Gates tab's two canvases in a 1280x720
     * window, where the full room left 12 px of cells); nothing when even that leaves under 16 px (compare
     * mode on a 1280x720 screen at 1.6x, where the strip below names the tokens).
     */
    static double bottom(int n, double h) {
        return bottom(n, h, UiScale.factor());
    }

    /** As {@link #bottom(int, double)} at UI scale {@code k}: the rows under the cells grow with the font. */
    static double bottom(int n, double h, double k) {
        if ((h - TOP - BOTTOM * k - (n - 1) * GAP) / n >= 36) {
            return BOTTOM * k;
        }
        return (h - TOP - BOTTOM_COMPACT * k - (n - 1) * GAP) / n >= 16 ? BOTTOM_COMPACT * k : 0;
    }

    /** One model's cells, current column, row labels, rotated title and colour bar, {@code ph} high at {@code top}. */
    private void paintBlock(Pen g, HeatmapViewModel.Frame f, int b, double left, double top, double pw2, double ph,
                            double w, String title) {
        float[][] v = f.values();                                       // [W][D]
        int cols = v.length;
        int rows = v[0].length;
        if (images[b] == null || images[b].getWidth() != cols || images[b].getHeight() != rows) {
            images[b] = new WritableImage(cols, rows);
        }
        PixelWriter pw = images[b].getPixelWriter();
        // Ā lives in (−1, 1): a fixed scale keeps sign and size comparable across layers and strings
        float scale = f.kind() == ChannelKind.GATE ? 1f
                : diverging ? f.absMax() : Math.max(f.max(), 1e-6f);
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) {
                double u = v[c][r] / scale;
                pw.setArgb(c, r, diverging ? ColorMaps.diverging(u) : ColorMaps.sequential(u));
            }
        }
        g.setImageSmoothing(false);
        g.drawImage(images[b], left, top, pw2, ph);
        double cw = pw2 / cols;
        int cur = f.current() - f.start();
        if (cur >= 0 && cur < cols) {
            g.setStroke(Color.web("#24292f"));
            g.setLineWidth(2);
            g.strokeRect(left + cur * cw, top, Math.max(cw, 2), ph);
        }
        double k = UiScale.factor();
        var font = Font.font(12 * k);
        if (f.allZero()) {                                              // a blank map says why it is blank
            g.setFont(font);
            g.setTextAlign(TextAlignment.CENTER);
            g.setFill(Color.web("#57606a"));
            g.fillText(rowLabels.fit(f.zeroNote(), font, pw2 - 8), left + pw2 / 2, top + ph / 2 + 4 * k);
        }
        g.setFont(font);
        g.setTextAlign(TextAlignment.RIGHT);
        double rh = ph / rows;
        double gap = f.named() ? 8 : 6;                                // named: room for a leader
        var placed = rowLabels.place(f, rows, rh, 13 * k, font, left - 26 * k - 8);
        labelled[b] = new Labelled(top, placed);
        for (var label : placed) {
            g.setFill(Color.web(label.unused() || f.zeroRow(label.row()) ? "#8c959f" : "#57606a"));
            g.fillText(label.text(), left - gap, top + label.y() + 4 * k);
            double row = (label.row() + 0.5) * rh;
            if (Math.abs(label.y() - row) > 1) {                        // spread apart: a leader to its row
                g.setStroke(Color.web("#8c959f"));
                g.setLineWidth(1);
                g.strokeLine(left - 6, top + label.y(), left - 1, top + row);
            }
        }
        g.setFill(Color.web("#57606a"));
        g.save();
        g.translate(14 * k, top + ph / 2);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        String shown = rowLabels.fit(title, font, Math.max(8, ph - 4));
        g.fillText(shown.length() < 5 ? title.substring(0, 1) : shown, 0, 0);   // too short a block: "A", "B"
        g.restore();
        drawColorBar(g, w - RIGHT + 18, top, ph, scale);
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
        if (h < 26 * UiScale.factor()) {
            return;                                                   // a short block: the top value only
        }
        g.fillText(diverging ? fmt(-scale) : "0", x + 18, y + h);
        if (diverging && h >= 40 * UiScale.factor()) {
            g.fillText("0", x + 18, y + h / 2 + 4);
        }
    }

    private static String fmt(double v) {
        return Math.abs(v) >= 100 || (Math.abs(v) < 0.01 && v != 0)
                ? String.format(Locale.ROOT, "%.1e", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
