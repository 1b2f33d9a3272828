package statescope.analysis.extract;

import java.util.List;
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

    /** The outputs of one word computed afresh one symbol at a time: the check of a separating word. */
    default int[] stepped(Word word) {
        return outputs(List.of(word))[0];
    }

    /** The name of an output, {@code ⊥} for the sink. */
    default String outputName(int o) {
        return o == SINK ? "⊥" : outputNames().get(o);
    }
}
