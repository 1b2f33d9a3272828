package statescope.ui.automaton;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import statescope.lang.Dfa;

/**
 * A stack-like DFA (bounded Dyck: every state a stack, one symbol pushing to a child state and its
 * closing symbol popping back to the parent) laid out as the tree it is, instead of the layered layout's
 * tangle of long back edges: the start state at the root, each state's children in one row or column
 * further out, a parent and child joined by the push and the pop drawn as two parallel lines, each
 * labelled on its own side.
 */
final class TreeLayout {

    /** Fewest states a tree must have to be laid out as one (a smaller machine reads well either way). */
    static final int MIN_STATES = 7;
    private static final double SIBLING_GAP = 12;
    private static final double LEVEL_GAP = 44;
    private static final double LANE = 5;
    /** Room before the root for the start arrow. */
    private static final double PAD = 50;
    /** Room on the other sides. */
    private static final double MARGIN = 16;

    private TreeLayout() {
    }

    /**
     * The parent of every shown state in the tree the shown transitions form, −1 at the start state; empty
     * when they do not form one: every shown state reached from the start, every transition between two
     * different shown states matched by one back (a push and its pop), those pairs a tree (one fewer than
     * the states), no loop on a state, at least {@value #MIN_STATES} states and a state with two children.
     */
    static int[] find(Dfa dfa, boolean[] shown) {
        int n = dfa.numStates();
        int k = dfa.alphabet().size();
        int start = dfa.startState();
        if (!shown[start]) {
            return new int[0];
        }
        int visible = 0;
        for (boolean s : shown) {
            visible += s ? 1 : 0;
        }
        if (visible < MIN_STATES) {
            return new int[0];
        }
        var pairs = new HashSet<Long>();
        for (int q = 0; q < n; q++) {
            for (int a = 0; a < k && shown[q]; a++) {
                int to = dfa.next(q, a);
                if (!shown[to]) {
                    continue;
                }
                if (to == q || !goesTo(dfa, to, q)) {
                    return new int[0];                                // a loop, or a step with no way back
                }
                pairs.add(((long) Math.min(q, to) << 32) | Math.max(q, to));
            }
        }
        if (pairs.size() != visible - 1) {
            return new int[0];
        }
        var parent = new int[n];
        Arrays.fill(parent, -2);
        parent[start] = -1;
        var queue = new ArrayDeque<Integer>();
        queue.add(start);
        int reached = 1;
        boolean branches = false;
        while (!queue.isEmpty()) {
            int q = queue.poll();
            int children = 0;
            for (int a = 0; a < k; a++) {
                int to = dfa.next(q, a);
                if (shown[to] && parent[to] == -2) {
                    parent[to] = q;
                    queue.add(to);
                    reached++;
                    children++;
                }
            }
            branches |= children >= 2;
        }
        return reached == visible && branches ? parent : new int[0];
    }

    private static boolean goesTo(Dfa dfa, int from, int to) {
        for (int a = 0; a < dfa.alphabet().size(); a++) {
            if (dfa.next(from, a) == to) {
                return true;
            }
        }
        return false;
    }

    /** Lays the tree out ({@code parent} from {@link #find}): root at the left, or ({@code horizontal = false}) on top. */
    static AutomatonLayout.Result layout(Dfa dfa, boolean[] shown, int[] parent, int dead, boolean hide,
                                         boolean horizontal) {
        int n = dfa.numStates();
        int k = dfa.alphabet().size();
        var w = new double[n];
        var depth = new int[n];
        var children = new ArrayList<List<Integer>>();
        for (int q = 0; q < n; q++) {
            children.add(new ArrayList<>());
        }
        int start = dfa.startState();
        var order = new ArrayDeque<Integer>();                         // breadth first: parents before children
        order.add(start);
        var byLevel = new ArrayList<Integer>();
        while (!order.isEmpty()) {
            int q = order.poll();
            byLevel.add(q);
            w[q] = AutomatonLayout.nodeWidth(dfa.label(q));
            for (int a = 0; a < k; a++) {                             // children in the alphabet's order
                int to = dfa.next(q, a);
                if (shown[to] && parent[to] == q && !children.get(q).contains(to)) {
                    children.get(q).add(to);
                    depth[to] = depth[q] + 1;
                    order.add(to);
                }
            }
        }
        int levels = 0;
        for (int q : byLevel) {
            levels = Math.max(levels, depth[q] + 1);
        }
        var levelSize = new double[levels];                           // along the depth axis: widest state of a level
        for (int q : byLevel) {
            levelSize[depth[q]] = Math.max(levelSize[depth[q]], horizontal ? w[q] : AutomatonLayout.NODE);
        }
        var levelAt = new double[levels];
        double along = PAD;
        for (int d = 0; d < levels; d++) {
            levelAt[d] = along + levelSize[d] / 2;
            along += levelSize[d] + LEVEL_GAP;
        }
        var across = new double[n];
        double[] cursor = {MARGIN};
        place(start, children, w, horizontal, across, cursor);
        double r = AutomatonLayout.NODE / 2;
        var x = new double[n];
        var y = new double[n];
        for (int q : byLevel) {
            x[q] = horizontal ? levelAt[depth[q]] : across[q];
            y[q] = horizontal ? across[q] : levelAt[depth[q]];
        }
        var nodes = new ArrayList<AutomatonLayout.Node>();
        for (int q : byLevel) {
            nodes.add(new AutomatonLayout.Node(q, dfa.label(q), x[q], y[q], w[q], AutomatonLayout.NODE, dfa.isAccepting(q),
                    q == start, q == dead));
        }
        Map<Long, List<String>> merged = new LinkedHashMap<>();
        for (int q : byLevel) {
            for (int a = 0; a < k; a++) {
                int to = dfa.next(q, a);
                if (shown[to]) {
                    merged.computeIfAbsent(((long) q << 32) | to, z -> new ArrayList<>()).add(dfa.alphabet().symbol(a));
                }
            }
        }
        var edges = new ArrayList<AutomatonLayout.Edge>();
        for (var e : merged.entrySet()) {
            int from = (int) (e.getKey() >> 32);
            int to = (int) (long) e.getKey();
            String text = AutomatonLayout.labelText(e.getValue(), dfa.alphabet());
            edges.add(edge(from, to, text, x, y, w, r, parent[to] == from));
        }
        double width = (horizontal ? along - LEVEL_GAP : cursor[0] - SIBLING_GAP) + MARGIN;
        double height = (horizontal ? cursor[0] - SIBLING_GAP : along - LEVEL_GAP) + MARGIN;
        return new AutomatonLayout.Result(nodes, edges, width, height, hide, horizontal);
    }

    /** Places {@code q}'s subtree across the depth axis from {@code cursor}: leaves in turn, a parent over its children. */
    private static void place(int q, List<List<Integer>> children, double[] w, boolean horizontal, double[] across,
                              double[] cursor) {
        var kids = children.get(q);
        double size = horizontal ? AutomatonLayout.NODE : w[q];
        if (kids.isEmpty()) {
            across[q] = cursor[0] + size / 2;
            cursor[0] += size + SIBLING_GAP;
            return;
        }
        for (int c : kids) {
            place(c, children, w, horizontal, across, cursor);
        }
        across[q] = (across[kids.getFirst()] + across[kids.getLast()]) / 2;
    }

    /**
     * The push (parent to child) or the pop (back), a straight line between the two borders shifted
     * {@value #LANE} px to its own side, its label beside it on that side.
     */
    private static AutomatonLayout.Edge edge(int from, int to, String text, double[] x, double[] y, double[] w,
                                             double r, boolean push) {
        double dx = x[to] - x[from];
        double dy = y[to] - y[from];
        double len = Math.max(1e-9, Math.hypot(dx, dy));
        double ux = dx / len;
        double uy = dy / len;
        double nx = -uy;                                               // to the right of the travel direction
        double ny = ux;
        double a = ChainLayout.border(w[from] / 2, r, ux, uy);
        double b = ChainLayout.border(w[to] / 2, r, ux, uy);
        double[] pts = {x[from] + ux * a + nx * LANE, y[from] + uy * a + ny * LANE,
            x[to] - ux * b + nx * LANE, y[to] - uy * b + ny * LANE};
        double lw = AutomatonLayout.labelWidth(text);
        double lh = AutomatonLayout.LABEL_H;
        double reach = LANE + 2 + Math.abs(nx) * lw / 2 + Math.abs(ny) * lh / 2;
        double t = push ? 0.45 : 0.55;                                 // the pair's labels a little apart along it
        double cx = pts[0] + (pts[2] - pts[0]) * t + nx * reach;
        double cy = pts[1] + (pts[3] - pts[1]) * t + ny * reach;
        return new AutomatonLayout.Edge(from, to, text, pts, cx - lw / 2, cy - lh / 2);
    }
}
