package statescope.lang;

/**
 * A regex that does not parse, or names a symbol outside its alphabet. The message says where
 * (1-based position) and what was expected, then shows the regex with a caret under the position:
 * <pre>
 * at position 6: expected ')' to close the group opened at position 1
 *   (ab|c
 *        ^
 * </pre>
 */
public class RegexSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String regex;
    private final int position;
    private final String problem;

    /**
     * @param regex the regex text
     * @param position 1-based code-point position of the problem (length + 1 for "at the end")
     * @param problem what was expected or what is wrong, e.g. {@code expected ')'}
     */
    public RegexSyntaxException(String regex, int position, String problem) {
        super("at position " + position + ": " + problem + System.lineSeparator() + caret(regex, position));
        this.regex = regex;
        this.position = position;
        this.problem = problem;
    }

    /** The regex text that failed. */
    public String regex() {
        return regex;
    }

    /** The 1-based code-point position of the problem. */
    public int position() {
        return position;
    }

    /** What was expected or what is wrong, without the position. */
    public String problem() {
        return problem;
    }

    /** The first line of the message: position and problem. */
    public String shortMessage() {
        return "at position " + position + ": " + problem;
    }

    /**
     * Two lines: the regex (control characters shown as '?'; a long regex cut to a window around the
     * position, marked with '…') and a caret under the position.
     */
    static String caret(String regex, int position) {
        int[] cps = regex.codePoints().map(cp -> Character.isISOControl(cp) ? '?' : cp).toArray();
        int from = 0;
        int to = cps.length;
        if (cps.length > 72) {
            from = Math.max(0, Math.min(position - 1 - 36, cps.length - 72));
            to = Math.min(cps.length, from + 72);
        }
        var line = new StringBuilder("  ");
        int pad = Math.max(0, position - 1 - from);
        if (from > 0) {
            line.append('…');
            pad++;
        }
        line.append(new String(cps, from, to - from));
        if (to < cps.length) {
            line.append('…');
        }
        return line + System.lineSeparator() + "  " + " ".repeat(pad) + "^";
    }
}
