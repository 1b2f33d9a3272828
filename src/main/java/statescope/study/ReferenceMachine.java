package statescope.study;

import java.util.Optional;
import statescope.lang.Alphabet;
import statescope.lang.Dfa;

/**
 * The reference machine of a language, stepped in lockstep with the model: a DFA for regular
 * languages, a machine with counters or a stack for counter languages. Configurations are immutable,
 * so every prefix's configuration can be kept and revisited.
 */
public interface ReferenceMachine {

    Alphabet alphabet();

    MachineConfig initial();

    /** The configuration after reading {@code symbol} (an alphabet index) in {@code config}. */
    MachineConfig step(MachineConfig config, int symbol);

    boolean accepts(MachineConfig config);

    /**
     * Whether some continuation (possibly empty) from {@code config} is accepted; false in a dead
     * state. Used for next-symbol targets.
     */
    boolean canAccept(MachineConfig config);

    /** The DFA to draw, when the language is regular. */
    Optional<Dfa> dfa();

    /** A one-line summary for the catalog, e.g. "DFA · 3 states (dead state included)". */
    String summary();
}
