package statescope.ui.common;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;

/**
 * A clipped pane that shows one content node, panned by dragging and zoomed by the scroll wheel
 * (around the cursor). Until the user zooms or pans, all of the content is fitted to the pane (and
 * refitted when the pane resizes); the content keeps its text readable by reading {@link #scaleProperty()}.
 * Once the user has zoomed or panned, the view moves only to bring the {@linkplain #focusOn focus}
 * (the automaton's current state) back when it has left the pane. {@link #fit()} returns to the fit.
 */
public final class ZoomPane extends Pane {

    /** Smallest scale of the fit (a larger graph is drawn smaller still: its content keeps labels readable). */
    public static final double SMALLEST = 0.1;

    private final Group holder = new Group();
    private Bounds focus;
    private double dragX;
    private double dragY;
    private boolean userMoved;

    public ZoomPane() {
        getStyleClass().add("zoom-pane");
        getChildren().add(holder);
        var clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setOnMousePressed(e -> {
            dragX = e.getX() - holder.getTranslateX();
            dragY = e.getY() - holder.getTranslateY();
        });
        setOnMouseDragged(e -> {
            holder.setTranslateX(e.getX() - dragX);
            holder.setTranslateY(e.getY() - dragY);
            userMoved = true;
        });
        setOnScroll(e -> {
            double factor = e.getDeltaY() > 0 ? 1.1 : 1 / 1.1;
            zoomAt(factor, e.getX(), e.getY());
            userMoved = true;
        });
        widthProperty().addListener((o, a, b) -> refit());
        heightProperty().addListener((o, a, b) -> refit());
    }

    /** Replaces the content; it is fitted unless the user has zoomed or panned. */
    public void setContent(Node content) {
        holder.getChildren().setAll(content);
        focus = null;
        refit();
    }

    private void refit() {
        if (!userMoved) {
            fit();
        }
    }

    /** Multiplies the zoom by {@code factor}, keeping the point (x, y) of the pane fixed. */
    public void zoomAt(double factor, double x, double y) {
        double s = holder.getScaleX() * factor;
        if (s < 0.1 || s > 8) {
            return;
        }
        // the group scales about its layout-bounds centre; compensate so (x, y) stays put
        Bounds b = holder.getLayoutBounds();
        double cx = b.getMinX() + b.getWidth() / 2;
        double cy = b.getMinY() + b.getHeight() / 2;
        double px = (x - holder.getTranslateX() - cx * (1 - holder.getScaleX())) / holder.getScaleX();
        double py = (y - holder.getTranslateY() - cy * (1 - holder.getScaleY())) / holder.getScaleY();
        holder.setScaleX(s);
        holder.setScaleY(s);
        holder.setTranslateX(x - px * s - cx * (1 - s));
        holder.setTranslateY(y - py * s - cy * (1 - s));
    }

    /** The content's scale (1 = its own size): what it draws at 1 px shows at this many pixels. */
    public ReadOnlyDoubleProperty scaleProperty() {
        return holder.scaleXProperty();
    }

    /** Scales all of the content to fit the pane (at most 1.6×) and centres it, until the user zooms or pans. */
    public void fit() {
        place(SMALLEST);
        userMoved = false;
    }

    private void place(double smallest) {
        Bounds b = holder.getLayoutBounds();
        if (b.getWidth() <= 0 || getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        double s = Math.min(1.6, Math.min((getWidth() - 20) / b.getWidth(), (getHeight() - 20) / b.getHeight()));
        s = Math.max(smallest, s);
        holder.setScaleX(s);
        holder.setScaleY(s);
        double cx = b.getMinX() + b.getWidth() / 2;
        double cy = b.getMinY() + b.getHeight() / 2;
        holder.setTranslateX(getWidth() / 2 - cx);
        holder.setTranslateY(getHeight() / 2 - cy);
        if (focus != null && !fits()) {
            centreOn(focus);
        }
    }

    private boolean fits() {
        Bounds shown = holder.getBoundsInParent();
        return shown.getWidth() <= getWidth() + 1 && shown.getHeight() <= getHeight() + 1;
    }

    /**
     * The part of the content to keep in view (content coordinates), or null. When it is not wholly
     * inside the pane (the user zoomed in, or new content was laid out differently) the view pans to it.
     */
    public void focusOn(Bounds region) {
        focus = region;
        if (region == null || fits() || getWidth() <= 0) {
            return;
        }
        Bounds shown = holder.localToParent(region);
        if (shown.getMinX() < 0 || shown.getMaxX() > getWidth() || shown.getMinY() < 0 || shown.getMaxY() > getHeight()) {
            centreOn(region);
        }
    }

    private void centreOn(Bounds region) {
        var c = holder.localToParent(region.getCenterX(), region.getCenterY());
        Bounds shown = holder.getBoundsInParent();
        double dx = getWidth() / 2 - c.getX();
        double dy = getHeight() / 2 - c.getY();
        // no empty margin wider than needed: keep the content's edges at or beyond the pane's edges
        if (shown.getWidth() > getWidth()) {
            dx = Math.max(getWidth() - 10 - shown.getMaxX(), Math.min(10 - shown.getMinX(), dx));
        } else {
            dx = getWidth() / 2 - (shown.getMinX() + shown.getWidth() / 2);
        }
        if (shown.getHeight() > getHeight()) {
            dy = Math.max(getHeight() - 10 - shown.getMaxY(), Math.min(10 - shown.getMinY(), dy));
        } else {
            dy = getHeight() / 2 - (shown.getMinY() + shown.getHeight() / 2);
        }
        holder.setTranslateX(holder.getTranslateX() + dx);
        holder.setTranslateY(holder.getTranslateY() + dy);
    }
}
