package statescope.ui.session;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import statescope.inspect.AlignedTrace;
import statescope.inspect.LanguageEntry;

/**
 * The input bar's state: the text the trace follows, why it was refused (an unknown symbol; the trace
 * keeps the last good text), and the open language's alphabet. Read-only to the view; the user edits
 * through {@link #setInput}.
 */
public final class InputViewModel {

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper veil = new ReadOnlyStringWrapper("");
    private final ObservableValue<String> alphabet;
    private final ReadOnlyBooleanProperty busy;
    private final Consumer<String> onInput;

    /**
     * @param language the open language
     * @param busy     whether a long job holds the trace (the field then takes no input)
     * @param onInput  hands a new text to the session (which holds it and reads it)
     */
    public InputViewModel(ObservableValue<LanguageEntry> language, ReadOnlyBooleanProperty busy,
                          Consumer<String> onInput) {
        this.alphabet = language.map(l -> "alphabet " + l.machine().alphabet()).orElse("");
        this.busy = busy;
        this.onInput = onInput;
    }

    /** The text in the input field changed; the trace follows it, or {@link #errorProperty()} says why not. */
    public void setInput(String s) {
        onInput.accept(s);
    }

    /** The session now holds {@code s} as the input (a new language's sample, or an edit). */
    void setText(String s) {
        text.set(s);
    }

    /** The outcome of reading the text: empty, or the message naming the unknown symbol and its position. */
    void setError(String why) {
        error.set(why);
    }

    /**
     * With the future hidden, what the field shows while it is not being edited: the symbols read up to
     * the current position and how many are left ("0110 ⋯ 9 more symbols"); empty when nothing is hidden.
     */
    public ReadOnlyStringProperty veilProperty() {
        return veil.getReadOnlyProperty();
    }

    void setVeil(String shown) {
        veil.set(shown);
    }

    /** The most symbols a veil spells out (the latest ones; the field's own limit is larger). */
    static final int VEIL_SYMBOLS = 400;

    /** The veil for position {@code t} of {@code trace}: the symbols read so far, then the count of the rest. */
    static String veil(AlignedTrace trace, int t) {
        var alphabet = trace.machine().alphabet();
        String gap = alphabet.singleCharacters() ? "" : " ";
        var out = new StringBuilder();
        int from = Math.max(1, t - VEIL_SYMBOLS + 1);
        if (from > 1) {
            out.append("… ");
        }
        for (int p = from; p <= t; p++) {
            out.append(p > from ? gap : "").append(alphabet.symbol(trace.token(p)));
        }
        int rest = trace.length() - t;
        if (rest > 0) {
            out.append(t > 0 ? "  " : "").append("⋯ ").append(rest).append(rest == 1 ? " more symbol" : " more symbols");
        }
        return out.toString();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** "alphabet {…}" of the open language, or empty. */
    public ObservableValue<String> alphabetProperty() {
        return alphabet;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
