package statescope.lang;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable nondeterministic finite automaton with ε-moves over an {@link Alphabet}.
 *
 * <p>States are {@code 0..numStates-1}; there may be several start states. {@link #toDfa()} is the
 * subset construction (ε-closures included); its result is total, with an explicit dead state (the
 * empty subset) when some subset has no successor. Build one with {@link Builder}.
 */
public final class Nfa {

    private final Alphabet alphabet;
    private final int numStates;
    private final int[] starts;
    private final boolean[] accepting;  // [numStates]
    private final int[][][] delta;      // [numStates][k][successors]
    private final int[][] epsilon;      // [numStates][successors]
    private final List<String> labels;

    private Nfa(Alphabet alphabet, int[] starts, boolean[] accepting, int[][][] delta, int[][] epsilon,
            List<String> labels) {
        this.alphabet = alphabet;
        this.numStates = accepting.length;
        this.starts = starts;
        this.accepting = accepting;
        this.delta = delta;
        this.epsilon = epsilon;
        this.labels = labels;
    }

    public Alphabet alphabet() {
        return alphabet;
    }

    public int numStates() {
        return numStates;
    }

    /** The start states, ascending. */
    public int[] startStates() {
        return starts.clone();
    }

    public boolean isAccepting(int state) {
        return accepting[state];
    }

    /** The successors of {@code state} on {@code symbol} (a copy). */
    public int[] successors(int state, int symbol) {
        return delta[state][symbol].clone();
    }

    /** The ε-successors of {@code state} (a copy). */
    public int[] epsilonSuccessors(int state) {
        return epsilon[state].clone();
    }

    public String label(int state) {
        return labels.get(state);
    }

    /** The ε-closure of a set of states (the set itself is not changed). */
    public BitSet closure(BitSet states) {
        BitSet out = (BitSet) states.clone();
        int[] stack = new int[numStates];
        int top = 0;
        for (int q = out.nextSetBit(0); q >= 0; q = out.nextSetBit(q + 1)) {
            stack[top++] = q;
        }
        while (top > 0) {
            int q = stack[--top];
            for (int r : epsilon[q]) {
                if (!out.get(r)) {
                    out.set(r);
                    stack[top++] = r;
                }
            }
        }
        return out;
    }

    private BitSet step(BitSet set, int symbol) {
        BitSet next = new BitSet(numStates);
        for (int q = set.nextSetBit(0); q >= 0; q = set.nextSetBit(q + 1)) {
            for (int r : delta[q][symbol]) {
                next.set(r);
            }
        }
        return closure(next);
    }

    private BitSet startSet() {
        BitSet s = new BitSet(numStates);
        for (int q : starts) {
            s.set(q);
        }
        return closure(s);
    }

    /** Simulates the NFA on a word (the slow reference for {@link #toDfa()}). */
    public boolean accepts(Word word) {
        BitSet cur = startSet();
        for (int i = 0; i < word.length(); i++) {
            cur = step(cur, word.at(i));
        }
        for (int q = cur.nextSetBit(0); q >= 0; q = cur.nextSetBit(q + 1)) {
            if (accepting[q]) {
                return true;
            }
        }
        return false;
    }

    /** The subset construction under {@link Limits#DEFAULT}. */
    public Dfa toDfa() {
        return toDfa(Limits.DEFAULT);
    }

    /** The subset construction with at most {@code maxStates} DFA states. */
    public Dfa toDfa(int maxStates) {
        return toDfa(Limits.DEFAULT.withMaxConstructionStates(maxStates));
    }

    /**
     * The subset construction: a total DFA whose states are the reachable ε-closed subsets, numbered in
     * breadth-first order from the start subset. Each state is labelled with its subset of NFA labels,
     * e.g. {@code {q0,q2}}; the empty subset is the dead state, labelled {@code dead}.
     *
     * @throws LimitExceededException when more subsets are reachable than {@code limits} allow for an
     *     intermediate DFA (states, transitions, or memory for the subsets)
     */
    public Dfa toDfa(Limits limits) {
        int k = alphabet.size();
        // Only "important" states matter in a subset: those that read a symbol or accept. Dropping the
        // others (ε-only states) gives fewer, smaller subsets with the same language.
        BitSet important = new BitSet(numStates);
        for (int q = 0; q < numStates; q++) {
            boolean reads = false;
            for (int a = 0; a < k && !reads; a++) {
                reads = delta[q][a].length > 0;
            }
            if (reads || accepting[q]) {
                important.set(q);
            }
        }
        BitSet[] moves = new BitSet[numStates * k];   // [q * k + a]: closure of δ(q, a), cached
        long cacheBudget = limits.maxConstructionEntries();
        Map<BitSet, Integer> ids = new HashMap<>();
        List<BitSet> sets = new ArrayList<>();
        BitSet s0 = startSet();
        s0.and(important);
        ids.put(s0, 0);
        sets.add(s0);
        int[] table = new int[16 * k];
        long words = (s0.length() + 63) / 64;
        for (int i = 0; i < sets.size(); i++) {
            BitSet cur = sets.get(i);
            for (int a = 0; a < k; a++) {
                BitSet nxt = new BitSet(numStates);
                for (int q = cur.nextSetBit(0); q >= 0; q = cur.nextSetBit(q + 1)) {
                    BitSet m = moves[q * k + a];
                    if (m == null) {
                        BitSet direct = new BitSet(numStates);
                        for (int r : delta[q][a]) {
                            direct.set(r);
                        }
                        m = closure(direct);
                        m.and(important);
                        long size = (m.length() + 63) / 64 + 2;
                        if (cacheBudget >= size) {
                            cacheBudget -= size;
                            moves[q * k + a] = m;
                        }
                    }
                    nxt.or(m);
                }
                Integer id = ids.get(nxt);
                if (id == null) {
                    limits.checkConstruction("the subset construction", sets.size() + 1L, k);
                    words += (nxt.length() + 63) / 64;
                    if (words > limits.maxConstructionEntries()) {
                        throw new LimitExceededException("the subset construction needs more than "
                                + limits.maxConstructionEntries() + " words of memory for its subsets; simplify the automaton");
                    }
                    id = sets.size();
                    ids.put(nxt, id);
                    sets.add(nxt);
                }
                if ((i + 1) * k > table.length) {
                    table = Arrays.copyOf(table, table.length * 2);
                }
                table[i * k + a] = id;
            }
        }
        int n = sets.size();
        boolean[] acc = new boolean[n];
        List<String> lbl = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            BitSet set = sets.get(i);
            var sb = new StringBuilder("{");
            for (int q = set.nextSetBit(0); q >= 0; q = set.nextSetBit(q + 1)) {
                acc[i] |= accepting[q];
                if (sb.length() > 1) {
                    sb.append(',');
                }
                sb.append(labels.get(q));
            }
            if (set.isEmpty()) {
                lbl.add("dead");
            } else if (set.cardinality() == 1) {
                lbl.add(labels.get(set.nextSetBit(0)));
            } else {
                lbl.add(sb.append('}').toString());
            }
        }
        return new Dfa(alphabet, 0, Arrays.copyOf(table, n * k), acc, uniqueLabels(lbl));
    }

    /** The NFA with the same states and transitions as a DFA. */
    public static Nfa of(Dfa dfa) {
        var b = new Builder(dfa.alphabet());
        for (int q = 0; q < dfa.numStates(); q++) {
            b.addState(dfa.label(q), dfa.isAccepting(q));
        }
        b.addStart(dfa.startState());
        for (int q = 0; q < dfa.numStates(); q++) {
            for (int a = 0; a < dfa.alphabet().size(); a++) {
                b.addTransition(q, a, dfa.next(q, a));
            }
        }
        return b.build();
    }

    static List<String> uniqueLabels(List<String> labels) {
        var seen = new HashMap<String, Integer>();
        var out = new ArrayList<String>(labels.size());
        for (String l : labels) {
            int c = seen.merge(l, 1, Integer::sum);
            out.add(c == 1 ? l : l + "#" + c);
        }
        return out;
    }

    @Override
    public String toString() {
        return "Nfa[" + numStates + " states over " + alphabet + "]";
    }

    /** Builds an {@link Nfa}; states are added one by one and referred to by index. */
    public static final class Builder {
        private final Alphabet alphabet;
        private final List<String> labels = new ArrayList<>();
        private final List<Boolean> accepting = new ArrayList<>();
        private final List<List<int[]>> edges = new ArrayList<>(); // per state: {symbol or -1, to}
        private final java.util.TreeSet<Integer> starts = new java.util.TreeSet<>();

        public Builder(Alphabet alphabet) {
            this.alphabet = alphabet;
        }

        /** Adds a state labelled {@code q<index>} and returns its index. */
        public int addState(boolean accept) {
            return addState("q" + labels.size(), accept);
        }

        /** Adds a state and returns its index. */
        public int addState(String label, boolean accept) {
            labels.add(label);
            accepting.add(accept);
            edges.add(new ArrayList<>());
            return labels.size() - 1;
        }

        public int numStates() {
            return labels.size();
        }

        public Builder setAccepting(int state, boolean accept) {
            check(state);
            accepting.set(state, accept);
            return this;
        }

        public Builder addStart(int state) {
            check(state);
            starts.add(state);
            return this;
        }

        public Builder addTransition(int from, int symbol, int to) {
            check(from);
            check(to);
            if (symbol < 0 || symbol >= alphabet.size()) {
                throw new IllegalArgumentException("symbol index " + symbol + " is outside the alphabet " + alphabet);
            }
            edges.get(from).add(new int[] {symbol, to});
            return this;
        }

        public Builder addEpsilon(int from, int to) {
            check(from);
            check(to);
            edges.get(from).add(new int[] {-1, to});
            return this;
        }

        private void check(int state) {
            if (state < 0 || state >= labels.size()) {
                throw new IllegalArgumentException("state " + state + " has not been added");
            }
        }

        public Nfa build() {
            int n = labels.size();
            if (n == 0) {
                throw new IllegalArgumentException("an NFA needs at least one state");
            }
            int k = alphabet.size();
            int[][][] delta = new int[n][k][];
            int[][] eps = new int[n][];
            boolean[] acc = new boolean[n];
            for (int q = 0; q < n; q++) {
                acc[q] = accepting.get(q);
                int[] counts = new int[k + 1];
                for (int[] e : edges.get(q)) {
                    counts[e[0] + 1]++;
                }
                int[][] row = new int[k + 1][];
                for (int a = 0; a <= k; a++) {
                    row[a] = new int[counts[a]];
                    counts[a] = 0;
                }
                for (int[] e : edges.get(q)) {
                    row[e[0] + 1][counts[e[0] + 1]++] = e[1];
                }
                eps[q] = Arrays.stream(row[0]).distinct().sorted().toArray();
                for (int a = 0; a < k; a++) {
                    delta[q][a] = Arrays.stream(row[a + 1]).distinct().sorted().toArray();
                }
            }
            int[] st = starts.stream().mapToInt(Integer::intValue).toArray();
            return new Nfa(alphabet, st, acc, delta, eps, List.copyOf(labels));
        }
    }
}
