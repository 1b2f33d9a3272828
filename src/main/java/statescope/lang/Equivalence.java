package statescope.lang;

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
