package statescope.analysis.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.automatalib.alphabet.Alphabet;
import net.automatalib.alphabet.impl.Alphabets;
import net.automatalib.automaton.transducer.impl.CompactMealy;
import net.automatalib.util.automaton.minimizer.HopcroftMinimizer;
import statescope.lang.catalog.ReferenceMachine;
import statescope.lang.catalog.ReferenceMachine.Config;

/**
 * The reference as a minimal Mealy machine over symbol indices: a breadth-first walk over the reference
 * machine's configurations (dead ones merge into one sink), minimized with AutomataLib. Counter machines
 * have no finite one: the walk stops at a cap and says so.
 */
public final class ReferenceMealy {

    /** Configurations explored before a machine is declared not finite-state. */
    public static final int MAX_CONFIGS = 20_000;

    private ReferenceMealy() {
    }

    /** The input alphabet {@code 0..k−1} of the Mealy machines of a {@code k}-symbol language. */
    public static Alphabet<Integer> inputs(int k) {
        return Alphabets.integers(0, k - 1);
    }

    /** The minimal Mealy machine of the reference, or empty when it has more than {@code MAX_CONFIGS} configurations. */
    public static Optional<CompactMealy<Integer, Integer>> build(ReferenceOutputs ref) {
        ReferenceMachine m = ref.machine();
        int k = m.alphabet().size();
        Alphabet<Integer> in = inputs(k);
        var mealy = new CompactMealy<Integer, Integer>(in);
        Map<Config, Integer> ids = new HashMap<>();
        List<Config> configs = new ArrayList<>();
        int sink = -1;
        var queue = new ArrayDeque<Integer>();
        ids.put(m.start(), mealy.addIntInitialState(null));
        configs.add(m.start());
        queue.add(0);
        while (!queue.isEmpty()) {
            int s = queue.poll();
            Config c = configs.get(s);
            for (int a = 0; a < k; a++) {
                Config d = m.step(c, a);
                int out = ref.output(c, a, d);
                int target;
                if (m.isDead(d)) {
                    if (sink < 0) {
                        sink = mealy.addIntState(null);
                        configs.add(d);
                        for (int b = 0; b < k; b++) {
                            mealy.setTransition(sink, b, sink, (Integer) OutputQueries.SINK);
                        }
                    }
                    target = sink;
                } else {
                    Integer id = ids.get(d);
                    if (id == null) {
                        if (ids.size() >= MAX_CONFIGS) {
                            return Optional.empty();
                        }
                        id = mealy.addIntState(null);
                        ids.put(d, id);
                        configs.add(d);
                        queue.add(id);
                    }
                    target = id;
                }
                mealy.setTransition(s, a, target, (Integer) out);
            }
        }
        return Optional.of(HopcroftMinimizer.minimizeMealy(mealy, in));
    }
}
