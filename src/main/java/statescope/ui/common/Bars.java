package statescope.ui.common;

import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/** Small layout helpers for the views' tool bars. */
public final class Bars {

    private Bars() {
    }

    /**
     * Keeps every label, button and spinner of a bar at its preferred width, so none is cut to "…"; a note
     * ({@code view-note}) gives way first on a narrow window and shows its whole text as a tooltip.
     */
    public static void keepLabelsWhole(Pane bar) {
        for (var child : bar.getChildren()) {
            if (child instanceof Labeled l && l.getStyleClass().contains("view-note")) {
                l.setMinWidth(0);
                tooltipWhenCut(l);
            } else if (child instanceof Control c) {                  // labels, buttons, spinners: whole
                c.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
    }

    /** Gives {@code label} a tooltip with its whole text (for a text that may be cut to "…" on a narrow window). */
    public static void tooltipWhenCut(Labeled label) {
        var tip = new Tooltip();
        tip.textProperty().bind(label.textProperty());
        tip.setWrapText(true);
        tip.setMaxWidth(640);
        label.setTooltip(tip);
    }
}
