package statescope.ui.session;

import java.util.Arrays;
import java.util.regex.Pattern;
import statescope.lang.Alphabet;
import statescope.lang.Word;

/**
 * Parses the input text into symbol indices cheaply: when the text extends the last text parsed, only
 * the new tail is read (so a key costs the same after 100,000 characters); a long text that is not an
 * extension is left to a background job ({@link #LONG}). Error messages name the position in the whole
 * text. Not thread-safe (the FX thread's).
 */
final class InputParser {

    /** Marks a text too long to parse here; parse it off the FX thread with {@link Word#parse}. */
    static final int[] LONG = new int[0];

    /** Texts (or new tails) longer than this are {@link #LONG}. */
    static final int LONG_TEXT = 4_000;

    private static final Pattern POSITION = Pattern.compile(" at position (\\d+)");

    private String parsedText;
    private int[] parsedWord;

    /** Forgets the last parse (new language or model). */
    void reset() {
        parsedText = null;
        parsedWord = null;
    }

    /** Records that {@code text} was read as {@code word}, so its extensions parse incrementally. */
    void accepted(String text, int[] word) {
        parsedText = text;
        parsedWord = word;
    }

    /**
     * The symbols of {@code text}, or {@link #LONG}.
     *
     * @throws IllegalArgumentException for an unknown symbol, naming it and its position in the text
     */
    int[] parse(Alphabet alphabet, String text) {
        boolean extension = parsedText != null && alphabet.singleCharacters() && text.startsWith(parsedText)
                && parsedWord.length == parsedText.codePointCount(0, parsedText.length());
        try {
            if (extension) {
                String tail = text.substring(parsedText.length());
                if (tail.length() > LONG_TEXT) {
                    return LONG;
                }
                int[] suffix = Word.parse(alphabet, tail).toArray();
                int[] w = Arrays.copyOf(parsedWord, parsedWord.length + suffix.length);
                System.arraycopy(suffix, 0, w, parsedWord.length, suffix.length);
                return w;
            }
            return text.length() > LONG_TEXT ? LONG : Word.parse(alphabet, text).toArray();
        } catch (IllegalArgumentException e) {
            if (!extension) {
                throw e;
            }
            var m = POSITION.matcher(e.getMessage());
            int offset = parsedText.codePointCount(0, parsedText.length());
            throw new IllegalArgumentException(m.find()
                    ? m.replaceFirst(" at position " + (Integer.parseInt(m.group(1)) + offset)) : e.getMessage(), e);
        }
    }
}
