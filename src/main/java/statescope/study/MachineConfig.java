package statescope.study;

import java.util.Arrays;

/**
 * One configuration of a reference machine after reading a prefix: the DFA state (or the control
 * state of a counter machine), the counter or stack contents, and a short readable description for the
 * UI (e.g. {@code q1}, or {@code depth 2 · stack [( [}). Immutable.
 *
 * @param state     the finite-control state; for a DFA its state index
 * @param counters  counter values or stack symbols (empty for a DFA)
 * @param rejected  true once the machine can never accept again (dead state, counter below zero)
 * @param describe  what the UI prints for this configuration
 * @param source    the underlying machine's own configuration object (null for built-in machines)
 */
public record MachineConfig(int state, int[] counters, boolean rejected, String describe, Object source) {

    public MachineConfig {
        counters = counters.clone();
    }

    /** A configuration without an underlying object. */
    public MachineConfig(int state, int[] counters, boolean rejected, String describe) {
        this(state, counters, rejected, describe, null);
    }

    /** A plain DFA configuration. */
    public static MachineConfig ofState(int state, boolean dead, String label) {
        return new MachineConfig(state, new int[0], dead, label);
    }

    @Override
    public int[] counters() {
        return counters.clone();
    }

    /** True when the configuration carries counters or a stack (a counter language). */
    public boolean hasCounters() {
        return counters.length > 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MachineConfig m && m.state == state && m.rejected == rejected
                && Arrays.equals(m.counters, counters) && java.util.Objects.equals(m.source, source);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * state + Arrays.hashCode(counters)) + (rejected ? 1 : 0))
                + java.util.Objects.hashCode(source);
    }

    @Override
    public String toString() {
        return describe;
    }
}
