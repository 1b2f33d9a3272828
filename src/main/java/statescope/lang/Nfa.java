package statescope.lang;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * An immutable nondeterministic finite automaton with ε-moves over an {@link Alphabet}.
 *
 * <p>States are {@code 0..numStates-1}; there may be several start states. {@link #toDfa()} is the
 * subset construction (ε-closures included); its result is total, with an explicit dead state (the
 * empty subset) when some subset has no successor. Build one with {@link Builder}.
 */
public final class Nfa {

    /** Most transitions (ε-moves included) an NFA may hold: 5 million, about 60 MB while building. */
    public static final int MAX_TRANSITIONS = 5_000_000;

    /** Subsets with more members than this get a shortened label ({q0,q1,…,q9 +N}). */
    static final int MAX_LABEL_MEMBERS = 12;

    private static final int[] NONE = {};

    private final Alphabet alphabet;
    private final int numStates;
    private final int[] starts;
    private final boolean[] accepting;  // [numStates]
    private final int[][] symbols;      // [numStates][symbols with moves, ascending]
    private final int[][][] targets;    // [numStates][index into symbols[q]][successors, ascending]
    private final int[][] epsilon;      // [numStates][successors]
    private final List<String> labels;

    private Nfa(Alphabet alphabet, int[] starts, boolean[] accepting, int[][] symbols, int[][][] targets,
            int[][] epsilon, List<String> labels) {
        this.alphabet = alphabet;
        this.numStates = accepting.length;
        this.starts = starts;
        this.accepting = accepting;
        this.symbols = symbols;
        this.targets = targets;
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
        int j = Arrays.binarySearch(symbols[state], symbol);
        return j < 0 ? NONE : targets[state][j].clone();
    }

    /** The ε-successors of {@code state} (a copy). */
    public int[] epsilonSuccessors(int state) {
        return epsilon[state].clone();
    }

    public String label(int state) {
        return labels.get(state);
    }

    /** One start state, no ε-transition and at most one successor per state and symbol. */
    public boolean isDeterministic() {
        if (starts.length != 1) {
            return false;
        }
        for (int q = 0; q < numStates; q++) {
            if (epsilon[q].length > 0) {
                return false;
            }
            for (int[] t : targets[q]) {
                if (t.length > 1) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The ε-closure of a set of states (the set itself is not changed). Time and extra memory are
     * proportional to the closure, not to the number of states.
     */
    public BitSet closure(BitSet states) {
        BitSet out = (BitSet) states.clone();
        int[] stack = new int[Math.max(16, states.cardinality())];
        int top = 0;
        for (int q = out.nextSetBit(0); q >= 0; q = out.nextSetBit(q + 1)) {
            stack[top++] = q;
        }
        while (top > 0) {
            int q = stack[--top];
            for (int r : epsilon[q]) {
                if (!out.get(r)) {
                    out.set(r);
                    if (top == stack.length) {
                        stack = Arrays.copyOf(stack, 2 * top);
                    }
                    stack[top++] = r;
                }
            }
        }
        return out;
    }

    private BitSet step(BitSet set, int symbol) {
        BitSet next = new BitSet();
        for (int q = set.nextSetBit(0); q >= 0; q = set.nextSetBit(q + 1)) {
            for (int r : successors(q, symbol)) {
                next.set(r);
            }
        }
        return closure(next);
    }

    private BitSet startSet() {
        BitSet s = new BitSet();
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
     * e.g. {@code {q0,q2}} (shortened beyond {@value #MAX_LABEL_MEMBERS} members); the empty subset is
     * the dead state, labelled {@code dead}.
     *
     * <p>Bounded by {@code limits}: at most {@link Limits#maxConstructionStates()} subsets and
     * {@link Limits#maxConstructionEntries()} table entries; the subsets and the cached moves each at
     * most {@link Limits#maxConstructionEntries()} 64-bit words; at most
     * {@link Limits#maxConstructionWork()} elementary steps (set members visited).
     *
     * @throws LimitExceededException when one of those bounds is reached
     */
    public Dfa toDfa(Limits limits) {
        return new SubsetConstruction(limits).run();
    }

    /** The state of one subset construction. */
    private final class SubsetConstruction {
        private final Limits limits;
        private final int k = alphabet.size();
        private final BitSet important = new BitSet();
        private final int[][][] moves = new int[numStates][][]; // [q][j]: important part of closure(δ(q, symbols[q][j]))
        private long cacheWords;
        private long work;

        SubsetConstruction(Limits limits) {
            this.limits = limits;
            // Only "important" states matter in a subset: those that read a symbol or accept. Dropping the
            // others (ε-only states) gives fewer, smaller subsets with the same language.
            for (int q = 0; q < numStates; q++) {
                if (symbols[q].length > 0 || accepting[q]) {
                    important.set(q);
                }
            }
        }

        private void charge(long steps) {
            work += steps;
            if (work > limits.maxConstructionWork()) {
                throw new LimitExceededException("the subset construction took more than " + limits.maxConstructionWork()
                        + " steps; " + Limits.RAISE);
            }
        }

        /** The important states of closure(δ(q, symbols[q][j])), ascending; cached while the budget lasts. */
        private int[] move(int q, int j) {
            int[][] row = moves[q];
            if (row != null && row[j] != null) {
                return row[j];
            }
            int[] m = importantClosure(targets[q][j]);
            long size = (m.length + 1) / 2 + 2;
            if (cacheWords + size <= limits.maxConstructionEntries()) {
                cacheWords += size;
                if (row == null) {
                    row = moves[q] = new int[symbols[q].length][];
                }
                row[j] = m;
            }
            return m;
        }

        private final int[] seen = new int[numStates];  // seen[r] == stamp: r is in the closure being built
        private int stamp;
        private int[] stack = new int[16];
        private int[] found = new int[16];

        /** The important states of the ε-closure of {@code seeds}, ascending; time ∝ the closure. */
        private int[] importantClosure(int[] seeds) {
            if (++stamp == 0) {
                Arrays.fill(seen, 0);
                stamp = 1;
            }
            int top = 0;
            int count = 0;
            for (int r : seeds) {
                if (seen[r] != stamp) {
                    seen[r] = stamp;
                    stack = push(stack, top++, r);
                }
            }
            long visited = 0;
            while (top > 0) {
                int q = stack[--top];
                visited += 1 + epsilon[q].length;
                if (important.get(q)) {
                    found = push(found, count++, q);
                }
                for (int r : epsilon[q]) {
                    if (seen[r] != stamp) {
                        seen[r] = stamp;
                        stack = push(stack, top++, r);
                    }
                }
            }
            charge(visited);
            int[] out = Arrays.copyOf(found, count);
            Arrays.sort(out);
            return out;
        }

        private static int[] push(int[] a, int at, int v) {
            int[] b = at < a.length ? a : Arrays.copyOf(a, 2 * a.length);
            b[at] = v;
            return b;
        }

        Dfa run() {
            Map<BitSet, Integer> ids = new HashMap<>();
            List<BitSet> sets = new ArrayList<>();
            BitSet s0 = startSet();
            s0.and(important);
            s0 = (BitSet) s0.clone();                       // trimmed to its real size
            ids.put(s0, 0);
            sets.add(s0);
            int[] table = new int[16 * k];
            long words = s0.size() / 64;
            BitSet[] next = new BitSet[k];
            BitSet empty = new BitSet();
            for (int i = 0; i < sets.size(); i++) {
                BitSet cur = sets.get(i);
                for (int q = cur.nextSetBit(0); q >= 0; q = cur.nextSetBit(q + 1)) {
                    int[] syms = symbols[q];
                    charge(1 + syms.length);
                    for (int j = 0; j < syms.length; j++) {
                        int[] m = move(q, j);
                        charge(m.length);
                        BitSet n = next[syms[j]];
                        if (n == null) {
                            n = next[syms[j]] = new BitSet();
                        }
                        for (int r : m) {
                            n.set(r);
                        }
                    }
                }
                charge(k);
                if ((i + 1L) * k > table.length) {
                    table = Arrays.copyOf(table, (int) Math.min(Integer.MAX_VALUE - 8, 2L * table.length));
                }
                for (int a = 0; a < k; a++) {
                    BitSet nxt = next[a] == null ? empty : next[a];
                    next[a] = null;
                    Integer id = ids.get(nxt);
                    if (id == null) {
                        limits.checkConstruction("the subset construction", sets.size() + 1L, k);
                        nxt = (BitSet) nxt.clone();         // trimmed to its real size
                        words += nxt.size() / 64 + 2;
                        if (words > limits.maxConstructionEntries()) {
                            throw new LimitExceededException("the subset construction needs more than "
                                    + limits.maxConstructionEntries() + " words of memory for its subsets; "
                                    + Limits.RAISE);
                        }
                        id = sets.size();
                        ids.put(nxt, id);
                        sets.add(nxt);
                    }
                    table[i * k + a] = id;
                }
            }
            int n = sets.size();
            boolean[] acc = new boolean[n];
            List<String> lbl = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                BitSet set = sets.get(i);
                for (int q = set.nextSetBit(0); q >= 0; q = set.nextSetBit(q + 1)) {
                    acc[i] |= accepting[q];
                }
                lbl.add(label(set));
            }
            return new Dfa(alphabet, 0, Arrays.copyOf(table, n * k), acc, uniqueLabels(lbl));
        }
    }

    /** {q0,q2} for a subset, its one member's label, or dead; at most MAX_LABEL_MEMBERS names. */
    private String label(BitSet set) {
        int size = set.cardinality();
        if (size == 0) {
            return "dead";
        }
        if (size == 1) {
            return labels.get(set.nextSetBit(0));
        }
        var sb = new StringBuilder("{");
        int shown = 0;
        for (int q = set.nextSetBit(0); q >= 0 && shown < MAX_LABEL_MEMBERS; q = set.nextSetBit(q + 1)) {
            sb.append(shown++ == 0 ? "" : ",").append(labels.get(q));
        }
        if (size > shown) {
            sb.append(",… +").append(size - shown);
        }
        return sb.append('}').toString();
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
        private int[] edges = new int[48];                         // {from, symbol or -1, to} per transition
        private int numEdges;
        private final TreeSet<Integer> starts = new TreeSet<>();

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
            edge(from, symbol, to);
            return this;
        }

        public Builder addEpsilon(int from, int to) {
            check(from);
            check(to);
            edge(from, -1, to);
            return this;
        }

        private void edge(int from, int symbol, int to) {
            if (numEdges >= MAX_TRANSITIONS) {
                throw new LimitExceededException("the automaton has more than " + MAX_TRANSITIONS
                        + " transitions; simplify it");
            }
            if (3 * numEdges + 3 > edges.length) {
                edges = Arrays.copyOf(edges, Math.max(48, 2 * edges.length));
            }
            edges[3 * numEdges] = from;
            edges[3 * numEdges + 1] = symbol;
            edges[3 * numEdges + 2] = to;
            numEdges++;
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
            // sort the transitions by (from, symbol, to), then drop duplicates: O(E log E), not O(n·k)
            if (n >= 1 << 21 || alphabet.size() >= (1 << 21) - 1) {
                throw new LimitExceededException("an NFA may have at most " + ((1 << 21) - 1) + " states and symbols");
            }
            long[] keys = new long[numEdges];
            for (int e = 0; e < numEdges; e++) {
                keys[e] = ((long) edges[3 * e] << 42) | ((long) (edges[3 * e + 1] + 1) << 21) | edges[3 * e + 2];
            }
            Arrays.sort(keys);
            int[][] syms = new int[n][];
            int[][][] tgt = new int[n][][];
            int[][] eps = new int[n][];
            boolean[] acc = new boolean[n];
            int e = 0;
            var symList = new ArrayList<Integer>();
            var rows = new ArrayList<int[]>();
            var to = new int[16];
            for (int q = 0; q < n; q++) {
                acc[q] = accepting.get(q);
                eps[q] = NONE;
                symList.clear();
                rows.clear();
                while (e < numEdges && (int) (keys[e] >>> 42) == q) {
                    int sym = (int) ((keys[e] >>> 21) & ((1 << 21) - 1)) - 1;
                    int count = 0;
                    while (e < numEdges && (int) (keys[e] >>> 42) == q
                            && (int) ((keys[e] >>> 21) & ((1 << 21) - 1)) - 1 == sym) {
                        int r = (int) (keys[e] & ((1 << 21) - 1));
                        if (count == 0 || to[count - 1] != r) {
                            if (count == to.length) {
                                to = Arrays.copyOf(to, 2 * count);
                            }
                            to[count++] = r;
                        }
                        e++;
                    }
                    if (sym < 0) {
                        eps[q] = Arrays.copyOf(to, count);
                    } else {
                        symList.add(sym);
                        rows.add(Arrays.copyOf(to, count));
                    }
                }
                syms[q] = symList.stream().mapToInt(Integer::intValue).toArray();
                tgt[q] = rows.toArray(new int[0][]);
            }
            int[] st = starts.stream().mapToInt(Integer::intValue).toArray();
            return new Nfa(alphabet, st, acc, syms, tgt, eps, List.copyOf(labels));
        }
    }
}
