package statescope.study;

import java.util.Optional;
import statescope.lang.Alphabet;
import statescope.lang.Dfa;
import statescope.lang.catalog.Language;
import statescope.lang.catalog.ReferenceMachine.Config;

/**
 * A catalog language's reference machine seen as a {@link ReferenceMachine}. The catalog's own
 * configuration rides along in {@link MachineConfig#source()}; for a DFA the state index is its
 * register, for counter and stack machines the registers are the counters (depth, counts).
 */
final class CatalogMachine implements ReferenceMachine {

    private final Language language;
    private final statescope.lang.catalog.ReferenceMachine machine;
    private final boolean isDfa;
    private final Dfa dfa;                                            // drawn and stepped alongside, or null

    CatalogMachine(Language language) {
        this.language = language;
        this.machine = language.machine();
        this.isDfa = "DFA".equals(machine.kind());
        this.dfa = language.dfa().orElse(null);
    }

    /** Wraps a catalog configuration; {@code dfaState} is the drawn DFA's state (ignored without a DFA). */
    MachineConfig wrap(Config c, int dfaState) {
        int[] regs = machine.registers(c);
        int state = dfa != null ? dfaState : regs.length == 0 ? 0 : regs[0];
        return new MachineConfig(state, isDfa ? new int[0] : regs, machine.isDead(c), machine.describe(c), c);
    }

    static Config unwrap(MachineConfig c) {
        return (Config) c.source();
    }

    @Override
    public Alphabet alphabet() {
        return machine.alphabet();
    }

    @Override
    public MachineConfig initial() {
        return wrap(machine.start(), dfa == null ? 0 : dfa.startState());
    }

    @Override
    public MachineConfig step(MachineConfig config, int symbol) {
        return wrap(machine.step(unwrap(config), symbol), dfa == null ? 0 : dfa.next(config.state(), symbol));
    }

    @Override
    public boolean accepts(MachineConfig config) {
        return machine.accepting(unwrap(config));
    }

    @Override
    public boolean canAccept(MachineConfig config) {
        return !machine.isDead(unwrap(config));
    }

    @Override
    public Optional<Dfa> dfa() {
        return Optional.ofNullable(dfa);
    }

    statescope.lang.catalog.ReferenceMachine catalogMachine() {
        return machine;
    }

    @Override
    public String summary() {
        var dfa = dfa();
        if (dfa.isPresent()) {
            return "DFA · " + dfa.get().numStates() + " states" + (dfa.get().deadState().isPresent() ? " · dead state" : "");
        }
        return machine.kind() + " · " + String.join(", ", machine.registerNames());
    }
}
