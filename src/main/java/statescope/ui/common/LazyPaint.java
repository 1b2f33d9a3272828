package statescope.ui.common;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Paints a view now when it is shown, else once when it is shown again: a view in a tab that is not
 * selected skips its per-step drawing (the main window binds {@link #shownProperty()} to the tab's
 * selection). Not thread-safe (the FX thread's).
 */
public final class LazyPaint {

    private final BooleanProperty shown = new SimpleBooleanProperty(true);
    private final Runnable paint;
    private boolean dirty;

    public LazyPaint(Runnable paint) {
        this.paint = paint;
        shown.addListener((o, a, b) -> {
            if (b && dirty) {
                request();
            }
        });
    }

    /** Paints now if shown; otherwise remembers to paint when shown. */
    public void request() {
        if (shown.get()) {
            dirty = false;
            paint.run();
        } else {
            dirty = true;
        }
    }

    /** Whether the view is on screen (default true). */
    public BooleanProperty shownProperty() {
        return shown;
    }
}
