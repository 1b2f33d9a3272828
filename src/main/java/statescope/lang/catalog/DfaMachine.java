package statescope.lang.catalog;

import java.util.ArrayDeque;
import java.util.List;
import statescope.lang.Alphabet;
import statescope.lang.Dfa;

/**
 * A {@link Dfa} seen as a {@link ReferenceMachine}: a configuration is a state, described by its
 * label. A state from which no accepting state can be reached counts as dead (in a minimal DFA that is
 * exactly the dead state).
 */
public final class DfaMachine implements ReferenceMachine {

    /** A DFA state as a configuration. */
    public record State(int id) implements Config {
    }

    private final Dfa dfa;
    private final boolean[] live; // [numStates]: an accepting state is reachable
    private final State[] states;

    public DfaMachine(Dfa dfa) {
        this.dfa = dfa;
        this.live = liveStates(dfa);
        this.states = new State[dfa.numStates()];
        for (int q = 0; q < states.length; q++) {
            states[q] = new State(q);
        }
    }

    /** States from which some accepting state is reachable (backward search from the accepting states). */
    static boolean[] liveStates(Dfa dfa) {
        int n = dfa.numStates();
        int k = dfa.alphabet().size();
        boolean[] live = new boolean[n];
        var queue = new ArrayDeque<Integer>();
        for (int q = 0; q < n; q++) {
            if (dfa.isAccepting(q)) {
                live[q] = true;
                queue.add(q);
            }
        }
        // reverse edges as adjacency lists
        int[] count = new int[n + 1];
        for (int q = 0; q < n; q++) {
            for (int a = 0; a < k; a++) {
                count[dfa.next(q, a) + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            count[i + 1] += count[i];
        }
        int[] pred = new int[n * k];
        int[] fill = count.clone();
        for (int q = 0; q < n; q++) {
            for (int a = 0; a < k; a++) {
                int t = dfa.next(q, a);
                pred[fill[t]++] = q;
            }
        }
        while (!queue.isEmpty()) {
            int t = queue.poll();
            for (int i = count[t]; i < count[t + 1]; i++) {
                int p = pred[i];
                if (!live[p]) {
                    live[p] = true;
                    queue.add(p);
                }
            }
        }
        return live;
    }

    /** The underlying DFA. */
    public Dfa dfa() {
        return dfa;
    }

    /** The configuration of a state. */
    public State state(int id) {
        return states[id];
    }

    @Override
    public String kind() {
        return "DFA";
    }

    @Override
    public Alphabet alphabet() {
        return dfa.alphabet();
    }

    @Override
    public State start() {
        return states[dfa.startState()];
    }

    @Override
    public State step(Config config, int symbol) {
        return states[dfa.next(((State) config).id(), symbol)];
    }

    @Override
    public boolean accepting(Config config) {
        return dfa.isAccepting(((State) config).id());
    }

    @Override
    public boolean isDead(Config config) {
        return !live[((State) config).id()];
    }

    @Override
    public String describe(Config config) {
        return dfa.label(((State) config).id());
    }

    @Override
    public List<String> registerNames() {
        return List.of("state");
    }

    @Override
    public int[] registers(Config config) {
        return new int[] {((State) config).id()};
    }
}
