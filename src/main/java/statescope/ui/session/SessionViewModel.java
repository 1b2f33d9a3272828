package statescope.ui.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import statescope.lang.Word;
import statescope.ssm.gpu.BackendChoice;
import statescope.inspect.ChannelKind;
import statescope.inspect.ComputeBackend;
import statescope.inspect.CorpusProjection;
import statescope.inspect.LanguageEntry;
import statescope.inspect.StateCloud;
import statescope.inspect.AlignedTrace;
import statescope.inspect.TraceModel;
import statescope.ui.automaton.AutomatonViewModel;
import statescope.ui.chart.ChannelChartViewModel;
import statescope.ui.common.Job;
import statescope.ui.common.TaskRunner;
import statescope.ui.heatmap.HeatmapViewModel;
import statescope.ui.prediction.PredictionStripViewModel;
import statescope.ui.trajectory.TrajectoryViewModel;

/**
 * The session behind the main window: the chosen language and model, the input, the aligned
 * {@link AlignedTrace}, the current position, and the view models of every view (updated together by
 * {@link #refresh()}).
 *
 * <p>Responsibilities: (1) parse the input and refuse an unknown symbol with an inline message,
 * keeping the text; (2) extend the trace by one step per typed key, recompute from the edit point
 * after an edit (snapshots make that cheap), and hand long work (more than {@value #SYNC_STEPS} steps,
 * model loading, corpus projection) to a background runner with progress and cancel; (3) stepping and
 * playback. Testable without the FX toolkit with {@link TaskRunner#immediate()}.
 */
public final class SessionViewModel {

    private static final String LOADING = "Loading ";

    /** Steps done synchronously on the calling (FX) thread; more go to the background. */
    public static final int SYNC_STEPS = 400;

    private final LanguageLibrary languages;
    private final ModelLibrary models;
    private final TaskRunner traceRunner;
    private final TaskRunner analysisRunner;
    private final ComputeBackend compute;

    private final ObservableList<LanguageEntry> languageList = FXCollections.observableArrayList();
    private final ObjectProperty<LanguageEntry> language = new SimpleObjectProperty<>();
    private final ObservableList<ModelChoice> modelChoices = FXCollections.observableArrayList();
    private final ObjectProperty<ModelChoice> modelChoice = new SimpleObjectProperty<>();
    private final StringProperty inputText = new SimpleStringProperty("");
    private final StringProperty inputError = new SimpleStringProperty("");
    private final StringProperty languageError = new SimpleStringProperty("");
    private final IntegerProperty position = new SimpleIntegerProperty(0);
    private final IntegerProperty length = new SimpleIntegerProperty(0);
    private final IntegerProperty layers = new SimpleIntegerProperty(1);
    private final BooleanProperty playing = new SimpleBooleanProperty(false);
    private final DoubleProperty speed = new SimpleDoubleProperty(4);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty busyText = new SimpleStringProperty("");
    private final BooleanProperty analysing = new SimpleBooleanProperty(false);
    private final StringProperty backend = new SimpleStringProperty("");
    private final StringProperty modelSummary = new SimpleStringProperty("no model");
    private final StringProperty deviation = new SimpleStringProperty("step vs scan: –");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty modelError = new SimpleStringProperty("");

    private final AutomatonViewModel automaton = new AutomatonViewModel();
    private final PredictionStripViewModel strip = new PredictionStripViewModel();
    private final HeatmapViewModel stateMap = new HeatmapViewModel(ChannelKind.STATE);
    private final HeatmapViewModel deltaMap = new HeatmapViewModel(ChannelKind.DELTA);
    private final HeatmapViewModel gateMap = new HeatmapViewModel(ChannelKind.GATE);
    private final TrajectoryViewModel trajectory = new TrajectoryViewModel();
    private final ChannelChartViewModel chart = new ChannelChartViewModel();

    private AlignedTrace trace;
    private Job job;
    private Job analysisJob;
    private int generation;
    private boolean reapply;
    private List<StateCloud> pendingClouds;
    private final InputParser parser = new InputParser();

    /** A session whose corpus scans run on the backend {@code auto} picks (the GPU when one can be used). */
    public SessionViewModel(LanguageLibrary languages, ModelLibrary models, TaskRunner traceRunner,
                            TaskRunner analysisRunner) {
        this(languages, models, traceRunner, analysisRunner, new ComputeBackend(BackendChoice.AUTO));
    }

    /** A session whose corpus scans run on {@code compute} (selected in the first analysis job, off the FX thread). */
    public SessionViewModel(LanguageLibrary languages, ModelLibrary models, TaskRunner traceRunner,
                            TaskRunner analysisRunner, ComputeBackend compute) {
        this.languages = languages;
        this.models = models;
        this.traceRunner = traceRunner;
        this.analysisRunner = analysisRunner;
        this.compute = compute;
        languageList.setAll(languages.catalog());
        position.addListener((o, a, b) -> refresh());
        deltaMap.layerProperty().bindBidirectional(gateMap.layerProperty());
        for (var p : List.of(stateMap.layerProperty(), gateMap.layerProperty(), trajectory.layerProperty(),
                chart.layerProperty(), trajectory.threeDProperty(), strip.capacityProperty(),
                stateMap.windowProperty(), gateMap.windowProperty())) {
            p.addListener((o, a, b) -> refresh());
        }
        deltaMap.windowProperty().bind(gateMap.windowProperty());
        chart.channels().addListener((javafx.collections.ListChangeListener<Integer>) c -> refresh());
        chart.kindProperty().addListener((o, a, b) -> refresh());
        trajectory.cloudsProperty().addListener((o, a, b) -> refresh());
    }

    // ---- language and model -------------------------------------------------------------

    /** Opens the first catalog language (the demo) with its default model. */
    public void start() {
        if (!languageList.isEmpty()) {
            selectLanguage(languageList.get(0));
        }
    }

    public void selectLanguage(LanguageEntry entry) {
        if (entry == null || entry == language.get()) {
            return;
        }
        cancelJobs();                                                 // a running paste or load is dropped
        language.set(entry);
        languageError.set("");
        automaton.dfaProperty().set(entry.reference().dfa().orElse(null));
        modelChoices.setAll(models.choices(entry));
        trace = null;
        parser.reset();
        inputText.set(entry.sample());
        selectModel(modelChoices.get(0));
    }

    /** Compiles a typed regex into a language and opens it; a malformed regex leaves everything as it was. */
    public boolean openRegex(String regex) {
        try {
            return addAndSelect(languages.fromRegex(regex));
        } catch (IllegalArgumentException e) {
            languageError.set(e.getMessage());
            return false;
        }
    }

    /** Reads a DFA JSON or JFLAP .jff file and opens its language. */
    public boolean openFile(Path file) {
        try {
            return addAndSelect(languages.fromFile(file));
        } catch (IOException | IllegalArgumentException e) {
            languageError.set("Cannot open " + file.getFileName() + ": " + e.getMessage());
            return false;
        }
    }

    private boolean addAndSelect(LanguageEntry entry) {
        languageList.add(entry);
        selectLanguage(entry);
        return true;
    }

    /** Opens a checkpoint manifest for the current language. */
    public void openCheckpoint(Path manifest) {
        var choice = ModelChoice.checkpoint("file · " + manifest.getFileName(), manifest);
        modelChoices.add(0, choice);
        selectModel(choice);
    }

    public void selectModel(ModelChoice choice) {
        if (choice == null) {
            return;
        }
        LanguageEntry lang = language.get();
        int gen = ++generation;
        cancelJobs();
        modelChoice.set(choice);
        modelError.set("");
        runBlocking(LOADING + choice.label(), p -> models.load(choice, lang), model -> {
            if (gen == generation) {
                install(model, lang, gen);
            }
        }, () -> {
            int next = modelChoices.indexOf(choice) + 1;
            if (gen == generation && trace == null && next > 0 && next < modelChoices.size()) {
                String why = modelError.get();
                var fallback = modelChoices.get(next);
                selectModel(fallback);                                // nothing loaded yet: fall back to the next
                if (modelError.get().isEmpty()) {
                    modelError.set(why + " (using " + fallback.label() + " instead)");
                }
            }
        });
    }

    /** Installs a loaded model: new trace, the input re-read, projections fitted in the background. */
    public void install(TraceModel model, LanguageEntry lang, int gen) {
        trace = new AlignedTrace(model, lang);
        pendingClouds = null;
        parser.reset();
        String steps = model.info().backend();
        backend.set(compute.statusText(steps));
        modelSummary.set(model.info().summary());
        layers.set(model.info().numLayers());
        deviation.set("step vs scan: measuring…");
        trajectory.cloudsProperty().set(List.of());
        position.set(0);
        length.set(0);
        applyInput();
        analysing.set(true);
        int[] symbols = Word.parse(lang.machine().alphabet(), lang.sample()).toArray();
        int[] sample = new int[symbols.length];
        for (int i = 0; i < symbols.length; i++) {
            sample[i] = lang.tokens().token(symbols, i);
        }
        analysisJob = analysisRunner.start(p -> {
            var dev = model.stepScanDeviation(sample);
            var clouds = CorpusProjection.fit(model, lang, 120, 24, 17, compute.kernel(), p::update, p::cancelled);
            return new Analysis(clouds, dev.isPresent() ? dev.getAsDouble() : Double.NaN);
        }, f -> { }, a -> {
            analysing.set(false);
            if (gen == generation) {
                backend.set(compute.statusText(steps));                   // the scan backend is chosen now
                deviation.set(Double.isNaN(a.deviation) ? "step vs scan: n/a"
                        : String.format(Locale.ROOT, "step vs scan: max |Δh| %.1e", a.deviation));
                setProjections(a.clouds);
            }
        }, e -> {
            analysing.set(false);
            if (gen == generation) {
                backend.set(compute.statusText(steps));
            }
        });
    }

    private record Analysis(List<StateCloud> clouds, double deviation) {
    }

    private void setProjections(List<StateCloud> clouds) {
        if (busy.get()) {
            pendingClouds = clouds;                                   // after the running job: one writer at a time
            return;
        }
        var projections = clouds.stream().map(StateCloud::projection).toList();
        AlignedTrace tr = trace;
        if (tr.length() <= SYNC_STEPS * 4) {
            tr.setProjections(projections, f -> { }, () -> false);
            trajectory.cloudsProperty().set(clouds);
        } else {
            runBlocking("Projecting " + tr.length() + " states", p -> {
                tr.setProjections(projections, p::update, p::cancelled);
                return clouds;
            }, cs -> trajectory.cloudsProperty().set(cs));
        }
    }

    // ---- input ---------------------------------------------------------------------------

    /** The text in the input field changed; the trace follows it, or an inline message says why not. */
    public void setInput(String text) {
        inputText.set(text);
        applyInput();
    }

    private void applyInput() {
        LanguageEntry lang = language.get();
        if (lang == null) {
            return;
        }
        String text = inputText.get();
        int[] word = quickParse(lang, text);
        if (word == null) {
            return;                                                   // inline error set, trace unchanged
        }
        if (trace == null) {
            return;
        }
        if (busy.get()) {
            reapply = true;
            return;
        }
        AlignedTrace tr = trace;
        boolean follow = position.get() == tr.length();
        if (word != InputParser.LONG) {
            int keep = tr.commonPrefix(word);
            int steps = word.length - keep + (keep < tr.length() ? AlignedTrace.SNAPSHOT_EVERY : 0);
            if (steps <= SYNC_STEPS) {
                tr.setWord(word, f -> { }, () -> false);
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
            return w;
        }, w -> {
            if (w == null) {
                inputError.set(parseError[0]);
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
            inputError.set("");
            return w;
        } catch (IllegalArgumentException e) {
            inputError.set(e.getMessage());
            return null;
        }
    }

    private void afterChange(boolean follow) {
        length.set(trace.length());
        int before = position.get();
        if (follow || before > trace.length()) {
            position.set(trace.length());
        }
        if (position.get() == before) {
            refresh();                                                // else the position listener did
        }
    }

    // ---- background jobs -----------------------------------------------------------------

    private <T> void runBlocking(String what, statescope.ui.common.Work<T> work, java.util.function.Consumer<T> done) {
        runBlocking(what, work, done, () -> { });
    }

    /** As above; {@code failed} runs after a failure that is not a cancellation. */
    private <T> void runBlocking(String what, statescope.ui.common.Work<T> work, java.util.function.Consumer<T> done,
                                 Runnable failed) {
        busy.set(true);
        busyText.set(what);
        progress.set(0);
        job = traceRunner.start(work, progress::set, result -> {
            finishJob();
            done.accept(result);
            reapplyIfEdited();
            applyPendingClouds();
        }, error -> {
            finishJob();
            applyPendingClouds();
            if (error instanceof CancellationException c) {
                message.set("Stopped: " + c.getMessage() + ". The input is kept; edit it to continue.");
                if (trace != null) {
                    afterChange(true);
                }
            } else if (error instanceof IOException || error instanceof IllegalArgumentException) {
                message.set(what + " failed: " + error.getMessage());
                if (what.startsWith(LOADING)) {
                    modelError.set(error.getMessage());              // beside the model picker too
                }
            } else {
                message.set(what + " failed: " + error);
            }
            if (!(error instanceof CancellationException)) {
                failed.run();
            }
        });
    }

    private void finishJob() {
        busy.set(false);
        busyText.set("");
        progress.set(0);
        job = null;
    }

    private void applyPendingClouds() {
        if (pendingClouds != null && !busy.get() && trace != null) {
            var clouds = pendingClouds;
            pendingClouds = null;
            setProjections(clouds);
        }
    }

    private void reapplyIfEdited() {
        if (reapply) {
            reapply = false;
            applyInput();
        }
    }

    /** Cancels the running job (the paste, load or projection); what was computed so far is kept. */
    public void cancel() {
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
    }

    // ---- stepping ------------------------------------------------------------------------

    public void first() {
        position.set(0);
    }

    public void back() {
        position.set(Math.max(0, position.get() - 1));
    }

    public void forward() {
        position.set(Math.min(length.get(), position.get() + 1));
    }

    public void last() {
        position.set(length.get());
    }

    public void jumpTo(int t) {
        position.set(Math.max(0, Math.min(length.get(), t)));
    }

    /** Jumps to the first position where the model and the automaton disagree, if any. */
    public void jumpToDivergence() {
        if (trace != null && trace.firstDivergence() > 0) {
            jumpTo(trace.firstDivergence());
        }
    }

    public void togglePlay() {
        if (!playing.get() && position.get() >= length.get()) {
            position.set(0);
        }
        playing.set(!playing.get() && length.get() > 0);
    }

    /** One tick of playback (the view's timer calls it at {@link #speedProperty()} ticks per second). */
    public void playTick() {
        if (position.get() < length.get()) {
            forward();
        }
        if (position.get() >= length.get()) {
            playing.set(false);
        }
    }

    /** Recomputes every view model's frame for the current position. */
    public void refresh() {
        if (trace == null || busy.get()) {
            return;
        }
        int t = Math.min(position.get(), trace.length());
        automaton.update(trace, t);
        strip.update(trace, t);
        stateMap.update(trace, t);
        deltaMap.update(trace, t);
        gateMap.update(trace, t);
        trajectory.update(trace, t);
        chart.update(trace, t);
    }

    // ---- accessors -----------------------------------------------------------------------

    public AlignedTrace trace() {
        return trace;
    }

    public ObservableList<LanguageEntry> languages() {
        return languageList;
    }

    public ObjectProperty<LanguageEntry> languageProperty() {
        return language;
    }

    public ObservableList<ModelChoice> modelChoices() {
        return modelChoices;
    }

    public ObjectProperty<ModelChoice> modelChoiceProperty() {
        return modelChoice;
    }

    public StringProperty inputTextProperty() {
        return inputText;
    }

    public StringProperty inputErrorProperty() {
        return inputError;
    }

    public StringProperty languageErrorProperty() {
        return languageError;
    }

    public IntegerProperty positionProperty() {
        return position;
    }

    public IntegerProperty lengthProperty() {
        return length;
    }

    /** Number of layers of the loaded model (for the views' layer pickers). */
    public javafx.beans.property.ReadOnlyIntegerProperty layersProperty() {
        return layers;
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public DoubleProperty speedProperty() {
        return speed;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty busyTextProperty() {
        return busyText;
    }

    public BooleanProperty analysingProperty() {
        return analysing;
    }

    /**
     * The status bar's backend line: where the corpus scans run (the GPU, or the CPU with the reason the
     * GPU is not used) and where the single steps run.
     */
    public StringProperty backendProperty() {
        return backend;
    }

    public StringProperty modelSummaryProperty() {
        return modelSummary;
    }

    public StringProperty deviationProperty() {
        return deviation;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** Why the last model could not be loaded (shown beside the model picker), or empty. */
    public StringProperty modelErrorProperty() {
        return modelError;
    }

    public AutomatonViewModel automaton() {
        return automaton;
    }

    public PredictionStripViewModel strip() {
        return strip;
    }

    public HeatmapViewModel stateMap() {
        return stateMap;
    }

    public HeatmapViewModel deltaMap() {
        return deltaMap;
    }

    public HeatmapViewModel gateMap() {
        return gateMap;
    }

    public TrajectoryViewModel trajectory() {
        return trajectory;
    }

    public ChannelChartViewModel chart() {
        return chart;
    }
}
