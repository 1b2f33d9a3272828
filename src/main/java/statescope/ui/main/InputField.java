package statescope.ui.main;

import java.util.function.Consumer;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;

/**
 * The input text field. A paste that would make the text longer than {@link #LIMIT} characters is
 * handed to the session directly instead of being inserted (laying out 100,000 characters in a text
 * field takes the FX thread for more than half a second); the bar then shows the long input as a
 * summary.
 */
final class InputField extends TextField {

    /** Longest text edited in the field itself. */
    static final int LIMIT = 4_000;

    private final Consumer<String> onLongText;

    InputField(Consumer<String> onLongText) {
        this.onLongText = onLongText;
    }

    @Override
    public void paste() {
        String clip = Clipboard.getSystemClipboard().getString();
        if (clip == null || getLength() + clip.length() <= LIMIT) {
            super.paste();
            return;
        }
        pasteText(clip);
    }

    /** Replaces the selection with {@code clip} the way a paste does (also used by the benchmark). */
    void pasteText(String clip) {
        String text = getText();
        int from = getSelection().getStart();
        int to = getSelection().getEnd();
        String next = text.substring(0, from) + clip + text.substring(to);
        if (next.length() <= LIMIT) {
            replaceSelection(clip);
        } else {
            onLongText.accept(next);
        }
    }
}
