package statescope.ui.automaton;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import statescope.lang.Dfa;
import statescope.inspect.AlignedTrace;

/**
 * The automaton view's state: which DFA to draw, the current state, the path so far (the trail), the
 * counter/stack configuration for counter languages, and whether the dead state is collapsed.
 */
public final class AutomatonViewModel {

    /** Transitions kept in the trail (older ones fade out of it). */
    public static final int TRAIL = 24;

    /**
     * One frame.
     *
     * @param current   current DFA state (or control state)
     * @param path      states at positions {@code t - path.length + 1 .. t}
     * @param config    the configuration text ("q1", "depth 2")
     * @param accepting whether the prefix is accepted
     * @param position  t
     * @param registers the machine's registers at the path's positions, {@code [path.length][R]}
     * @param names     the registers' names ({@code R} of them, e.g. "depth", or "count a", "count b")
     */
    public record Frame(int current, int[] path, String config, boolean accepting, boolean rejected, int position,
                       int[][] registers, List<String> names) {
    }

    private final ReadOnlyObjectWrapper<Dfa> dfa = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Frame> frame = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty collapseDead = new SimpleBooleanProperty(true);

    /** The DFA drawn, or null for a language without one (a counter language). */
    public ReadOnlyObjectProperty<Dfa> dfaProperty() {
        return dfa.getReadOnlyProperty();
    }

    /** A new language: its DFA (or null). */
    public void showDfa(Dfa d) {
        dfa.set(d);
    }

    public ReadOnlyObjectProperty<Frame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    public Frame frame() {
        return frame.get();
    }

    public BooleanProperty collapseDeadProperty() {
        return collapseDead;
    }

    /** Recomputes the frame for position t of the trace. */
    public void update(AlignedTrace trace, int t) {
        int from = Math.max(0, t - TRAIL);
        int[] path = new int[t - from + 1];
        var m = trace.machine();
        int[][] registers = new int[path.length][];
        for (int i = from; i <= t; i++) {
            path[i - from] = trace.state(i);
            registers[i - from] = m.registers(trace.config(i));
        }
        var c = trace.config(t);
        frame.set(new Frame(trace.state(t), path, m.describe(c), m.accepting(c), m.isDead(c), t, registers,
                m.registerNames()));
    }
}
