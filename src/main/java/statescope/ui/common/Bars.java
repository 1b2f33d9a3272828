package statescope.ui.common;

import javafx.scene.control.Labeled;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/** Small layout helpers for the views' tool bars. */
public final class Bars {

    private Bars() {
    }

    /** Keeps every label and button of a bar at its preferred width, so none is cut to "…". */
    public static void keepLabelsWhole(Pane bar) {
        for (var child : bar.getChildren()) {
            if (child instanceof Labeled l) {
                l.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
    }
}
