package statescope.lang.catalog;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import statescope.lang.Alphabet;
import statescope.lang.Word;

/**
 * The reference automaton of a language, stepped one symbol at a time so that its configuration can
 * be shown beside a model at every position. A regular language steps its DFA ({@link DfaMachine});
 * a counter language steps counters or a stack ({@link CounterMachines}, {@link BoundedDyckMachine}).
 *
 * <p>A configuration is an immutable value ({@link Config}); {@link #step} never mutates its argument.
 * A symbol that can never lead to acceptance moves to a <em>dead</em> configuration, from which every
 * symbol stays dead, so a UI can keep stepping after a mistake and show "dead".
 */
public interface ReferenceMachine {

    /** A configuration: a DFA state, a tuple of counters, a stack. Immutable, with value equality. */
    interface Config {
    }

    /** What kind of machine this is, e.g. {@code "DFA"}, {@code "counter (depth)"}, {@code "stack (depth <= 10)"}. */
    String kind();

    /** The input alphabet. */
    Alphabet alphabet();

    /** The configuration before any input. */
    Config start();

    /** The configuration after reading {@code symbol} (an index into {@link #alphabet()}). */
    Config step(Config config, int symbol);

    /** True when the input read so far is in the language. */
    boolean accepting(Config config);

    /** True when no continuation of the input read so far is in the language. */
    boolean isDead(Config config);

    /** The symbols after which the input can still be completed to a word of the language. */
    default BitSet allowedNext(Config config) {
        var out = new BitSet();
        if (isDead(config)) {
            return out;
        }
        for (int a = 0; a < alphabet().size(); a++) {
            if (!isDead(step(config, a))) {
                out.set(a);
            }
        }
        return out;
    }

    /** A short readable description: {@code "depth 3"}, {@code "stack (a(b"}, {@code "q2"}, {@code "dead"}. */
    String describe(Config config);

    /** Names of the numeric registers of a configuration, e.g. {@code ["depth"]} or {@code ["state"]}. */
    List<String> registerNames();

    /** The registers of a configuration (same order as {@link #registerNames()}), for plots and probes. */
    int[] registers(Config config);

    /** The configuration after reading a whole word from the start. */
    default Config run(Word word) {
        Config c = start();
        for (int i = 0; i < word.length(); i++) {
            c = step(c, word.at(i));
        }
        return c;
    }

    /** The configurations along a word: {@code word.length() + 1} of them, the start first. */
    default List<Config> trace(Word word) {
        var out = new ArrayList<Config>(word.length() + 1);
        Config c = start();
        out.add(c);
        for (int i = 0; i < word.length(); i++) {
            c = step(c, word.at(i));
            out.add(c);
        }
        return out;
    }

    /** True when the machine accepts the word. */
    default boolean accepts(Word word) {
        return accepting(run(word));
    }
}
