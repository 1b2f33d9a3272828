package statescope.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import statescope.FuzzBudget;

/**
 * Fuzzes the session reader (issue 18's "session format when it exists"): any text is either a session
 * that survives a round trip unchanged, or an IllegalArgumentException of one line; nothing else
 * escapes, and each input stays within {@link FuzzBudget}. Plain {@code ./mvnw verify} replays the seeds
 * in {@code SessionFuzzTestInputs/}; {@code bench/fuzz.sh} fuzzes it for real.
 */
class SessionFuzzTest {

    private static final String[] FIELDS = {"format", "formatVersion", "language", "kind", "id", "regex", "name",
        "dfa", "model", "compare", "path", "sha256", "layers", "dModel", "signed", "seed", "label", "input",
        "position", "view", "viewSettings", "uiScale"};
    private static final String[] VALUES = {"\"statescope-session\"", "1", "2", "0", "-1", "1e300", "null", "true",
        "\"catalog\"", "\"regex\"", "\"dfa\"", "\"checkpoint\"", "\"random\"", "\"parity\"", "\"(ab)*\"", "[]", "{}",
        "\"\"", "1.25", "4096", "4097", "\"tab-gates\"", "{\"a\":1,\"b\":\"x\",\"c\":[1]}"};

    @FuzzTest(maxDuration = "60s")
    void sessionText(FuzzedDataProvider data) throws Exception {
        String text = data.consumeRemainingAsString();
        FuzzBudget.run(() -> roundTrip(text));
    }

    /** Sessions built from the format's fields and a pool of values, nested up to two levels. */
    @FuzzTest(maxDuration = "60s")
    void sessionFields(FuzzedDataProvider data) throws Exception {
        String text = object(data, 0);
        FuzzBudget.run(() -> roundTrip(text));
    }

    private static String object(FuzzedDataProvider data, int depth) {
        var sb = new StringBuilder("{");
        int n = data.consumeInt(0, depth == 0 ? 14 : 8);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append('"').append(data.pickValue(FIELDS)).append("\":");
            if (depth < 2 && data.consumeInt(0, 3) == 0) {
                sb.append(object(data, depth + 1));
            } else {
                sb.append(data.pickValue(VALUES));
            }
        }
        return sb.append('}').toString();
    }

    private static void roundTrip(String text) {
        SessionFile s;
        try {
            s = SessionFile.parse(text);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank() && !e.getMessage().contains("\n"),
                    e.getMessage());
            return;
        }
        SessionFile back = SessionFile.parse(s.toJson());
        assertEquals(s, back, "a parsed session survives writing and reading");
    }
}
