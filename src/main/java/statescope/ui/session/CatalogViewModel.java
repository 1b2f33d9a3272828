package statescope.ui.session;

import java.util.Optional;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import statescope.inspect.LanguageEntry;
import statescope.lang.RegexSyntaxException;

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
    private final ReadOnlyStringWrapper errorCaret = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper errorIndex = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private LanguageEntry noticeFor;
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

    /**
     * Compiles a regex into a language and opens it as it is (stories and saved sessions); a malformed
     * regex leaves everything as it was, and {@link #errorIndexProperty()} points at the offending
     * character of the text.
     */
    public boolean openRegex(String regex) {
        return open(regex, false);
    }

    /**
     * As {@link #openRegex}, for a regex the user typed: when it is a catalog language (the same language
     * over that language's symbols), the catalog language opens instead, with its shipped models and
     * encoding, and {@link #noticeProperty()} says so ("(10)* is tomita-2 (Tomita 2): …").
     */
    public boolean openTypedRegex(String regex) {
        return open(regex, true);
    }

    /** The language of a regex, not opened (a story checks its scenes); a malformed regex throws. */
    public LanguageEntry compile(String regex) {
        return library.fromRegex(regex);
    }

    private boolean open(String regex, boolean lookUp) {
        LanguageEntry typed;
        try {
            typed = library.fromRegex(regex);
        } catch (RegexSyntaxException e) {
            int at = RegexErrors.index(regex, e);
            fail(RegexErrors.message(regex, e), RegexErrors.caret(regex, at), at);
            return false;
        } catch (IllegalArgumentException e) {
            fail(e.getMessage(), "", -1);
            return false;
        }
        var known = lookUp ? library.inCatalog(typed) : Optional.<LanguageEntry>empty();
        if (known.isEmpty()) {
            return addAndSelect(typed);
        }
        LanguageEntry entry = languages.stream().filter(l -> l.id().equals(known.get().id())).findFirst()
                .orElse(known.get());                                // the listed entry, as a click would choose it
        noticeFor = entry;
        if (entry == language.get()) {
            opened(entry);                                           // already open: the error is cleared all the same
        }
        select(entry);
        notice.set(entry == language.get() ? typed.name() + " is " + entry.id() + " (" + entry.name()
                + "): opened with its shipped models and its encoding" : "");
        return true;
    }

    private void fail(String message, String caret, int index) {
        error.set(message);
        errorCaret.set(caret);
        errorIndex.set(-1);                                            // a second error at the same place is news too
        errorIndex.set(index);
        notice.set("");
    }

    /** Reads a DFA JSON or JFLAP .jff file and opens its language. */
    public boolean openFile(Path file) {
        try {
            return addAndSelect(library.fromFile(file));
        } catch (IOException | IllegalArgumentException e) {
            fail("Cannot open " + file.getFileName() + ": " + e.getMessage(), "", -1);
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
        errorCaret.set("");
        errorIndex.set(-1);
        if (entry != noticeFor) {
            notice.set("");
        }
        noticeFor = null;
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

    /** The typed regex with a caret under the offending character (two lines, for a monospaced font), or empty. */
    public ReadOnlyStringProperty errorCaretProperty() {
        return errorCaret.getReadOnlyProperty();
    }

    /** Index (UTF-16, as a text field counts) of the offending character in the typed regex, or −1. */
    public ReadOnlyIntegerProperty errorIndexProperty() {
        return errorIndex.getReadOnlyProperty();
    }

    /** What the app recognised in a typed regex ("(10)* is tomita-2 (Tomita 2): …"), or empty. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
