package statescope.ui.automaton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import statescope.ui.common.UiScale;

/**
 * Keeps the automaton's edge labels readable at any zoom: below the scale where a label would show
 * smaller than {@value #MIN_PX} px (times the UI scale) it is drawn larger in graph units, so it shows
 * at {@value #MIN_PX} px; then each label takes the first free spot along its edge (the layout's
 * spot, then points along the edge), most recent trail edges first, and a label with no free spot is
 * hidden (its edge keeps it as a tooltip).
 */
final class EdgeLabels {

    /** Smallest on-screen size of an edge label's font at UI scale 1. */
    static final double MIN_PX = 11;

    private record Entry(Label label, AutomatonLayout.Edge edge, int order) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<Bounds> nodes = new ArrayList<>();

    void clear() {
        entries.clear();
        nodes.clear();
    }

    void add(Label label, AutomatonLayout.Edge edge) {
        entries.add(new Entry(label, edge, entries.size()));
    }

    void addNode(AutomatonLayout.Node n) {
        nodes.add(new BoundingBox(n.x() - n.w() / 2, n.y() - n.h() / 2, n.w(), n.h()));
    }

    /** How much larger than its own size a label is drawn at the view scale {@code viewScale}. */
    static double enlargement(double fontPx, double viewScale) {
        return Math.max(1, MIN_PX * UiScale.factor() / (fontPx * Math.max(viewScale, 1e-6)));
    }

    /**
     * Places every label for the view scale {@code viewScale}; {@code age} gives each edge's place in the
     * trail (0 = the last transition, larger = older, {@code Integer.MAX_VALUE} = not on it).
     */
    void place(double viewScale, ToIntFunction<AutomatonLayout.Edge> age) {
        var order = new ArrayList<>(entries);
        order.sort(Comparator.comparingInt((Entry e) -> age.applyAsInt(e.edge())).thenComparingInt(Entry::order));
        var taken = new ArrayList<Bounds>(nodes);
        for (Entry e : order) {
            Label l = e.label();
            l.applyCss();
            double w = l.prefWidth(-1);
            double h = l.prefHeight(-1);
            double c = enlargement(l.getFont().getSize(), viewScale);
            l.setScaleX(c);
            l.setScaleY(c);
            Bounds spot = null;
            for (double[] p : candidates(e.edge(), c)) {
                var box = new BoundingBox(p[0] - w * c / 2, p[1] - h * c / 2, w * c, h * c);
                if (taken.stream().noneMatch(box::intersects)) {
                    spot = box;
                    break;
                }
            }
            l.setVisible(spot != null);
            if (spot != null) {
                taken.add(spot);
                l.resize(w, h);
                l.relocate(spot.getCenterX() - w / 2, spot.getCenterY() - h / 2);   // scaling is about the centre
            }
        }
    }

    /**
     * Centres to try: the layout's spot (moved away from the edge's middle by as much as the label grows,
     * so a larger label does not cover its edge), then points along the edge from its middle outwards.
     */
    private static List<double[]> candidates(AutomatonLayout.Edge e, double c) {
        var out = new ArrayList<double[]>();
        double[] mid = along(e.points(), 0.5);
        double lx = e.labelX() + AutomatonLayout.labelWidth(e.label()) / 2;
        double ly = e.labelY() + AutomatonLayout.LABEL_H / 2;
        double d = Math.hypot(lx - mid[0], ly - mid[1]);
        double push = d < 1 ? 0 : (c - 1) * AutomatonLayout.LABEL_H / 2 / d;
        out.add(new double[] {lx + (lx - mid[0]) * push, ly + (ly - mid[1]) * push});
        for (double f : new double[] {0.5, 0.38, 0.62, 0.26, 0.74, 0.15, 0.85}) {
            out.add(along(e.points(), f));
        }
        return out;
    }

    /** The point at fraction {@code f} of the polyline's length ({@code [2k]} as x0, y0, x1, y1, ...). */
    static double[] along(double[] p, double f) {
        double total = 0;
        for (int i = 2; i < p.length; i += 2) {
            total += Math.hypot(p[i] - p[i - 2], p[i + 1] - p[i - 1]);
        }
        double goal = total * f;
        for (int i = 2; i < p.length; i += 2) {
            double d = Math.hypot(p[i] - p[i - 2], p[i + 1] - p[i - 1]);
            if (goal <= d && d > 0) {
                double t = goal / d;
                return new double[] {p[i - 2] + t * (p[i] - p[i - 2]), p[i - 1] + t * (p[i + 1] - p[i - 1])};
            }
            goal -= d;
        }
        return new double[] {p[p.length - 2], p[p.length - 1]};
    }
}
