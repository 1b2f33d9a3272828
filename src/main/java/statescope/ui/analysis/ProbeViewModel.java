package statescope.ui.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
import statescope.analysis.probe.ModelFeatures;
import statescope.analysis.probe.ProbeTarget;
import statescope.analysis.probe.Probing;
import statescope.analysis.probe.RidgeFitter;
import statescope.analysis.probe.RidgeProbe;
import statescope.lang.Dfa;
import statescope.lang.Word;
import statescope.lang.catalog.ReferenceMachine;
import statescope.ui.automaton.AutomatonLayout;
import statescope.ui.common.Job;
import statescope.ui.common.TaskRunner;

/**
 * The Probes page: per layer a linear probe of the current model to the reference automaton's state
 * ({@link Probing}, ND4J fit, in the background, one layer at a time so Cancel is honoured), and at the
 * stepper's position the state the selected probe decodes (the model's "belief", drawn as a ghost)
 * beside the reference's true state.
 */
public final class ProbeViewModel {

    /** Positions of each of the fit and held-out samples. */
    static final int ROWS = 5000;

    /** One bar: a probe's held-out accuracy and the majority baseline, percent. */
    public record Bar(String label, double accuracy, double baseline) {
    }

    /**
     * At the stepper's position: the reference's state and the probe's belief (DFA states, −1 when not
     * drawn; names always).
     */
    public record Ghost(int position, int truthState, int beliefState, String truth, String belief) {
    }

    private final AnalysisViewModel.Session session;
    private final TaskRunner runner;
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty("Probe: fit a linear probe per layer to the automaton's state");
    private final ObservableList<Bar> bars = FXCollections.observableArrayList();
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private final ObjectProperty<AutomatonLayout.Result> machine = new SimpleObjectProperty<>();
    private final ObjectProperty<Ghost> ghost = new SimpleObjectProperty<>();
    private Explained subject;
    private Probing.Report report;
    private Dfa dfa;
    private Job job;
    private Job decodeJob;
    private int[] decodedWord;
    private int decodedLayer = -1;
    private int[] decoded;                  // [T] class per position of decodedWord, or null

    ProbeViewModel(AnalysisViewModel.Session session, TaskRunner runner) {
        this.session = session;
        this.runner = runner;
        session.watch(this::refresh);
    }

    /** Fits and scores every layer's probe of the current model in the background. */
    public void run() {
        if (running.get()) {
            return;
        }
        Explained e;
        try {
            e = Explained.of(session);
        } catch (Explained.Missing m) {
            status.set(m.getMessage());
            return;
        }
        if (e.language().dfa().isEmpty()) {
            status.set(e.language().id() + " has no finite automaton: its counters are probed by"
                    + " `statescope probe --target counter`");
            return;
        }
        running.set(true);
        progress.set(0);
        clear();
        status.set("probing " + e.name() + " (loading ND4J, sampling " + ROWS + " positions) …");
        int sets = 1 + 2 * e.weights().config().nLayer();
        job = runner.start(p -> {
            RidgeFitter fitter = RidgeFitter.nd4j();                  // loads ND4J here, off the FX thread
            var layers = new ArrayList<Probing.LayerResult>();
            var probes = new ArrayList<RidgeProbe>();
            Probing.Report last = null;
            for (int layer = 0; layer <= e.weights().config().nLayer(); layer++) {
                if (p.cancelled()) {
                    throw new CancellationException();
                }
                last = Probing.run(e.weights(), e.language(), new Probing.Spec(ProbeTarget.STATE, ROWS, 1,
                        Set.of(layer), List.of(fitter)));
                layers.addAll(last.layers());
                probes.addAll(last.probes());
                p.update((double) layers.size() / sets);
            }
            var all = new Probing.Report(last.target(), last.classes(), last.fitRows(), last.heldOutRows(),
                    List.copyOf(layers), List.copyOf(probes));
            Dfa d = e.language().dfa().orElseThrow();
            return new Object[] {all, d, AutomatonLayout.layout(d, true)};
        }, progress::set, r -> {
            running.set(false);
            subject = e;
            report = (Probing.Report) r[0];
            dfa = (Dfa) r[1];
            machine.set((AutomatonLayout.Result) r[2]);
            var bs = new ArrayList<Bar>();
            int best = 0;
            for (int i = 0; i < report.layers().size(); i++) {
                var l = report.layers().get(i);
                bs.add(new Bar(l.label(), l.accuracy(), l.baseline()));
                best = l.accuracy() >= report.layers().get(best).accuracy() ? i : best;
            }
            bars.setAll(bs);
            var top = report.layers().get(best);
            status.set(String.format(Locale.ROOT, "%s: best probe %s %.2f%% (baseline %.2f%%), fit on %,d positions,"
                    + " scored on %,d held-out · click a bar to decode with that probe", e.name(), top.label(),
                    top.accuracy(), top.baseline(), report.fitRows(), report.heldOutRows()));
            select(best);
        }, err -> {
            running.set(false);
            status.set(err instanceof CancellationException ? "probes cancelled" : "probes failed: " + err.getMessage());
        });
    }

    public void cancel() {
        if (job != null) {
            job.cancel();
        }
    }

    /** Decodes with probe {@code i} (an index into the bars). */
    public void select(int i) {
        if (report == null || i < 0 || i >= report.layers().size()) {
            return;
        }
        selected.set(i);
        refresh();
    }

    private void clear() {
        report = null;
        subject = null;
        bars.clear();
        selected.set(-1);
        machine.set(null);
        ghost.set(null);
        decoded = null;
        decodedWord = null;
    }

    /** The word, position, language or model changed: decode again where needed, then place the ghost. */
    void refresh() {
        if (report == null) {
            return;
        }
        if (!subject.stillIn(session)) {
            clear();
            status.set("the model or language changed: probe again");
            return;
        }
        int[] word = session.word();
        int pos = Math.min(session.position(), word.length);
        int layer = selected.get();
        if (decoded != null && layer == decodedLayer && Arrays.equals(word, decodedWord)) {
            place(word, pos);
            return;
        }
        if (decodeJob != null) {
            decodeJob.cancel();
        }
        Explained e = subject;
        RidgeProbe probe = report.probes().get(layer);
        String label = report.layers().get(layer).label();
        int[] cut = Arrays.copyOf(word, Math.min(word.length, 20_000));
        decodeJob = runner.start(p -> decode(e, probe, label, cut), f -> { }, d -> {
            decoded = d;
            decodedWord = word;
            decodedLayer = layer;
            place(word, pos);
        }, err -> { });
    }

    /** The class the probe decodes at every position of {@code word}, [T]. */
    static int[] decode(Explained e, RidgeProbe probe, String label, int[] word) {
        if (word.length == 0) {
            return new int[0];
        }
        int[] tokens = e.language().encodeInput(Word.of(e.language().alphabet(), word));
        for (var set : new ModelFeatures(e.weights()).read(List.of(tokens))) {
            if (set.label().equals(label)) {
                return probe.classify(set);
            }
        }
        throw new IllegalStateException("no feature set " + label);
    }

    private void place(int[] word, int pos) {
        ReferenceMachine m = subject.language().machine();
        var c = m.start();
        for (int t = 0; t < pos; t++) {
            c = m.step(c, word[t]);
        }
        String truth = m.describe(c);
        String belief = pos == 0 || decoded == null || pos > decoded.length ? "–"
                : decoded[pos - 1] < report.classes().size() ? report.classes().get(decoded[pos - 1]) : "?";
        ghost.set(new Ghost(pos, dfa.labels().indexOf(truth), dfa.labels().indexOf(belief), truth, belief));
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

    public ObservableList<Bar> bars() {
        return bars;
    }

    public IntegerProperty selectedProperty() {
        return selected;
    }

    public ObjectProperty<AutomatonLayout.Result> machineProperty() {
        return machine;
    }

    public ObjectProperty<Ghost> ghostProperty() {
        return ghost;
    }
}
