package statescope.analysis.extract;

import java.util.List;
import java.util.Optional;
import net.automatalib.automaton.transducer.MealyMachine;
import statescope.lang.Word;

/**
 * Answers the learner's equivalence queries: a word on which a hypothesis and the target differ. No
 * practical oracle proves equivalence with a model, so each one states its {@link #reach()}: what a
 * search without a counterexample has covered.
 */
public interface EquivalenceOracle {

    /**
     * A word on which {@code hypothesis} and {@code target} give different outputs (ending at the first
     * difference, the shortest found), or empty when none is found within the reach or by the deadline.
     *
     * @param deadline {@link System#nanoTime()} by which to give up
     */
    Optional<Word> counterexample(MealyMachine<?, Integer, ?, Integer> hypothesis, OutputQueries target, long deadline);

    /** True when the last search stopped at the deadline before it covered its reach. */
    boolean timedOut();

    /** The reach of a search that finds nothing: "exhaustive to length 12; 2,000 random walks ..." */
    String reach();

    /** The words of the search, in the order it tries them (shorter sources first), in batches. */
    Iterable<List<Word>> batches();
}
