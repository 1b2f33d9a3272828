package statescope.ui.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import statescope.inspect.LanguageEntry;

/**
 * Plays a {@link Story}: {@link #next()} and {@link #previous()} (PageDown/PageUp) open a scene's
 * language, model, compared model, input, position and tab, one step at a time: a step that starts a
 * background job (a model to load, a long input) lets the next wait until the session is free again.
 * The caption ("2/5 · …") and a scene's error (a model the language does not offer) are properties
 * for the window.
 */
public final class StoryPlayer {

    private final WindowModels views;
    private final Consumer<String> showTab;
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(false);
    private Story story;
    private int index = -1;
    private int generation;                                            // a scene's steps run while it is shown

    /** @param showTab selects a view tab by its {@link Story#TABS} name */
    public StoryPlayer(WindowModels views, Consumer<String> showTab) {
        this.views = views;
        this.showTab = showTab;
    }

    /** Opens a story at its first scene. */
    public void open(Story s) {
        story = s;
        open.set(true);
        index = -1;
        next();
    }

    /** A story file that could not be opened: no story, and the reason where the caption goes. */
    public void refused(String why) {
        close();
        error.set(why);
    }

    public void close() {
        story = null;
        open.set(false);
        generation++;                                                  // the steps still waiting do nothing
        caption.set("");
        error.set("");
    }

    public void next() {
        if (story != null && index + 1 < story.scenes().size()) {
            show(index + 1);
        }
    }

    public void previous() {
        if (story != null && index > 0) {
            show(index - 1);
        }
    }

    /** The scene shown, 0-based (−1 before a story is open). */
    public int index() {
        return story == null ? -1 : index;
    }

    private void show(int i) {
        index = i;
        Story.Scene s = story.scenes().get(i);
        caption.set((i + 1) + "/" + story.scenes().size() + (s.caption() == null ? "" : " · " + s.caption()));
        error.set("");
        int gen = ++generation;
        Consumer<Runnable> step = r -> views.status().whenSettled(() -> {   // each once the one before has settled
            if (gen == generation) {
                r.run();
            }
        });
        String where = "scene " + (i + 1) + ", ";
        step.accept(() -> {
            if (s.regex() != null) {                                   // opened before: the same entry again
                var known = views.catalog().languages().stream().filter(l -> l.name().equals(s.regex().strip())).findFirst();
                if (known.isPresent()) {
                    views.catalog().select(known.get());
                } else if (!views.catalog().openRegex(s.regex())) {
                    fail(where + "regex: " + views.catalog().errorProperty().get());
                }
                return;
            }
            var lang = catalogEntry(s.language());
            if (lang.isEmpty()) {
                fail(where + notInCatalog(s.language()));
            } else if (views.catalog().languageProperty().get() != lang.get()) {
                views.catalog().select(lang.get());
            }
        });
        step.accept(() -> {
            var header = views.header();
            ModelChoice c = s.model() == null ? header.modelChoices().getFirst() : choice(s.model(), where + "model");
            if (c != null) {
                header.selectModel(c);
            }
        });
        step.accept(() -> {
            if (s.input() != null && !s.input().equals(views.input().textProperty().get())) {
                views.input().setInput(s.input());
            }
        });
        step.accept(() -> {
            if (s.compare() == null) {
                views.compare().close();
                return;
            }
            ModelChoice c = choice(s.compare(), where + "compare");
            if (c != null) {
                views.compare().select(c);
            }
        });
        step.accept(() -> {
            var stepper = views.stepper();
            stepper.jumpTo(s.position() == null ? stepper.lengthProperty().get() : s.position());
            if (s.tab() != null) {
                showTab.accept(s.tab());
            }
        });
    }

    /**
     * The picker's choice for {@code part}, or null after reporting it: the label itself, else the one whose
     * model name (after the last " · ") is {@code part}, else the first label that contains it; so
     * "trained · bounded-dyck-8-10" is that model, not "trained · bounded-dyck-8-10-1layer" listed first.
     */
    private ModelChoice choice(String part, String where) {
        var found = find(views.header().modelChoices(), part);
        if (found.isEmpty()) {
            fail(where + ": no model '" + part + "' for " + views.catalog().languageProperty().get().name());
            return null;
        }
        return found.get();
    }

    private static Optional<ModelChoice> find(List<ModelChoice> choices, String part) {
        return choices.stream().filter(c -> c.label().equals(part)).findFirst()
                .or(() -> choices.stream().filter(c -> modelName(c.label()).equals(part)).findFirst())
                .or(() -> choices.stream().filter(c -> c.label().contains(part)).findFirst());
    }

    /**
     * What would go wrong on stage, scene by scene, before the story plays: a regex that does not compile,
     * an input with a symbol outside its language's alphabet, a position past the input's end, a model or
     * compared model the language does not offer ("scene 2, model: no model 'x' for Tomita 2; its models
     * are …"). Empty when every scene can be shown.
     */
    public List<String> problems(Story s) {
        var out = new ArrayList<String>();
        var offers = new HashMap<String, List<ModelChoice>>();       // the models folder listed once per language
        int n = 0;
        for (Story.Scene scene : s.scenes()) {
            String where = "scene " + ++n + ", ";
            LanguageEntry entry;
            if (scene.regex() != null) {
                try {
                    entry = views.catalog().compile(scene.regex());
                } catch (IllegalArgumentException e) {
                    out.add(where + "regex: " + e.getMessage().lines().findFirst().orElse(""));
                    continue;
                }
            } else {
                entry = catalogEntry(scene.language()).orElse(null);
                if (entry == null) {
                    out.add(where + notInCatalog(scene.language()));
                    continue;
                }
            }
            if (scene.input() != null) {
                try {
                    int length = entry.encode(scene.input()).length;
                    if (scene.position() != null && scene.position() > length) {
                        out.add(where + "position: " + scene.position() + " is past the input's end (" + length
                                + " symbols)");
                    }
                } catch (IllegalArgumentException e) {
                    out.add(where + "input: " + e.getMessage());
                }
            }
            List<ModelChoice> offered = offers.computeIfAbsent(entry.id(), id -> views.header().choicesFor(entry));
            for (String[] m : new String[][] {{"model", scene.model()}, {"compare", scene.compare()}}) {
                if (m[1] != null && find(offered, m[1]).isEmpty()) {
                    out.add(where + m[0] + ": no model '" + m[1] + "' for " + entry.name() + "; its models are "
                            + String.join(", ", offered.stream().map(ModelChoice::label)
                            .filter(l -> !l.startsWith("random init")).map(l -> "'" + l + "'").toList())
                            + " and random inits");
                }
            }
        }
        return out;
    }

    private Optional<LanguageEntry> catalogEntry(String id) {
        return views.catalog().languages().stream().filter(l -> l.id().equals(id)).findFirst();
    }

    private static String notInCatalog(String id) {
        return "language: '" + id + "' is not in the catalog";
    }

    /** "trained · d-12" → "d-12"; a label without " · " is its own name. */
    static String modelName(String label) {
        int at = label.lastIndexOf(" · ");
        return at < 0 ? label : label.substring(at + 3);
    }

    private void fail(String why) {
        error.set(why);
    }

    /** "2/5 · caption" of the scene shown, or empty. */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    /** What a scene could not do (named by scene and field), or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public Story story() {
        return story;
    }
}
