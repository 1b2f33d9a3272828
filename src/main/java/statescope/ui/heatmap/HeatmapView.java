package statescope.ui.heatmap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import statescope.inspect.ChannelKind;
import statescope.ui.common.Bars;

/**
 * The state heatmap (one model) or the gate view (Ā above Δ): channel × time for the chosen layer.
 * Build it with {@link #state} or {@link #gates}; {@link #compare} adds compare mode's model B below A.
 */
public final class HeatmapView extends VBox {

    /**
     * Cell height (px) under which the gate view gives Ā the room of Δ: Ā's sign is what the view is for
     * (a speaker's 1280x720 screen at 1.6x in compare mode left 2 px per block with both shown).
     */
    static final double MIN_CELLS = 20;

    /** How much more than {@link #MIN_CELLS} both canvases must get before Δ comes back (no flicker). */
    private static final double HYSTERESIS = 8;

    private final BooleanProperty shown = new SimpleBooleanProperty(true);
    private final List<HeatmapCanvas> canvases = new ArrayList<>();
    private final List<Label> subTitles = new ArrayList<>();
    private final Label noteLabel;
    private final String note;
    private final List<ChannelKind> kinds = new ArrayList<>();
    private final SpinnerValueFactory.IntegerSpinnerValueFactory factory;
    private final ReadOnlyObjectProperty<Integer> layerCountA;
    /** Model B's layer count while comparing (the picker reaches the deeper model's last layer), else 0. */
    private IntSupplier layerCountB = () -> 0;

    private HeatmapView(String title, String note, HeatmapViewModel... vms) {
        getStyleClass().add("heatmap-view");
        var label = new Label(title);
        label.getStyleClass().add("view-title");
        this.note = note;
        noteLabel = new Label(note);
        noteLabel.getStyleClass().add("view-note");
        var layer = new Spinner<Integer>();
        factory = new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 1, 1);
        layer.setValueFactory(factory);
        layerCountA = vms[0].layerCountProperty();
        layer.setPrefWidth(80);
        vms[0].layerCountProperty().addListener((o, a, b) -> layersChanged());
        factory.valueProperty().addListener((o, a, b) -> vms[0].layerProperty().set(b - 1));
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var bar = new HBox(10, label, noteLabel, spacer, new Label("layer"), layer);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("view-bar");
        Bars.keepLabelsWhole(bar);
        getChildren().add(bar);
        for (HeatmapViewModel vm : vms) {
            var sub = new Label(vm.kind().label());
            sub.getStyleClass().add("sub-title");
            var canvas = new HeatmapCanvas(vm.kind() != ChannelKind.DELTA);
            VBox.setVgrow(canvas, Priority.ALWAYS);
            canvas.shownProperty().bind(shown);
            vm.frameProperty().addListener((o, a, f) -> canvas.show(f));
            canvases.add(canvas);
            subTitles.add(sub);
            kinds.add(vm.kind());
            getChildren().addAll(sub, canvas);
        }
    }

    /**
     * Compare mode: while {@code active}, model B's frames ({@code b}: a view model of each quantity this
     * view shows) are drawn below A's, the two titled "A · {@code nameA}" and "B · {@code nameB}";
     * otherwise A alone, as before.
     */
    public void compare(ObservableBooleanValue active, ObservableStringValue nameA, ObservableStringValue nameB,
                        HeatmapViewModel... b) {
        layerCountB = () -> active.get() && b.length > 0 ? b[0].layerCountProperty().get() : 0;
        active.addListener((o, x, on) -> layersChanged());
        b[0].layerCountProperty().addListener((o, x, n) -> layersChanged());
        for (int i = 0; i < canvases.size(); i++) {
            var canvas = canvases.get(i);
            var kind = kinds.get(i);
            var vm = Arrays.stream(b).filter(m -> m.kind() == kind).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("no model B view model of " + kind));
            Runnable sync = () -> canvas.showB(active.get() ? vm.frame() : null, "A · " + nameA.get(),
                    "B · " + nameB.get());
            vm.frameProperty().addListener((o, x, f) -> sync.run());
            active.addListener((o, x, on) -> sync.run());
            nameA.addListener((o, x, n) -> sync.run());
            nameB.addListener((o, x, n) -> sync.run());
            sync.run();
        }
    }

    /**
     * With two canvases (the gate view), the second (Δ) and both canvases' titles are left out while the
     * first's blocks would be under {@link #MIN_CELLS} high, and the bar's note says so; they come back when
     * both fit again.
     */
    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (canvases.size() < 2) {
            return;
        }
        var first = canvases.get(0);
        int n = first.blockCount();
        boolean both = canvases.get(1).isManaged();
        double h = first.getHeight();
        double titles = subTitles.get(0).prefHeight(-1) + subTitles.get(1).prefHeight(-1);
        boolean fit = both ? HeatmapCanvas.blockHeight(n, h) >= MIN_CELLS
                : HeatmapCanvas.blockHeight(n, (h - titles) / 2) >= MIN_CELLS + HYSTERESIS;
        if (fit != both) {
            showSecond(fit);
        }
    }

    /** Both canvases with their titles, or the first alone, its title moved into the bar's note. */
    private void showSecond(boolean on) {
        for (int i = 0; i < canvases.size(); i++) {
            var nodes = i == 0 ? List.<Node>of(subTitles.get(i)) : List.<Node>of(subTitles.get(i), canvases.get(i));
            for (var node : nodes) {
                node.setVisible(on);
                node.setManaged(on);
            }
        }
        noteLabel.setText(on ? note : kinds.get(0).label() + " · " + kinds.get(1).label().split(" ")[0]
                + " left out for room");
    }

    /** Whether the second canvas (the gate view's Δ) is shown; false while it is left out for room. */
    boolean secondShown() {
        return canvases.size() > 1 && canvases.get(1).isManaged();
    }

    /** The height of each block of the first canvas (tests: whether it can draw). */
    double firstBlockHeight() {
        var first = canvases.get(0);
        return HeatmapCanvas.blockHeight(first.blockCount(), first.getHeight());
    }

    private void layersChanged() {
        factory.setMax(Math.max(layerCountA.get(), layerCountB.getAsInt()));
    }

    /** Whether the view is on screen; while it is not, steps do not draw (bound to its tab's selection). */
    public BooleanProperty shownProperty() {
        return shown;
    }

    /** The hidden-state heatmap. */
    public static HeatmapView state(HeatmapViewModel vm) {
        var v = new HeatmapView("State heatmap", "h_t per channel, diverging colour scale", vm);
        v.setId("heatmap-view");
        return v;
    }

    /** The gate view: Δ_t (sequential) and Ā_t (diverging, so negative gates show blue). */
    public static HeatmapView gates(HeatmapViewModel delta, HeatmapViewModel gate) {
        var v = new HeatmapView("Gates", "how much to write (Δ) and how much to keep (Ā)", gate, delta);
        v.setId("gate-view");
        return v;
    }
}
