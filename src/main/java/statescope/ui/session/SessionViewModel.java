package statescope.ui.session;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.ListChangeListener;
import statescope.inspect.AlignedTrace;
import statescope.inspect.ChannelKind;
import statescope.inspect.ComputeBackend;
import statescope.inspect.CorpusProjection;
import statescope.inspect.JitWarmUp;
import statescope.inspect.LanguageEntry;
import statescope.inspect.StateCloud;
import statescope.inspect.TraceModel;
import statescope.lang.Word;
import statescope.ssm.gpu.BackendChoice;
import statescope.ui.automaton.AutomatonViewModel;
import statescope.ui.chart.ChannelChartViewModel;
import statescope.ui.common.Job;
import statescope.ui.common.TaskRunner;
import statescope.ui.common.Work;
import statescope.ui.heatmap.HeatmapViewModel;
import statescope.ui.prediction.PredictionStripViewModel;
import statescope.ui.trajectory.TrajectoryViewModel;

/**
 * The session behind the main window: the open language and model, the input, the
 * {@link AlignedTrace}, and the view model of every pane ({@link #views()}), whose frames it recomputes
 * together for the stepper's position. The panes act on their own view models; the session does the work.
 *
 * <p>Responsibilities: (1) parse the input and refuse an unknown symbol with an inline message,
 * keeping the text; (2) extend the trace by one step per typed key, recompute from the edit point
 * after an edit (snapshots make that cheap), and hand long work (more than {@value #SYNC_STEPS} steps,
 * model loading, corpus projection) to a background runner with progress and cancel. Testable without
 * the FX toolkit with {@link TaskRunner#immediate()}.
 */
public final class SessionViewModel {

    private static final String LOADING = StatusViewModel.LOADING;

    /** Steps done synchronously on the calling (FX) thread; more go to the background. */
    public static final int SYNC_STEPS = 400;

    private final ModelLibrary models;
    private final TaskRunner traceRunner;
    private final TaskRunner analysisRunner;
    private final ComputeBackend compute;

    private final StatusViewModel status = new StatusViewModel(this::cancel);
    private final CatalogViewModel catalog;
    private final HeaderViewModel header;
    private final InputViewModel input;
    private final StepperViewModel stepper;
    private final ReadOnlyIntegerWrapper layers = new ReadOnlyIntegerWrapper(1);
    private final AutomatonViewModel automaton = new AutomatonViewModel();
    private final PredictionStripViewModel strip = new PredictionStripViewModel();
    private final HeatmapViewModel stateMap = new HeatmapViewModel(ChannelKind.STATE);
    private final HeatmapViewModel deltaMap = new HeatmapViewModel(ChannelKind.DELTA);
    private final HeatmapViewModel gateMap = new HeatmapViewModel(ChannelKind.GATE);
    private final TrajectoryViewModel trajectory = new TrajectoryViewModel();
    private final ChannelChartViewModel chart = new ChannelChartViewModel();
    private final CompareViewModel compare = new CompareViewModel(this::loadCompare, this::openCanonicalPair,
            this::openPair, this::closeCompare);
    private final WindowModels views;

    private AlignedTrace trace;
    /** Compare mode's model B over the same input, or null; {@link #pendingB} is loaded once A is in. */
    private AlignedTrace traceB;
    private ModelChoice pendingB;
    /** The model the trace runs (the picker goes back to it when another is refused). */
    private ModelChoice installed;
    private Job job;
    private Job analysisJob;
    private Job warmJob;                                             // JitWarmUp after a model's analysis
    /** Fits model B's corpus cloud (compare mode), or null. */
    private Job analysisJobB;
    /** Analysis jobs started and not yet ended (A's and B's share the status bar's "analysing"). */
    private int analysing;
    private int generation;
    private boolean reapply;
    private List<StateCloud> pendingClouds;
    private List<StateCloud> pendingCloudsB;
    private final InputParser parser = new InputParser();
    /** The last input of each language opened before (by id), restored when it is opened again. */
    private final Map<String, String> inputs = new HashMap<>();

    /** A session whose corpus scans run on the backend {@code auto} picks (the GPU when one can be used). */
    public SessionViewModel(LanguageLibrary languages, ModelLibrary models, TaskRunner traceRunner,
                            TaskRunner analysisRunner) {
        this(languages, models, traceRunner, analysisRunner, new ComputeBackend(BackendChoice.AUTO));
    }

    /** A session whose corpus scans run on {@code compute} (selected in the first analysis job, off the FX thread). */
    public SessionViewModel(LanguageLibrary languages, ModelLibrary models, TaskRunner traceRunner,
                            TaskRunner analysisRunner, ComputeBackend compute) {
        this.models = models;
        this.traceRunner = traceRunner;
        this.analysisRunner = analysisRunner;
        this.compute = compute;
        catalog = new CatalogViewModel(languages, status.busyProperty(), this::openLanguage);
        header = new HeaderViewModel(catalog.languageProperty(), this::loadModel);
        header.offersFrom(models::choices);
        input = new InputViewModel(catalog.languageProperty(), status.busyProperty(), this::setInput, status::report);
        stepper = new StepperViewModel(status.busyProperty(), () -> trace == null ? -1 : trace.firstDivergence());
        views = new WindowModels(header, catalog, input, stepper, status, automaton, strip, stateMap, deltaMap,
                gateMap, trajectory, chart, layers.getReadOnlyProperty(), compare);
        stepper.positionProperty().addListener((o, a, b) -> refresh());
        stepper.hideFutureProperty().addListener((o, a, b) -> {
            if (!b) {
                input.setVeil("");                                    // also with no trace to refresh from
            }
            refresh();
        });
        deltaMap.layerProperty().bindBidirectional(gateMap.layerProperty());
        deltaMap.windowProperty().bind(gateMap.windowProperty());
        followA(compare);                                             // before the refresh listeners: B is set when they run
        for (var p : List.of(stateMap.layerProperty(), gateMap.layerProperty(), trajectory.layerProperty(),
                chart.layerProperty(), trajectory.threeDProperty(), strip.capacityProperty(),
                stateMap.windowProperty(), gateMap.windowProperty())) {
            p.addListener((o, a, b) -> refresh());
        }
        chart.channels().addListener((ListChangeListener<Integer>) c -> refresh());
        chart.kindProperty().addListener((o, a, b) -> refresh());
        trajectory.cloudsProperty().addListener((o, a, b) -> refresh());
        var trajectoryB = compare.trajectory();                       // one bar drives both trajectories
        trajectoryB.layerProperty().bindBidirectional(trajectory.layerProperty());
        trajectoryB.threeDProperty().bindBidirectional(trajectory.threeDProperty());
        trajectoryB.yawProperty().bindBidirectional(trajectory.yawProperty());
        trajectoryB.pitchProperty().bindBidirectional(trajectory.pitchProperty());
        for (var p : List.of(trajectoryB.layerProperty(), trajectoryB.threeDProperty(), trajectoryB.cloudsProperty(),
                compare.capacityProperty())) {
            p.addListener((o, a, b) -> refresh());
        }
    }

    /** Model B's heatmaps, gates and channels show what A's show: the same layer, window, picks and quantity. */
    private void followA(CompareViewModel compare) {
        compare.stateMap().layerProperty().bindBidirectional(stateMap.layerProperty());
        compare.stateMap().windowProperty().bind(stateMap.windowProperty());
        compare.gateMap().layerProperty().bindBidirectional(gateMap.layerProperty());
        compare.deltaMap().layerProperty().bindBidirectional(gateMap.layerProperty());
        compare.gateMap().windowProperty().bind(gateMap.windowProperty());
        compare.deltaMap().windowProperty().bind(gateMap.windowProperty());
        compare.chart().layerProperty().bindBidirectional(chart.layerProperty());
        compare.chart().kindProperty().bindBidirectional(chart.kindProperty());
        Bindings.bindContent(compare.chart().channels(), chart.channels());
    }

    /** The panes' view models. */
    public WindowModels views() {
        return views;
    }

    /** The trace of the loaded model over the input (null before a model is loaded). */
    public AlignedTrace trace() {
        return trace;
    }

    // ---- language and model -------------------------------------------------------------

    /** Opens the first catalog language (the demo) with its default model. */
    public void start() {
        if (!catalog.languages().isEmpty()) {
            catalog.select(catalog.languages().get(0));
        }
    }

    private void openLanguage(LanguageEntry entry) {
        cancelJobs();                                                 // a running paste or load is dropped
        LanguageEntry before = catalog.languageProperty().get();
        if (before != null) {
            inputs.put(before.id(), input.textProperty().get());     // coming back to it keeps the input
        }
        closeCompare();
        catalog.opened(entry);
        automaton.showDfa(entry.reference().dfa().orElse(null));
        header.offer(models.choices(entry));
        trace = null;
        parser.reset();
        String typed = input.textProperty().get();                   // typed input that fits the new alphabet stays
        input.setText(fits(before, entry, typed) ? typed : inputs.getOrDefault(entry.id(), entry.sample()));
        loadModel(header.modelChoices().get(0));
    }

    /** Whether {@code typed}, the user's input on {@code before} (not just its sample), reads over {@code entry}'s alphabet. */
    private static boolean fits(LanguageEntry before, LanguageEntry entry, String typed) {
        if (before == null || typed.isEmpty() || typed.equals(before.sample())) {
            return false;
        }
        try {
            Word.parse(entry.machine().alphabet(), typed);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void loadModel(ModelChoice choice) {
        LanguageEntry lang = catalog.languageProperty().get();
        int gen = ++generation;
        cancelJobs();
        header.chosen(choice);
        runBlocking(LOADING + choice.label(), p -> models.load(choice, lang), model -> {
            if (gen == generation) {
                installed = choice;
                install(model, lang, gen);
            }
        }, () -> {
            var choices = header.modelChoices();
            int next = choices.indexOf(choice) + 1;
            ModelChoice fallback = next > 0 && next < choices.size() ? choices.get(next) : null;
            header.refused(choice);                                    // an opened file that failed leaves the picker
            ModelChoice running = installed;
            if (gen == generation && running != null && trace != null) {
                String why = header.modelErrorProperty().get();        // a refused model is not shown as chosen
                header.chosen(running);
                header.setModelError(why);
                return;
            }
            if (gen == generation && trace == null && fallback != null) {
                String why = header.modelErrorProperty().get();
                loadModel(fallback);                                  // nothing loaded yet: fall back to the next
                if (header.modelErrorProperty().get().isEmpty()) {
                    header.setModelError(why + " (using " + fallback.label() + " instead)");
                }
            }
        });
    }

    /** Installs a loaded model: new trace, the input re-read, projections fitted in the background. */
    private void install(TraceModel model, LanguageEntry lang, int gen) {
        if (warmJob != null) {
            warmJob.cancel();                                          // the analysis runner's next job is this model's
        }
        trace = new AlignedTrace(model, lang);
        pendingClouds = null;
        parser.reset();
        String steps = model.info().backend();
        status.setBackend(compute.statusText(steps));
        status.setModelSummary(model.info().summary());
        layers.set(model.info().numLayers());
        status.setDeviation("step vs reference: measuring…");
        trajectory.setClouds(List.of());
        stepper.reset();
        applyInput();
        startPendingCompare();
        analysisStarted();
        int[] sample = lang.encode(lang.sample());
        analysisJob = analysisRunner.start(p -> {
            var dev = model.stepScanDeviation(sample);
            var clouds = CorpusProjection.fitForApp(model, lang, compute.kernel(), p::update, p::cancelled);
            return new Analysis(clouds, dev.isPresent() ? dev.getAsDouble() : Double.NaN);
        }, f -> { }, a -> {
            analysisEnded();
            if (gen == generation) {
                status.setBackend(compute.statusText(steps));              // the scan backend is chosen now
                status.setDeviation(Double.isNaN(a.deviation) ? "step vs reference: n/a"
                        : String.format(Locale.ROOT, "step vs reference: max |Δh| %.1e", a.deviation));
                setProjections(a.clouds);
                var projections = a.clouds.stream().map(StateCloud::projection).toList();
                warmJob = analysisRunner.start(
                        p -> JitWarmUp.run(model, lang, projections, compute.kernel(), p::cancelled),
                        f -> { }, r -> { }, e -> { });                 // quiet: nothing shown, nothing lost
            }
        }, e -> {
            analysisEnded();
            if (gen == generation) {
                status.setBackend(compute.statusText(steps));
            }
        });
    }

    private void analysisStarted() {
        analysing++;
        status.setAnalysing(true);
    }

    private void analysisEnded() {
        analysing = Math.max(0, analysing - 1);
        status.setAnalysing(analysing > 0);
    }

    private record Analysis(List<StateCloud> clouds, double deviation) {
    }

    private void setProjections(List<StateCloud> clouds) {
        if (status.busyProperty().get()) {
            pendingClouds = clouds;                                   // after the running job: one writer at a time
            return;
        }
        var projections = clouds.stream().map(StateCloud::projection).toList();
        AlignedTrace tr = trace;
        if (tr.length() <= SYNC_STEPS * 4) {
            tr.setProjections(projections, f -> { }, () -> false);
            trajectory.setClouds(clouds);
        } else {
            runBlocking("Projecting " + tr.length() + " states", p -> {
                tr.setProjections(projections, p::update, p::cancelled);
                return clouds;
            }, trajectory::setClouds);
        }
    }

    // ---- input ---------------------------------------------------------------------------

    /** The text in the input field changed; the trace follows it, or an inline message says why not. */
    private void setInput(String text) {
        input.setText(text);
        applyInput();
    }

    private void applyInput() {
        LanguageEntry lang = catalog.languageProperty().get();
        if (lang == null) {
            return;
        }
        String text = input.textProperty().get();
        int[] word = quickParse(lang, text);
        if (word == null) {
            return;                                                   // inline error set, trace unchanged
        }
        if (trace == null) {
            return;
        }
        if (status.busyProperty().get()) {
            reapply = true;
            return;
        }
        AlignedTrace tr = trace;
        boolean follow = stepper.positionProperty().get() == tr.length();
        if (word != InputParser.LONG) {
            int keep = tr.commonPrefix(word);
            int steps = word.length - keep + (keep < tr.length() ? AlignedTrace.SNAPSHOT_EVERY : 0);
            if (steps <= SYNC_STEPS) {
                tr.setWord(word, f -> { }, () -> false);
                syncB(word, f -> { }, () -> false);
                parser.accepted(text, word);
                afterChange(follow);
                return;
            }
        }
        var parseError = new String[1];
        runBlocking(String.format(Locale.ROOT, "Reading %,d characters", text.length()), p -> {
            int[] w = word;
            if (w == InputParser.LONG) {
                try {
                    w = Word.parse(lang.machine().alphabet(), text).toArray();
                } catch (IllegalArgumentException e) {
                    parseError[0] = e.getMessage();
                    return null;
                }
            }
            tr.setWord(w, p::update, p::cancelled);
            syncB(w, p::update, p::cancelled);
            return w;
        }, w -> {
            if (w == null) {
                input.setError(parseError[0]);
                return;
            }
            parser.accepted(text, w);
            afterChange(follow);
        });
    }

    /**
     * Parses the input (incrementally when it grows), or returns null after setting the inline error
     * for an unknown symbol; {@link InputParser#LONG} for a long text to parse in the background.
     */
    private int[] quickParse(LanguageEntry lang, String text) {
        try {
            int[] w = parser.parse(lang.machine().alphabet(), text);
            input.setError("");
            return w;
        } catch (IllegalArgumentException e) {
            input.setError(e.getMessage());
            return null;
        }
    }

    // ---- compare mode -----------------------------------------------------------------------

    /** Model B follows the input A reads (same thread as A's update). */
    private void syncB(int[] word, DoubleConsumer progress, BooleanSupplier cancelled) {
        AlignedTrace b = traceB;
        if (b != null) {
            b.setWord(word, progress, cancelled);
        }
    }

    private void loadCompare(ModelChoice choice) {
        LanguageEntry lang = catalog.languageProperty().get();
        if (trace == null || lang == null || status.busyProperty().get()) {
            pendingB = choice;                                         // after the model or job in progress
            return;
        }
        ModelChoice before = compare.choiceProperty().get();
        AlignedTrace a = trace;
        int gen = generation;
        compare.opened(choice);
        var refused = new String[1];
        runBlocking("Comparing with " + choice.label(), p -> {
            try {
                var b = new AlignedTrace(models.load(choice, lang), lang);
                b.setWord(a.tokens(), p::update, p::cancelled);
                return b;
            } catch (IOException | IllegalArgumentException e) {
                refused[0] = e.getMessage();
                return null;
            }
        }, b -> {
            if (gen != generation || trace != a) {
                return;                                                // another language or model since
            }
            if (b == null) {
                compareRefused(before, refused[0]);
                return;
            }
            traceB = b;
            compare.setLayers(b.model().info().numLayers());
            compare.trajectory().setClouds(List.of());
            compare.pairChanged(a, b);
            refresh();
            fitB(b, lang);
        }, () -> compareRefused(before, "could not load " + choice.label()));
    }

    /** Fits model B's own corpus cloud in the background (B's states live in another space than A's). */
    private void fitB(AlignedTrace b, LanguageEntry lang) {
        if (analysisJobB != null) {
            analysisJobB.cancel();
        }
        pendingCloudsB = null;
        analysisStarted();
        analysisJobB = analysisRunner.start(
                p -> CorpusProjection.fitForApp(b.model(), lang, compute.kernel(), p::update, p::cancelled),
                f -> { }, clouds -> {
                    analysisEnded();
                    if (traceB == b) {
                        setProjectionsB(clouds);
                    }
                }, e -> analysisEnded());
    }

    private void setProjectionsB(List<StateCloud> clouds) {
        if (status.busyProperty().get()) {
            pendingCloudsB = clouds;                                  // after the running job, as for A
            return;
        }
        var projections = clouds.stream().map(StateCloud::projection).toList();
        AlignedTrace b = traceB;
        if (b.length() <= SYNC_STEPS * 4) {
            b.setProjections(projections, f -> { }, () -> false);
            compare.trajectory().setClouds(clouds);
        } else {
            runBlocking("Projecting model B's " + b.length() + " states", p -> {
                b.setProjections(projections, p::update, p::cancelled);
                return clouds;
            }, cs -> {
                if (traceB == b) {
                    compare.trajectory().setClouds(cs);
                }
            });
        }
    }

    /** B was refused: the one compared before stays shown (or compare mode ends), with the reason. */
    private void compareRefused(ModelChoice before, String why) {
        if (traceB == null || before == null) {
            closeCompare();
        } else {
            compare.opened(before);
        }
        compare.setError(why);
    }

    private void openCanonicalPair() {
        var choices = header.modelChoices();
        var pair = CompareViewModel.canonicalPair(choices);
        ModelChoice a = pair.map(List::getFirst).orElse(header.modelChoiceProperty().get());
        ModelChoice b = pair.map(List::getLast).orElseGet(() -> choices.stream()
                .filter(c -> c != header.modelChoiceProperty().get()).findFirst().orElse(null));
        if (b != null) {
            openPair(a, b);
        }
    }

    /** Compares {@code a} (loaded as the header's model first when it is not the one running) with {@code b}. */
    private void openPair(ModelChoice a, ModelChoice b) {
        if (a != null && a != header.modelChoiceProperty().get()) {
            pendingB = b;                                              // B once A is loaded
            header.selectModel(a);
        } else {
            loadCompare(b);
        }
    }

    private void startPendingCompare() {
        if (pendingB != null && trace != null && !status.busyProperty().get()) {
            var b = pendingB;
            pendingB = null;
            loadCompare(b);
        }
    }

    private void closeCompare() {
        if (analysisJobB != null) {
            analysisJobB.cancel();
            analysisJobB = null;
        }
        traceB = null;
        pendingB = null;
        pendingCloudsB = null;
        compare.closed();
    }

    private void afterChange(boolean follow) {
        if (traceB != null) {
            compare.pairChanged(trace, traceB);
        }
        if (!stepper.resize(trace.length(), follow)) {
            refresh();                                                // else the position listener did
        }
    }

    // ---- background jobs -----------------------------------------------------------------

    private <T> void runBlocking(String what, Work<T> work, Consumer<T> done) {
        runBlocking(what, work, done, () -> { });
    }

    /** As above; {@code failed} runs after a failure that is not a cancellation. */
    private <T> void runBlocking(String what, Work<T> work, Consumer<T> done, Runnable failed) {
        status.startJob(what);
        job = traceRunner.start(work, status::setProgress, result -> {
            finishJob();
            status.jobSucceeded();
            done.accept(result);
            reapplyIfEdited();
            applyPendingClouds();
            startPendingCompare();
            status.settled();
        }, error -> {
            finishJob();
            applyPendingClouds();
            status.reportFailure(what, error);
            if (error instanceof CancellationException) {
                if (trace != null) {
                    afterChange(true);
                }
                status.settled();
                return;
            }
            boolean reason = error instanceof IOException || error instanceof IllegalArgumentException;
            if (reason && what.startsWith(LOADING)) {
                header.setModelError(error.getMessage());                  // beside the model picker too
            }
            failed.run();
            status.settled();
        });
    }

    private void finishJob() {
        status.endJob();
        job = null;
    }

    private void applyPendingClouds() {
        if (pendingClouds != null && !status.busyProperty().get() && trace != null) {
            var clouds = pendingClouds;
            pendingClouds = null;
            setProjections(clouds);
        }
        if (pendingCloudsB != null && !status.busyProperty().get() && traceB != null) {
            var clouds = pendingCloudsB;
            pendingCloudsB = null;
            setProjectionsB(clouds);
        }
    }

    private void reapplyIfEdited() {
        if (reapply) {
            reapply = false;
            applyInput();
        }
    }

    /** Cancels the running job (the paste, load or projection); what was computed so far is kept. */
    private void cancel() {
        if (job != null) {
            job.cancel();
        }
        reapply = false;
    }

    private void cancelJobs() {
        cancel();
        if (analysisJob != null) {
            analysisJob.cancel();
        }
        if (warmJob != null) {
            warmJob.cancel();
        }
    }

    // ---- frames --------------------------------------------------------------------------

    /** Recomputes every view model's frame for the current position. */
    private void refresh() {
        if (trace == null || status.busyProperty().get()) {
            return;
        }
        int t = Math.min(stepper.positionProperty().get(), trace.length());
        automaton.update(trace, t);
        boolean hiding = stepper.hideFutureProperty().get();
        int shown = hiding ? t : trace.length();                      // hide the future: nothing past t
        input.setVeil(hiding ? InputViewModel.veil(trace, t) : "");
        strip.update(trace, t, shown);
        stateMap.update(trace, t, shown);
        deltaMap.update(trace, t, shown);
        gateMap.update(trace, t, shown);
        trajectory.update(trace, t);
        chart.update(trace, t, shown);
        if (traceB != null && compare.activeProperty().get()) {
            var a = header.modelChoiceProperty().get();
            compare.update(trace, traceB, a == null ? "A" : a.label(), t, shown, compare.capacityProperty().get());
            compare.trajectory().update(traceB, t);
            compare.stateMap().update(traceB, t, shown);
            compare.deltaMap().update(traceB, t, shown);
            compare.gateMap().update(traceB, t, shown);
            compare.chart().update(traceB, t, shown, chart.frame());
        }
    }
}
