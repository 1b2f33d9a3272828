package statescope.study;

import java.util.Optional;
import statescope.lang.Alphabet;
import statescope.lang.Dfa;

/**
 * A one-counter reference machine for Dyck-1 (balanced brackets): the counter is the nesting depth;
 * reading a closing bracket at depth 0 rejects for good. Stand-in until the catalog's counter machines
 * are merged; it also exercises the UI's counter display.
 */
public final class CounterMachine implements ReferenceMachine {

    private final Alphabet alphabet;
    private final int open;
    private final int close;

    /** Dyck-1 over the given open and close symbols. */
    public CounterMachine(String openSymbol, String closeSymbol) {
        this.alphabet = Alphabet.of(openSymbol, closeSymbol);
        this.open = 0;
        this.close = 1;
    }

    @Override
    public Alphabet alphabet() {
        return alphabet;
    }

    @Override
    public MachineConfig initial() {
        return config(0, false);
    }

    private static MachineConfig config(int depth, boolean rejected) {
        String d = rejected ? "rejected (closed below depth 0)" : "depth " + depth;
        return new MachineConfig(rejected ? -1 : Math.min(depth, 9), new int[] {depth}, rejected, d);
    }

    @Override
    public MachineConfig step(MachineConfig config, int symbol) {
        if (config.rejected()) {
            return config;
        }
        int depth = config.counters()[0];
        if (symbol == open) {
            return config(depth + 1, false);
        }
        if (symbol == close) {
            return depth == 0 ? config(0, true) : config(depth - 1, false);
        }
        throw new IllegalArgumentException("symbol index " + symbol + " is not in " + alphabet);
    }

    @Override
    public boolean accepts(MachineConfig config) {
        return !config.rejected() && config.counters()[0] == 0;
    }

    @Override
    public boolean canAccept(MachineConfig config) {
        return !config.rejected();
    }

    @Override
    public Optional<Dfa> dfa() {
        return Optional.empty();
    }

    @Override
    public String summary() {
        return "one counter (depth)";
    }
}
