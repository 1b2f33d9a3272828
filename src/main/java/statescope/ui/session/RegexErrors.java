package statescope.ui.session;

import java.util.regex.Pattern;
import statescope.lang.RegexSyntaxException;

/**
 * Where a regex error lies in the text as typed: the parser counts code points from 1 in the stripped
 * regex, a text field counts UTF-16 units from 0 in the whole text (leading blanks, symbols outside the
 * Basic Multilingual Plane). The caret lines are cut to a window that fits the catalog pane.
 */
final class RegexErrors {

    /** Code points shown around the error in {@link #caret}. */
    static final int WINDOW = 28;

    private RegexErrors() {
    }

    private static final Pattern POSITION = Pattern.compile("position (\\d+)");

    /**
     * The error's one-line message with its positions counted in {@code typed} (1-based code points, as
     * the field shows them: leading blanks, which the parser does not see, count).
     */
    static String message(String typed, RegexSyntaxException e) {
        int offset = Math.max(0, typed.indexOf(e.regex()));
        int blanks = typed.codePointCount(0, offset);
        return POSITION.matcher(e.shortMessage()).replaceAll(m -> "position " + (Integer.parseInt(m.group(1)) + blanks));
    }

    /** The UTF-16 index in {@code typed} of the character {@code e} names (the text's length for "at the end"). */
    static int index(String typed, RegexSyntaxException e) {
        String parsed = e.regex();
        int offset = Math.max(0, typed.indexOf(parsed));
        int cps = parsed.codePointCount(0, parsed.length());
        int cp = Math.max(0, Math.min(e.position() - 1, cps));
        return Math.min(typed.length(), offset + parsed.offsetByCodePoints(0, cp));
    }

    /**
     * Two lines for a monospaced font: the typed text (control characters as '?', cut to {@value #WINDOW}
     * code points around the error, a cut marked '…') and a caret under the character at UTF-16 index
     * {@code at}.
     */
    static String caret(String typed, int at) {
        int[] cps = typed.codePoints().map(c -> Character.isISOControl(c) ? '?' : c).toArray();
        int pos = typed.codePointCount(0, Math.min(at, typed.length()));   // the error's code point index
        int from = Math.max(0, Math.min(pos - WINDOW / 2, cps.length - WINDOW));
        int to = Math.min(cps.length, from + WINDOW);
        var line = new StringBuilder();
        int pad = pos - from;
        if (from > 0) {
            line.append('…');
            pad++;
        }
        line.append(new String(cps, from, to - from));
        if (to < cps.length) {
            line.append('…');
        }
        return line + "\n" + " ".repeat(pad) + "^";
    }
}
