package statescope.ui.automaton;

import java.util.Arrays;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import statescope.lang.Dfa;

/**
 * A counter-like DFA (D_n: a chain of states that one symbol walks up and another walks down) laid out
 * as a straight line instead of the layered layout's staircase: the chain's states in a row, the step
 * up drawn just above the axis and the step down just below it, every other state in a second row,
 * other transitions as arcs over the row or straight lines to the second row.
 */
final class ChainLayout {

    /** Fewest states a chain must have to be laid out as a line. */
    static final int MIN_CHAIN = 4;
    private static final double GAP = 50;
    private static final double ROW = 110;
    private static final double LANE = 7;

    private ChainLayout() {
    }

    /**
     * The longest chain q0, q1, ..., qm of shown states with a symbol f taking each qi to qi+1 and a
     * symbol g taking qi+1 back to qi, started at the start state when it can be; empty when the longest
     * has fewer than {@value #MIN_CHAIN} states or leaves more than a third of the shown states out.
     */
    static List<Integer> find(Dfa dfa, boolean[] shown) {
        int n = dfa.numStates();
        int k = dfa.alphabet().size();
        int visible = 0;
        for (boolean s : shown) {
            visible += s ? 1 : 0;
        }
        List<Integer> best = List.of();
        for (int f = 0; f < k; f++) {
            for (int g = 0; g < k; g++) {
                if (f == g) {
                    continue;
                }
                for (int q = 0; q < n; q++) {
                    var chain = new ArrayList<Integer>();
                    var seen = new boolean[n];
                    int p = q;
                    while (shown[p] && !seen[p]) {
                        chain.add(p);
                        seen[p] = true;
                        int up = dfa.next(p, f);
                        if (dfa.next(up, g) != p) {
                            break;
                        }
                        p = up;
                    }
                    boolean better = chain.size() > best.size() || chain.size() == best.size()
                            && chain.getFirst() == dfa.startState() && best.getFirst() != dfa.startState();
                    if (better) {
                        best = chain;
                    }
                }
            }
        }
        return best.size() >= MIN_CHAIN && 3 * best.size() >= 2 * visible ? best : List.of();
    }

    /** Lays the DFA out around {@code chain} (from {@link #find}); {@code horizontal = false} turns it upright. */
    static AutomatonLayout.Result layout(Dfa dfa, boolean[] shown, List<Integer> chain, int dead, boolean hide,
                                         boolean horizontal) {
        int n = dfa.numStates();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] w = new double[n];
        int[] index = new int[n];
        Arrays.fill(index, -1);
        double top = 70;
        double cx = 60;
        for (int i = 0; i < chain.size(); i++) {
            int q = chain.get(i);
            w[q] = AutomatonLayout.nodeWidth(dfa.label(q));
            x[q] = cx + w[q] / 2;
            y[q] = top;
            cx += w[q] + GAP;
            index[q] = i;
        }
        double right = cx - GAP;
        var rest = new ArrayList<Integer>();
        for (int q = 0; q < n; q++) {
            if (shown[q] && index[q] < 0) {
                rest.add(q);
            }
        }
        double rx = 60 + Math.max(0, (right - 60 - rest.size() * (AutomatonLayout.NODE + 2 * GAP)) / 2);
        for (int q : rest) {
            w[q] = AutomatonLayout.nodeWidth(dfa.label(q));
            x[q] = rx + w[q] / 2;
            y[q] = top + ROW;
            rx += w[q] + 2 * GAP;
        }
        Map<Long, List<String>> merged = new LinkedHashMap<>();
        for (int q = 0; q < n; q++) {
            for (int a = 0; a < dfa.alphabet().size(); a++) {
                int to = dfa.next(q, a);
                if (shown[q] && shown[to]) {
                    merged.computeIfAbsent(((long) q << 32) | to, z -> new ArrayList<>()).add(dfa.alphabet().symbol(a));
                }
            }
        }
        double r = AutomatonLayout.NODE / 2;
        double minY = top - r;
        var edges = new ArrayList<AutomatonLayout.Edge>();
        for (var e : merged.entrySet()) {
            int from = (int) (e.getKey() >> 32);
            int to = (int) (long) e.getKey();
            String text = AutomatonLayout.labelText(e.getValue(), dfa.alphabet());
            double lw = AutomatonLayout.labelWidth(text);
            double lh = AutomatonLayout.LABEL_H;
            double[] pts;
            double lx;
            double ly;
            if (from == to) {                                           // a loop over (or under) the state
                double s = y[from] > top ? 1 : -1;
                double y0 = y[from] + s * r;
                pts = new double[] {x[from] - 9, y0, x[from] - 14, y0 + s * 26, x[from] + 14, y0 + s * 26,
                    x[from] + 9, y0};
                lx = x[from] - lw / 2;
                ly = s < 0 ? y0 - 26 - lh : y0 + 26;
            } else if (index[from] >= 0 && index[to] >= 0 && Math.abs(index[from] - index[to]) == 1) {
                double s = index[to] > index[from] ? 1 : -1;              // up the chain above the axis, down below
                double dy = -s * LANE;
                double dx = Math.sqrt(r * r - dy * dy);
                double ax = x[from] + s * Math.max(dx, w[from] / 2 - r + dx);
                double bx = x[to] - s * Math.max(dx, w[to] / 2 - r + dx);
                pts = new double[] {ax, top + dy, bx, top + dy};
                lx = (ax + bx) / 2 - lw / 2;
                ly = s > 0 ? top + dy - lh - 1 : top + dy + 1;
            } else if (index[from] >= 0 && index[to] >= 0) {               // further along the chain: an arc over it
                double lift = r + 16 + 12 * Math.abs(index[from] - index[to]);
                pts = new double[] {x[from], top - r, x[from], top - lift, x[to], top - lift, x[to], top - r};
                lx = (x[from] + x[to]) / 2 - lw / 2;
                ly = top - lift - lh;
                minY = Math.min(minY, ly);
            } else {                                                    // to or from the second row: straight
                double dx = x[to] - x[from];
                double dy = y[to] - y[from];
                double len = Math.max(1e-9, Math.hypot(dx, dy));
                double a = border(w[from] / 2, r, dx / len, dy / len);
                double b = border(w[to] / 2, r, dx / len, dy / len);
                pts = new double[] {x[from] + dx / len * a, y[from] + dy / len * a, x[to] - dx / len * b,
                    y[to] - dy / len * b};
                lx = (x[from] + x[to]) / 2 - lw / 2 + (dy != 0 ? 6 * Math.signum(dx == 0 ? 1 : dx) : 0);
                ly = (y[from] + y[to]) / 2 - lh / 2 + (dx > 0 ? -10 : 10);
            }
            edges.add(new AutomatonLayout.Edge(from, to, text, pts, lx, ly));
        }
        double shift = 20 - minY;                                        // arcs above the row: move it all down
        double height = (rest.isEmpty() ? top + r : top + ROW + r + 40) + shift + 30;
        double width = Math.max(right, rx - 2 * GAP) + 30;
        var nodes = new ArrayList<AutomatonLayout.Node>();
        for (int q = 0; q < n; q++) {
            if (shown[q]) {
                nodes.add(node(dfa, q, x[q], y[q] + shift, w[q], dead, horizontal));
            }
        }
        var moved = new ArrayList<AutomatonLayout.Edge>();
        for (var e : edges) {
            double[] p = e.points().clone();
            for (int i = 0; i < p.length; i += 2) {
                p[i + 1] += shift;
                if (!horizontal) {
                    double t = p[i];
                    p[i] = p[i + 1];
                    p[i + 1] = t;
                }
            }
            double lx = horizontal ? e.labelX() : e.labelY() + shift + AutomatonLayout.LABEL_H / 2
                    - AutomatonLayout.labelWidth(e.label()) / 2;
            double ly = horizontal ? e.labelY() + shift : e.labelX() + AutomatonLayout.labelWidth(e.label()) / 2
                    - AutomatonLayout.LABEL_H / 2;
            moved.add(new AutomatonLayout.Edge(e.from(), e.to(), e.label(), p, lx, ly));
        }
        return horizontal ? new AutomatonLayout.Result(nodes, moved, width, height, hide, true)
                : new AutomatonLayout.Result(nodes, moved, height, width, hide, false);
    }

    private static AutomatonLayout.Node node(Dfa dfa, int q, double x, double y, double w, int dead, boolean horizontal) {
        return new AutomatonLayout.Node(q, dfa.label(q), horizontal ? x : y, horizontal ? y : x, w,
                AutomatonLayout.NODE, dfa.isAccepting(q), q == dfa.startState(), q == dead);
    }

    /** Distance from a state's centre to its border (an ellipse of half-axes a, b) in direction (ux, uy). */
    static double border(double a, double b, double ux, double uy) {
        return 1 / Math.sqrt(ux * ux / (a * a) + uy * uy / (b * b));
    }
}
