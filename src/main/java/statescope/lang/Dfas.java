package statescope.lang;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Operations on {@link Dfa}s: product constructions (intersection, union, difference, symmetric
 * difference), complement, reachability, trimming and emptiness. No operation changes its inputs.
 * Binary operations need equal alphabets and say so clearly otherwise.
 */
public final class Dfas {

    private Dfas() {
    }

    /** How a product state accepts, from the acceptance of its two components. */
    @FunctionalInterface
    public interface Acceptance {
        boolean accept(boolean left, boolean right);
    }

    /** Throws a clear {@link IllegalArgumentException} when the two DFAs have different alphabets. */
    public static void requireSameAlphabet(Dfa a, Dfa b) {
        if (!a.alphabet().equals(b.alphabet())) {
            throw new IllegalArgumentException("the automata have different alphabets: " + a.alphabet()
                    + " and " + b.alphabet());
        }
    }

    /**
     * The reachable part of the product automaton; state {@code (p, q)} is labelled {@code (p,q)} with
     * the component labels and accepts as {@code acceptance} says. States are numbered breadth-first.
     *
     * @throws LimitExceededException beyond {@link Limits#DEFAULT}'s construction cap
     */
    public static Dfa product(Dfa a, Dfa b, Acceptance acceptance) {
        requireSameAlphabet(a, b);
        int k = a.alphabet().size();
        Map<Long, Integer> ids = new HashMap<>();
        List<long[]> pairs = new ArrayList<>();
        long first = pack(a.startState(), b.startState());
        ids.put(first, 0);
        pairs.add(new long[] {a.startState(), b.startState()});
        int[] table = new int[16 * k];
        for (int i = 0; i < pairs.size(); i++) {
            int p = (int) pairs.get(i)[0];
            int q = (int) pairs.get(i)[1];
            for (int s = 0; s < k; s++) {
                int p2 = a.next(p, s);
                int q2 = b.next(q, s);
                Integer id = ids.get(pack(p2, q2));
                if (id == null) {
                    Limits.DEFAULT.checkConstruction("the product automaton", pairs.size() + 1L, k);
                    id = pairs.size();
                    ids.put(pack(p2, q2), id);
                    pairs.add(new long[] {p2, q2});
                }
                if ((i + 1) * k > table.length) {
                    table = Arrays.copyOf(table, table.length * 2);
                }
                table[i * k + s] = id;
            }
        }
        int n = pairs.size();
        boolean[] acc = new boolean[n];
        List<String> labels = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int p = (int) pairs.get(i)[0];
            int q = (int) pairs.get(i)[1];
            acc[i] = acceptance.accept(a.isAccepting(p), b.isAccepting(q));
            labels.add("(" + a.label(p) + "," + b.label(q) + ")");
        }
        return new Dfa(a.alphabet(), 0, Arrays.copyOf(table, n * k), acc, Nfa.uniqueLabels(labels));
    }

    private static long pack(int p, int q) {
        return ((long) p << 32) | (q & 0xffffffffL);
    }

    /** L(a) ∩ L(b). */
    public static Dfa intersection(Dfa a, Dfa b) {
        return product(a, b, (x, y) -> x && y);
    }

    /** L(a) ∪ L(b). */
    public static Dfa union(Dfa a, Dfa b) {
        return product(a, b, (x, y) -> x || y);
    }

    /** L(a) \ L(b). */
    public static Dfa difference(Dfa a, Dfa b) {
        return product(a, b, (x, y) -> x && !y);
    }

    /** L(a) △ L(b): the words on which the two DFAs disagree. */
    public static Dfa symmetricDifference(Dfa a, Dfa b) {
        return product(a, b, (x, y) -> x != y);
    }

    /** The complement Σ* \ L(a): same states and transitions, acceptance flipped. */
    public static Dfa complement(Dfa a) {
        boolean[] acc = a.acceptingStates();
        for (int q = 0; q < acc.length; q++) {
            acc[q] = !acc[q];
        }
        return new Dfa(a.alphabet(), a.startState(), a.transitionTable(), acc, a.labels());
    }

    /** Which states are reachable from the start state. */
    public static boolean[] reachable(Dfa a) {
        int k = a.alphabet().size();
        boolean[] seen = new boolean[a.numStates()];
        var queue = new ArrayDeque<Integer>();
        seen[a.startState()] = true;
        queue.add(a.startState());
        while (!queue.isEmpty()) {
            int q = queue.poll();
            for (int s = 0; s < k; s++) {
                int r = a.next(q, s);
                if (!seen[r]) {
                    seen[r] = true;
                    queue.add(r);
                }
            }
        }
        return seen;
    }

    /** Which states can reach an accepting state (the "live" states). */
    public static boolean[] coReachable(Dfa a) {
        int n = a.numStates();
        int k = a.alphabet().size();
        List<List<Integer>> pred = new ArrayList<>(n);
        for (int q = 0; q < n; q++) {
            pred.add(new ArrayList<>());
        }
        for (int q = 0; q < n; q++) {
            for (int s = 0; s < k; s++) {
                pred.get(a.next(q, s)).add(q);
            }
        }
        boolean[] live = new boolean[n];
        var queue = new ArrayDeque<Integer>();
        for (int q = 0; q < n; q++) {
            if (a.isAccepting(q)) {
                live[q] = true;
                queue.add(q);
            }
        }
        while (!queue.isEmpty()) {
            int q = queue.poll();
            for (int p : pred.get(q)) {
                if (!live[p]) {
                    live[p] = true;
                    queue.add(p);
                }
            }
        }
        return live;
    }

    /**
     * The trimmed DFA: unreachable states are removed and all reachable states that cannot reach an
     * accepting state are merged into one explicit dead state (kept so the DFA stays total). Reachable
     * live states keep their labels and relative order; the dead state comes last.
     */
    public static Dfa trim(Dfa a) {
        boolean[] reach = reachable(a);
        boolean[] live = coReachable(a);
        int n = a.numStates();
        int k = a.alphabet().size();
        int[] map = new int[n];
        Arrays.fill(map, -1);
        List<String> labels = new ArrayList<>();
        boolean needDead = false;
        for (int q = 0; q < n; q++) {
            if (reach[q] && live[q]) {
                map[q] = labels.size();
                labels.add(a.label(q));
            } else if (reach[q]) {
                needDead = true;
            }
        }
        int dead = labels.size();
        if (needDead) {
            labels.add(a.deadState().filter(d -> reach[d]).map(a::label).orElse("dead"));
        }
        int m = labels.size();
        int[] table = new int[m * k];
        boolean[] acc = new boolean[m];
        Arrays.fill(table, dead);
        for (int q = 0; q < n; q++) {
            if (map[q] >= 0) {
                acc[map[q]] = a.isAccepting(q);
                for (int s = 0; s < k; s++) {
                    int r = map[a.next(q, s)];
                    table[map[q] * k + s] = r < 0 ? dead : r;
                }
            }
        }
        int start = map[a.startState()] < 0 ? dead : map[a.startState()];
        return new Dfa(a.alphabet(), start, table, acc, Nfa.uniqueLabels(labels));
    }

    /** The shortest accepted word (the least in symbol order among the shortest), if any. */
    public static Optional<Word> shortestAccepted(Dfa a) {
        return shortestWordTo(a, a.startState(), a.acceptingStates());
    }

    /** True when the DFA accepts no word. */
    public static boolean isEmpty(Dfa a) {
        return shortestAccepted(a).isEmpty();
    }

    /** True when the DFA accepts every word. */
    public static boolean isUniversal(Dfa a) {
        return isEmpty(complement(a));
    }

    /** The shortest word leading from {@code from} to a state in {@code targets}, breadth first. */
    static Optional<Word> shortestWordTo(Dfa a, int from, boolean[] targets) {
        int n = a.numStates();
        int k = a.alphabet().size();
        int[] parent = new int[n];
        int[] via = new int[n];
        Arrays.fill(parent, -2);
        parent[from] = -1;
        var queue = new ArrayDeque<Integer>();
        queue.add(from);
        while (!queue.isEmpty()) {
            int q = queue.poll();
            if (targets[q]) {
                var syms = new ArrayList<Integer>();
                for (int c = q; parent[c] != -1; c = parent[c]) {
                    syms.add(via[c]);
                }
                int[] w = new int[syms.size()];
                for (int i = 0; i < w.length; i++) {
                    w[i] = syms.get(w.length - 1 - i);
                }
                return Optional.of(Word.of(a.alphabet(), w));
            }
            for (int s = 0; s < k; s++) {
                int r = a.next(q, s);
                if (parent[r] == -2) {
                    parent[r] = q;
                    via[r] = s;
                    queue.add(r);
                }
            }
        }
        return Optional.empty();
    }

    /** The same DFA with another start state (used to compare states as languages). */
    public static Dfa withStart(Dfa a, int start) {
        return new Dfa(a.alphabet(), start, a.transitionTable(), a.acceptingStates(), a.labels());
    }
}
