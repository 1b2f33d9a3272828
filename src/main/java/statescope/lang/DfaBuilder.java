package statescope.lang;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link Dfa} from named states and a partial transition function, so a fixture reads like
 * the diagram: {@code new DfaBuilder(ab).start("q0").accept("q0").on("q0", "a", "q1").build()}.
 * Missing transitions go to a dead state, added only when needed (labelled {@code dead}).
 */
public final class DfaBuilder {

    private final Alphabet alphabet;
    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private final Map<Long, Integer> edges = new HashMap<>();
    private final Set<Integer> accepting = new HashSet<>();
    private int start = -1;

    public DfaBuilder(Alphabet alphabet) {
        this.alphabet = alphabet;
    }

    /** Declares a state (states are also declared by first use). */
    public DfaBuilder state(String name) {
        id(name);
        return this;
    }

    public DfaBuilder start(String name) {
        start = id(name);
        return this;
    }

    public DfaBuilder accept(String... states) {
        for (String s : states) {
            accepting.add(id(s));
        }
        return this;
    }

    /** Adds {@code from --symbol--> to}; a symbol not in the alphabet is an error. */
    public DfaBuilder on(String from, String symbol, String to) {
        int a = alphabet.indexOf(symbol);
        if (a < 0) {
            throw new IllegalArgumentException("unknown symbol '" + symbol + "'; the alphabet is " + alphabet);
        }
        int f = id(from);
        Integer prev = edges.put(key(f, a), id(to));
        if (prev != null && prev != ids.get(to)) {
            throw new IllegalArgumentException("state " + from + " already has a transition on '" + symbol + "'");
        }
        return this;
    }

    /** Adds transitions from {@code from} to {@code to} on each of the given symbols. */
    public DfaBuilder on(String from, List<String> symbols, String to) {
        for (String s : symbols) {
            on(from, s, to);
        }
        return this;
    }

    public Dfa build() {
        if (start < 0) {
            throw new IllegalArgumentException("no start state was given");
        }
        int k = alphabet.size();
        int n = names.size();
        boolean needDead = false;
        for (int q = 0; q < n && !needDead; q++) {
            for (int a = 0; a < k; a++) {
                if (!edges.containsKey(key(q, a))) {
                    needDead = true;
                    break;
                }
            }
        }
        int total = needDead ? n + 1 : n;
        int[] delta = new int[total * k];
        boolean[] acc = new boolean[total];
        var labels = new ArrayList<>(names);
        if (needDead) {
            labels.add(names.contains("dead") ? "dead'" : "dead");
        }
        for (int q = 0; q < total; q++) {
            acc[q] = accepting.contains(q);
            for (int a = 0; a < k; a++) {
                Integer to = edges.get(key(q, a));
                delta[q * k + a] = to == null ? n : to;
            }
        }
        return new Dfa(alphabet, start, delta, acc, labels);
    }

    private int id(String name) {
        return ids.computeIfAbsent(name, nm -> {
            names.add(nm);
            return names.size() - 1;
        });
    }

    private static long key(int state, int symbol) {
        return ((long) state << 32) | symbol;
    }
}
