package statescope.ui.session;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import statescope.inspect.AlignedTrace;
import statescope.inspect.ChannelKind;
import statescope.ui.chart.ChannelChartViewModel;
import statescope.ui.heatmap.HeatmapViewModel;
import statescope.ui.prediction.PredictionStripViewModel;
import statescope.ui.trajectory.TrajectoryViewModel;

/**
 * Compare mode: a second model (B) on the same language and input as the header's model (A), one
 * stepper driving both. Per position the automaton's target, A's and B's predictions, and a lane that
 * marks where A and B disagree with each other and where each disagrees with the automaton; the first
 * divergence of each from the automaton and their first disagreement; B's own trajectory (its corpus
 * cloud fitted on B's states, {@link #trajectory()}), and B's heatmaps, gates and channels for the same
 * position ({@link #stateMap()}, {@link #gateMap()}, {@link #deltaMap()}, {@link #chart()}), which the
 * views draw beside A's. The session loads B (through {@link #select} or
 * {@link #openCheckpoint}) and keeps its trace on the input; this view model only frames the two traces.
 */
public final class CompareViewModel {

    /**
     * One frame: cells for positions {@code start .. start + tokens.length - 1}; a position after
     * {@code shownUpTo} (hide the future) has empty targets and predictions, no marks and no token (only
     * {@link PredictionStripViewModel#UNREAD}).
     *
     * @param okA     A agrees with the automaton, per cell
     * @param okB     B agrees with the automaton, per cell
     * @param differ  A and B predict differently, per cell
     * @param firstA  A's first divergence from the automaton (−1: none shown)
     * @param firstB  B's first divergence
     * @param firstAB the first position where A and B differ
     * @param firstDead the first position whose prefix is dead (one input, so the same for A and B), or −1
     */
    public record Frame(String labelA, String labelB, int start, String[] tokens, String[] targets, String[] predA,
                        String[] predB, boolean[] okA, boolean[] okB, boolean[] differ, int current, int firstA,
                        int firstB, int firstAB, int length, int shownUpTo, int firstDead) {

        /** Whether {@code position} is scored (before the dead state): an unscored cell is neither right nor wrong. */
        public boolean scored(int position) {
            return firstDead < 0 || position < firstDead;
        }

        public int size() {
            return tokens.length;
        }
    }

    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<ModelChoice> choice = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Frame> frame = new ReadOnlyObjectWrapper<>();
    private final TrajectoryViewModel trajectory = new TrajectoryViewModel();
    private final HeatmapViewModel stateMap = new HeatmapViewModel(ChannelKind.STATE);
    private final HeatmapViewModel deltaMap = new HeatmapViewModel(ChannelKind.DELTA);
    private final HeatmapViewModel gateMap = new HeatmapViewModel(ChannelKind.GATE);
    private final ChannelChartViewModel chart = new ChannelChartViewModel();
    private final ReadOnlyIntegerWrapper layers = new ReadOnlyIntegerWrapper(1);
    private final IntegerProperty capacity = new SimpleIntegerProperty(24);
    private final Consumer<ModelChoice> onSelect;
    private final Runnable onCanonical;
    private final BiConsumer<ModelChoice, ModelChoice> onPair;
    private final Runnable onClose;
    private int firstDiffer = -1;

    /**
     * @param onSelect    loads a model as B in the session (which then calls {@link #opened})
     * @param onCanonical opens the language's canonical pair (see {@link #canonicalPair})
     * @param onPair      opens a given pair (A, B)
     * @param onClose     leaves compare mode
     */
    public CompareViewModel(Consumer<ModelChoice> onSelect, Runnable onCanonical,
                            BiConsumer<ModelChoice, ModelChoice> onPair, Runnable onClose) {
        this.onSelect = onSelect;
        this.onCanonical = onCanonical;
        this.onPair = onPair;
        this.onClose = onClose;
    }

    /** Compares the header's model with {@code c} (loaded in the background). */
    public void select(ModelChoice c) {
        if (c != null && c != choice.get()) {
            onSelect.accept(c);
        }
    }

    /** Compares the header's model with a checkpoint file ("file · NAME"), as the header opens one for A. */
    public void openCheckpoint(Path manifest) {
        select(ModelChoice.checkpoint("file · " + manifest.getFileName(), manifest));
    }

    /** Opens the language's canonical pair (A and B), or the header's model against the next choice. */
    public void openCanonicalPair() {
        onCanonical.run();
    }

    /**
     * Opens the language's constructed model (A) against its trained one (B) when {@code choices} hold
     * both (see {@link #constructedPair}); returns whether they did.
     */
    public boolean openConstructedPair(List<ModelChoice> choices) {
        var pair = constructedPair(choices);
        pair.ifPresent(p -> onPair.accept(p.getFirst(), p.getLast()));
        return pair.isPresent();
    }

    public void close() {
        onClose.run();
    }

    /** The language's first constructed checkpoint and its first trained one, when it has both. */
    public static Optional<List<ModelChoice>> constructedPair(List<ModelChoice> choices) {
        var ckpts = choices.stream().filter(ModelChoice::isCheckpoint).toList();
        var constructed = ckpts.stream().filter(c -> c.label().startsWith("constructed")).findFirst();
        var trained = ckpts.stream().filter(c -> c.label().startsWith("trained")).findFirst();
        return constructed.isPresent() && trained.isPresent()
                ? Optional.of(List.of(constructed.get(), trained.get())) : Optional.empty();
    }

    /**
     * The pair that shows the language's point, when the choices hold one: nonnegative against signed
     * gates (parity), two layers against one (bounded Dyck), constructed against trained (e.g. D_12).
     */
    public static Optional<List<ModelChoice>> canonicalPair(List<ModelChoice> choices) {
        var ckpts = choices.stream().filter(ModelChoice::isCheckpoint).toList();
        var nonneg = ckpts.stream().filter(c -> c.label().contains("nonneg")).findFirst();
        var signed = ckpts.stream().filter(c -> c.label().contains("signed")).findFirst();
        if (nonneg.isPresent() && signed.isPresent()) {
            return Optional.of(List.of(nonneg.get(), signed.get()));
        }
        var one = ckpts.stream().filter(c -> c.label().contains("1layer")).findFirst();
        var more = ckpts.stream().filter(c -> c.label().startsWith("trained") && !c.label().contains("1layer"))
                .findFirst();
        if (one.isPresent() && more.isPresent()) {
            return Optional.of(List.of(more.get(), one.get()));
        }
        return constructedPair(choices);
    }

    /** B is being loaded: compare mode is on with {@code c} as B, the last error cleared. */
    void opened(ModelChoice c) {
        choice.set(c);
        error.set("");
        active.set(true);
    }

    /** The traces changed: finds the first position where A and B predict differently (−1: none). */
    void pairChanged(AlignedTrace a, AlignedTrace b) {
        firstDiffer = -1;
        int n = Math.min(a.length(), b.length());
        for (int p = 1; p <= n; p++) {
            if (!a.prediction(p).equals(b.prediction(p))) {
                firstDiffer = p;
                return;
            }
        }
    }

    void closed() {
        active.set(false);
        choice.set(null);
        error.set("");                                                // a refused B's reason leaves with compare mode
        frame.set(null);
        trajectory.setClouds(List.of());
        for (var map : List.of(stateMap, deltaMap, gateMap)) {
            map.clear();
        }
        chart.clear();
    }

    /** B is in: the number of its layers (for its trajectory's layer picker). */
    void setLayers(int n) {
        layers.set(n);
    }

    void setError(String why) {
        error.set(why);
    }

    /** The frame over traces {@code a} and {@code b} (same input) at position {@code t}, {@code capacity} cells. */
    void update(AlignedTrace a, AlignedTrace b, String labelA, int t, int shown, int capacity) {
        int n = Math.min(a.length(), b.length());
        int cap = Math.max(1, capacity);
        int start = Math.max(1, Math.min(t - cap / 2, n - cap + 1));
        int size = Math.max(0, Math.min(n, start + cap - 1) - start + 1);
        var tokens = new String[size];
        var targets = new String[size];
        var predA = new String[size];
        var predB = new String[size];
        var okA = new boolean[size];
        var okB = new boolean[size];
        var differ = new boolean[size];
        var alphabet = a.machine().alphabet();
        for (int i = 0; i < size; i++) {
            int p = start + i;
            boolean seen = p <= shown;
            tokens[i] = seen ? alphabet.symbol(a.token(p)) : PredictionStripViewModel.UNREAD;
            targets[i] = seen ? a.target(p).label() : "";
            predA[i] = seen ? a.prediction(p).label() : "";
            predB[i] = seen ? b.prediction(p).label() : "";
            okA[i] = !seen || !a.scored(p) || a.agrees(p);                 // after the dead state: not scored
            okB[i] = !seen || !a.scored(p) || b.agrees(p);
            differ[i] = seen && !predA[i].equals(predB[i]);
        }
        int firstAB = firstDiffer > shown ? -1 : firstDiffer;
        int fa = a.firstDivergence();
        int fb = b.firstDivergence();
        frame.set(new Frame(labelA, choice.get() == null ? "" : choice.get().label(), start, tokens, targets, predA,
                predB, okA, okB, differ, t, fa > shown ? -1 : fa, fb > shown ? -1 : fb, firstAB, n, Math.min(shown, n),
                a.firstDead()));
    }

    /** Whether compare mode is on. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** The model compared (B), or null. */
    public ReadOnlyObjectProperty<ModelChoice> choiceProperty() {
        return choice.getReadOnlyProperty();
    }

    /** Why B could not be loaded, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Frame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    public Frame frame() {
        return frame.get();
    }

    /** Model B's trajectory (its own corpus cloud and basis, fitted when B is loaded). */
    public TrajectoryViewModel trajectory() {
        return trajectory;
    }

    /** Model B's state heatmap (its layer and window follow A's; the session binds them). */
    public HeatmapViewModel stateMap() {
        return stateMap;
    }

    /** Model B's Δ in the gate view. */
    public HeatmapViewModel deltaMap() {
        return deltaMap;
    }

    /** Model B's Ā in the gate view. */
    public HeatmapViewModel gateMap() {
        return gateMap;
    }

    /** Model B's channel chart (A's picks, layer and quantity, over A's positions). */
    public ChannelChartViewModel chart() {
        return chart;
    }

    /** How many positions the compare strip has room for (its view sets it from its width). */
    public IntegerProperty capacityProperty() {
        return capacity;
    }

    /** Number of layers of model B. */
    public ReadOnlyIntegerProperty layersProperty() {
        return layers.getReadOnlyProperty();
    }
}
