package statescope.lang;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import net.automatalib.alphabet.impl.Alphabets;
import net.automatalib.automaton.fsa.impl.CompactDFA;
import net.automatalib.util.automaton.minimizer.HopcroftMinimizer;
import net.automatalib.util.partitionrefinement.PruningMode;

/**
 * DFA minimisation. {@link #minimize} runs Hopcroft's algorithm (AutomataLib's
 * {@code HopcroftMinimizer}); {@link #minimizeReference} is a plain Moore partition refinement kept
 * as the slow reference. Both return the same canonical automaton:
 * <ul>
 *   <li>only states reachable from the start, no two of them equivalent;</li>
 *   <li>total, so a dead state (a non-accepting sink) is present and explicit whenever some word
 *       cannot be completed to an accepted one;</li>
 *   <li>states numbered in breadth-first order from the start state (state 0), successors visited in
 *       alphabet order, labelled {@code q0, q1, ...}.</li>
 * </ul>
 * Two DFAs accept the same language iff their minimal DFAs are equal state for state.
 */
public final class Minimizer {

    private Minimizer() {
    }

    /** The minimal DFA of {@code dfa}'s language (Hopcroft, via AutomataLib). */
    public static Dfa minimize(Dfa dfa) {
        int k = dfa.alphabet().size();
        var sigma = Alphabets.integers(0, k - 1);
        var compact = new CompactDFA<Integer>(sigma, dfa.numStates());
        for (int q = 0; q < dfa.numStates(); q++) {
            compact.addIntState(dfa.isAccepting(q));
        }
        for (int q = 0; q < dfa.numStates(); q++) {
            for (int a = 0; a < k; a++) {
                compact.setTransition(q, a, dfa.next(q, a));
            }
        }
        compact.setInitialState(dfa.startState());
        CompactDFA<Integer> min = HopcroftMinimizer.minimizeDFA(compact, sigma, PruningMode.PRUNE_BEFORE);
        int n = min.size();
        int[] table = new int[n * k];
        boolean[] acc = new boolean[n];
        for (int q = 0; q < n; q++) {
            acc[q] = min.isAccepting(q);
            for (int a = 0; a < k; a++) {
                table[q * k + a] = min.getSuccessor(q, a);
            }
        }
        return canonical(dfa.alphabet(), min.getIntInitialState(), table, acc);
    }

    /** The minimal DFA by Moore's partition refinement: the slow reference for {@link #minimize}. */
    public static Dfa minimizeReference(Dfa dfa) {
        boolean[] reach = Dfas.reachable(dfa);
        int n = dfa.numStates();
        int k = dfa.alphabet().size();
        int[] block = new int[n];
        for (int q = 0; q < n; q++) {
            block[q] = dfa.isAccepting(q) ? 1 : 0;
        }
        int blocks = -1;
        while (true) {
            // new block = (old block, blocks of all successors), numbered by first occurrence
            Map<String, Integer> ids = new HashMap<>();
            int[] next = new int[n];
            for (int q = 0; q < n; q++) {
                if (!reach[q]) {
                    next[q] = -1;
                    continue;
                }
                int[] sig = new int[k + 1];
                sig[0] = block[q];
                for (int a = 0; a < k; a++) {
                    sig[a + 1] = block[dfa.next(q, a)];
                }
                next[q] = ids.computeIfAbsent(Arrays.toString(sig), s -> ids.size());
            }
            block = next;
            if (ids.size() == blocks) {
                break;
            }
            blocks = ids.size();
        }
        int[] table = new int[blocks * k];
        boolean[] acc = new boolean[blocks];
        for (int q = 0; q < n; q++) {
            if (block[q] >= 0) {
                acc[block[q]] = dfa.isAccepting(q);
                for (int a = 0; a < k; a++) {
                    table[block[q] * k + a] = block[dfa.next(q, a)];
                }
            }
        }
        return canonical(dfa.alphabet(), block[dfa.startState()], table, acc);
    }

    /** True when the DFA is already minimal and canonically numbered. */
    public static boolean isMinimal(Dfa dfa) {
        Dfa m = minimize(dfa);
        return m.numStates() == dfa.numStates() && Arrays.equals(m.transitionTable(), dfa.transitionTable())
                && Arrays.equals(m.acceptingStates(), dfa.acceptingStates()) && dfa.startState() == 0;
    }

    /**
     * Renumbers the states reachable from {@code start} breadth-first (successors in alphabet order)
     * and drops the others. The input table is not changed.
     */
    static Dfa canonical(Alphabet alphabet, int start, int[] table, boolean[] acc) {
        int k = alphabet.size();
        int n = acc.length;
        int[] order = new int[n];
        Arrays.fill(order, -1);
        int[] byOrder = new int[n];
        int count = 0;
        var queue = new ArrayDeque<Integer>();
        order[start] = count;
        byOrder[count++] = start;
        queue.add(start);
        while (!queue.isEmpty()) {
            int q = queue.poll();
            for (int a = 0; a < k; a++) {
                int r = table[q * k + a];
                if (order[r] < 0) {
                    order[r] = count;
                    byOrder[count++] = r;
                    queue.add(r);
                }
            }
        }
        int[] out = new int[count * k];
        boolean[] outAcc = new boolean[count];
        for (int i = 0; i < count; i++) {
            int q = byOrder[i];
            outAcc[i] = acc[q];
            for (int a = 0; a < k; a++) {
                out[i * k + a] = order[table[q * k + a]];
            }
        }
        return new Dfa(alphabet, 0, out, outAcc, null);
    }
}
