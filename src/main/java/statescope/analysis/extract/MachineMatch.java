package statescope.analysis.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.automatalib.automaton.transducer.impl.CompactMealy;
import statescope.lang.Alphabet;
import statescope.lang.Dfa;
import statescope.lang.catalog.ReferenceMachine;
import statescope.lang.catalog.ReferenceMachine.Config;

/**
 * Puts an extracted machine beside the reference: which reference states each extracted state meets
 * (walking both from their start on the same words), names for the reference machine's states, and
 * either machine as a {@link Dfa} to lay out with the app's automaton layout (the sink ⊥ as its dead
 * state). No JavaFX.
 */
public final class MachineMatch {

    /** Pairs explored when naming the reference's states from its machine's configurations. */
    private static final int MAX_PAIRS = 20_000;

    private MachineMatch() {
    }

    /**
     * For each state of {@code extracted}, the states of {@code reference} it is paired with on some word
     * (both started together, reachable pairs only). One reference state: the two correspond.
     */
    public static List<Set<Integer>> pairs(CompactMealy<Integer, Integer> extracted,
            CompactMealy<Integer, Integer> reference, int k) {
        var out = new ArrayList<Set<Integer>>();
        for (int i = 0; i < extracted.size(); i++) {
            out.add(new TreeSet<>());
        }
        var seen = new LinkedHashSet<Long>();
        var queue = new ArrayDeque<long[]>();
        int e0 = extracted.getIntInitialState();
        int r0 = reference.getIntInitialState();
        seen.add(((long) e0 << 32) | r0);
        queue.add(new long[] {e0, r0});
        while (!queue.isEmpty()) {
            long[] p = queue.poll();
            int e = (int) p[0];
            int r = (int) p[1];
            out.get(e).add(r);
            for (int a = 0; a < k; a++) {
                int e2 = extracted.getSuccessor(e, (Integer) a);
                int r2 = reference.getSuccessor(r, (Integer) a);
                if (seen.add(((long) e2 << 32) | r2)) {
                    queue.add(new long[] {e2, r2});
                }
            }
        }
        return out;
    }

    /**
     * Names of the reference Mealy machine's states: the names ({@link ReferenceMachine#describe}) of the
     * configurations that reach each, joined by "/" (two at most, then "…"); the sink is "⊥".
     */
    public static List<String> referenceLabels(CompactMealy<Integer, Integer> reference, ReferenceMachine machine) {
        int k = machine.alphabet().size();
        var names = new ArrayList<Set<String>>();
        for (int i = 0; i < reference.size(); i++) {
            names.add(new LinkedHashSet<>());
        }
        Map<Config, Set<Integer>> seen = new HashMap<>();
        var queue = new ArrayDeque<Object[]>();
        queue.add(new Object[] {reference.getIntInitialState(), machine.start()});
        seen.computeIfAbsent(machine.start(), c -> new TreeSet<>()).add(reference.getIntInitialState());
        int explored = 0;
        while (!queue.isEmpty() && explored++ < MAX_PAIRS) {
            Object[] p = queue.poll();
            int r = (Integer) p[0];
            Config c = (Config) p[1];
            names.get(r).add(machine.isDead(c) ? "⊥" : machine.describe(c));
            if (machine.isDead(c)) {
                continue;
            }
            for (int a = 0; a < k; a++) {
                int r2 = reference.getSuccessor(r, (Integer) a);
                Config c2 = machine.step(c, a);
                if (seen.computeIfAbsent(c2, x -> new TreeSet<>()).add(r2)) {
                    queue.add(new Object[] {r2, c2});
                }
            }
        }
        var out = new ArrayList<String>();
        for (Set<String> n : names) {
            var l = new ArrayList<>(n);
            out.add(l.isEmpty() ? "?" : l.size() <= 2 ? String.join("/", l) : l.get(0) + "/" + l.get(1) + "/…");
        }
        return out;
    }

    /** Labels of the extracted states: "m3 = q1" where one reference state corresponds, else "m3". */
    public static List<String> extractedLabels(List<Set<Integer>> pairs, List<String> referenceLabels) {
        var out = new ArrayList<String>();
        for (int i = 0; i < pairs.size(); i++) {
            Set<Integer> p = pairs.get(i);
            out.add(p.size() == 1 ? "m" + i + " = " + referenceLabels.get(p.iterator().next()) : "m" + i);
        }
        return out;
    }

    /** A Mealy machine as a DFA to draw: its transitions, the sink ⊥ (all outputs ⊥, a self-loop) as the dead state. */
    public static Dfa asDfa(CompactMealy<Integer, Integer> m, Alphabet alphabet, List<String> labels) {
        int k = alphabet.size();
        int n = m.size();
        int[] delta = new int[n * k];
        boolean[] accepting = new boolean[n];
        for (int s = 0; s < n; s++) {
            boolean sink = true;
            for (int a = 0; a < k; a++) {
                delta[s * k + a] = m.getSuccessor(s, (Integer) a);
                Integer o = m.getOutput(s, (Integer) a);
                sink &= delta[s * k + a] == s && o != null && o == OutputQueries.SINK;
            }
            accepting[s] = !sink;
        }
        return new Dfa(alphabet, m.getIntInitialState(), delta, accepting, labels);
    }
}
