package statescope.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Arrays;
import java.util.regex.Pattern;

/** What a JSON parse error says to a user: the parser's reason, with locations as "line L, column C". */
public final class JsonErrors {

    /** Jackson's location inside a message: "[Source: REDACTED (`…` disabled); line: 5, column: 13]". */
    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]");

    private JsonErrors() {
    }

    /**
     * The reason without the parser's source notes ("expected close marker for Array (start marker at line 5,
     * column 13)", not "…at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line:
     * 5, column: 13])"), on one line.
     */
    public static String reason(JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        return plain(SOURCE.matcher(m).replaceAll("line $1, column $2").replaceAll("\\s*\\R\\s*", " ").strip());
    }

    /** The parser's common reasons in words a user of the file knows (list, object, comma), first match wins. */
    private static final String[][] PLAIN = {
        {"Unexpected end-of-input: expected close marker for Array \\(start marker at (line \\d+, column \\d+)\\)",
            "the text ends before the ']' that closes the list opened at $1"},
        {"Unexpected end-of-input: expected close marker for Object \\(start marker at (line \\d+, column \\d+)\\)",
            "the text ends before the '}' that closes the object opened at $1"},
        {"Unexpected end-of-input: was expecting closing quote.*", "the text ends inside a string (its closing \" is missing)"},
        {"Unexpected end-of-input.*", "the text ends too early"},
        {"Unexpected character \\('(.+?)' \\(code \\d+\\)\\): was expecting double-quote to start field name",
            "'$1' where a field name in double quotes belongs (a comma too many, or a name without quotes)"},
        {"Unexpected character \\('(.+?)' \\(code \\d+\\)\\): was expecting comma to separate (Object|Array) entries",
            "'$1' where a comma belongs between two entries"},
        {"Unexpected character \\('(.+?)' \\(code \\d+\\)\\): was expecting a colon to separate field name and value",
            "'$1' where a colon belongs after a field name"},
        {"Unexpected character \\('(.+?)' \\(code \\d+\\)\\): expected a valid value.*",
            "'$1' where a value belongs (a comma too many?)"},
        {"Unrecognized token '(.+?)': was expecting.*",
            "'$1' is not a value (a value is a \"string\", a number, a [list], an {object}, true, false or null)"},
        {"Unexpected character \\('(.+?)' \\(code \\d+\\)\\)", "unexpected '$1'"},
    };

    private static final Pattern[] PLAIN_PATTERNS = Arrays.stream(PLAIN).map(r -> Pattern.compile(r[0]))
            .toArray(Pattern[]::new);

    private static String plain(String reason) {
        for (int i = 0; i < PLAIN.length; i++) {
            var m = PLAIN_PATTERNS[i].matcher(reason);
            if (m.find()) {
                return m.replaceFirst(PLAIN[i][1]);
            }
        }
        return reason;
    }
}
