package statescope.ui.common;

import java.util.function.BiFunction;
import javafx.scene.control.Label;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;

/**
 * A one-line readout that follows the mouse over a drawn view (a heatmap cell, a trajectory point): the
 * view says what is under the mouse, or null for nothing. It lies inside the view's pane, unmanaged, and
 * stays inside the pane's bounds (a line wider than the pane wraps); it hides when the mouse leaves or a
 * context menu opens (so an export does not carry it).
 */
public final class HoverReadout {

    private final Label label = new Label();
    private final Pane pane;

    private HoverReadout(Pane pane, BiFunction<Double, Double, String> textAt) {
        this.pane = pane;
        label.getStyleClass().add("hover-readout");
        label.setWrapText(true);                                       // wider than the pane: two lines, not cut
        label.setManaged(false);
        label.setVisible(false);
        label.setMouseTransparent(true);
        pane.getChildren().add(label);
        pane.addEventHandler(MouseEvent.MOUSE_MOVED, e -> show(textAt.apply(e.getX(), e.getY()), e.getX(), e.getY()));
        pane.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> label.setVisible(false));
        pane.addEventHandler(MouseEvent.MOUSE_EXITED, e -> label.setVisible(false));
        pane.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> label.setVisible(false));
    }

    /** Adds a readout to {@code pane}; {@code textAt(x, y)} (pane coordinates) gives its text or null. */
    public static HoverReadout attach(Pane pane, BiFunction<Double, Double, String> textAt) {
        return new HoverReadout(pane, textAt);
    }

    /** The label (for tests and screenshots). */
    public Label label() {
        return label;
    }

    /** Shows {@code text} near (x, y), or hides the readout when text is null. */
    public void show(String text, double x, double y) {
        if (text == null) {
            label.setVisible(false);
            return;
        }
        label.setText(text);
        label.applyCss();                                              // its size needs its style
        double w = Math.min(label.prefWidth(-1), pane.getWidth());     // at most the pane's width (a point by the
        double h = label.prefHeight(w);                                // right edge of a narrow pane cut it off)
        label.resize(w, h);
        double lx = x + 14 + w <= pane.getWidth() ? x + 14 : Math.max(0, x - 14 - w);
        double ly = y + 18 + h <= pane.getHeight() ? y + 18 : Math.max(0, y - 8 - h);
        label.relocate(lx, ly);
        label.toFront();
        label.setVisible(true);
    }
}
