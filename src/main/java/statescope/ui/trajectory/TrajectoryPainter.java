package statescope.ui.trajectory;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javafx.scene.canvas.Canvas;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import statescope.inspect.StateCloud;
import statescope.ui.common.Pen;
import statescope.ui.common.UiScale;

/**
 * Draws a {@link TrajectoryViewModel.Frame} on two stacked canvases: the back one holds what changes
 * only with the cloud, the view (2D/3D, rotation), the size or the scale (axes, the corpus cloud, the
 * legend); the front one what changes with every step (the path, the current point, the centroid
 * labels). A step therefore re-rasterises a few hundred shapes, not the 1,500-point cloud: the back
 * canvas is redrawn only when its key changes. The scale is sticky: it changes only when the path
 * leaves the drawn area or the drawn area is much larger than needed.
 */
final class TrajectoryPainter {

    /** Number of alpha bands the fading line is drawn in (one polyline each). */
    private static final int BANDS = 8;

    /**
     * Steps joined by the fading line; older points of the path are dots only. A line segment costs
     * the rasteriser in proportion to its length, and a random model's path crosses the whole plot at
     * every step, so 400 segments took 30-40 ms of render time per step (measured, BenchUi).
     */
    static final int LINE_TRAIL = 64;
    private static final double PAD = 48;

    /**
     * The plot's top and bottom margin on an {@code h} px tall canvas: {@link #PAD}, less on a short one (two
     * plots side by side under a story's caption on a 1280x720 projector), down to what the top line of text
     * (the title, "↑ PC2") needs at the UI scale.
     */
    static double padY(double h) {
        return Math.min(PAD, Math.max(16 + 13 * UiScale.factor(), 0.2 * h));
    }
    private static final double LEGEND = 150;
    private static final Color INK = Color.web("#24292f");
    private static final Color MUTED = Color.web("#57606a");
    private static final Color LABEL_BACK = Color.web("#ffffff", 0.88);

    private final Canvas back;
    private final Canvas front;
    private final TrajectoryViewModel vm;
    private Object backKey;
    private double[][] drawn = new double[0][];                       // [P][2] path points on screen
    private double[] bounds;                                           // minX, maxX, minY, maxY drawn now

    TrajectoryPainter(Canvas back, Canvas front, TrajectoryViewModel vm) {
        this.back = back;
        this.front = front;
        this.vm = vm;
    }

    /** A key for everything the back canvas shows. */
    private record BackKey(StateCloud cloud, boolean threeD, double yaw, double pitch, double w, double h,
                           double minX, double maxX, double minY, double maxY, String title, double scale) {
    }

    /** Projects a point [3] to view coordinates (before scaling): 2D uses (x, y); 3D rotates. */
    double[] view(float[] p) {
        if (!vm.threeDProperty().get()) {
            return new double[] {p[0], p[1], 0};
        }
        double yaw = vm.yawProperty().get();
        double pitch = vm.pitchProperty().get();
        double x = p[0] * Math.cos(yaw) + p[2] * Math.sin(yaw);
        double z = -p[0] * Math.sin(yaw) + p[2] * Math.cos(yaw);
        double y = p[1] * Math.cos(pitch) - z * Math.sin(pitch);
        return new double[] {x, y, p[1] * Math.sin(pitch) + z * Math.cos(pitch)};
    }

    void draw() {
        render(Pen.of(front.getGraphicsContext2D()), null, front.getWidth(), front.getHeight());
    }

    /** Draws both layers, the back one first, on one pen {@code w} by {@code h} (an export). */
    void paint(Pen g, double w, double h) {
        render(g, g, w, h);
    }

    /** Draws the front layer on {@code g}; the back layer on {@code backPen}, or on the back canvas when it changed. */
    private void render(Pen g, Pen backPen, double w, double h) {
        g.clearRect(0, 0, w, h);
        var f = vm.frame();
        if (f == null || f.cloud() == null) {
            if (backPen == null) {
                backKey = null;
                drawn = new double[0][];
                back.getGraphicsContext2D().clearRect(0, 0, back.getWidth(), back.getHeight());
            }
            boolean titled = drawTitle(g, h) > 0;
            g.setFill(MUTED);
            g.setFont(Font.font(15 * UiScale.factor()));
            g.fillText("Fitting the projection on a sampled corpus of the language…", 24,
                    titled ? padY(h) - 14 + 26 * UiScale.factor() : 40);
            return;
        }
        StateCloud cloud = f.cloud();
        double[][] cloudPts = new double[cloud.points().length][];
        double[] need = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < cloudPts.length; i++) {
            cloudPts[i] = view(cloud.points()[i]);
            grow(need, cloudPts[i]);
        }
        double[][] path = new double[f.path().length][];
        for (int i = 0; i < path.length; i++) {
            path[i] = view(f.path()[i]);
            grow(need, path[i]);
        }
        var key = new BackKey(cloud, vm.threeDProperty().get(), vm.yawProperty().get(), vm.pitchProperty().get(),
                w, h, 0, 0, 0, 0, vm.titleProperty().get(), UiScale.factor());
        if (bounds == null || !sameView(key)) {
            bounds = need.clone();
        } else if (!fits(bounds, need)) {
            bounds = widen(need, 0.1);                                 // some room, so the next steps fit too
        }
        key = new BackKey(key.cloud(), key.threeD(), key.yaw(), key.pitch(), w, h, bounds[0], bounds[1], bounds[2],
                bounds[3], key.title(), key.scale());
        double legend = legendWidth(f.legend(), w, h);                // the plot keeps clear of the legend
        double py = padY(h);
        double s = Math.min(Math.max(1, w - 2 * PAD - legend) / Math.max(bounds[1] - bounds[0], 1e-6),
                Math.max(1, h - 2 * py) / Math.max(bounds[3] - bounds[2], 1e-6));
        double ox = PAD + (Math.max(1, w - 2 * PAD - legend) - s * (bounds[1] - bounds[0])) / 2 - s * bounds[0];
        double oy = h - py - ((h - 2 * py) - s * (bounds[3] - bounds[2])) / 2 + s * bounds[2];
        if (backPen != null) {
            drawBack(backPen, w, h, legend, f, cloudPts, s, ox, oy);
        } else if (!key.equals(backKey)) {
            backKey = key;
            drawBack(Pen.of(back.getGraphicsContext2D()), back.getWidth(), back.getHeight(), legend, f, cloudPts, s, ox,
                    oy);
        }
        if (backPen == null) {                                         // the screen's, for the hover readout
            drawn = new double[path.length][];
            for (int i = 0; i < path.length; i++) {
                drawn[i] = new double[] {ox + s * path[i][0], oy - s * path[i][1]};
            }
        }
        drawPath(g, f, path, s, ox, oy);
        double[] here = path.length == 0 ? null : new double[] {ox + s * path[path.length - 1][0],
            oy - s * path[path.length - 1][1]};
        int current = path.length == 0 ? -1 : f.pathStates()[path.length - 1];
        drawCentroids(g, w - legend, h, cloud, s, ox, oy, here, captionBoxes(w, h, legend), f.pathStates(), current,
                current >= 0 && current < f.legend().size() ? f.legend().get(current) : null);
        if (here != null) {                                            // the current point over everything
            g.setStroke(INK);
            g.setLineWidth(3);
            g.setFill(Palette.of(f.pathStates()[path.length - 1]));
            g.fillOval(here[0] - 10, here[1] - 10, 20, 20);
            g.strokeOval(here[0] - 10, here[1] - 10, 20, 20);
        }
        if (onePoint(need)) {                                          // a layer whose states are all the same
            g.setFill(MUTED);
            g.setFont(Font.font(13 * UiScale.factor()));
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(onePointNote(cloud.layer(), visited(cloud.states(), f.pathStates())), 24,
                    h - 36 * UiScale.factor());   // two short lines, bottom
                                                                                    // left: clear of the legend,
                                                                                    // the point and its labels
        }
    }

    /** Whether every point drawn (corpus and path) is the same point: the bounds have no extent. */
    static boolean onePoint(double[] bounds) {
        return bounds[1] - bounds[0] <= 0 && bounds[3] - bounds[2] <= 0;
    }

    /**
     * What a one-point picture means: the corpus and the input visit one automaton state only (Tomita 1's
     * words all stay in its start state), or this layer holds no state (a constructed model's layer of
     * input features), so another layer may show one.
     */
    static String onePointNote(int layer, int statesVisited) {
        return statesVisited <= 1 ? "one point: the corpus and the input\nvisit one automaton state only"
                : "layer " + (layer + 1) + ": every state is the same\n(one point); try another layer";
    }

    /** How many automaton states the corpus and the path visit together. */
    static int visited(int[] cloudStates, int[] pathStates) {
        return (int) IntStream.concat(IntStream.of(cloudStates), IntStream.of(pathStates)).distinct().count();
    }

    /**
     * The path point drawn nearest (x, y) within {@code radius} pixels, the most recent of equals (it is
     * drawn on top); −1 when none is that close.
     */
    int pointAt(double x, double y, double radius) {
        int best = -1;
        double bestD = radius * radius;
        for (int i = drawn.length - 1; i >= 0; i--) {
            double dx = drawn[i][0] - x;
            double dy = drawn[i][1] - y;
            double d = dx * dx + dy * dy;
            if (d < bestD) {
                best = i;
                bestD = d;
            }
        }
        return best;
    }

    private boolean sameView(BackKey k) {
        return backKey instanceof BackKey b && b.cloud() == k.cloud() && b.threeD() == k.threeD() && b.yaw() == k.yaw()
                && b.pitch() == k.pitch() && b.w() == k.w() && b.h() == k.h() && b.title().equals(k.title()) && b.scale() == k.scale();
    }

    /** Whether the drawn bounds hold what is needed without being much larger (so the scale stays put). */
    private static boolean fits(double[] have, double[] need) {
        boolean holds = have[0] <= need[0] && have[1] >= need[1] && have[2] <= need[2] && have[3] >= need[3];
        return holds && (have[1] - have[0]) <= 1.5 * (need[1] - need[0]) + 1e-9
                && (have[3] - have[2]) <= 1.5 * (need[3] - need[2]) + 1e-9;
    }

    private static double[] widen(double[] b, double by) {
        double dx = (b[1] - b[0]) * by;
        double dy = (b[3] - b[2]) * by;
        return new double[] {b[0] - dx, b[1] + dx, b[2] - dy, b[3] + dy};
    }

    private static void grow(double[] b, double[] p) {
        b[0] = Math.min(b[0], p[0]);
        b[1] = Math.max(b[1], p[0]);
        b[2] = Math.min(b[2], p[1]);
        b[3] = Math.max(b[3], p[1]);
    }

    /** The cloud, the axes and the legend ({@code legend} px wide at the right, none when 0). */
    private void drawBack(Pen g, double w, double h, double legend, TrajectoryViewModel.Frame f, double[][] pts,
                          double s, double ox, double oy) {
        g.clearRect(0, 0, w, h);
        drawTitle(g, h);
        drawAxes(g, w, h, legend);
        g.setGlobalAlpha(0.22);                                        // one oval each: dense regions look darker
        int[] states = f.cloud().states();
        for (int i = 0; i < pts.length; i++) {
            g.setFill(Palette.of(states[i]));
            g.fillOval(ox + s * pts[i][0] - 3, oy - s * pts[i][1] - 3, 6, 6);
        }
        g.setGlobalAlpha(1);
        if (legend > 0) {
            drawLegend(g, w, h, f.legend());
        }
    }

    private void drawPath(Pen g, TrajectoryViewModel.Frame f, double[][] path, double s, double ox,
                          double oy) {
        int n = path.length;
        g.setLineWidth(2.2);
        g.setLineJoin(StrokeLineJoin.ROUND);
        int first = Math.max(0, n - 1 - LINE_TRAIL);
        int segments = n - 1 - first;
        for (int band = 0; band < BANDS && segments > 0; band++) {    // older segments fainter
            int from = first + (int) ((long) segments * band / BANDS);
            int to = first + (int) ((long) segments * (band + 1) / BANDS);
            if (to <= from) {
                continue;
            }
            double[] xs = new double[to - from + 1];
            double[] ys = new double[to - from + 1];
            for (int i = from; i <= to; i++) {
                xs[i - from] = ox + s * path[i][0];
                ys[i - from] = oy - s * path[i][1];
            }
            g.setStroke(Color.web("#24292f", 0.25 + 0.65 * (band + 1) / BANDS));
            g.strokePolyline(xs, ys, xs.length);
        }
        int[] states = f.pathStates();
        for (int i = 0; i < n; i++) {                                  // small shapes: cheap to rasterise one by one
            g.setFill(Palette.of(states[i]));
            g.fillOval(ox + s * path[i][0] - 4, oy - s * path[i][1] - 4, 8, 8);
        }
    }

    /**
     * Label offsets from a centroid tried in turn (right, left, above, below, then further out), in px at UI
     * scale 1.
     */
    private static final double[][] SPOTS = {{8, -18}, {8, 2}, {-8, -18}, {-8, 2}, {-10, -32}, {-10, 14},
        {16, -40}, {16, 24}, {-16, -40}, {-16, 24}, {30, -8}, {-30, -8}};

    /**
     * Above this many states (bounded Dyck's stacks, a counter language's configurations) a marker for every
     * centroid is a smear of crosses: only the states the drawn path visits get a marker and a label.
     */
    static final int MANY_STATES = 24;

    /**
     * Labels stay left of {@code labelRight} (where the legend starts); the current state's label is placed
     * first, so it is the one kept when the others crowd it out. Where the current state has no centroid
     * label by the current point (a state the corpus never reached, as aⁿbⁿ's "counts a=10 b=10", or a point
     * far from its state's centroid), the point carries its state's name ({@code currentName}) itself, placed
     * before every other label: the review found the ring beside another state's label, which read as its.
     */
    private void drawCentroids(Pen g, double labelRight, double h, StateCloud cloud, double s, double ox, double oy,
                               double[] here, List<double[]> captions, int[] pathStates, int current,
                               String currentName) {
        double k = UiScale.factor();
        Font font = Font.font("System", FontWeight.BOLD, 13 * k);
        g.setFont(font);
        int states = cloud.centroids().length;
        double[][] at = new double[states][];
        List<double[]> taken = new ArrayList<>();                      // boxes: the current point, every marker, the labels
        if (here != null) {
            taken.add(new double[] {here[0] - 12, here[1] - 12, 24, 24});
        }
        taken.addAll(captions);                                        // the title and the axes' names
        boolean[] onPath = null;                                       // many states: only the path's marked
        if (states > MANY_STATES) {
            onPath = new boolean[states];
            for (int q : pathStates) {
                if (q >= 0 && q < states) {
                    onPath[q] = true;
                }
            }
        }
        for (int q = 0; q < states; q++) {                             // markers first: no label hides one
            float[] c = cloud.centroids()[q];
            if (Float.isNaN(c[0]) || (onPath != null && !onPath[q])) {
                continue;
            }
            double[] v = view(c);
            at[q] = new double[] {ox + s * v[0], oy - s * v[1]};
            double x = at[q][0];
            double y = at[q][1];
            g.setStroke(Palette.of(q));
            g.setLineWidth(2);
            g.strokeLine(x - 6, y - 6, x + 6, y + 6);
            g.strokeLine(x - 6, y + 6, x + 6, y - 6);
            taken.add(new double[] {x - 7, y - 7, 14, 14});
        }
        double[] bw = new double[states];
        String[] text = new String[states];
        double longest = Math.max(80 * k, 0.45 * labelRight);         // a counter's long configuration, cut
        for (int q = 0; q < states; q++) {                             // measured where a label may go only
            if (at[q] != null) {
                text[q] = fitted(cloud.stateNames().get(q), font, longest - 10 * k);
                bw[q] = textWidth(text[q], font) + 10 * k;
            }
        }
        double boxH = 20 * k;
        String own = currentName != null && needsOwnLabel(here, at, current, k)
                ? fitted(currentName, font, longest - 10 * k) : null;
        double ownW = own == null ? 0 : textWidth(own, font) + 10 * k;
        double[][] boxes = placeAll(at, bw, boxH, taken, labelRight, h, current, k, here, ownW);
        double[] ownBox = boxes[states];
        if (ownBox != null) {
            int q = current;
            g.setFill(LABEL_BACK);
            g.fillRoundRect(ownBox[0], ownBox[1], ownW, boxH, 6 * k, 6 * k);
            g.setFill(Palette.of(q).darker());
            g.fillText(own, ownBox[0] + 5 * k, ownBox[1] + 15 * k);
        }
        for (int q = 0; q < states; q++) {
            if (boxes[q] == null) {
                continue;
            }
            double x = at[q][0];
            double y = at[q][1];
            double bx = boxes[q][0];
            double by = boxes[q][1];
            if (Math.abs(by - (y + SPOTS[0][1] * k)) > 1 || Math.abs(bx - (x + SPOTS[0][0] * k)) > 1) {
                g.setStroke(Palette.of(q));                            // moved away: a leader line
                g.setLineWidth(1);
                g.strokeLine(x, y, Math.max(bx, Math.min(x, bx + bw[q])), Math.max(by, Math.min(y, by + boxH)));
            }
            g.setFill(LABEL_BACK);
            g.fillRoundRect(bx, by, bw[q], boxH, 6 * k, 6 * k);
            g.setFill(Palette.of(q).darker());
            g.fillText(text[q], bx + 5 * k, by + 15 * k);
        }
    }

    /**
     * Places one label box per anchor (null anchors get none) so that no two boxes overlap and none covers
     * a box in {@code taken} (markers, the current point): greedily, the {@code first} anchor's label
     * before the others, each at the first free spot of {@link #SPOTS}, else on rings further out (up to 12
     * rings of 14 px, 16 directions each), all inside {@code [0, right] × [0, bottom]}. A label with no free
     * spot anywhere is left out (null), never drawn over another: on a small plot the legend or the hover
     * readout names its state.
     *
     * @param anchors [Q][2] where each label belongs, or null
     * @param widths  [Q] each box's width
     * @param h       the boxes' height
     * @param taken   boxes {x, y, w, h} already used; the placed boxes are added
     * @param first   the anchor placed first (the current state), or −1 (or past the anchors: none)
     * @param scale   the UI scale the offsets and rings grow with
     * @return [Q][2] each box's top-left corner, or null for a null anchor or a label left out
     */
    static double[][] placeLabels(double[][] anchors, double[] widths, double h, List<double[]> taken,
                                  double right, double bottom, int first, double scale) {
        double[][] out = new double[anchors.length][];
        for (int i = -1; i < anchors.length; i++) {
            int q = i < 0 ? first : i;
            if (q < 0 || q >= anchors.length || (i >= 0 && q == first) || anchors[q] == null) {
                continue;
            }
            double x = anchors[q][0];
            double y = anchors[q][1];
            double w = widths[q];
            double[] at = null;
            for (double[] spot : SPOTS) {
                double cx = spot[0] >= 0 ? x + spot[0] * scale : x + spot[0] * scale - w;
                double cy = y + spot[1] * scale;
                if (free(taken, cx, cy, w, h, right, bottom)) {
                    at = new double[] {cx, cy};
                    break;
                }
            }
            for (int ring = 1; at == null && ring <= 12; ring++) {
                double r = (30 + 14 * ring) * scale;
                for (int k = 0; k < 16 && at == null; k++) {
                    double a = 2 * Math.PI * k / 16;
                    double cx = x + r * Math.cos(a) - (Math.cos(a) < 0 ? w : 0);
                    double cy = y - r * Math.sin(a) - h / 2;
                    if (free(taken, cx, cy, w, h, right, bottom)) {
                        at = new double[] {cx, cy};
                    }
                }
            }
            if (at != null) {
                out[q] = at;
                taken.add(new double[] {at[0], at[1], w, h});
            }
        }
        return out;
    }

    /**
     * The labels of a frame: with {@code ownWidth} &gt; 0 the current point's own label first ({@link
     * #placeBeside}), other labels then kept off the point, then the centroids' ({@link #placeLabels}, the
     * current state's first).
     *
     * @return [Q + 1][2]: each centroid label's corner as {@link #placeLabels} gives it, then the point's own
     *         label's (null when it has none or no room)
     */
    static double[][] placeAll(double[][] anchors, double[] widths, double h, List<double[]> taken, double right,
                               double bottom, int current, double scale, double[] here, double ownWidth) {
        double[] own = null;
        if (ownWidth > 0 && here != null) {
            own = placeBeside(here, ownWidth, h, taken, right, bottom, scale);
            double r = 12 + 16 * scale;                                // other states' labels keep off the point
            taken.add(new double[] {here[0] - r, here[1] - r, 2 * r, 2 * r});
        }
        double[][] boxes = placeLabels(anchors, widths, h, taken, right, bottom, current, scale);
        double[][] out = Arrays.copyOf(boxes, boxes.length + 1);
        out[boxes.length] = own;
        return out;
    }

    /**
     * How near (px at UI scale 1) the current state's centroid must be to the current point for its label to
     * name the point: its marker touches the ring. Further off, its label goes by the centroid and another
     * state's may lie nearer the point (a random model's point 35 px from its centroid had the dead state's
     * label beside it).
     */
    static final double NEAR = 12;

    /**
     * Whether the current point at {@code here} needs a label of its own: its state {@code current} has no
     * centroid marker among {@code anchors} (a state the corpus never reached), or one further than
     * {@link #NEAR} px away, or another state's centroid lies nearer the point (a random model's point
     * beside the dead state's centroid): the label by the point would be another's.
     */
    static boolean needsOwnLabel(double[] here, double[][] anchors, int current, double scale) {
        if (here == null || current < 0) {
            return false;
        }
        if (current >= anchors.length || anchors[current] == null) {
            return true;
        }
        double mine = Math.hypot(anchors[current][0] - here[0], anchors[current][1] - here[1]);
        if (mine > NEAR * scale) {
            return true;
        }
        for (double[] a : anchors) {
            if (a != null && Math.hypot(a[0] - here[0], a[1] - here[1]) < mine - 1e-9) {
                return true;
            }
        }
        return false;
    }

    /**
     * Places a {@code w} by {@code h} label beside the current point's ring ({@code here}, 24 px across):
     * right of it, left of it, above or below, else on rings further out, free of {@code taken} and inside
     * {@code [0, right] × [0, bottom]}; the box is added to {@code taken}. Null when there is no room.
     */
    static double[] placeBeside(double[] here, double w, double h, List<double[]> taken, double right, double bottom,
                                double scale) {
        double x = here[0];
        double y = here[1];
        double gap = 14;                                               // the ring's 12 px and a little
        double[][] spots = {{x + gap, y - h / 2}, {x - gap - w, y - h / 2}, {x - w / 2, y - gap - h},
            {x - w / 2, y + gap}, {x + gap, y - gap - h}, {x + gap, y + gap}, {x - gap - w, y - gap - h},
            {x - gap - w, y + gap}};
        for (double[] spot : spots) {
            if (free(taken, spot[0], spot[1], w, h, right, bottom)) {
                taken.add(new double[] {spot[0], spot[1], w, h});
                return spot;
            }
        }
        var rest = placeLabels(new double[][] {here}, new double[] {w}, h, taken, right, bottom, 0, scale);
        return rest[0];
    }

    private static boolean free(List<double[]> taken, double x, double y, double w, double h, double right,
                                double bottom) {
        return x >= 0 && y >= 0 && x + w <= right && y + h <= bottom && !overlaps(taken, x, y, w, h);
    }

    private final Map<String, Double> widths = new HashMap<>();

    /** {@code name}, or as much of it as fits {@code width} with "…" after it (the readout has it whole). */
    private String fitted(String name, Font font, double width) {
        if (textWidth(name, font) <= width) {
            return name;
        }
        int n = name.length();
        while (n > 1 && textWidth(name.substring(0, n - 1) + "…", font) > width) {
            n--;
        }
        return name.substring(0, n - 1) + "…";
    }

    /** A text's width in a font, cached by font size and text (a UI scale change measures again). */
    private double textWidth(String text, Font font) {
        if (widths.size() > 4_096) {                                   // truncations of many long names: bounded
            widths.clear();
        }
        return widths.computeIfAbsent(font.getName() + "|" + font.getSize() + "|" + text, key -> {
            var node = new Text(text);
            node.setFont(font);
            return node.getLayoutBounds().getWidth();
        });
    }

    private static boolean overlaps(List<double[]> taken, double x, double y, double w, double h) {
        for (double[] r : taken) {
            if (x < r[0] + r[2] && r[0] < x + w && y < r[1] + r[3] && r[1] < y + h) {
                return true;
            }
        }
        return false;
    }

    /** The title's font: bold, the size of the centroid labels. */
    private static Font titleFont() {
        return Font.font("System", FontWeight.BOLD, 13 * UiScale.factor());
    }

    /**
     * Draws the title ({@link TrajectoryViewModel#titleProperty}) at the top left, where "↑ PC2" goes
     * otherwise; returns the x where it ends (0 for no title).
     */
    private double drawTitle(Pen g, double h) {
        String title = vm.titleProperty().get();
        if (title.isEmpty()) {
            return 0;
        }
        g.setFont(titleFont());
        g.setFill(INK);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(title, 10, padY(h) - 14);
        return 10 + textWidth(title, titleFont());
    }

    /** The box the title takes (no centroid label goes there), or null for no title. */
    private double[] titleBox(double h) {
        String title = vm.titleProperty().get();
        if (title.isEmpty()) {
            return null;
        }
        double k = UiScale.factor();
        return new double[] {6, padY(h) - 14 - 16 * k, textWidth(title, titleFont()) + 8, 22 * k};
    }

    /**
     * The boxes the title and the axes' names take ({@link #drawAxes}), where no centroid label goes: labels
     * had covered "↑ PC2" and "PC1 →" in presentation mode's large type.
     */
    private List<double[]> captionBoxes(double w, double h, double legend) {
        var out = new ArrayList<double[]>();
        double[] title = titleBox(h);
        if (title != null) {
            out.add(title);
        }
        double k = UiScale.factor();
        Font font = Font.font(12 * k);
        if (vm.threeDProperty().get()) {                               // the axis gizmo and "drag to rotate"
            out.add(new double[] {PAD - 12, h - 80, 70 + textWidth("drag to rotate", font) + 12, 80});
            return out;
        }
        out.add(new double[] {pc1X(w, legend) - 4, h - 14 - 14 * k, textWidth("PC1 →", font) + 8, 18 * k});
        double x = pc2X(w, legend);
        if (!Double.isNaN(x)) {
            out.add(new double[] {x - 4, padY(h) - 14 - 14 * k, textWidth("↑ PC2", font) + 8, 18 * k});
        }
        return out;
    }

    /** Where "PC1 →" starts (its baseline h − 14). */
    private static double pc1X(double w, double legend) {
        return w - legend - PAD - 20;
    }

    /** Where "↑ PC2" starts, after the title (its baseline padY(h) − 14), or NaN when a long title leaves no room. */
    private double pc2X(double w, double legend) {
        String t = vm.titleProperty().get();
        double x = t.isEmpty() ? 10 : 10 + textWidth(t, titleFont()) + 12;
        return x + 40 * UiScale.factor() <= w - legend ? x : Double.NaN;
    }

    /** The axes' names; "↑ PC2" after the title when there is one. */
    private void drawAxes(Pen g, double w, double h, double legend) {
        g.setFill(MUTED);
        g.setFont(Font.font(12 * UiScale.factor()));
        if (vm.threeDProperty().get()) {
            g.fillText("drag to rotate", PAD + 70, h - 14);
            double ox = PAD + 24;
            double oy = h - 44;
            String[] names = {"PC1", "PC2", "PC3"};
            for (int axis = 0; axis < 3; axis++) {                     // a small rotating axis gizmo
                float[] unit = new float[3];
                unit[axis] = 1f;
                double[] v = view(unit);
                g.setStroke(MUTED);
                g.setLineWidth(1.5);
                g.strokeLine(ox, oy, ox + 26 * v[0], oy - 26 * v[1]);
                g.fillText(names[axis], ox + 30 * v[0] - 8, oy - 30 * v[1] + 4);
            }
        } else {
            g.fillText("PC1 →", pc1X(w, legend), h - 14);
            double x = pc2X(w, legend);
            if (!Double.isNaN(x)) {                                    // no room after a long title: left out
                g.fillText("↑ PC2", x, padY(h) - 14);
            }
        }
    }

    /**
     * The width the legend takes at the right of a {@code w} by {@code h} plot: as many columns as the height
     * needs, at least {@value #LEGEND} px; 0 (no legend) when that is more than 40% of the width, where it
     * would squeeze the plot to nothing (a small window, or presentation mode's large type): the centroid
     * labels, in the states' colours, name the states then.
     */
    static double legendWidth(List<String> names, double w, double h) {
        double k = UiScale.factor();
        int rows = legendRows(h);
        int cols = (names.size() + rows - 1) / rows;
        double need = Math.max(LEGEND, Math.max(cols * legendColumn(names), 7.5 * k * "automaton state".length()) + 16);
        return need > 0.4 * w ? 0 : need;
    }

    private static int legendRows(double h) {
        return Math.max(1, (int) ((h - 24 - 10) / (20 * UiScale.factor())));
    }

    /** One legend column: the longest name and its dot. */
    private static double legendColumn(List<String> names) {
        int longest = "automaton state".length() / 2;
        for (String n : names) {
            longest = Math.max(longest, n.length());
        }
        return (26 + 7.5 * longest) * UiScale.factor();
    }

    /** Every state, in {@link #legendOrder} order, in as many columns as the height needs. */
    private static void drawLegend(Pen g, double w, double h, List<String> names) {
        double k = UiScale.factor();
        double y = 24;
        double row = 20 * k;
        g.setFont(Font.font(13 * k));
        int[] order = legendOrder(names);
        int rows = legendRows(h);
        int cols = (order.length + rows - 1) / rows;
        double colW = legendColumn(names);
        double x = Math.max(8, Math.min(w - cols * colW, w - 7.5 * k * "automaton state".length()) - 8);
        g.setFill(MUTED);
        g.fillText("automaton state", x, y);
        for (int i = 0; i < order.length; i++) {
            int q = order[i];
            double cx = x + (i / rows) * colW;
            double cy = y + (i % rows) * row;
            g.setFill(Palette.of(q));
            g.fillOval(cx, cy + 10, 11 * k, 11 * k);
            g.setFill(INK);
            g.fillText(names.get(q), cx + 16 * k, cy + 20 * k);
        }
    }

    /**
     * The legend's order: state names sorted as a reader expects, numbers inside them by value ("q2" before
     * "q10", "depth 3" before "depth 12"); returns the state indices.
     */
    static int[] legendOrder(List<String> names) {
        return IntStream.range(0, names.size()).boxed()
                .sorted(Comparator.comparing((Integer q) -> names.get(q), TrajectoryPainter::natural))
                .mapToInt(Integer::intValue).toArray();
    }

    private static int natural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int ei = i;
                int ej = j;
                while (ei < a.length() && Character.isDigit(a.charAt(ei))) {
                    ei++;
                }
                while (ej < b.length() && Character.isDigit(b.charAt(ej))) {
                    ej++;
                }
                int c = new BigInteger(a.substring(i, ei)).compareTo(new BigInteger(b.substring(j, ej)));
                if (c != 0) {
                    return c;
                }
                i = ei;
                j = ej;
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
