package statescope.analysis.extract;

import java.util.List;
import java.util.function.BooleanSupplier;
import statescope.lang.Alphabet;
import statescope.lang.Word;

/**
 * A machine seen from outside as a Mealy machine: for a word, the output after each of its prefixes.
 * Outputs are class ids 0..K−1, or {@link #SINK} where the prefix has left the language's domain.
 */
public interface OutputQueries {

    /** The output outside the domain (the reference machine can no longer complete the prefix). */
    int SINK = -1;

    /** The input alphabet. */
    Alphabet alphabet();

    /** Names of the outputs 0..K−1. */
    List<String> outputNames();

    /** Per word its outputs, one per position ([T_b] each); may batch and cache. */
    int[][] outputs(List<Word> words);

    /**
     * As {@link #outputs(List)}, asking {@code stop} before each part of the work and throwing {@link Stopped}
     * once it says so, so that a long query ends near a deadline. This default asks once, before all of it;
     * a model that scans in batches asks before each batch.
     */
    default int[][] outputs(List<Word> words, BooleanSupplier stop) {
        if (stop.getAsBoolean()) {
            throw new Stopped();
        }
        return outputs(words);
    }

    /** Thrown by {@link #outputs(List, BooleanSupplier)} when its stop says so. */
    final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Stopped() {
            super(null, null, false, false);
        }
    }

    /** The outputs of one word computed afresh one symbol at a time: the check of a separating word. */
    default int[] stepped(Word word) {
        return outputs(List.of(word))[0];
    }

    /** The name of an output, {@code ⊥} for the sink. */
    default String outputName(int o) {
        return o == SINK ? "⊥" : outputNames().get(o);
    }
}
