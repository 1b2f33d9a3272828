package statescope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import statescope.lang.DfaFormatException;
import statescope.lang.DfaJson;

/**
 * A truncated DFA file showed the user "…(start marker at [Source: REDACTED
 * (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 5, column: 13])": the reason now names
 * the line and column plainly.
 */
class JsonErrorsTest {

    private static final String TRUNCATED = """
            {"alphabet": ["0", "1"], "states": ["q"], "start": "q", "accepting": ["q"],
             "transitions": [{"from": "q", "symbol": "0", "to": "q"}""";

    @Test
    void theParsersSourceNotesBecomeALineAndAColumn() {
        var e = assertThrows(JsonProcessingException.class, () -> new ObjectMapper().readTree(TRUNCATED));
        assertTrue(e.getOriginalMessage().contains("[Source:"), "the raw reason has the note: " + e.getOriginalMessage());
        String r = JsonErrors.reason(e);
        assertFalse(r.contains("Source") || r.contains("REDACTED") || r.contains("StreamReadFeature"), r);
        assertTrue(r.matches("the text ends before the ']' that closes the list opened at line 2, column \\d+"), r);
        assertEquals(1, r.lines().count(), r);
    }

    /** The parser's usual complaints in words a person editing the file knows (the review met them raw). */
    @Test
    void theUsualMistakesAreSaidPlainly() {
        var cases = new String[][] {
            {"{\"a\": 1", "the text ends before the '}' that closes the object opened at line 1, column 1"},
            {"{\"a\": \"x", "the text ends inside a string (its closing \" is missing)"},
            {"{a: 1}", "'a' where a field name in double quotes belongs (a comma too many, or a name without quotes)"},
            {"[1 2]", "'2' where a comma belongs between two entries"},
            {"{\"a\" 1}", "'1' where a colon belongs after a field name"},
            {"[1,]", "']' where a value belongs (a comma too many?)"},
            {"{\"a\": abc}", "'abc' is not a value (a value is a \"string\", a number, a [list], an {object}, true, "
                    + "false or null)"},
        };
        for (String[] c : cases) {
            var e = assertThrows(JsonProcessingException.class, () -> new ObjectMapper().readTree(c[0]), c[0]);
            assertEquals(c[1], JsonErrors.reason(e), c[0]);
        }
    }

    @Test
    void aTruncatedDfaFileSaysWhereInPlainWords() {
        var e = assertThrows(DfaFormatException.class, () -> DfaJson.read(TRUNCATED));
        assertTrue(e.getMessage().startsWith("not valid JSON at line "), e.getMessage());
        assertFalse(e.getMessage().contains("REDACTED"), e.getMessage());
    }
}
