package statescope.io;

import com.fasterxml.jackson.core.JsonProcessingException;
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
        return SOURCE.matcher(m).replaceAll("line $1, column $2").replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
