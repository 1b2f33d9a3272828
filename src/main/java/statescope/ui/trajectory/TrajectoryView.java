package statescope.ui.trajectory;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableIntegerValue;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import statescope.ui.common.Bars;
import statescope.ui.common.HoverReadout;
import statescope.ui.common.LazyPaint;
import statescope.ui.common.UiScale;
import statescope.ui.common.VectorPaint;

/**
 * Hidden states of one layer in a PCA basis fitted once on a corpus of the language: the corpus as a
 * faint cloud coloured by reference state, centroids labelled by state, the current string's path on
 * top and the current point emphasised. 2D shows PC1 × PC2; 3D is an orthographic view rotated by
 * dragging. Drawing is {@link TrajectoryPainter}'s (the cloud on its own canvas, redrawn only when it
 * changes).
 */
public final class TrajectoryView extends BorderPane {

    private final TrajectoryViewModel vm;
    private final Canvas back = new Canvas();
    private final Canvas front = new Canvas();
    private final TrajectoryPainter painter;
    private final LazyPaint paint;
    private double lastX;
    private double lastY;

    public TrajectoryView(TrajectoryViewModel vm, ObservableIntegerValue layers) {
        this.vm = vm;
        this.painter = new TrajectoryPainter(back, front, vm);
        this.paint = new LazyPaint(painter::draw);
        VectorPaint.attach(front, painter::paint);
        VectorPaint.skip(back);
        getStyleClass().add("trajectory-view");
        setId("trajectory-view");
        var title = new Label("Trajectory");
        title.getStyleClass().add("view-title");
        var note = new Label("PCA of h_t, fitted once on a sampled corpus, then frozen");
        note.getStyleClass().add("view-note");
        var three = new ToggleButton("3D");
        three.setId("trajectory-3d");
        three.getStyleClass().add("small");
        three.selectedProperty().bindBidirectional(vm.threeDProperty());
        var layer = new Spinner<Integer>();
        var factory = new SpinnerValueFactory.IntegerSpinnerValueFactory(1, Math.max(1, layers.get()), 1);
        layers.addListener((o, a, b) -> factory.setMax(Math.max(1, b.intValue())));
        layer.setValueFactory(factory);
        layer.setPrefWidth(80);
        factory.valueProperty().addListener((o, a, b) -> vm.layerProperty().set(b - 1));
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var bar = new HBox(10, title, note, spacer, three, new Label("layer"), layer);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("view-bar");
        Bars.keepLabelsWhole(bar);
        setTop(bar);
        var holder = new Pane(back, front) {
            @Override
            protected void layoutChildren() {
                if (front.getWidth() != getWidth() || front.getHeight() != getHeight()) {
                    for (Canvas c : new Canvas[] {back, front}) {
                        c.setWidth(getWidth());
                        c.setHeight(getHeight());
                    }
                    paint.request();
                }
            }
        };
        holder.setMinSize(100, 100);
        HoverReadout.attach(holder, (x, y) -> {
            var f = vm.frame();
            return f == null ? null : f.readout(painter.pointAt(x, y, 10));
        });
        setCenter(holder);
        holder.setOnMousePressed(e -> {
            lastX = e.getX();
            lastY = e.getY();
        });
        holder.setOnMouseDragged(e -> {
            if (vm.threeDProperty().get()) {
                vm.rotate(e.getX() - lastX, e.getY() - lastY);
                lastX = e.getX();
                lastY = e.getY();
                paint.request();
            }
        });
        vm.frameProperty().addListener((o, a, b) -> paint.request());
        vm.titleProperty().addListener((o, a, b) -> paint.request());
        UiScale.factorProperty().addListener((o, a, b) -> paint.request());   // labels, title and axes measured again
    }

    /** The name drawn in the plot's top left corner, or "" (see {@link TrajectoryViewModel#titleProperty}). */
    public StringProperty titleProperty() {
        return vm.titleProperty();
    }

    /** Whether the view is on screen; while it is not, steps do not draw (bound to its tab's selection). */
    public BooleanProperty shownProperty() {
        return paint.shownProperty();
    }
}
