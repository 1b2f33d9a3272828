package statescope.lang;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import statescope.PropertyLoop.Generator;

/**
 * Random automata for the property loops of this package ({@link statescope.PropertyLoop}). The size
 * bounds the number of states and of symbols, so small sizes give small automata.
 */
final class Generators {

    private Generators() {
    }

    static Alphabet alphabet(int k) {
        return Alphabet.ofChars("abcd".substring(0, k));
    }

    /** Total DFAs with 1..min(size, maxStates) states over 1..min(size, maxSymbols) symbols. */
    static Generator<Dfa> dfas(int maxStates, int maxSymbols) {
        return (r, size) -> dfa(r, upTo(r, size, maxStates), alphabet(upTo(r, size, maxSymbols)));
    }

    /** Pairs of total DFAs over one alphabet, each with its own number of states. */
    static Generator<List<Dfa>> dfaPairs(int maxStates, int maxSymbols) {
        return (r, size) -> {
            Alphabet sigma = alphabet(upTo(r, size, maxSymbols));
            return List.of(dfa(r, upTo(r, size, maxStates), sigma), dfa(r, upTo(r, size, maxStates), sigma));
        };
    }

    /** A total DFA with exactly n states over the alphabet: random transitions, acceptance and start. */
    static Dfa dfa(RandomGenerator r, int n, Alphabet alphabet) {
        int k = alphabet.size();
        int[] delta = new int[n * k];
        for (int i = 0; i < delta.length; i++) {
            delta[i] = r.nextInt(n);
        }
        boolean[] acc = new boolean[n];
        for (int q = 0; q < n; q++) {
            acc[q] = r.nextBoolean();
        }
        return new Dfa(alphabet, r.nextInt(n), delta, acc, null);
    }

    /**
     * NFAs with 1..min(size, 6) states over one or two symbols: up to 3 n k edges (a quarter of them
     * ε), random acceptance and up to two start states.
     */
    static Generator<NfaSpec> nfas() {
        return (r, size) -> {
            int n = upTo(r, size, 6);
            int k = upTo(r, size, 2);
            int count = r.nextInt(3 * n * k + 1);
            var edges = new ArrayList<int[]>();
            for (int i = 0; i < count; i++) {
                edges.add(new int[] {r.nextInt(n), r.nextInt(-1, k), r.nextInt(n)});
            }
            boolean[] acc = new boolean[n];
            for (int q = 0; q < n; q++) {
                acc[q] = r.nextBoolean();
            }
            var starts = new TreeSet<Integer>();
            for (int i = r.nextInt(3); i > 0; i--) {
                starts.add(r.nextInt(n));
            }
            return new NfaSpec(k, acc, starts, edges);
        };
    }

    /** An NFA as drawn: its parts stay readable in a failure report. Edges are {from, symbol or -1 for ε, to}. */
    record NfaSpec(int symbols, boolean[] accepting, TreeSet<Integer> starts, List<int[]> edges) {
        Nfa build() {
            var b = new Nfa.Builder(alphabet(symbols));
            for (boolean x : accepting) {
                b.addState(x);
            }
            starts.forEach(b::addStart);
            for (int[] e : edges) {
                if (e[1] < 0) {
                    b.addEpsilon(e[0], e[2]);
                } else {
                    b.addTransition(e[0], e[1], e[2]);
                }
            }
            return b.build();
        }

        @Override
        public String toString() {
            var sb = new StringBuilder("NFA over " + alphabet(symbols) + ", accepting " + Arrays.toString(accepting)
                    + ", starts " + starts + ", edges");
            for (int[] e : edges) {
                sb.append(' ').append(e[0]).append('-').append(e[1] < 0 ? "ε" : alphabet(symbols).symbol(e[1]))
                        .append("->").append(e[2]);
            }
            return sb.toString();
        }
    }

    /** A DFA in full, for failure reports: start, accepting states and the transition rows. */
    static String describe(Dfa d) {
        var accepting = new StringJoiner(" ", "[", "]");
        for (int q = 0; q < d.numStates(); q++) {
            if (d.isAccepting(q)) {
                accepting.add(Integer.toString(q));
            }
        }
        var sb = new StringBuilder("DFA over " + d.alphabet() + ", start " + d.startState() + ", accepting "
                + accepting + ", next");
        for (int q = 0; q < d.numStates(); q++) {
            sb.append(q == 0 ? " " : " | ");
            for (int s = 0; s < d.alphabet().size(); s++) {
                sb.append(s == 0 ? "" : " ").append(d.next(q, s));
            }
        }
        return sb.toString();
    }

    static String describe(List<Dfa> dfas) {
        return dfas.stream().map(Generators::describe).toList().toString();
    }

    /** Uniform in 1..min(size, max). */
    static int upTo(RandomGenerator r, int size, int max) {
        return 1 + r.nextInt(Math.max(1, Math.min(size, max)));
    }
}
