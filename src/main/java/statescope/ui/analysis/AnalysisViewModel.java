package statescope.ui.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
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
import statescope.analysis.Control;
import statescope.analysis.Counterexample;
import statescope.analysis.CounterexampleSearch;
import statescope.analysis.LengthSweep;
import statescope.analysis.Model;
import statescope.analysis.SearchReport;
import statescope.analysis.SsmModel;
import statescope.analysis.Subject;
import statescope.inspect.LanguageEntry;
import statescope.lang.catalog.Catalog;
import statescope.lang.catalog.Language;
import statescope.ssm.SelectiveScanKernel;
import statescope.ui.common.Job;
import statescope.ui.common.TaskRunner;

/**
 * The app's instruments (statescope.analysis) on the session's language: "Find counterexample" for
 * the current model, and the length sweep with one curve per open model. Both run in the background
 * with progress and Cancel; a found string, or the first failing string of a clicked sweep point, is
 * loaded into the stepper at its divergence. Testable without the FX toolkit ({@link TaskRunner#immediate()}).
 */
public final class AnalysisViewModel {

    /** What the instruments see of the session. */
    public interface Session {
        /** The current language. */
        LanguageEntry language();

        /** The current model (null while none is loaded). */
        Model model();

        /**
         * The models to sweep, one curve each, the current one first: read on the FX thread, each loaded
         * by its {@code load} in the background.
         */
        List<OpenModel> openModels();

        /** Loads a word (symbol indices) into the stepper and moves to position {@code t}. */
        void show(int[] word, int t);

        /**
         * As {@link #show(int[], int)}, with the model {@code key} of {@link OpenModel} (null: the current
         * one) made the current model first: a sweep point is another model's failure.
         */
        default void show(int[] word, int t, Object key) {
            show(word, t);
        }

        /** The current model's name as the model picker shows it ("parity-nonneg · trained"). */
        default String modelLabel() {
            Model m = model();
            return m == null ? "" : m.name();
        }

        /** Gives the input back that the last {@link #show} replaced; false when there is none to give. */
        default boolean restoreInput() {
            return false;
        }

        /** The stepper's word (symbol indices; empty when none or when it does not parse). */
        default int[] word() {
            return new int[0];
        }

        /** The stepper's position: symbols read so far (0 = before the first). */
        default int position() {
            return 0;
        }

        /** Calls {@code r} on the FX thread when the word, the position, the language or the model changes. */
        default void watch(Runnable r) {
        }
    }

    /**
     * A model to sweep.
     *
     * @param label its name as the model picker shows it (two models of one language differ here)
     * @param key   what {@link Session#show(int[], int, Object)} makes it the current model by
     * @param load  loads it (called in the background)
     */
    public record OpenModel(String label, Object key, Callable<Model> load) {
    }

    /** One model's sweep, for the chart; {@code key} is its {@link OpenModel#key()}. */
    public record Curve(String model, Object key, LengthSweep.Result result) {
    }

    private final Session session;
    private final TaskRunner runner;
    private final Supplier<SelectiveScanKernel> kernel;
    private final BooleanProperty searching = new SimpleBooleanProperty(false);
    private final DoubleProperty searchProgress = new SimpleDoubleProperty(0);
    private final StringProperty searchStatus = new SimpleStringProperty("");
    private final ObjectProperty<Counterexample> found = new SimpleObjectProperty<>();
    private final BooleanProperty sweeping = new SimpleBooleanProperty(false);
    private final DoubleProperty sweepProgress = new SimpleDoubleProperty(0);
    private final StringProperty sweepStatus = new SimpleStringProperty("");
    private final IntegerProperty maxLength = new SimpleIntegerProperty(10_000);
    private final IntegerProperty strings = new SimpleIntegerProperty(50);
    private final ObservableList<Curve> curves = FXCollections.observableArrayList();
    private final IntegerProperty searchSeconds = new SimpleIntegerProperty(60);
    private final BooleanProperty restorable = new SimpleBooleanProperty(false);
    private LanguageEntry restoreIn;                                   // the language of the input to give back
    private volatile String phase = "";
    private Job searchJob;
    private Job sweepJob;
    private final ProbeViewModel probes;
    private final ExtractionViewModel extraction;
    private List<Object> searchedFor;                                  // (language, model weights) of the search shown
    private String searchedLabel = "";                                 // and the model's name in the picker
    private LanguageEntry sweptFor;                                    // the language of the curves shown

    /**
     * @param kernel the scan kernel of the batched scans (the session's backend; called off the FX thread)
     */
    public AnalysisViewModel(Session session, TaskRunner runner, Supplier<SelectiveScanKernel> kernel) {
        this.session = session;
        this.runner = runner;
        this.kernel = kernel;
        this.probes = new ProbeViewModel(session, runner);
        this.extraction = new ExtractionViewModel(session, runner);
        session.watch(this::forgetIfChanged);
    }

    /**
     * The language and the model a search is of: the language entry (a DFA file opened again is another one,
     * though its id is the same) and the model's weights.
     */
    private List<Object> searchKey() {
        Model m = session.model();
        return Arrays.asList(session.language(), m instanceof SsmModel s ? s.weights() : m);
    }

    private LanguageEntry sweepKey() {
        return session.language();
    }

    /**
     * The language or the model changed: a search's result (and a running search) is of the old model, the
     * curves of the old language's models; they are dropped, and a running job cancelled, rather than shown
     * as if they were the new one's (the search's "none up to length 18" stayed under Tomita 3's model).
     */
    private void forgetIfChanged() {
        if (restoreIn != null && restoreIn != session.language()) {
            restoreIn = null;
            restorable.set(false);                                     // that input was another language's
        }
        if (searchedFor != null && !searchedFor.equals(searchKey())) {
            searchedFor = null;
            cancelSearch();
            found.set(null);
            searchProgress.set(0);
            searchStatus.set("the model or language changed: search again");
        }
        if (sweptFor != null && !sweptFor.equals(sweepKey())) {
            sweptFor = null;
            cancelSweep();
            curves.clear();
            sweepProgress.set(0);
            sweepStatus.set("the language changed: sweep again");
        }
    }

    /** The Probes page's model. */
    public ProbeViewModel probes() {
        return probes;
    }

    /** The Extraction page's model. */
    public ExtractionViewModel extraction() {
        return extraction;
    }

    private static Subject subject(Model model, LanguageEntry lang) {
        Language catalog = Catalog.standard().find(lang.id()).filter(l -> l.id().equals(lang.id())).orElse(null);
        return Subject.of(model, lang, catalog);
    }

    // ---- counterexample --------------------------------------------------------------------------

    /** Searches the current model's shortest counterexample in the background. */
    public void findCounterexample() {
        Model model = session.model();
        LanguageEntry lang = session.language();
        if (model == null || lang == null || searching.get()) {
            return;
        }
        Subject s;
        try {
            s = subject(model, lang);
        } catch (IllegalArgumentException e) {
            searchStatus.set(e.getMessage());
            return;
        }
        searching.set(true);
        searchedFor = searchKey();
        searchedLabel = session.modelLabel();
        found.set(null);
        searchProgress.set(0);
        searchStatus.set("searching " + s + " …");
        phase = "";
        var settings = CounterexampleSearch.Settings.defaults();
        searchJob = runner.start(p -> new CounterexampleSearch(s, kernel.get(), settings)
                .run(Control.within(searchSeconds.get(), p::cancelled, q -> {
                    phase = q.message();
                    p.update(q.fraction());
                })), f -> {
                    searchProgress.set(f);
                    searchStatus.set(phase);
                }, r -> {
                    searching.set(false);
                    searchProgress.set(1);
                    if (searchedFor != null) {                        // else of a model no longer shown
                        showReport(r);
                    }
                }, e -> {
                    searching.set(false);
                    if (searchedFor != null) {                        // else forgotten: the change says so
                        searchStatus.set(e instanceof CancellationException ? "search cancelled"
                                : "search failed: " + e.getMessage());
                    }
                });
    }

    private void showReport(SearchReport r) {
        Counterexample c = r.found();
        if (c == null) {
            searchStatus.set(String.format(Locale.ROOT, "%s: %s (%.1f s)%s", searchedLabel, r.summary(), r.seconds(),
                    r.stopped() ? "; stopped: time limit or Cancel" : ""));
            return;
        }
        found.set(c);
        searchStatus.set(String.format(Locale.ROOT, "%s: length %d, wrong at %d: target %s, model %s · %s phase (%s) · %.2f s",
                searchedLabel, c.length(), c.position(), c.target(), c.prediction(), c.phase(), c.source(), c.seconds()));
        opened(() -> session.show(c.word(), c.position()));
    }

    public void cancelSearch() {
        if (searchJob != null) {
            searchJob.cancel();
        }
    }

    // ---- length sweep ----------------------------------------------------------------------------

    /** Sweeps every open model of the language in the background; the chart gets one curve per model. */
    public void computeLengths() {
        LanguageEntry lang = session.language();
        if (lang == null || sweeping.get()) {
            return;
        }
        var settings = new LengthSweep.Settings(Math.max(1, maxLength.get()), Math.max(1, strings.get()), 4, true, 1,
                Math.max(1, Runtime.getRuntime().availableProcessors()));
        sweeping.set(true);
        sweepProgress.set(0);
        if (!lang.equals(sweptFor)) {                                  // the last sweep's curves stay until replaced
            curves.clear();
        }
        sweptFor = lang;
        sweepStatus.set("sweeping " + lang.name() + " …");
        phase = "";
        List<OpenModel> models = session.openModels();
        sweepJob = runner.start(p -> {
            var out = new ArrayList<Curve>();
            for (int i = 0; i < models.size(); i++) {
                Subject s;
                try {
                    Model m = models.get(i).load().call();
                    if (m == null) {
                        continue;
                    }
                    s = subject(m, lang);
                } catch (IllegalArgumentException | IOException e) {
                    continue;                                          // a model that does not load or fit: no curve
                }
                final int done = i;
                var r = new LengthSweep(s, kernel.get(), settings).run(Control.within(0, p::cancelled, q -> {
                    phase = s.modelName() + ": " + q.message();
                    p.update((done + q.fraction()) / models.size());
                }));
                if (r.stopped()) {
                    throw new CancellationException("sweep cancelled");
                }
                out.add(new Curve(models.get(i).label(), models.get(i).key(), r));
            }
            return out;
        }, f -> {
            sweepProgress.set(f);
            sweepStatus.set(phase);
        }, cs -> {
            sweeping.set(false);
            sweepProgress.set(1);
            if (sweptFor != null) {
                curves.setAll(cs);
                sweepStatus.set(summary(cs));
            }
        }, e -> {
            sweeping.set(false);
            if (sweptFor == null) {
                return;                                                // forgotten: the change says so
            }
            String kept = curves.isEmpty() ? "" : "; the curves are the last finished sweep's";
            sweepStatus.set(e instanceof CancellationException ? "sweep cancelled" + kept
                    : "sweep failed: " + e.getMessage() + kept);
        });
    }

    private static String summary(List<Curve> cs) {
        if (cs.isEmpty()) {
            return "no model fits this language";
        }
        var sb = new StringBuilder();
        for (Curve c : cs) {
            var r = c.result();
            sb.append(sb.isEmpty() ? "" : " · ").append(c.model()).append(": ")
                    .append(r.firstBelow() > 0 ? "below 99% from " + r.firstBelow() : "no drop below 99%")
                    .append(String.format(Locale.ROOT, " (%,.0f symbols/s)", r.tokensPerSecond()));
        }
        return sb.append(" · click a point to open its first failing string").toString();
    }

    public void cancelSweep() {
        if (sweepJob != null) {
            sweepJob.cancel();
        }
    }

    /** Opens the first failing string of a sweep point in the stepper at its divergence; false when it has none. */
    public boolean openPoint(int curve, int point) {
        if (curve < 0 || curve >= curves.size()) {
            return false;
        }
        var points = curves.get(curve).result().points();
        if (point < 0 || point >= points.size()) {
            return false;
        }
        var p = points.get(point);
        if (p.firstFailure() == null) {
            sweepStatus.set(curves.get(curve).model() + " at " + p.length() + ": every string right");
            return false;
        }
        var c = curves.get(curve);
        sweepStatus.set(String.format(Locale.ROOT, "%s, point %,d: its first failing string (%,d symbols) opened, "
                + "wrong at position %,d", c.model(), p.length(), p.firstFailure().length, p.failAt()));
        opened(() -> session.show(p.firstFailure(), p.failAt(), c.key()));
        return true;
    }

    /** Opens a found string in the stepper; the input it replaces can be given back ({@link #restoreInput}). */
    private void opened(Runnable show) {
        LanguageEntry lang = session.language();
        show.run();
        restoreIn = lang;
        restorable.set(true);
    }

    /** Gives back the input the last opened string replaced (the "Restore input" action). */
    public void restoreInput() {
        session.restoreInput();
        restoreIn = null;
        restorable.set(false);
    }

    /** Whether an opened string replaced an input that {@link #restoreInput} can give back. */
    public BooleanProperty restorableProperty() {
        return restorable;
    }

    // ---- properties ------------------------------------------------------------------------------

    public BooleanProperty searchingProperty() {
        return searching;
    }

    public DoubleProperty searchProgressProperty() {
        return searchProgress;
    }

    public StringProperty searchStatusProperty() {
        return searchStatus;
    }

    public ObjectProperty<Counterexample> foundProperty() {
        return found;
    }

    public BooleanProperty sweepingProperty() {
        return sweeping;
    }

    public DoubleProperty sweepProgressProperty() {
        return sweepProgress;
    }

    public StringProperty sweepStatusProperty() {
        return sweepStatus;
    }

    public IntegerProperty maxLengthProperty() {
        return maxLength;
    }

    public IntegerProperty stringsProperty() {
        return strings;
    }

    /** Seconds the search may take. */
    public IntegerProperty searchSecondsProperty() {
        return searchSeconds;
    }

    public ObservableList<Curve> curves() {
        return curves;
    }
}
