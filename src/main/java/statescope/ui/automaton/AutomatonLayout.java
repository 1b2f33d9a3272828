package statescope.ui.automaton;

import java.util.Arrays;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.eclipse.elk.alg.layered.options.LayerConstraint;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;
import statescope.lang.Alphabet;
import statescope.lang.Dfa;

/**
 * Lays a DFA out with ELK's layered algorithm (left to right), or a counter-like one as a straight line
 * ({@link ChainLayout}), a stack-like one as the tree it is ({@link TreeLayout}). Transitions between the same pair of states are merged into one edge labelled
 * with all their symbols (abbreviated when long: {@link #labelText}). A pure function of the DFA and the
 * dead-state option, so it can be tested without the FX toolkit.
 */
public final class AutomatonLayout {

    /** Diameter of a state circle. */
    public static final double NODE = 46;

    /** A laid-out state: its centre and size (a circle when w = h, else a rounded box). */
    public record Node(int state, String label, double x, double y, double w, double h, boolean accepting,
                       boolean start, boolean dead) {
    }

    /** Width of a state's shape for its label: a circle for short labels, wider boxes for long ones. */
    public static double nodeWidth(String label) {
        return Math.max(NODE, 9.6 * label.length() + 26);
    }

    /** Height the layout reserves for an edge label. */
    public static final double LABEL_H = 20;

    /** Width the layout reserves for an edge label with this text. */
    public static double labelWidth(String text) {
        return 8.5 * text.length() + 8;
    }

    /**
     * A laid-out edge.
     *
     * @param points polyline from source border to target border, {@code [2k]} as x0, y0, x1, y1, ...
     * @param labelX label's top-left x
     * @param labelY label's top-left y
     */
    public record Edge(int from, int to, String label, double[] points, double labelX, double labelY) {
    }

    /** The whole drawing. */
    public record Result(List<Node> nodes, List<Edge> edges, double width, double height, boolean deadHidden,
                         boolean horizontal) {

        /** The scale at which the drawing fits a w × h pane. */
        public double fitScale(double w, double h) {
            return Math.min(w / Math.max(width, 1), h / Math.max(height, 1));
        }
    }

    /** Layouts computed ahead ({@link #layOutAhead}), each taken once by {@link #layout(Dfa, boolean, boolean)}. */
    private static final Map<Ahead, CompletableFuture<Result>> AHEAD = new ConcurrentHashMap<>();

    /** One layout's arguments; the DFA by identity (it has no value equality). */
    private record Ahead(Dfa dfa, boolean hideDead, boolean horizontal) {
    }

    /** Where layouts are kept between runs, once the app asks for it ({@link #keepOnDisk}); none in tests and the CLI. */
    private static volatile LayoutCache disk;

    /** Whether the layout library has laid a graph out in this process (its classes are loaded). */
    private static volatile boolean libraryLoaded;

    private AutomatonLayout() {
    }

    /**
     * Keeps the layouts this process computes in the user's cache folder and reads them back from there
     * ({@link LayoutCache}): the app's start then lays its opening automaton out without loading the layout
     * library. Called by the app, not by tests or the CLI.
     */
    public static void keepOnDisk() {
        disk = LayoutCache.inUserFolder().orElse(null);
    }

    /** As {@link #keepOnDisk()}, in {@code cache} (tests). */
    static void keepOnDisk(LayoutCache cache) {
        disk = cache;
    }

    /**
     * Loads the layout library by laying a two-state machine out, unless a layout has already done so: a
     * start whose opening layout came from the disk has not, and the first other automaton the user opens
     * would otherwise pay for the library's classes on the JavaFX thread. For a background thread.
     */
    public static void loadLibrary() {
        if (!libraryLoaded) {
            var tiny = new Dfa(Alphabet.of("a", "b"), 0, new int[] {1, 0, 0, 1}, new boolean[] {true, false},
                    List.of("p", "q"));
            elk(tiny, new boolean[] {true, true}, -1, false, true);
        }
    }

    /**
     * Lays out each of {@code machines} both ways, with and without its dead state, where the disk cache
     * ({@link #keepOnDisk}) has no layout for it yet, so that opening any of them later reads its layout
     * instead of laying it out on the JavaFX thread. Does nothing without a disk cache. For a background
     * thread: the app fills it with the catalog's machines after loading the library, once per build.
     */
    public static void keepAhead(List<Dfa> machines) {
        var cache = disk;
        if (cache == null) {
            return;
        }
        for (Dfa dfa : machines) {
            for (boolean hide : new boolean[] {true, false}) {
                for (boolean horizontal : new boolean[] {true, false}) {
                    String key = cache.key(dfa, hide, horizontal);
                    if (!cache.has(key)) {                 // a file there is not read: every start passes here
                        cache.put(key, lay(dfa, hide, horizontal));
                    }
                }
            }
        }
    }

    /** Whether the layout library has been loaded (tests). */
    static boolean libraryLoaded() {
        return libraryLoaded;
    }

    /** Forgets that a layout ran (tests: so that {@link #loadLibrary} has to lay its tiny machine out again). */
    static void forgetLibraryLoaded() {
        libraryLoaded = false;
    }

    /**
     * Reserves the layouts of {@code dfa} (both directions) for the next {@link #layout(Dfa, boolean, boolean)}
     * calls that ask for them and returns the work that computes them, for a thread of the caller's
     * choosing: the app lays its opening automaton out (and loads ELK) while the JavaFX toolkit starts.
     */
    public static Runnable layOutAhead(Dfa dfa, boolean hideDead) {
        var wide = new CompletableFuture<Result>();
        var tall = new CompletableFuture<Result>();
        AHEAD.put(new Ahead(dfa, hideDead, true), wide);
        AHEAD.put(new Ahead(dfa, hideDead, false), tall);
        return () -> {
            complete(wide, dfa, hideDead, true);
            complete(tall, dfa, hideDead, false);
        };
    }

    private static void complete(CompletableFuture<Result> f, Dfa dfa, boolean hideDead, boolean horizontal) {
        try {
            f.complete(compute(dfa, hideDead, horizontal));
        } catch (RuntimeException | Error e) {
            f.completeExceptionally(e);
        }
    }

    /**
     * An edge's label for the symbols it reads: the symbols (single characters run together with commas),
     * or, when that is long, "any" for every symbol or "not x" for all but a few, whichever is shortest.
     */
    static String labelText(List<String> symbols, Alphabet alphabet) {
        String sep = alphabet.singleCharacters() ? "," : ", ";
        String plain = String.join(sep, symbols);
        if (plain.length() <= 7 || alphabet.size() < 3) {
            return plain;
        }
        if (symbols.size() == alphabet.size()) {
            return "any";
        }
        var rest = alphabet.symbols().stream().filter(x -> !symbols.contains(x)).toList();
        String not = "not " + String.join(sep, rest);
        return not.length() < plain.length() ? not : plain;
    }

    /** Lays out {@code dfa} left to right; with {@code hideDead} the dead state and its in-edges are left out. */
    public static Result layout(Dfa dfa, boolean hideDead) {
        return layout(dfa, hideDead, true);
    }

    /** As {@link #layout(Dfa, boolean)}, left to right or ({@code horizontal = false}) top to bottom. */
    public static Result layout(Dfa dfa, boolean hideDead, boolean horizontal) {
        var ahead = AHEAD.isEmpty() ? null : AHEAD.remove(new Ahead(dfa, hideDead, horizontal));
        if (ahead != null) {
            try {
                return ahead.get();
            } catch (ExecutionException e) {
                // computed again below, where the failure shows as it would have
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return compute(dfa, hideDead, horizontal);
    }

    private static Result compute(Dfa dfa, boolean hideDead, boolean horizontal) {
        var cache = disk;
        if (cache == null) {
            return lay(dfa, hideDead, horizontal);
        }
        String key = cache.key(dfa, hideDead, horizontal);
        var kept = cache.get(key);
        if (kept.isPresent()) {
            return kept.get();
        }
        var r = lay(dfa, hideDead, horizontal);
        cache.put(key, r);
        return r;
    }

    private static Result lay(Dfa dfa, boolean hideDead, boolean horizontal) {
        int n = dfa.numStates();
        int k = dfa.alphabet().size();
        int dead = dfa.deadState().orElse(-1);
        boolean hide = hideDead && dead >= 0 && n > 1;
        var shown = new boolean[n];
        Arrays.fill(shown, true);
        if (hide) {
            shown[dead] = false;
        }
        var chain = ChainLayout.find(dfa, shown);
        if (!chain.isEmpty()) {                                          // a counter-like chain: a straight line
            return ChainLayout.layout(dfa, shown, chain, dead, hide, horizontal);
        }
        int[] tree = TreeLayout.find(dfa, shown);
        if (tree.length > 0) {                                          // a stack-like machine: the tree it is
            return TreeLayout.layout(dfa, shown, tree, dead, hide, horizontal);
        }
        return elk(dfa, shown, dead, hide, horizontal);
    }

    /** The layered layout of the shown states. */
    static Result elk(Dfa dfa, boolean[] shown, int dead, boolean hide, boolean horizontal) {
        int n = dfa.numStates();
        int k = dfa.alphabet().size();
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, horizontal ? Direction.RIGHT : Direction.DOWN);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 28.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 44.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_EDGE, 10.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 10.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_LABEL, 4.0);
        root.setProperty(CoreOptions.PADDING, horizontal ? new ElkPadding(30, 30, 30, 50)
                : new ElkPadding(50, 30, 30, 30));
        var elkNodes = new ElkNode[n];
        for (int q = 0; q < n; q++) {
            if (!shown[q]) {
                continue;
            }
            elkNodes[q] = ElkGraphUtil.createNode(root);
            elkNodes[q].setDimensions(nodeWidth(dfa.label(q)), NODE);
            if (q == dfa.startState()) {       // leftmost, so the start arrow comes in from free space
                elkNodes[q].setProperty(LayeredOptions.LAYERING_LAYER_CONSTRAINT,
                        LayerConstraint.FIRST);
            }
        }
        Map<Long, List<String>> merged = new LinkedHashMap<>();
        for (int q = 0; q < n; q++) {
            for (int a = 0; a < k; a++) {
                int to = dfa.next(q, a);
                if (elkNodes[q] == null || elkNodes[to] == null) {
                    continue;
                }
                merged.computeIfAbsent(((long) q << 32) | to, x -> new ArrayList<>()).add(dfa.alphabet().symbol(a));
            }
        }
        var edgeKeys = new ArrayList<Long>();
        var elkEdges = new ArrayList<ElkEdge>();
        var labels = new ArrayList<String>();
        for (var e : merged.entrySet()) {
            int from = (int) (e.getKey() >> 32);
            int to = (int) (long) e.getKey();
            ElkEdge edge = ElkGraphUtil.createSimpleEdge(elkNodes[from], elkNodes[to]);
            String text = labelText(e.getValue(), dfa.alphabet());
            ElkLabel label = ElkGraphUtil.createLabel(text, edge);
            label.setDimensions(labelWidth(text), LABEL_H);
            label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
            edgeKeys.add(e.getKey());
            elkEdges.add(edge);
            labels.add(text);
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        libraryLoaded = true;
        var nodes = new ArrayList<Node>();
        for (int q = 0; q < n; q++) {
            if (elkNodes[q] != null) {
                ElkNode en = elkNodes[q];
                nodes.add(new Node(q, dfa.label(q), en.getX() + en.getWidth() / 2, en.getY() + NODE / 2,
                        en.getWidth(), NODE, dfa.isAccepting(q), q == dfa.startState(), q == dead));
            }
        }
        var edges = new ArrayList<Edge>();
        for (int i = 0; i < elkEdges.size(); i++) {
            ElkEdge e = elkEdges.get(i);
            var pts = new ArrayList<Double>();
            for (ElkEdgeSection s : e.getSections()) {
                pts.add(s.getStartX());
                pts.add(s.getStartY());
                s.getBendPoints().forEach(b -> {
                    pts.add(b.getX());
                    pts.add(b.getY());
                });
                pts.add(s.getEndX());
                pts.add(s.getEndY());
            }
            ElkLabel l = e.getLabels().get(0);
            long key = edgeKeys.get(i);
            edges.add(new Edge((int) (key >> 32), (int) key, labels.get(i),
                    pts.stream().mapToDouble(Double::doubleValue).toArray(), l.getX(), l.getY()));
        }
        return new Result(nodes, edges, root.getWidth(), root.getHeight(), hide, horizontal);
    }
}
