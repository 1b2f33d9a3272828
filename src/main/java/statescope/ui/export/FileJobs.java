package statescope.ui.export;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import statescope.export.SessionFile;
import statescope.export.StreamedFiles;
import statescope.export.TraceData;
import statescope.export.TraceFiles;
import statescope.export.TraceJson;
import statescope.inspect.AlignedTrace;
import statescope.inspect.EngineModel;
import statescope.lang.Alphabet;
import statescope.lang.DotExport;
import statescope.lang.Word;
import statescope.ssm.AtomicFiles;
import statescope.ui.common.TaskRunner;
import statescope.ui.common.Work;
import statescope.ui.main.MainWindow;
import statescope.ui.session.SessionStore;
import statescope.ui.session.SessionViewModel;

/**
 * What the export and session actions do: ask where (the {@link Chooser}), read what is shown on the FX
 * thread, encode and write on the runner, and say in the status bar what was written or, in one line,
 * why not.
 */
public final class FileJobs {

    static final Chooser.Kind SESSION = new Chooser.Kind("StateScope session", "statescope");
    static final List<Chooser.Kind> TRACE_KINDS = List.of(new Chooser.Kind("CSV, long format", "csv"),
            new Chooser.Kind("JSON (as trace --json)", "json"), new Chooser.Kind("NumPy arrays", "npz"));

    private final MainWindow window;
    private final SessionViewModel vm;
    private final TaskRunner runner;
    private final Chooser chooser;
    private final RecentSessions recent;
    private final ExportActions.ScaleAccess scale;
    private final SessionStore store;

    FileJobs(MainWindow window, SessionViewModel vm, TaskRunner runner, Chooser chooser, RecentSessions recent,
             ExportActions.ScaleAccess scale) {
        this.window = window;
        this.vm = vm;
        this.runner = runner;
        this.chooser = chooser;
        this.recent = recent;
        this.scale = scale;
        this.store = new SessionStore(vm);
    }

    RecentSessions recent() {
        return recent;
    }

    private void report(String line) {
        vm.views().status().report(line);
    }

    /** A line that says something went wrong (drawn as a warning). */
    private void problem(String line) {
        vm.views().status().reportProblem(line);
    }

    /** Runs {@code work} on the runner and reports "Wrote FILE" or the failure in one line. */
    private void write(String what, Path file, Work<Void> work) {
        report("Writing " + file.getFileName() + "…");
        runner.start(work, f -> { }, v -> report("Wrote " + what + " to " + file + sizeOf(file)),
                e -> problem("Could not write " + file.getFileName() + ": " + oneLine(e)));
    }

    private static String sizeOf(Path file) {
        try {
            long b = Files.size(file);
            return b < 10_000 ? " (" + b + " bytes)" : String.format(Locale.ROOT, " (%,d KB)", b / 1024);
        } catch (IOException e) {
            return "";
        }
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            m = e.getClass().getSimpleName();
        }
        if (e instanceof AccessDeniedException) {
            m = "permission denied (" + m + ")";
        } else if (e instanceof NoSuchFileException) {
            m = "no such folder (" + m + ")";
        } else if (e instanceof OutOfMemoryError) {
            m = "out of memory; export a shorter input";
        }
        return m.lines().findFirst().orElse(m);
    }

    /** Exports {@code view} in {@code format}, asking where. */
    public void exportView(Node view, ViewExport.Format format) {
        var c = chooser.save("Export " + ExportActions.nameOf(view), ExportActions.nameOf(view) + suffix(format) + "."
                + format.extension(), List.of(kind(format)));
        if (c != null) {
            exportView(view, format, c.file());
        }
    }

    /** Exports {@code view}, asking where and in which format (Ctrl+Shift+S). */
    public void exportViewAsked(Node view) {
        List<Chooser.Kind> kinds = new ArrayList<>();
        for (ViewExport.Format f : ViewExport.Format.values()) {
            kinds.add(kind(f));
        }
        boolean automaton = view == window.automatonView();
        if (automaton) {
            kinds.add(new Chooser.Kind("Graphviz DOT", "dot"));
        }
        var c = chooser.save("Export " + ExportActions.nameOf(view), ExportActions.nameOf(view) + ".svg", kinds);
        if (c == null) {
            return;
        }
        if (c.kind() < ViewExport.Format.values().length) {
            exportView(view, ViewExport.Format.values()[c.kind()], c.file());
        } else {
            exportDot(c.file());
        }
    }

    /** Writes {@code view} in {@code format} to {@code file}: captured now, written on the runner. */
    public void exportView(Node view, ViewExport.Format format, Path file) {
        ViewExport.Pending p;
        try {
            p = ViewExport.capture(view, format);
        } catch (RuntimeException | OutOfMemoryError e) {
            problem("Could not export " + ExportActions.nameOf(view) + ": " + oneLine(e));
            return;
        }
        write(ExportActions.nameOf(view) + " (" + format.label() + ")", file, pr -> {
            p.writeTo(file);
            return null;
        });
    }

    private static String suffix(ViewExport.Format f) {
        return f == ViewExport.Format.SVG ? "" : "@" + f.name().substring(4).toLowerCase(Locale.ROOT);
    }

    private static Chooser.Kind kind(ViewExport.Format f) {
        return new Chooser.Kind(f.label(), f.extension());
    }

    /** The whole window as PNG (1x or 2x), asking where. */
    public void exportWindow() {
        var c = chooser.save("Export window", "statescope-window.png", List.of(kind(ViewExport.Format.PNG_1X),
                kind(ViewExport.Format.PNG_2X)));
        if (c != null) {
            exportView(window.getScene().getRoot(), c.kind() == 0 ? ViewExport.Format.PNG_1X : ViewExport.Format.PNG_2X,
                    c.file());
        }
    }

    /** The automaton as Graphviz DOT, asking where. */
    public void exportDot() {
        var c = chooser.save("Export automaton as DOT", "automaton.dot", List.of(new Chooser.Kind("Graphviz DOT",
                "dot")));
        if (c != null) {
            exportDot(c.file());
        }
    }

    /** Writes the automaton shown as DOT (the dead state hidden when the view hides it). */
    public void exportDot(Path file) {
        var am = vm.views().automaton();
        var dfa = am.dfaProperty().get();
        if (dfa == null) {
            problem("This language has no automaton to export (a counter language)");
            return;
        }
        String dot = DotExport.toDot(dfa, am.collapseDeadProperty().get());
        write("the automaton (DOT)", file, p -> {
            AtomicFiles.write(file, dot.getBytes(StandardCharsets.UTF_8));
            return null;
        });
    }

    /** The trace of the current input as CSV, JSON or NumPy, asking where and which. */
    public void exportTrace() {
        var c = chooser.save("Export trace", "trace.csv", TRACE_KINDS);
        if (c != null) {
            exportTrace(c.file(), TRACE_KINDS.get(c.kind()).extension());
        }
    }

    /** Writes the trace of the current input to {@code file} as {@code csv}, {@code json} or {@code npz}. */
    public void exportTrace(Path file, String format) {
        AlignedTrace tr = vm.trace();
        if (tr == null || !(tr.model() instanceof EngineModel model)) {
            problem("No model is loaded: nothing to export");
            return;
        }
        int[] tokens = tr.tokens();
        if (tokens.length == 0) {
            problem("The input is empty: nothing to export");
            return;
        }
        var lang = vm.views().catalog().languageProperty().get();
        String text = vm.views().input().textProperty().get();
        String name = vm.views().header().modelChoiceProperty().get() == null ? model.info().name()
                : vm.views().header().modelChoiceProperty().get().label();
        var bits = tr.reference().targets().bitNames();
        write("the trace (" + format.toUpperCase(Locale.ROOT) + ")", file, p -> {
            List<String> symbols = symbols(lang == null ? null : lang.machine().alphabet(), text, tokens);
            var outputs = bits.size() == model.weights().config().outputSize() ? bits : List.<String>of();
            TraceData d = TraceData.compute(model.weights(), name, tokens, symbols, outputs);
            StreamedFiles.write(file, out -> {
                switch (format) {
                    case "csv" -> TraceFiles.writeCsv(d, out);
                    case "npz" -> TraceFiles.writeNpz(d, out);
                    default -> {
                        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                        TraceJson.write(d, w);
                        w.flush();
                    }
                }
            });
            return null;
        });
    }

    /** The input's symbols, one per token (the token ids when the input does not parse to as many). */
    private static List<String> symbols(Alphabet alphabet, String text, int[] tokens) {
        if (alphabet != null) {
            try {
                int[] w = Word.parse(alphabet, text).toArray();
                if (w.length == tokens.length) {
                    List<String> out = new ArrayList<>(w.length);
                    for (int s : w) {
                        out.add(alphabet.symbol(s));
                    }
                    return out;
                }
            } catch (IllegalArgumentException e) {
                // fall through to the ids
            }
        }
        List<String> out = new ArrayList<>(tokens.length);
        for (int t : tokens) {
            out.add(Integer.toString(t));
        }
        return out;
    }

    /** Saves the session, asking where. */
    public void saveSession() {
        var c = chooser.save("Save session", "session.statescope", List.of(SESSION));
        if (c != null) {
            saveSession(c.file());
        }
    }

    /** Saves the session to {@code file}: the open tab, the UI scale and the session's state. */
    public void saveSession(Path file) {
        SessionFile f;
        try {
            var tab = window.tabs().getSelectionModel().getSelectedItem();
            f = store.capture(tab == null ? "" : tab.getId(), scale.get());
        } catch (IOException | RuntimeException e) {
            problem("Could not save the session: " + oneLine(e));
            return;
        }
        write("the session", file, p -> {
            f.write(file);
            return null;
        });
        recent.used(file);
    }

    /** Opens a session, asking which. */
    public void openSession() {
        Path p = chooser.open("Open session", SESSION);
        if (p != null) {
            openSession(p);
        }
    }

    /** Opens the session in {@code file}: read on the runner, applied on the FX thread. */
    public void openSession(Path file) {
        runner.start(p -> SessionFile.read(file), f -> { }, f -> apply(file, f),
                e -> problem("Could not open " + file.getFileName() + ": " + oneLine(e)));
    }

    private void apply(Path file, SessionFile f) {
        List<String> notes;
        try {
            notes = store.apply(f);
        } catch (RuntimeException e) {
            problem("Could not open " + file.getFileName() + ": " + oneLine(e));
            return;
        }
        scale.set(f.uiScale());
        window.tabs().getTabs().stream().filter(t -> f.view().equals(t.getId())).findFirst()
                .ifPresent(t -> window.tabs().getSelectionModel().select(t));
        recent.used(file);
        if (notes.isEmpty()) {
            report("Opened " + file.getFileName());
        } else {                                                       // a model missing or changed, a position cut
            problem("Opened " + file.getFileName() + ": " + String.join("; ", notes));
        }
    }
}
