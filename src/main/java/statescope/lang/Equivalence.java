package statescope.lang;

import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Language equivalence of two DFAs with a shortest separating word: a breadth-first search of the
 * product automaton from the pair of start states, successors in alphabet order, so the word found is
 * the shortest one on which the two disagree and, among those, the first in alphabet order.
 */
public final class Equivalence {

    private Equivalence() {
    }

    /**
     * A shortest word accepted by exactly one of the two DFAs, or empty when they accept the same
     * language.
     *
     * @throws IllegalArgumentException when the alphabets differ
     */
    public static Optional<Word> separatingWord(Dfa a, Dfa b) {
        Dfas.requireSameAlphabet(a, b);
        int k = a.alphabet().size();
        Map<Long, Integer> ids = new HashMap<>();
        var pairs = new ArrayList<int[]>();   // {p, q, parent index, symbol}
        ids.put(pack(a.startState(), b.startState()), 0);
        pairs.add(new int[] {a.startState(), b.startState(), -1, -1});
        for (int i = 0; i < pairs.size(); i++) {
            int p = pairs.get(i)[0];
            int q = pairs.get(i)[1];
            if (a.isAccepting(p) != b.isAccepting(q)) {
                return Optional.of(trace(a.alphabet(), pairs, i));
            }
            for (int s = 0; s < k; s++) {
                int p2 = a.next(p, s);
                int q2 = b.next(q, s);
                if (ids.putIfAbsent(pack(p2, q2), pairs.size()) == null) {
                    pairs.add(new int[] {p2, q2, i, s});
                }
            }
        }
        return Optional.empty();
    }

    /** True when the two DFAs accept the same language. */
    public static boolean equivalent(Dfa a, Dfa b) {
        return separatingWord(a, b).isEmpty();
    }

    /**
     * True when {@code a}, read over {@code b}'s alphabet, accepts the same language as {@code b}: every
     * symbol of {@code a} is a symbol of {@code b} (matched by name, in any order), and a symbol of
     * {@code b} that {@code a} lacks rejects (a typed regex over {0, 1} read in a catalog alphabet).
     * False when {@code a} has a symbol {@code b} lacks.
     */
    public static boolean sameLanguageOver(Dfa a, Dfa b) {
        Alphabet sigma = b.alphabet();
        if (!sigma.symbols().containsAll(a.alphabet().symbols())) {
            return false;
        }
        int n = a.numStates();
        int k = sigma.size();
        int[] delta = new int[(n + 1) * k];                       // [n + 1][k]: a's states, then a rejecting sink
        for (int q = 0; q <= n; q++) {
            for (int s = 0; s < k; s++) {
                int own = a.alphabet().indexOf(sigma.symbol(s));
                delta[q * k + s] = q == n || own < 0 ? n : a.next(q, own);
            }
        }
        boolean[] accepting = Arrays.copyOf(a.acceptingStates(), n + 1);
        return equivalent(new Dfa(sigma, a.startState(), delta, accepting, null), b);
    }

    private static Word trace(Alphabet alphabet, List<int[]> pairs, int node) {
        var syms = new ArrayList<Integer>();
        for (int i = node; pairs.get(i)[2] >= 0; i = pairs.get(i)[2]) {
            syms.add(pairs.get(i)[3]);
        }
        int[] w = new int[syms.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = syms.get(w.length - 1 - i);
        }
        return Word.of(alphabet, w);
    }

    private static long pack(int p, int q) {
        return ((long) p << 32) | (q & 0xffffffffL);
    }
}
