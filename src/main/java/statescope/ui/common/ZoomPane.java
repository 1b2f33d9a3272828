package statescope.ui.common;

import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;

/**
 * A clipped pane that shows one content node, panned by dragging and zoomed by the scroll wheel
 * (around the cursor); {@link #fit()} scales the content to the pane.
 */
public final class ZoomPane extends Pane {

    private final Group holder = new Group();
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

    /** Scales and centres the content to fill the pane (at most 1.6×). */
    public void fit() {
        Bounds b = holder.getLayoutBounds();
        if (b.getWidth() <= 0 || getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        double s = Math.min(1.6, Math.min((getWidth() - 20) / b.getWidth(), (getHeight() - 20) / b.getHeight()));
        s = Math.max(0.1, s);
        holder.setScaleX(s);
        holder.setScaleY(s);
        double cx = b.getMinX() + b.getWidth() / 2;
        double cy = b.getMinY() + b.getHeight() / 2;
        holder.setTranslateX(getWidth() / 2 - cx);
        holder.setTranslateY(getHeight() / 2 - cy);
        userMoved = false;
    }
}
