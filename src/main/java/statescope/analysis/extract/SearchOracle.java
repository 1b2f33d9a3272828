package statescope.analysis.extract;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import net.automatalib.automaton.transducer.MealyMachine;
import statescope.analysis.Control;
import statescope.analysis.CounterexampleSearch;
import statescope.analysis.SearchReport;
import statescope.analysis.Subject;
import statescope.inspect.CatalogLanguages;
import statescope.lang.Word;
import statescope.lang.catalog.Language;
import statescope.ssm.VectorSupport;
import statescope.ssm.SelectiveScanKernel;
import statescope.ssm.SsmWeights;

/**
 * The extraction's equivalence oracle: the {@link BoundedOracle} (every word to one length, random walks,
 * the sampler's words), then, when it finds nothing, the counterexample search of the analysis package
 * ({@link CounterexampleSearch}: every prefix of the language to the length its budget allows, then the
 * sampler, walks that favour rare states and mutations of near-failures at growing lengths) within the
 * time left. A word the search finds is used only when the hypothesis and the model differ on it (the
 * search compares the model with the reference, which the hypothesis equals whenever the learner asks).
 * Its reach states both; a search cut short by the deadline makes the oracle report a timeout.
 */
public final class SearchOracle implements EquivalenceOracle {

    private final BoundedOracle bounded;
    private final Subject subject;
    private final SelectiveScanKernel kernel;
    private final CounterexampleSearch.Settings settings;
    private final BooleanSupplier cancelled;
    private SearchReport last;
    private boolean timedOut;

    public SearchOracle(BoundedOracle bounded, Subject subject, SelectiveScanKernel kernel,
            CounterexampleSearch.Settings settings, BooleanSupplier cancelled) {
        this.bounded = bounded;
        this.cancelled = cancelled;
        this.subject = subject;
        this.kernel = kernel;
        this.settings = settings;
    }

    /** Prefixes of the search's exhaustive phase (the bounded oracle has already tried every short word). */
    public static final long BUDGET = 100_000;

    /**
     * The oracle for a model of a catalog language: this one (the search on the CPU's fast scan) when
     * the reference is finite-state, where the learner asks only about hypotheses equal to it; else the
     * bounded oracle alone.
     */
    public static EquivalenceOracle of(SsmWeights weights, String name, Language language, long seed) {
        return of(weights, name, language, seed, () -> false);
    }

    /** As {@link #of(SsmWeights, String, Language, long)}; the search stops early when {@code cancelled} says so. */
    public static EquivalenceOracle of(SsmWeights weights, String name, Language language, long seed,
            BooleanSupplier cancelled) {
        BoundedOracle b = BoundedOracle.of(language, seed);
        if (ReferenceMealy.build(new ReferenceOutputs(language.machine(), language.targets())).isEmpty()) {
            return b;
        }
        var d = CounterexampleSearch.Settings.defaults();
        var settings = new CounterexampleSearch.Settings(d.maxLength(), BUDGET, d.samples(), d.sampleMaxLength(), seed,
                d.threads());
        return new SearchOracle(b, Subject.of(name, weights, CatalogLanguages.entry(language), language),
                VectorSupport.fastScan(d.threads()), settings, cancelled);
    }

    @Override
    public Optional<Word> counterexample(MealyMachine<?, Integer, ?, Integer> hypothesis, OutputQueries target,
            long deadline) {
        Optional<Word> b = bounded.counterexample(hypothesis, target, deadline);
        timedOut = bounded.timedOut();
        if (b.isPresent() || timedOut) {
            return b;
        }
        double seconds = (deadline - System.nanoTime()) / 1e9;
        if (seconds <= 0) {
            timedOut = true;
            return Optional.empty();
        }
        last = new CounterexampleSearch(subject, kernel, settings).run(Control.within(seconds, cancelled, q -> { }));
        if (last.found() == null) {
            timedOut = last.stopped();
            return Optional.empty();
        }
        Word w = Word.of(target.alphabet(), last.found().word());
        int[] out = target.outputs(List.of(w))[0];
        var hyp = hypothesis.computeOutput(MealyQueries.fromWord(w));
        for (int t = 0; t < w.length(); t++) {
            if (hyp.getSymbol(t) != out[t]) {
                return Optional.of(w.prefix(t + 1));
            }
        }
        return Optional.empty();                 // the scan disagrees with the step on a borderline position
    }

    @Override
    public boolean timedOut() {
        return timedOut;
    }

    @Override
    public String reach() {
        String s = bounded.reach();
        if (last == null) {
            return s + "; then the counterexample search (not reached)";
        }
        return s + String.format(Locale.ROOT, "; then the counterexample search: every prefix of the language to length %d"
                + " (%,d prefixes), %,d guided strings up to length %d%s", last.exhaustiveDepth(), last.prefixes(),
                last.sampled(), last.sampledLongest(), last.stopped() ? " (stopped at the deadline)" : "");
    }

    @Override
    public Iterable<List<Word>> batches() {
        return bounded.batches();
    }
}
