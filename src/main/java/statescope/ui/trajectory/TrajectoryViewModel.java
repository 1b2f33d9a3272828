package statescope.ui.trajectory;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import statescope.inspect.AlignedTrace;
import statescope.inspect.StateCloud;

/**
 * The trajectory view's state: per layer the corpus cloud in the frozen PCA basis, the current string's
 * path, and the view's 2D/3D mode and rotation.
 */
public final class TrajectoryViewModel {

    /** Longest path drawn (the most recent positions). */
    public static final int MAX_PATH = 400;

    /**
     * One frame.
     *
     * @param cloud      the layer's corpus cloud, or null while it is being fitted
     * @param path       projected states at positions {@code firstT .. current}, {@code [P][3]}
     * @param pathStates the reference state index (into the cloud's names, −1 if unseen) per path point
     * @param firstT     position of the first path point
     * @param current    current position
     * @param tokens     per path point the symbol read to reach it ("" at t = 0)
     * @param stateNames per path point the automaton's state (its configuration, as the cloud names it)
     * @param legend     every state a colour is given to: the cloud's (same indices), then the drawn
     *                   automaton's states the sampled corpus did not reach, then others on the path
     */
    public record Frame(StateCloud cloud, float[][] path, int[] pathStates, int firstT, int current, String[] tokens,
                        String[] stateNames, List<String> legend) {

        /**
         * The hover readout of path point {@code i}: {@code "t = 4 · token 'b' · automaton state q2"} (at t = 0
         * "no token read"); null when there is no such point.
         */
        public String readout(int i) {
            if (i < 0 || i >= path.length || tokens == null || i >= tokens.length) {
                return null;
            }
            int t = firstT + i;
            String token = t == 0 ? "no token read" : "token '" + tokens[i] + "'";
            return "t = " + t + " · " + token + " · automaton state " + stateNames[i];
        }
    }

    private final ReadOnlyObjectWrapper<List<StateCloud>> clouds = new ReadOnlyObjectWrapper<>(List.of());
    private final IntegerProperty layer = new SimpleIntegerProperty(0);
    private final BooleanProperty threeD = new SimpleBooleanProperty(false);
    private final DoubleProperty yaw = new SimpleDoubleProperty(-0.6);
    private final DoubleProperty pitch = new SimpleDoubleProperty(0.35);
    private final ReadOnlyObjectWrapper<Frame> frame = new ReadOnlyObjectWrapper<>();
    private final StringProperty title = new SimpleStringProperty("") {
        @Override
        public void set(String v) {
            super.set(v == null ? "" : v);                             // null draws nothing, as ""
        }
    };

    /** Per layer the corpus cloud in its frozen basis; empty while the projection is being fitted. */
    public ReadOnlyObjectProperty<List<StateCloud>> cloudsProperty() {
        return clouds.getReadOnlyProperty();
    }

    /** The fitted corpus clouds, one per layer (or none: not fitted yet). */
    public void setClouds(List<StateCloud> fitted) {
        clouds.set(fitted);
    }

    public IntegerProperty layerProperty() {
        return layer;
    }

    public BooleanProperty threeDProperty() {
        return threeD;
    }

    public DoubleProperty yawProperty() {
        return yaw;
    }

    public DoubleProperty pitchProperty() {
        return pitch;
    }

    /**
     * A name drawn in the plot's top left corner, before "↑ PC2" ("A · nonneg" in compare mode, where the
     * plot names its model without a row of its own), or "" for none.
     */
    public StringProperty titleProperty() {
        return title;
    }

    public ReadOnlyObjectProperty<Frame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    public Frame frame() {
        return frame.get();
    }

    /** Rotates the 3D view by a mouse drag of (dx, dy) pixels. */
    public void rotate(double dx, double dy) {
        yaw.set(yaw.get() + dx * 0.01);
        pitch.set(Math.max(-1.5, Math.min(1.5, pitch.get() + dy * 0.01)));
    }

    public void update(AlignedTrace trace, int t) {
        List<StateCloud> cs = clouds.get();
        int l = Math.min(Math.max(0, layer.get()), trace.model().info().numLayers() - 1);
        StateCloud cloud = cs == null || l >= cs.size() ? null : cs.get(l);
        if (cloud == null || !trace.hasProjections()) {
            frame.set(new Frame(cloud, new float[0][], new int[0], t, t, new String[0], new String[0],
                    cloud == null ? List.of() : legend(cloud, trace)));
            return;
        }
        int first = Math.max(0, t - MAX_PATH + 1);
        float[][] path = new float[t - first + 1][];
        int[] states = new int[path.length];
        String[] tokens = new String[path.length];
        String[] names = new String[path.length];
        var alphabet = trace.machine().alphabet();
        var legend = legend(cloud, trace);
        float[] origin = cloud.projection().project(new float[cloud.projection().mean().length]);
        for (int i = first; i <= t; i++) {
            path[i - first] = i == 0 ? origin : trace.point(l, i);
            names[i - first] = trace.machine().describe(trace.config(i));
            states[i - first] = legend.indexOf(names[i - first]);
            if (states[i - first] < 0) {                               // a state neither sampled nor drawn
                legend.add(names[i - first]);
                states[i - first] = legend.size() - 1;
            }
            tokens[i - first] = i == 0 ? "" : alphabet.symbol(trace.token(i));
        }
        frame.set(new Frame(cloud, path, states, first, t, tokens, names, List.copyOf(legend)));
    }

    /**
     * The cloud's state names, then the drawn automaton's states the corpus never reached (a sampled
     * corpus of D_12 stops short of depth 12), when the automaton names states as the machine does.
     */
    static List<String> legend(StateCloud cloud, AlignedTrace trace) {
        var out = new ArrayList<>(cloud.stateNames());
        trace.reference().dfa().ifPresent(dfa -> {
            if (dfa.labels().stream().anyMatch(out::contains)) {
                for (String label : dfa.labels()) {
                    if (!out.contains(label)) {
                        out.add(label);
                    }
                }
            }
        });
        return out;
    }
}
