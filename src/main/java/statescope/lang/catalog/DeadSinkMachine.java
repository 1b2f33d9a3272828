package statescope.lang.catalog;

import statescope.lang.Alphabet;

/**
 * A reference machine whose live configurations are values of one type {@code C} and whose dead
 * configuration is the shared {@link CounterMachines#DEAD}, which every symbol leaves dead: the counter
 * machines ({@link CounterMachines}) and the bounded-Dyck stack ({@link BoundedDyckMachine}). The dead
 * case of {@link #step}, {@link #accepting}, {@link #isDead}, {@link #describe} and {@link #registers}
 * is handled here once; a machine says only what happens in its live configurations.
 *
 * @param <C> the type of the live configurations
 */
public abstract class DeadSinkMachine<C extends ReferenceMachine.Config> implements ReferenceMachine {

    private final Class<C> live;
    private final Alphabet alphabet;

    DeadSinkMachine(Class<C> live, Alphabet alphabet) {
        this.live = live;
        this.alphabet = alphabet;
    }

    @Override
    public final Alphabet alphabet() {
        return alphabet;
    }

    /** The configuration after {@code symbol} in a live configuration: a live one, or {@link CounterMachines#DEAD}. */
    abstract Config next(C config, int symbol);

    /** Whether a live configuration accepts. */
    abstract boolean accepts(C config);

    /** The description of a live configuration. */
    abstract String describeLive(C config);

    /** The registers of a live configuration ({@link #registerNames()} order). */
    abstract int[] registersOf(C config);

    @Override
    public final Config step(Config config, int symbol) {
        return live.isInstance(config) ? next(live.cast(config), symbol) : CounterMachines.DEAD;
    }

    @Override
    public final boolean accepting(Config config) {
        return live.isInstance(config) && accepts(live.cast(config));
    }

    @Override
    public final boolean isDead(Config config) {
        return !live.isInstance(config);
    }

    /** The live configuration's description, or {@code "dead"}. */
    @Override
    public final String describe(Config config) {
        return live.isInstance(config) ? describeLive(live.cast(config)) : "dead";
    }

    /** The live configuration's registers; all zeros for the dead configuration. */
    @Override
    public final int[] registers(Config config) {
        return live.isInstance(config) ? registersOf(live.cast(config)) : new int[registerNames().size()];
    }
}
