package statescope.lang;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An immutable, total deterministic finite automaton over an {@link Alphabet}.
 *
 * <p>States are {@code 0..numStates-1}; {@code delta[q * k + a]} is the successor of state {@code q}
 * on symbol {@code a} (k = alphabet size). Every state has a successor on every symbol. The dead state
 * (a non-accepting sink) is explicit: {@link #deadState()} names it when there is one. Each state has a
 * display label (by default {@code q0, q1, ...}). Use {@link DfaBuilder} to build one from a partial
 * transition function; missing transitions go to a dead state.
 */
public final class Dfa {

    private final Alphabet alphabet;
    private final int numStates;
    private final int start;
    private final int[] delta;          // [numStates * k]
    private final boolean[] accepting;  // [numStates]
    private final List<String> labels;
    private final int dead;             // -1 when no state is a non-accepting sink

    /**
     * Creates a DFA; arrays are copied.
     *
     * @param delta transition table, row-major {@code [numStates][alphabet.size()]}
     * @param labels state labels, or null for {@code q0, q1, ...}
     */
    public Dfa(Alphabet alphabet, int start, int[] delta, boolean[] accepting, List<String> labels) {
        this.alphabet = alphabet;
        int k = alphabet.size();
        this.numStates = accepting.length;
        if (numStates == 0) {
            throw new IllegalArgumentException("a DFA needs at least one state");
        }
        if (delta.length != numStates * k) {
            throw new IllegalArgumentException("transition table has " + delta.length + " entries, expected "
                    + numStates + " states x " + k + " symbols");
        }
        if (start < 0 || start >= numStates) {
            throw new IllegalArgumentException("start state " + start + " is not a state");
        }
        for (int i = 0; i < delta.length; i++) {
            if (delta[i] < 0 || delta[i] >= numStates) {
                throw new IllegalArgumentException("transition from state " + (i / k) + " on '"
                        + alphabet.symbol(i % k) + "' goes to " + delta[i] + ", which is not a state");
            }
        }
        this.start = start;
        this.delta = delta.clone();
        this.accepting = accepting.clone();
        if (labels == null) {
            var l = new ArrayList<String>(numStates);
            for (int q = 0; q < numStates; q++) {
                l.add("q" + q);
            }
            this.labels = List.copyOf(l);
        } else {
            if (labels.size() != numStates) {
                throw new IllegalArgumentException(labels.size() + " labels for " + numStates + " states");
            }
            this.labels = List.copyOf(labels);
        }
        int d = -1;
        for (int q = 0; q < numStates && d < 0; q++) {
            if (!accepting[q] && isSink(q)) {
                d = q;
            }
        }
        this.dead = d;
    }

    private boolean isSink(int q) {
        int k = alphabet.size();
        for (int a = 0; a < k; a++) {
            if (delta[q * k + a] != q) {
                return false;
            }
        }
        return true;
    }

    public Alphabet alphabet() {
        return alphabet;
    }

    public int numStates() {
        return numStates;
    }

    public int startState() {
        return start;
    }

    public int next(int state, int symbol) {
        return delta[state * alphabet.size() + symbol];
    }

    public boolean isAccepting(int state) {
        return accepting[state];
    }

    public String label(int state) {
        return labels.get(state);
    }

    public List<String> labels() {
        return labels;
    }

    /** The dead state (a non-accepting sink), if the DFA has one. */
    public Optional<Integer> deadState() {
        return dead < 0 ? Optional.empty() : Optional.of(dead);
    }

    public boolean isDead(int state) {
        return state == dead;
    }

    /** The state reached from {@code from} after reading {@code word}. */
    public int run(int from, Word word) {
        int q = from;
        for (int i = 0; i < word.length(); i++) {
            q = next(q, word.at(i));
        }
        return q;
    }

    /** The state path of a word from the start state: {@code length + 1} states, the start first. */
    public int[] path(Word word) {
        int[] p = new int[word.length() + 1];
        p[0] = start;
        for (int i = 0; i < word.length(); i++) {
            p[i + 1] = next(p[i], word.at(i));
        }
        return p;
    }

    public boolean accepts(Word word) {
        return accepting[run(start, word)];
    }

    /** A copy of the transition table, row-major {@code [numStates][alphabet.size()]}. */
    public int[] transitionTable() {
        return delta.clone();
    }

    /** A copy of the accepting flags. */
    public boolean[] acceptingStates() {
        return accepting.clone();
    }

    /** The same automaton with other state labels. */
    public Dfa withLabels(List<String> newLabels) {
        return new Dfa(alphabet, start, delta, accepting, newLabels);
    }

    @Override
    public String toString() {
        return "Dfa[" + numStates + " states over " + alphabet + ", start " + labels.get(start)
                + ", accepting " + Arrays.toString(acceptingLabels()) + "]";
    }

    private String[] acceptingLabels() {
        var l = new ArrayList<String>();
        for (int q = 0; q < numStates; q++) {
            if (accepting[q]) {
                l.add(labels.get(q));
            }
        }
        return l.toArray(String[]::new);
    }
}
