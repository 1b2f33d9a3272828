package statescope.ui.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import statescope.inspect.AlignedTrace;
import statescope.inspect.LanguageEntry;
import statescope.lang.Alphabet;

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
    private final ObservableValue<String> alphabetWhole;
    private final ReadOnlyBooleanProperty busy;
    private final Consumer<String> onInput;
    private final Consumer<String> report;
    /** The text {@link #clear()} removed, while the input is still empty ({@link #restore()} brings it back), or null. */
    private String cleared;

    /**
     * @param language the open language
     * @param busy     whether a long job holds the trace (the field then takes no input)
     * @param onInput  hands a new text to the session (which holds it and reads it)
     */
    public InputViewModel(ObservableValue<LanguageEntry> language, ReadOnlyBooleanProperty busy,
                          Consumer<String> onInput) {
        this(language, busy, onInput, line -> { });
    }

    /** As above; {@code report} shows one line in the status bar (what {@link #clear()} removed and how to get it back). */
    public InputViewModel(ObservableValue<LanguageEntry> language, ReadOnlyBooleanProperty busy,
                          Consumer<String> onInput, Consumer<String> report) {
        this.alphabet = language.map(l -> alphabetLine(l.machine().alphabet())).orElse("");
        this.alphabetWhole = language.map(l -> "alphabet " + l.machine().alphabet()).orElse("");
        this.busy = busy;
        this.onInput = onInput;
        this.report = report;
        language.addListener((o, a, b) -> cleared = null);            // another alphabet: nothing to restore
    }

    /** The text in the input field changed; the trace follows it, or {@link #errorProperty()} says why not. */
    public void setInput(String s) {
        onInput.accept(s);
    }

    /**
     * Clears the input (the long input's Clear button), keeping what was removed: the status bar says how
     * many characters went and that Ctrl+Z ({@link #restore()}) brings them back, until something is typed.
     */
    public void clear() {
        String was = text.get();
        if (was.isEmpty() || busy.get()) {
            return;
        }
        setInput("");
        if (text.get().isEmpty()) {
            cleared = was;
            report.accept(String.format(Locale.ROOT, "Input cleared (%,d characters) — Ctrl+Z restores it",
                    was.length()));
        }
    }

    /** Whether {@link #restore()} has a cleared input to bring back (nothing typed since the clear). */
    public boolean canRestore() {
        return cleared != null && text.get().isEmpty() && !busy.get();
    }

    /** Brings back the input {@link #clear()} removed (Ctrl+Z); false when there is none to restore. */
    public boolean restore() {
        if (!canRestore()) {
            return false;
        }
        String back = cleared;
        cleared = null;
        setInput(back);
        report.accept(String.format(Locale.ROOT, "Input restored (%,d characters)", back.length()));
        return true;
    }

    /** The session now holds {@code s} as the input (a new language's sample, or an edit). */
    void setText(String s) {
        if (!s.isEmpty()) {
            cleared = null;                                            // typed since the clear: that is the input now
        }
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

    /** "alphabet {…}" of the open language as the bar shows it ({@link #alphabetLine}), or empty. */
    public ObservableValue<String> alphabetProperty() {
        return alphabet;
    }

    /** "alphabet {…}" of the open language with every symbol, or empty. */
    public ObservableValue<String> alphabetWholeProperty() {
        return alphabetWhole;
    }

    /** The longest alphabet line written out whole, in characters. */
    static final int ALPHABET_LINE = 48;

    /**
     * "alphabet {0, 1}" up to {@value #ALPHABET_LINE} characters; a longer one writes each run of three or
     * more symbols that count up in one place as its first and last ("alphabet {(a … (h, a) … h)}" for
     * bounded Dyck's 16 brackets), and past that says how many ("alphabet of 40 symbols"), so the line
     * stays short enough to be shown whole beside the input at any scale (it was cut to "alpha…").
     */
    public static String alphabetLine(Alphabet a) {
        String whole = "alphabet " + a;
        if (whole.length() <= ALPHABET_LINE) {
            return whole;
        }
        List<String> symbols = a.symbols();
        var parts = new ArrayList<String>();
        int i = 0;
        while (i < symbols.size()) {
            int at = step(symbols.get(i), i + 1 < symbols.size() ? symbols.get(i + 1) : null);
            int j = i;
            while (at >= 0 && j + 1 < symbols.size() && step(symbols.get(j), symbols.get(j + 1)) == at) {
                j++;
            }
            if (j - i >= 2) {
                parts.add(symbols.get(i) + " … " + symbols.get(j));
                i = j + 1;
            } else {
                parts.add(symbols.get(i));
                i++;
            }
        }
        String runs = "alphabet {" + String.join(", ", parts) + "}";
        return runs.length() <= ALPHABET_LINE ? runs : "alphabet of " + symbols.size() + " symbols";
    }

    /** Where {@code y} is {@code x} with one character one higher ("(a", "(b": 1), or −1. */
    private static int step(String x, String y) {
        if (y == null || x.length() != y.length()) {
            return -1;
        }
        int at = -1;
        for (int k = 0; k < x.length(); k++) {
            if (x.charAt(k) != y.charAt(k)) {
                if (at >= 0 || y.charAt(k) != x.charAt(k) + 1) {
                    return -1;
                }
                at = k;
            }
        }
        return at;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
