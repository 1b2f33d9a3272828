package statescope.ui.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import statescope.inspect.LanguageEntry;

/**
 * The header's state: the open language's title, the model picker's choices for it, the chosen model,
 * and why the last model could not be loaded. All read-only to the view; the user acts through
 * {@link #selectModel} and {@link #openCheckpoint}.
 */
public final class HeaderViewModel {

    private final ObservableValue<String> title;
    private final ObservableList<ModelChoice> choices = FXCollections.observableArrayList();
    private final ObservableList<ModelChoice> choicesView = FXCollections.unmodifiableObservableList(choices);
    private final ReadOnlyObjectWrapper<ModelChoice> choice = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper modelError = new ReadOnlyStringWrapper("");
    private final Consumer<ModelChoice> onSelect;
    private final List<ModelChoice> opened = new ArrayList<>();       // the files the user opened, not yet refused
    private Function<LanguageEntry, List<ModelChoice>> offers = l -> List.of();

    /**
     * @param language the open language
     * @param onSelect loads a model in the session (which then calls {@link #chosen})
     */
    public HeaderViewModel(ObservableValue<LanguageEntry> language, Consumer<ModelChoice> onSelect) {
        this.title = language.map(l -> l.name() + " — " + l.description());
        this.onSelect = onSelect;
    }

    /** The models offered for a language (the session's library), so a story can be checked before it plays. */
    void offersFrom(Function<LanguageEntry, List<ModelChoice>> library) {
        offers = library;
    }

    /** The choices the picker would offer for {@code language} (the shipped and constructed models). */
    public List<ModelChoice> choicesFor(LanguageEntry language) {
        return offers.apply(language);
    }

    /** Loads the chosen model; choosing the loaded one again (or none) does nothing. */
    public void selectModel(ModelChoice c) {
        if (c != null && c != choice.get()) {
            onSelect.accept(c);
        }
    }

    /** Adds a checkpoint manifest at the top of the choices and loads it for the open language. */
    public void openCheckpoint(Path manifest) {
        var c = ModelChoice.checkpoint("file · " + manifest.getFileName(), manifest);
        opened.add(c);
        choices.add(0, c);
        selectModel(c);
    }

    /**
     * A model could not be loaded: a checkpoint the user opened leaves the picker (choosing it again would
     * fail again: a corrupt file, another language's model); the shipped choices stay.
     */
    void refused(ModelChoice c) {
        if (opened.remove(c)) {
            choices.remove(c);
        }
    }

    /** A new language: its model choices, the default first. */
    void offer(List<ModelChoice> list) {
        opened.retainAll(list);                                        // a file opened for the old language is gone
        choices.setAll(list);
    }

    /** The session is loading {@code c}: it is the picker's value and the last load error is cleared. */
    void chosen(ModelChoice c) {
        choice.set(c);
        modelError.set("");
    }

    void setModelError(String why) {
        modelError.set(why);
    }

    /** "name — description" of the open language (null before one is open). */
    public ObservableValue<String> titleProperty() {
        return title;
    }

    public ObservableList<ModelChoice> modelChoices() {
        return choicesView;
    }

    public ReadOnlyObjectProperty<ModelChoice> modelChoiceProperty() {
        return choice.getReadOnlyProperty();
    }

    /** Why the last model could not be loaded (shown beside the model picker), or empty. */
    public ReadOnlyStringProperty modelErrorProperty() {
        return modelError.getReadOnlyProperty();
    }
}
