package statescope.study;

import java.util.Optional;
import statescope.lang.Alphabet;
import statescope.lang.Dfa;

/** A {@link ReferenceMachine} backed by a {@link Dfa}; a configuration is just a state. */
public final class DfaMachine implements ReferenceMachine {

    private final Dfa dfa;
    private final MachineConfig[] configs;   // [numStates] one shared configuration per state
    private final boolean[] live;            // [numStates] some accepting state is reachable

    public DfaMachine(Dfa dfa) {
        this.dfa = dfa;
        int n = dfa.numStates();
        this.live = liveStates(dfa);
        this.configs = new MachineConfig[n];
        for (int q = 0; q < n; q++) {
            configs[q] = MachineConfig.ofState(q, !live[q], dfa.label(q));
        }
    }

    private static boolean[] liveStates(Dfa dfa) {
        int n = dfa.numStates();
        int k = dfa.alphabet().size();
        boolean[] live = new boolean[n];
        for (int q = 0; q < n; q++) {
            live[q] = dfa.isAccepting(q);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int q = 0; q < n; q++) {
                for (int a = 0; a < k && !live[q]; a++) {
                    if (live[dfa.next(q, a)]) {
                        live[q] = true;
                        changed = true;
                    }
                }
            }
        }
        return live;
    }

    @Override
    public Alphabet alphabet() {
        return dfa.alphabet();
    }

    @Override
    public MachineConfig initial() {
        return configs[dfa.startState()];
    }

    @Override
    public MachineConfig step(MachineConfig config, int symbol) {
        return configs[dfa.next(config.state(), symbol)];
    }

    @Override
    public boolean accepts(MachineConfig config) {
        return dfa.isAccepting(config.state());
    }

    @Override
    public boolean canAccept(MachineConfig config) {
        return live[config.state()];
    }

    @Override
    public Optional<Dfa> dfa() {
        return Optional.of(dfa);
    }

    @Override
    public String summary() {
        int accepting = 0;
        for (int q = 0; q < dfa.numStates(); q++) {
            accepting += dfa.isAccepting(q) ? 1 : 0;
        }
        return "DFA · " + dfa.numStates() + " states · " + accepting + " accepting"
                + (dfa.deadState().isPresent() ? " · dead state" : "");
    }
}
