package statescope.analysis.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import de.learnlib.acex.AcexAnalyzers;
import de.learnlib.algorithm.ttt.mealy.TTTLearnerMealy;
import de.learnlib.query.DefaultQuery;
import net.automatalib.alphabet.Alphabet;
import net.automatalib.automaton.transducer.MealyMachine;
import net.automatalib.automaton.transducer.impl.CompactMealy;
import net.automatalib.util.automaton.Automata;
import net.automatalib.util.automaton.minimizer.HopcroftMinimizer;
import statescope.analysis.extract.ExtractionResult.Verdict;
import statescope.lang.Word;

/**
 * Learns the Mealy machine of a target (a model) with LearnLib's TTT, then compares it with the
 * reference. The loop: the oracle looks for a word where hypothesis and target differ; when it finds
 * none, the hypothesis is compared with the reference (exactly with AutomataLib when the reference is
 * finite-state, else on the oracle's words); a separating word is stepped through the model, and if the
 * model agrees with the reference there after all, the word is a counterexample and learning goes on.
 * Every query to the target asks the deadline between its batches ({@link OutputQueries#outputs(List,
 * BooleanSupplier)}), so the time limit holds however slow the first scans are.
 */
public final class Extraction {

    private Extraction() {
    }

    /**
     * Runs an extraction.
     *
     * @param target    the machine to learn (the model)
     * @param reference the reference it is compared with
     * @param seconds   time budget
     */
    public static ExtractionResult run(OutputQueries target, ReferenceOutputs reference, EquivalenceOracle oracle,
            double seconds) {
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        int k = target.alphabet().size();
        Alphabet<Integer> in = ReferenceMealy.inputs(k);
        Optional<CompactMealy<Integer, Integer>> ref = ReferenceMealy.build(reference);
        int refStates = ref.map(CompactMealy::size).orElse(-1);
        BooleanSupplier stop = () -> System.nanoTime() > deadline;
        var queries = new MealyQueries(target, stop);                 // at the deadline: Stopped, between batches
        var learner = new TTTLearnerMealy<Integer, Integer>(in, queries, AcexAnalyzers.BINARY_SEARCH_BWD);
        var run = new Run(target, reference, oracle, queries, stop, start, refStates);
        try {
            learner.startLearning();
            return ref.isPresent() ? run.againstFinite(learner, ref.get(), in, deadline)
                    : run.againstInfinite(learner, in, deadline);
        } catch (OutputQueries.Stopped e) {
            return run.result(Verdict.BUDGET_EXHAUSTED, false, null);
        }
    }

    /** One extraction's state: the best hypothesis so far and the counts. */
    private static final class Run {
        private final OutputQueries target;
        private final ReferenceOutputs reference;
        private final EquivalenceOracle oracle;
        private final MealyQueries queries;
        private final BooleanSupplier stop;
        private final long start;
        private final int refStates;
        private CompactMealy<Integer, Integer> best;
        private int rounds;

        Run(OutputQueries target, ReferenceOutputs reference, EquivalenceOracle oracle, MealyQueries queries,
                BooleanSupplier stop, long start, int refStates) {
            this.target = target;
            this.reference = reference;
            this.oracle = oracle;
            this.queries = queries;
            this.stop = stop;
            this.start = start;
            this.refStates = refStates;
        }

        /**
         * A finite reference: each hypothesis is first compared with the reference exactly; a separating
         * word on which the stepped model differs from the reference is the verdict, one on which it agrees
         * is a counterexample. A hypothesis equal to the reference goes to the oracle: a word where the model
         * differs from it differs from the reference too.
         */
        ExtractionResult againstFinite(TTTLearnerMealy<Integer, Integer> learner, CompactMealy<Integer, Integer> ref,
                Alphabet<Integer> in, long deadline) {
            while (true) {
                MealyMachine<?, Integer, ?, Integer> hyp = learner.getHypothesisModel();
                best = HopcroftMinimizer.minimizeMealy(hyp, in);
                rounds++;
                if (System.nanoTime() > deadline) {
                    return result(Verdict.BUDGET_EXHAUSTED, false, null);
                }
                var sep = Automata.findSeparatingWord(best, ref, in);
                Word w;
                if (sep != null) {
                    w = MealyQueries.toWord(target.alphabet(), sep);
                } else {
                    Optional<Word> ce = oracle.counterexample(hyp, target, deadline);
                    if (oracle.timedOut()) {
                        return result(Verdict.BUDGET_EXHAUSTED, false, null);
                    }
                    if (ce.isEmpty()) {
                        return result(Verdict.EQUIVALENT, true, null);
                    }
                    w = ce.get();
                }
                ExtractionResult confirmed = confirm(w, false);
                if (confirmed != null) {
                    return confirmed;
                }
                if (!refine(learner, target, w, stop)) {
                    return result(Verdict.UNCONFIRMED, false, w);
                }
            }
        }

        /**
         * A reference that is not finite-state: the model is compared with it on the oracle's words, and the
         * learner runs with the oracle's counterexamples for the machine (until it converges or the budget ends).
         */
        ExtractionResult againstInfinite(TTTLearnerMealy<Integer, Integer> learner, Alphabet<Integer> in, long deadline) {
            Word diff = null;
            for (List<Word> batch : oracle.batches()) {
                if (System.nanoTime() > deadline) {
                    return result(Verdict.BUDGET_EXHAUSTED, false, null);
                }
                int[][] mine = target.outputs(batch, stop);
                int[][] theirs = reference.outputs(batch);
                for (int i = 0; i < batch.size(); i++) {
                    int t = firstDifference(mine[i], theirs[i]);
                    if (t >= 0 && (diff == null || t + 1 < diff.length())) {
                        diff = batch.get(i).prefix(t + 1);
                    }
                }
                if (diff != null) {
                    break;
                }
            }
            boolean converged = false;
            try {
                while (System.nanoTime() < deadline) {
                    MealyMachine<?, Integer, ?, Integer> hyp = learner.getHypothesisModel();
                    best = HopcroftMinimizer.minimizeMealy(hyp, in);
                    rounds++;
                    Optional<Word> ce = oracle.counterexample(hyp, target, deadline);
                    if (oracle.timedOut()) {
                        break;
                    }
                    if (ce.isEmpty()) {
                        converged = true;
                        break;
                    }
                    refine(learner, target, ce.get(), stop);
                }
            } catch (OutputQueries.Stopped e) {
                // keep the best hypothesis
            }
            if (diff != null) {
                ExtractionResult r = confirm(diff, converged);
                return r != null ? r : result(Verdict.UNCONFIRMED, converged, diff);
            }
            return result(Verdict.NO_DIFFERENCE_FOUND, converged, null);
        }

        /** The verdict NOT_EQUIVALENT when the stepped model differs from the reference on {@code w}, else null. */
        private ExtractionResult confirm(Word w, boolean complete) {
            int[] stepped = target.stepped(w);
            int[] refOut = reference.outputs(List.of(w))[0];
            int t = firstDifference(stepped, refOut);
            if (t < 0) {
                return null;
            }
            return new ExtractionResult(machine(), queries.queries(), queries.symbols(), rounds, seconds(),
                    Verdict.NOT_EQUIVALENT, complete, oracle.reach(), refStates, w.prefix(t + 1),
                    Arrays.copyOf(stepped, t + 1), Arrays.copyOf(refOut, t + 1));
        }

        ExtractionResult result(Verdict v, boolean complete, Word w) {
            int[] m = w == null ? null : target.stepped(w);
            int[] r = w == null ? null : reference.outputs(List.of(w))[0];
            return new ExtractionResult(machine(), queries.queries(), queries.symbols(), rounds, seconds(), v, complete,
                    oracle.reach(), refStates, w, m, r);
        }

        private CompactMealy<Integer, Integer> machine() {
            if (best == null) {
                best = new CompactMealy<>(ReferenceMealy.inputs(target.alphabet().size()));
                best.addIntInitialState(null);
            }
            return best;
        }

        private double seconds() {
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /** Refines with a word the target answers differently from the hypothesis; false when it does not. */
    private static boolean refine(TTTLearnerMealy<Integer, Integer> learner, OutputQueries target, Word ce,
            BooleanSupplier stop) {
        int[] out = target.outputs(List.of(ce), stop)[0];
        var outputs = new ArrayList<Integer>(out.length);
        for (int o : out) {
            outputs.add(o);
        }
        return learner.refineHypothesis(new DefaultQuery<>(net.automatalib.word.Word.epsilon(),
                MealyQueries.fromWord(ce), net.automatalib.word.Word.fromList(outputs)));
    }

    private static int firstDifference(int[] a, int[] b) {
        for (int t = 0; t < Math.min(a.length, b.length); t++) {
            if (a[t] != b[t]) {
                return t;
            }
        }
        return -1;
    }
}
