package statescope.ui.analysis;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javafx.css.PseudoClass;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import statescope.ui.automaton.AutomatonLayout;

/**
 * Draws one laid-out machine ({@link AutomatonLayout}, the engine of the app's automaton view), scaled to
 * fit the pane, with the automaton view's style classes. States can be marked: {@code :truth} (the
 * reference's state), {@code :ghost} (what a probe decodes; dashed), {@code .matched} / {@code .unmatched}
 * (an extracted state that does or does not correspond to one reference state).
 */
final class MachinePane extends Pane {

    static final PseudoClass TRUTH = PseudoClass.getPseudoClass("truth");
    static final PseudoClass GHOST = PseudoClass.getPseudoClass("ghost");

    private final Group content = new Group();
    private final Map<Integer, Group> states = new HashMap<>();
    private AutomatonLayout.Result layout;

    MachinePane() {
        getStyleClass().add("machine-pane");
        getChildren().add(content);
        setMinSize(120, 80);
    }

    /** Draws {@code r} (null: nothing); {@code classes} adds a style class per state. */
    void show(AutomatonLayout.Result r, Map<Integer, String> classes) {
        layout = r;
        states.clear();
        content.getChildren().clear();
        if (r == null) {
            return;
        }
        for (var e : r.edges()) {
            content.getChildren().add(edge(e));
        }
        for (var n : r.nodes()) {
            Group g = state(n, r.horizontal());
            String c = classes == null ? null : classes.get(n.state());
            if (c != null) {
                g.getStyleClass().add(c);
            }
            states.put(n.state(), g);
            content.getChildren().add(g);
        }
        requestLayout();
    }

    /** Marks the reference's state and the probe's belief (−1: none). */
    void mark(int truth, int ghost) {
        for (var e : states.entrySet()) {
            e.getValue().pseudoClassStateChanged(TRUTH, e.getKey() == truth);
            e.getValue().pseudoClassStateChanged(GHOST, e.getKey() == ghost && ghost != truth);
        }
    }

    /** The states drawn (for tests). */
    Set<Integer> drawnStates() {
        return Set.copyOf(states.keySet());
    }

    @Override
    protected void layoutChildren() {
        if (layout == null) {
            return;
        }
        double s = Math.min(1.6, layout.fitScale(getWidth(), getHeight()));
        content.setScaleX(s);
        content.setScaleY(s);
        var b = content.getLayoutBounds();
        content.setLayoutX((getWidth() - b.getWidth()) / 2 - b.getMinX());
        content.setLayoutY((getHeight() - b.getHeight()) / 2 - b.getMinY());
    }

    private static Group state(AutomatonLayout.Node n, boolean horizontal) {
        double r = n.h() / 2;
        double hw = n.w() / 2;
        var shape = new Rectangle(n.x() - hw, n.y() - r, n.w(), n.h());
        shape.setArcWidth(n.h());
        shape.setArcHeight(n.h());
        shape.getStyleClass().add("state-circle");
        var text = new Text(n.label());
        text.getStyleClass().add("state-label");
        text.applyCss();
        double w = text.getLayoutBounds().getWidth();
        if (w > n.w() - 12) {
            text.setScaleX((n.w() - 12) / w);
            text.setScaleY((n.w() - 12) / w);
        }
        text.setX(n.x() - w / 2);
        text.setY(n.y() + 5);
        var g = new Group(shape, text);
        if (n.start()) {
            Line arrow = horizontal ? new Line(n.x() - hw - 30, n.y(), n.x() - hw - 4, n.y())
                    : new Line(n.x(), n.y() - r - 30, n.x(), n.y() - r - 4);
            arrow.getStyleClass().add("start-arrow");
            g.getChildren().add(arrow);
        }
        g.getStyleClass().add("machine-state");
        g.setUserData(n.label());
        return g;
    }

    private static Group edge(AutomatonLayout.Edge e) {
        double[] p = e.points();
        var line = new Polyline(p);
        line.getStyleClass().add("edge-line");
        int m = p.length;
        double ang = Math.atan2(p[m - 1] - p[m - 3], p[m - 2] - p[m - 4]);
        var head = new Polygon(p[m - 2], p[m - 1],
                p[m - 2] + 9 * Math.cos(ang + Math.PI - 0.4), p[m - 1] + 9 * Math.sin(ang + Math.PI - 0.4),
                p[m - 2] + 9 * Math.cos(ang + Math.PI + 0.4), p[m - 1] + 9 * Math.sin(ang + Math.PI + 0.4));
        head.getStyleClass().add("edge-head");
        var label = new Label(e.label());
        label.getStyleClass().add("edge-label");
        label.setLayoutX(e.labelX());
        label.setLayoutY(e.labelY());
        return new Group(line, head, label);
    }
}
