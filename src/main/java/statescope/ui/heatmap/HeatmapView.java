package statescope.ui.heatmap;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
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
 * The state heatmap (one model) or the gate view (Δ above Ā): channel × time for the chosen layer.
 * Build it with {@link #state} or {@link #gates}.
 */
public final class HeatmapView extends VBox {

    private final BooleanProperty shown = new SimpleBooleanProperty(true);

    private HeatmapView(String title, String note, HeatmapViewModel... vms) {
        getStyleClass().add("heatmap-view");
        var label = new Label(title);
        label.getStyleClass().add("view-title");
        var noteLabel = new Label(note);
        noteLabel.getStyleClass().add("view-note");
        var layer = new Spinner<Integer>();
        var factory = new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 1, 1);
        layer.setValueFactory(factory);
        layer.setPrefWidth(80);
        vms[0].layerCountProperty().addListener((o, a, b) -> factory.setMax(b));
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
            getChildren().addAll(sub, canvas);
        }
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
