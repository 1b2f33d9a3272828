package statescope.ui.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import statescope.inspect.LanguageEntry;

/**
 * The language catalog's state: the languages offered (the library's catalog, then those the user
 * opened from a regex or a DFA file), the open one, and why the last import failed. The list, the open
 * language and the error are read-only to the view; they change through {@link #select},
 * {@link #openRegex} and {@link #openFile}.
 */
public final class CatalogViewModel {

    private final LanguageLibrary library;
    private final ObservableList<LanguageEntry> languages = FXCollections.observableArrayList();
    private final ObservableList<LanguageEntry> languagesView = FXCollections.unmodifiableObservableList(languages);
    private final ReadOnlyObjectWrapper<LanguageEntry> language = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanProperty busy;
    private final Consumer<LanguageEntry> onOpen;

    /**
     * @param busy   whether a long job holds the trace (the pane then takes no input)
     * @param onOpen opens a language in the session (which then calls {@link #opened})
     */
    public CatalogViewModel(LanguageLibrary library, ReadOnlyBooleanProperty busy, Consumer<LanguageEntry> onOpen) {
        this.library = library;
        this.busy = busy;
        this.onOpen = onOpen;
        languages.setAll(library.catalog());
    }

    /** Opens a language of the list; choosing the open one again (or none) does nothing. */
    public void select(LanguageEntry entry) {
        if (entry != null && entry != language.get()) {
            onOpen.accept(entry);
        }
    }

    /** Compiles a typed regex into a language and opens it; a malformed regex leaves everything as it was. */
    public boolean openRegex(String regex) {
        try {
            return addAndSelect(library.fromRegex(regex));
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return false;
        }
    }

    /** Reads a DFA JSON or JFLAP .jff file and opens its language. */
    public boolean openFile(Path file) {
        try {
            return addAndSelect(library.fromFile(file));
        } catch (IOException | IllegalArgumentException e) {
            error.set("Cannot open " + file.getFileName() + ": " + e.getMessage());
            return false;
        }
    }

    /** Opens a language made elsewhere (a saved session's), adding it to the list. */
    void openEntry(LanguageEntry entry) {
        addAndSelect(entry);
    }

    private boolean addAndSelect(LanguageEntry entry) {
        languages.add(entry);
        select(entry);
        return true;
    }

    /** The session opened {@code entry}: it is the selected language and the last error is cleared. */
    void opened(LanguageEntry entry) {
        language.set(entry);
        error.set("");
    }

    /** The catalog, the start-up demo language first, then the user's own languages. */
    public ObservableList<LanguageEntry> languages() {
        return languagesView;
    }

    public ReadOnlyObjectProperty<LanguageEntry> languageProperty() {
        return language.getReadOnlyProperty();
    }

    /** Why the last regex or file could not be opened, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
