package statescope.analysis.extract;

import net.automatalib.automaton.transducer.impl.CompactMealy;
import statescope.lang.Word;

/**
 * What an extraction found.
 *
 * @param machine         the extracted minimal Mealy machine (inputs and outputs are indices; ⊥ = −1)
 * @param queries         membership queries the learner asked
 * @param querySymbols    symbols in those queries
 * @param rounds          equivalence rounds (hypotheses checked)
 * @param seconds         wall time
 * @param verdict         against the reference
 * @param complete        whether the oracle found no counterexample to the machine (false: the best hypothesis
 *                        when the verdict was reached or the budget ended)
 * @param reach           what the equivalence oracle covered (always stated with a verdict)
 * @param referenceStates states of the reference's minimal Mealy machine, −1 when it is not finite-state
 * @param separating      the separating word (NOT_EQUIVALENT and UNCONFIRMED), else null
 * @param modelOutputs    the model's outputs along it, stepped one symbol at a time
 * @param referenceOutputs the reference's outputs along it
 */
public record ExtractionResult(CompactMealy<Integer, Integer> machine, long queries, long querySymbols, int rounds,
                               double seconds, Verdict verdict, boolean complete, String reach, int referenceStates, Word separating,
                               int[] modelOutputs, int[] referenceOutputs) {

    /** The verdict against the reference. */
    public enum Verdict {
        /** The extracted machine equals the reference, and the oracle found no difference with the model within its reach. */
        EQUIVALENT,
        /** A word on which the model (stepped) and the reference differ. */
        NOT_EQUIVALENT,
        /** The reference is not finite-state; the model and it agreed on every word of the oracle's reach. */
        NO_DIFFERENCE_FOUND,
        /** The time budget ran out: the machine is the best hypothesis so far, nothing is claimed. */
        BUDGET_EXHAUSTED,
        /** The batched scan and the step disagree on the separating word (a borderline output): not claimed. */
        UNCONFIRMED
    }

    /** Number of states of the extracted machine. */
    public int states() {
        return machine.size();
    }
}
