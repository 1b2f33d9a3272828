package statescope.ui.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import statescope.export.ModelHash;
import statescope.export.SessionFile;
import statescope.inspect.ChannelKind;
import statescope.inspect.CustomLanguages;
import statescope.inspect.LanguageEntry;
import statescope.lang.DfaJson;
import statescope.lang.Word;

/**
 * A session's state to and from a {@link SessionFile}: the language, the model (with the hash of its
 * weights), compare mode's model B (the same way), the input, the position and the panes' settings. The
 * window adds its own part (the open tab and the UI scale).
 */
public final class SessionStore {

    private final SessionViewModel vm;

    public SessionStore(SessionViewModel vm) {
        this.vm = vm;
    }

    /** The session now, with the window's open {@code view} and {@code uiScale}; hashes the model's weights. */
    public SessionFile capture(String view, double uiScale) throws IOException {
        WindowModels v = vm.views();
        LanguageEntry lang = v.catalog().languageProperty().get();
        if (lang == null) {
            throw new IllegalStateException("no language is open");
        }
        SessionFile.Language language;
        if (lang.id().startsWith("regex:")) {
            language = SessionFile.Language.regex(lang.id().substring("regex:".length()));
        } else if (lang.id().startsWith("file:")) {
            language = SessionFile.Language.dfa(lang.name(), DfaJson.write(lang.reference().dfa().orElseThrow(
                    () -> new IllegalStateException("the language has no DFA to save"))));
        } else {
            language = SessionFile.Language.catalog(lang.id());
        }
        SessionFile.Model model = model(v.header().modelChoiceProperty().get());
        SessionFile.Model compare = v.compare().activeProperty().get()
                ? model(v.compare().choiceProperty().get()) : null;
        Map<String, Object> settings = new HashMap<>();
        settings.put("trajectory.layer", v.trajectory().layerProperty().get());
        settings.put("trajectory.threeD", v.trajectory().threeDProperty().get());
        settings.put("trajectory.yaw", v.trajectory().yawProperty().get());
        settings.put("trajectory.pitch", v.trajectory().pitchProperty().get());
        settings.put("heatmap.layer", v.stateMap().layerProperty().get());
        settings.put("gates.layer", v.gateMap().layerProperty().get());
        settings.put("channels.layer", v.chart().layerProperty().get());
        settings.put("channels.kind", v.chart().kindProperty().get().name());
        settings.put("automaton.hideDead", v.automaton().collapseDeadProperty().get());
        return new SessionFile(language, model, compare, v.input().textProperty().get(),
                v.stepper().positionProperty().get(), view, settings, uiScale);
    }

    /** A model choice as the session file names it: a checkpoint by path and hash, a random model by its parameters. */
    private static SessionFile.Model model(ModelChoice c) throws IOException {
        if (c == null) {
            return null;
        }
        if (c.isCheckpoint()) {
            Path p = c.checkpoint().toAbsolutePath().normalize();
            return new SessionFile.Model("checkpoint", c.label(), p.toString(), ModelHash.of(p), 0, 0, false, 0);
        }
        return new SessionFile.Model("random", c.label(), null, null, c.layers(), c.dModel(), c.signed(), c.seed());
    }

    /**
     * Opens a saved session: the language, the model, the input, compare mode with its model B, the
     * settings, then the position (once the models are loaded and the input read). Returns what differs
     * from when it was saved (a model file changed or missing), one line each. A language that cannot be
     * opened is an IllegalArgumentException.
     */
    public List<String> apply(SessionFile f) {
        WindowModels v = vm.views();
        List<String> notes = new ArrayList<>();
        openLanguage(f.language());
        ModelChoice a = choice(f.model(), "model", notes);
        if (a == null && f.model() != null && f.model().kind().equals("checkpoint")) {
            notes.set(notes.size() - 1, notes.getLast() + "; opened " + v.header().modelChoices().getFirst().label()
                    + " instead");
        } else if (a != null && a.isCheckpoint() && !v.header().modelChoices().contains(a)) {
            v.header().openCheckpoint(a.checkpoint());
        } else if (a != null) {
            v.header().selectModel(a);
        }
        v.input().setInput(f.input());
        ModelChoice b = choice(f.compare(), "compared model", notes);
        if (f.compare() == null || b == null) {
            v.compare().close();                                       // the saved session compared nothing
        }
        if (b != null) {
            v.compare().select(b);                                    // once model A is in (the session waits)
        } else if (f.compare() != null) {
            notes.set(notes.size() - 1, notes.getLast() + "; compare mode not reopened");
        }
        var s = f.viewSettings();
        setInt(s, "trajectory.layer", v.trajectory().layerProperty()::set);
        setBool(s, "trajectory.threeD", v.trajectory().threeDProperty()::set);
        setDouble(s, "trajectory.yaw", v.trajectory().yawProperty()::set);
        setDouble(s, "trajectory.pitch", v.trajectory().pitchProperty()::set);
        setInt(s, "heatmap.layer", v.stateMap().layerProperty()::set);
        setInt(s, "gates.layer", v.gateMap().layerProperty()::set);
        setInt(s, "channels.layer", v.chart().layerProperty()::set);
        setBool(s, "automaton.hideDead", v.automaton().collapseDeadProperty()::set);
        if (s.get("channels.kind") instanceof String k) {
            try {
                v.chart().kindProperty().set(ChannelKind.valueOf(k));
            } catch (IllegalArgumentException e) {
                notes.add("unknown channel kind " + k + " ignored");
            }
        }
        int symbols = symbols(f.input());
        if (symbols >= 0 && f.position() > symbols) {                  // said, not clamped in silence
            notes.add("position " + f.position() + " is past the end of its input (" + symbols
                    + " symbols): the stepper is at the end");
        }
        whenIdle(() -> v.stepper().jumpTo(Math.min(f.position(), v.stepper().lengthProperty().get())));
        return notes;
    }

    /** The symbols of {@code input} in the open language, or −1 when it does not read. */
    private int symbols(String input) {
        var lang = vm.views().catalog().languageProperty().get();
        try {
            return lang == null ? -1 : Word.parse(lang.machine().alphabet(), input).length();
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    /**
     * The choice a saved model names: the picker's own entry for its path when there is one, else a
     * checkpoint file ("file · NAME"), else a random model; null (with a note) for a missing checkpoint.
     * A changed or unreadable checkpoint is noted and still opened.
     */
    private ModelChoice choice(SessionFile.Model m, String what, List<String> notes) {
        if (m == null) {
            return null;
        }
        if (!m.kind().equals("checkpoint")) {
            return ModelChoice.random(m.layers(), m.dModel(), m.signed(), m.seed());
        }
        Path p = Path.of(m.path());
        if (!Files.exists(p)) {
            notes.add("the " + what + " " + p + " is missing");
            return null;
        }
        try {
            String now = ModelHash.of(p);
            if (!m.sha256().isEmpty() && !now.equals(m.sha256())) {
                notes.add("the " + what + " " + p.getFileName() + " changed since the session was saved (SHA-256 "
                        + m.sha256().substring(0, Math.min(12, m.sha256().length())) + "… then, "
                        + now.substring(0, 12) + "… now)");
            }
        } catch (IOException e) {
            notes.add("the " + what + " " + p.getFileName() + " cannot be read: " + e.getMessage());
        }
        Path abs = p.toAbsolutePath().normalize();
        return vm.views().header().modelChoices().stream()
                .filter(c -> c.isCheckpoint() && c.checkpoint().toAbsolutePath().normalize().equals(abs))
                .findFirst().orElseGet(() -> ModelChoice.checkpoint("file · " + p.getFileName(), p));
    }

    private void openLanguage(SessionFile.Language l) {
        CatalogViewModel catalog = vm.views().catalog();
        switch (l.kind()) {
            case "catalog" -> catalog.select(catalog.languages().stream().filter(e -> e.id().equals(l.id())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("the session's language '" + l.id()
                            + "' is not in this StateScope's catalog")));
            case "regex" -> {
                if (!catalog.openRegex(l.regex())) {
                    throw new IllegalArgumentException("the session's regex cannot be opened: "
                            + catalog.errorProperty().get());
                }
            }
            default -> catalog.openEntry(CustomLanguages.fromDfa(l.name(), DfaJson.read(l.dfaJson())));
        }
    }

    /** Runs {@code r} now when no long job runs, else once the running one ends. */
    private void whenIdle(Runnable r) {
        var busy = vm.views().status().busyProperty();
        if (!busy.get()) {
            r.run();
            return;
        }
        ChangeListener<Boolean> once = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean a, Boolean b) {
                if (!b) {
                    busy.removeListener(this);
                    r.run();
                }
            }
        };
        busy.addListener(once);
    }

    private static void setInt(Map<String, Object> s, String key, IntConsumer set) {
        if (s.get(key) instanceof Number n) {
            set.accept(n.intValue());
        }
    }

    private static void setDouble(Map<String, Object> s, String key, DoubleConsumer set) {
        if (s.get(key) instanceof Number n && Double.isFinite(n.doubleValue())) {
            set.accept(n.doubleValue());
        }
    }

    private static void setBool(Map<String, Object> s, String key, Consumer<Boolean> set) {
        if (s.get(key) instanceof Boolean b) {
            set.accept(b);
        }
    }
}
