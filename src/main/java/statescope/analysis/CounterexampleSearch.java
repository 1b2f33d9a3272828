package statescope.analysis;

import statescope.lang.catalog.LengthWindow;
import statescope.lang.catalog.ReferenceMachine;
import statescope.lang.catalog.ReferenceMachine.Config;
import statescope.ssm.SelectiveScanKernel;

/**
 * Finds where a model breaks: the shortest string (then the earliest position) where its prediction
 * differs from the reference's target under the language's encoding. Two phases:
 * <ol>
 *   <li>exhaustive ({@link PrefixSearch}): every prefix of a word of the language up to the length where
 *       their number passes the budget ({@link PrefixPlan}), each stepped once on a prefix tree;</li>
 *   <li>guided ({@link GuidedSearch}), beyond that length up to {@link Settings#sampleMaxLength}: the
 *       language's samplers, walks over the reference, mutations of near-failures, on the batched scan of
 *       the given kernel (CPU or GPU).</li>
 * </ol>
 * A found string is replayed on the app's recurrent step to label it as the stepper will show it.
 */
public final class CounterexampleSearch {

    /**
     * @param maxLength       the longest prefix of the exhaustive phase (≥ 1)
     * @param budget          the most prefixes it steps
     * @param samples         the most strings the guided phase scores (0: none)
     * @param sampleMaxLength the longest string it tries (0: {@link #defaultSampleLength})
     * @param seed            seeds the guided phase
     * @param threads         worker threads
     * @param samplerOnly     the guided phase draws from the language's sampler only (no walks, no mutations)
     */
    public record Settings(int maxLength, long budget, int samples, int sampleMaxLength, long seed, int threads,
                           boolean samplerOnly) {

        public Settings {
            if (maxLength < 1) {
                throw new IllegalArgumentException("--max-length must be at least 1, got " + maxLength);
            }
            if (budget < 1) {
                throw new IllegalArgumentException("the prefix budget must be at least 1, got " + budget);
            }
            if (samples < 0 || sampleMaxLength < 0) {
                throw new IllegalArgumentException("sample counts and lengths cannot be negative");
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
        }

        /** All three sources of the guided phase. */
        public Settings(int maxLength, long budget, int samples, int sampleMaxLength, long seed, int threads) {
            this(maxLength, budget, samples, sampleMaxLength, seed, threads, false);
        }

        /** Lengths to 200, 10^6 prefixes, 1000 samples up to the default length, seed 1, every core. */
        public static Settings defaults() {
            return new Settings(200, 1_000_000, 1000, 0, 1, Runtime.getRuntime().availableProcessors());
        }
    }

    private final Subject subject;
    private final SelectiveScanKernel kernel;
    private final Settings settings;

    /** @throws IllegalArgumentException when only the sampler is asked for and the language has none */
    public CounterexampleSearch(Subject subject, SelectiveScanKernel kernel, Settings settings) {
        if (settings.samplerOnly() && subject.catalog() == null) {
            throw new IllegalArgumentException(subject.entry().name() + " has no sampler of its own: drop --sampler-only");
        }
        this.subject = subject;
        this.kernel = kernel;
        this.settings = settings;
    }

    /** Ten times the longest training length, at least 1000 and at most 20,000 (1000 without a training window). */
    public static int defaultSampleLength(Subject subject) {
        LengthWindow w = subject.trainingWindow();
        return w == null ? 1000 : Math.min(20_000, Math.max(1000, 10 * w.max()));
    }

    /** The longest string the guided phase tries. */
    public int sampleMaxLength() {
        return settings.sampleMaxLength() > 0 ? settings.sampleMaxLength() : defaultSampleLength(subject);
    }

    public SearchReport run(Control control) {
        long t0 = System.nanoTime();
        PrefixPlan plan = PrefixPlan.of(subject.machine(), settings.maxLength(), settings.budget());
        PrefixSearch.Outcome ex = new PrefixSearch(subject, settings.threads()).run(plan, control);
        if (ex.failure() != null) {
            Counterexample c = describe(ex.failure(), "exhaustive", "prefix tree", ex.failure().length, secs(t0));
            return report(c, plan, ex, null, false, t0);
        }
        boolean stopped = !ex.complete();
        GuidedSearch.Outcome g = null;
        if (!stopped && !plan.finite() && settings.samples() > 0) {
            var scorer = new Scorer(subject, kernel, settings.threads());
            g = new GuidedSearch(subject, scorer, settings.seed(), settings.samplerOnly())
                    .run(ex.depth() + 1, Math.max(ex.depth() + 1, sampleMaxLength()), settings.samples(), ex.nearMisses(), control);
            stopped = !g.complete();
            if (g.failure() != null) {
                Counterexample c = describe(g.failure(), "guided", g.source(), g.foundLength(), secs(t0));
                return report(c, plan, ex, g, false, t0);
            }
        }
        control.report(1, "done");
        return report(null, plan, ex, g, stopped, t0);
    }

    private SearchReport report(Counterexample c, PrefixPlan plan, PrefixSearch.Outcome ex, GuidedSearch.Outcome g,
                                boolean stopped, long t0) {
        return new SearchReport(subject.modelName(), subject.entry().name(), subject.entry().id(), subject.judge().describe(),
                kernel.name(), c,
                ex.depth(), ex.prefixes(), ex.seconds(), plan.finite() && ex.complete() && ex.failure() == null,
                g == null ? 0 : g.strings(), g == null ? 0 : g.longest(), g == null ? 0 : g.tokens(),
                g == null ? 0 : g.seconds(), stopped, secs(t0));
    }

    /** Replays a failing string on the recurrent step: the labels at its last position, and whether the step agrees. */
    Counterexample describe(int[] word, String phase, String source, int foundLength, double seconds) {
        Model.Stepper stepper = subject.model().stepper();
        Model.State s = subject.model().newState();
        ReferenceMachine m = subject.machine();
        Judge judge = subject.judge().copy();
        float[] logits = new float[subject.model().outputSize()];
        Config c = m.start();
        int firstWrong = 0;
        String[] labels = null;
        double margin = 0;
        for (int t = 0; t < word.length; t++) {
            stepper.step(s, subject.token(word, t), logits);
            Config next = m.step(c, word[t]);
            double mg = judge.margin(c, word[t], next, logits, 0);
            if (firstWrong == 0 && !Judge.right(mg)) {
                firstWrong = t + 1;
            }
            if (t == word.length - 1) {
                labels = judge.labels(c, word[t], next, logits, 0);
                margin = mg;
            }
            c = next;
        }
        int[] rest = Sources.completion(m, word, 10_000);
        return new Counterexample(word.clone(), subject.text(word), word.length, labels[0], labels[1], margin, phase,
                source, foundLength, seconds, firstWrong == word.length, rest == null ? null : subject.text(rest).replace("ε", ""));
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
