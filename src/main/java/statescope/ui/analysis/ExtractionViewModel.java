package statescope.ui.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
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
import statescope.analysis.Model;
import statescope.analysis.SsmModel;
import statescope.analysis.extract.Extraction;
import statescope.analysis.extract.ExtractionResult;
import statescope.analysis.extract.MachineMatch;
import statescope.analysis.extract.ModelOutputs;
import statescope.analysis.extract.OutputQueries;
import statescope.analysis.extract.ReferenceMealy;
import statescope.analysis.extract.ReferenceOutputs;
import statescope.analysis.extract.SearchOracle;
import statescope.inspect.LanguageEntry;
import statescope.lang.Alphabet;
import statescope.lang.Word;
import statescope.ui.automaton.AutomatonLayout;
import statescope.ui.common.Job;
import statescope.ui.common.TaskRunner;

/**
 * The Extraction page: learns the machine the current model computes ({@link Extraction}, LearnLib's TTT,
 * queries on the batched scan) in the background, with progress (the time budget) and Cancel, and lays
 * it out beside the reference's minimal machine with the same layout engine; extracted states that meet
 * exactly one reference state are marked as matched. The separating word opens in the stepper.
 */
public final class ExtractionViewModel {

    /**
     * A finished extraction, laid out.
     *
     * @param extracted        the extracted machine's drawing
     * @param reference        the reference's drawing (null when it is not finite-state)
     * @param extractedClasses per extracted state "matched" or "unmatched" (the style class)
     */
    public record Shown(ExtractionResult result, AutomatonLayout.Result extracted, AutomatonLayout.Result reference,
                        Map<Integer, String> extractedClasses) {
    }

    private final AnalysisViewModel.Session session;
    private final TaskRunner runner;
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    /** What the page says before anything is extracted. */
    static final String READY = "Extract: learn the machine the model computes";
    private final StringProperty status = new SimpleStringProperty(READY);
    private final StringProperty unavailable = new SimpleStringProperty("");
    private final StringProperty reach = new SimpleStringProperty("");
    private final IntegerProperty seconds = new SimpleIntegerProperty(30);
    private final ObjectProperty<Shown> shown = new SimpleObjectProperty<>();
    private Job job;
    private Explained extractedFor;                                    // the model and language of the run shown
    private LanguageEntry checkedLanguage;                             // and of the last word on them
    private Object checkedModel;

    ExtractionViewModel(AnalysisViewModel.Session session, TaskRunner runner) {
        this.session = session;
        this.runner = runner;
        session.watch(this::forgetIfChanged);
        unavailable.set(whyNot(session));
        if (!unavailable.get().isEmpty()) {
            status.set(unavailable.get());
        }
    }

    /**
     * Another model or language: the machine shown (or being learnt) is the old one's, so it goes; and
     * what the page says of the new one is said again (a reason given for the old one, such as bounded
     * Dyck's "next-token task", stayed under D_12's models).
     */
    private void forgetIfChanged() {
        LanguageEntry lang = session.language();
        Model m = session.model();
        Object model = m instanceof SsmModel ssm ? ssm.weights() : m;
        if (lang == checkedLanguage && model == checkedModel) {
            return;                                                    // a step or an edit: nothing to say again
        }
        checkedLanguage = lang;
        checkedModel = model;
        boolean forgot = extractedFor != null && !extractedFor.stillIn(session);
        if (forgot) {
            extractedFor = null;
            cancel();
            shown.set(null);
            reach.set("");
            progress.set(0);
        }
        String was = unavailable.get();
        String why = whyNot(session);
        unavailable.set(why);
        if (running.get() || extractedFor != null) {
            return;                                                    // the run's own status stands
        }
        if (!why.isEmpty()) {
            status.set(why);
        } else if (forgot) {
            status.set("the model or language changed: extract again");
        } else if (!was.isEmpty()) {                                  // a refusal's reason (run() gives only these)
            status.set(READY);
        }
    }

    /** Why the session's model cannot be extracted (no trained model, a next-token task, …), or "". */
    private static String whyNot(AnalysisViewModel.Session session) {
        try {
            Explained e = Explained.of(session);
            return ModelOutputs.whyNot(e.weights(), e.language());
        } catch (Explained.Missing m) {
            return m.getMessage();
        }
    }

    /** Why extraction cannot run now ("" when it can): the page's button is off and says why. */
    public StringProperty unavailableProperty() {
        return unavailable;
    }

    /** Extracts the current model's machine within {@link #secondsProperty()} in the background. */
    public void run() {
        if (running.get()) {
            return;
        }
        Explained e;
        ModelOutputs model;
        try {
            e = Explained.of(session);
            model = new ModelOutputs(e.weights(), e.language());
        } catch (Explained.Missing | IllegalArgumentException m) {
            status.set(m.getMessage());
            return;
        }
        running.set(true);
        extractedFor = e;
        progress.set(0);
        shown.set(null);
        reach.set("");
        double budget = Math.max(1, seconds.get());
        status.set("extracting " + e.name() + " (at most " + seconds.get() + " s) …");
        job = runner.start(p -> {
            long t0 = System.nanoTime();
            OutputQueries watched = new OutputQueries() {              // Cancel and progress between query batches
                @Override
                public Alphabet alphabet() {
                    return model.alphabet();
                }

                @Override
                public List<String> outputNames() {
                    return model.outputNames();
                }

                @Override
                public int[][] outputs(List<Word> words) {
                    return outputs(words, () -> false);
                }

                @Override
                public int[][] outputs(List<Word> words, BooleanSupplier stop) {   // the deadline, between scan batches
                    if (p.cancelled()) {
                        throw new CancellationException();
                    }
                    p.update(Math.min(0.99, (System.nanoTime() - t0) / 1e9 / budget));
                    return model.outputs(words, () -> p.cancelled() || stop.getAsBoolean());
                }

                @Override
                public int[] stepped(Word word) {
                    return model.stepped(word);
                }
            };
            var ref = new ReferenceOutputs(e.language().machine(), e.language().targets());
            ExtractionResult r = Extraction.run(watched, ref, SearchOracle.of(e.weights(), e.name(), e.language(), 1,
                    p::cancelled), budget);
            if (p.cancelled()) {
                throw new CancellationException();
            }
            return lay(r, ref, e.language().alphabet());
        }, progress::set, s -> {
            running.set(false);
            if (extractedFor != e) {
                return;                                                // forgotten: the change says so
            }
            progress.set(1);
            shown.set(s);
            status.set(summary(e.name(), s.result(), model));
            reach.set("oracle reach: " + s.result().reach());
        }, err -> {
            running.set(false);
            if (extractedFor == e) {
                status.set(err instanceof CancellationException ? "extraction cancelled"
                        : "extraction failed: " + err.getMessage());
            }
        });
    }

    /** Lays both machines out and matches their states (off the FX thread). */
    static Shown lay(ExtractionResult r, ReferenceOutputs ref, Alphabet alphabet) {
        int k = alphabet.size();
        var refMachine = ReferenceMealy.build(ref).orElse(null);
        var classes = new TreeMap<Integer, String>();
        List<String> extractedLabels;
        AutomatonLayout.Result refLayout = null;
        if (refMachine != null) {
            List<String> refLabels = MachineMatch.referenceLabels(refMachine, ref.machine());
            var pairs = MachineMatch.pairs(r.machine(), refMachine, k);
            extractedLabels = MachineMatch.extractedLabels(pairs, refLabels);
            for (int i = 0; i < pairs.size(); i++) {
                classes.put(i, pairs.get(i).size() == 1 ? "matched" : "unmatched");
            }
            refLayout = AutomatonLayout.layout(MachineMatch.asDfa(refMachine, alphabet, refLabels), true);
        } else {
            extractedLabels = IntStream.range(0, r.machine().size()).mapToObj(i -> "m" + i).toList();
        }
        var exLayout = AutomatonLayout.layout(MachineMatch.asDfa(r.machine(), alphabet, extractedLabels), true);
        return new Shown(r, exLayout, refLayout, classes);
    }

    private static String summary(String name, ExtractionResult r, OutputQueries names) {
        String verdict = r.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String s = String.format(Locale.ROOT, "%s: %s · %d states%s (reference %s) · %,d queries · %.1f s", name, verdict,
                r.states(), r.complete() ? "" : " (best hypothesis)",
                r.referenceStates() < 0 ? "not finite-state" : r.referenceStates() + " states", r.queries(), r.seconds());
        if (r.separating() != null) {
            int last = r.separating().length() - 1;
            String w = r.separating().toString();
            s += String.format(Locale.ROOT, " · separating word (%d symbols) %s: model %s, reference %s",
                    r.separating().length(), w.length() > 40 ? w.substring(0, 18) + "…" + w.substring(w.length() - 18) : w,
                    names.outputName(r.modelOutputs()[last]), names.outputName(r.referenceOutputs()[last]));
            if (!r.complete()) {                                       // learning stops at the first difference
                s += " · drawn: the hypothesis when learning stopped there, not the model's whole machine";
            }
        }
        return s;
    }

    /** Opens the separating word in the stepper at its end (where model and reference part); false without one. */
    public boolean openSeparating() {
        Shown s = shown.get();
        if (s == null || s.result().separating() == null) {
            return false;
        }
        Word w = s.result().separating();
        session.show(w.toArray(), w.length());
        return true;
    }

    public void cancel() {
        if (job != null) {
            job.cancel();
        }
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty reachProperty() {
        return reach;
    }

    /** The time budget in seconds. */
    public IntegerProperty secondsProperty() {
        return seconds;
    }

    public ObjectProperty<Shown> shownProperty() {
        return shown;
    }
}
