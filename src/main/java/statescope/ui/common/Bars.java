package statescope.ui.common;

import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

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

    /**
     * Lets a row of cells whose count follows its width shrink: its minimum width is 0 (the cells' sum, kept
     * as the minimum, held the window at its old width when it got narrower), and what lies past its edge
     * until the cells are refitted is clipped, not drawn over its neighbours.
     */
    public static void shrinkable(Region cells) {
        cells.setMinWidth(0);
        var clip = new Rectangle();
        clip.widthProperty().bind(cells.widthProperty());
        clip.heightProperty().bind(cells.heightProperty());
        cells.setClip(clip);
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
