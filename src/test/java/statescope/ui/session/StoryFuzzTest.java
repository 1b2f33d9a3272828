package statescope.ui.session;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import statescope.FuzzBudget;

/**
 * Fuzzes the story reader (issue 18's "story format when it exists"): any text is either a story with at
 * least one scene, each naming a known language or a regex, or an IllegalArgumentException of one line
 * that names where it went wrong; nothing else escapes, and each input stays within {@link FuzzBudget}.
 * Plain {@code ./mvnw verify} replays the seeds in {@code StoryFuzzTestInputs/}; {@code bench/fuzz.sh}
 * fuzzes it for real.
 */
class StoryFuzzTest {

    private static final List<String> LANGUAGES = List.of("parity", "flip-flop", "tomita-3", "d-12");
    private static final String[] FIELDS = {"title", "scenes", "language", "regex", "model", "compare", "input",
        "position", "tab", "caption", "extra"};
    private static final String[] VALUES = {"\"parity\"", "\"flip-flop\"", "\"parityy\"", "\"(ab)*\"", "\"a\\nb\"",
        "\"trajectory\"", "\"lengths\"", "\"gates\"", "\"tab-x\"", "0", "-1", "3", "2147483648", "1.5", "1e300",
        "null", "true", "[]", "{}", "\"\"", "\"\\u0000\""};

    @FuzzTest(maxDuration = "60s")
    void storyText(FuzzedDataProvider data) throws Exception {
        String text = data.consumeRemainingAsString();
        FuzzBudget.run(() -> check(text));
    }

    /** Stories built from the format's fields and a pool of values, scenes nested as the format nests them. */
    @FuzzTest(maxDuration = "60s")
    void storyFields(FuzzedDataProvider data) throws Exception {
        var sb = new StringBuilder("{");
        if (data.consumeBoolean()) {
            sb.append("\"title\":").append(data.pickValue(VALUES)).append(',');
        }
        sb.append("\"scenes\":[");
        int scenes = data.consumeInt(0, 4);
        for (int i = 0; i < scenes; i++) {
            sb.append(i == 0 ? "{" : ",{");
            int n = data.consumeInt(0, 9);
            for (int j = 0; j < n; j++) {
                sb.append(j == 0 ? "" : ",").append('"').append(data.pickValue(FIELDS)).append("\":")
                        .append(data.pickValue(VALUES));
            }
            sb.append('}');
        }
        String text = sb.append("]}").toString();
        FuzzBudget.run(() -> check(text));
    }

    private static void check(String text) {
        Story s;
        try {
            s = Story.parse(text, LANGUAGES);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            assertTrue(m != null && !m.isBlank(), "an empty message");
            assertFalse(m.contains("\n") || m.contains("\r"), "a message of more than one line: " + m);
            return;
        }
        assertFalse(s.scenes().isEmpty(), "a story without scenes was accepted");
        for (Story.Scene scene : s.scenes()) {
            assertTrue((scene.language() == null) != (scene.regex() == null), "a scene must name a language or a regex");
            assertTrue(scene.language() == null || LANGUAGES.contains(scene.language()), scene.language());
            assertTrue(scene.position() == null || scene.position() >= 0, "position " + scene.position());
        }
    }
}
