package statescope.lang;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz tests of the three parsers: nothing but the documented exceptions may escape, and whatever
 * parses must survive a round trip. Under plain {@code ./mvnw verify} they replay the inputs in
 * src/test/resources/statescope/lang/ParserFuzzTestInputs (with Jazzer's hooks off, see
 * junit-platform.properties). To fuzz one target for real (60 s):
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -o test -Dtest='ParserFuzzTest#regex' -Djazzer.hooks=true
 * </pre>
 * A finding is written into the Inputs folder of its method and is replayed from then on.
 */
class ParserFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void regex(FuzzedDataProvider data) {
        boolean withAlphabet = data.consumeBoolean();
        String regex = data.consumeRemainingAsString();
        Dfa dfa;
        try {
            dfa = withAlphabet ? Regexes.compile(regex, Alphabet.ofChars("ab()")) : Regexes.compile(regex);
        } catch (RegexSyntaxException | LimitExceededException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
            return;
        } catch (IllegalArgumentException e) {
            assertEquals(IllegalArgumentException.class, e.getClass(), e.toString());
            assertTrue(e.getMessage().contains("names no symbol"), e.getMessage());
            return;
        }
        assertTrue(Minimizer.isMinimal(dfa));
        String printed = Regexes.toText(RegexParser.parse(regex));
        assertTrue(Equivalence.equivalent(dfa, Regexes.compile(printed, dfa.alphabet())), regex + " vs " + printed);
    }

    @FuzzTest(maxDuration = "60s")
    void dfaJson(FuzzedDataProvider data) {
        boolean strict = data.consumeBoolean();
        String json = data.consumeRemainingAsString();
        Dfa dfa;
        try {
            dfa = DfaJson.read(json, strict);
        } catch (DfaFormatException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
            return;
        }
        Dfa back = DfaJson.read(DfaJson.write(dfa), true);
        assertArrayEquals(dfa.transitionTable(), back.transitionTable());
        assertEquals(dfa.labels(), back.labels());
    }

    @FuzzTest(maxDuration = "60s")
    void jflap(FuzzedDataProvider data) {
        String xml = data.consumeRemainingAsString();
        Nfa nfa;
        Dfa dfa;
        try {
            nfa = Jflap.readNfa(xml, null);
            dfa = nfa.toDfa();
        } catch (DfaFormatException | LimitExceededException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
            return;
        }
        for (Word w : Fixtures.words(dfa.alphabet(), 3)) {
            assertEquals(nfa.accepts(w), dfa.accepts(w), w.toString());
        }
    }

    private static final String[] POOL = {"q0", "q1", "q2", "dead", "0", "1", "a", "", " ", "x y", "q0"};
    private static final String[] FIELDS = {"format", "version", "alphabet", "states", "start", "accepting",
        "transitions", "bogus"};

    /**
     * Structured JSON: the fields of the format with values drawn from a small pool, so that the
     * fuzzer reaches the validation behind the JSON parser (which is not instrumented).
     */
    @FuzzTest(maxDuration = "60s")
    void dfaJsonFields(FuzzedDataProvider data) {
        var sb = new StringBuilder("{");
        int fields = data.consumeInt(0, 9);
        for (int i = 0; i < fields; i++) {
            String name = data.pickValue(FIELDS);
            sb.append(i == 0 ? "" : ",").append('"').append(name).append("\":");
            switch (data.consumeInt(0, 5)) {
                case 0 -> sb.append(quote(data.pickValue(POOL)));
                case 1 -> sb.append(data.consumeInt(-1, 3));
                case 2 -> sb.append(array(data));
                case 3 -> {
                    sb.append('[');
                    int n = data.consumeInt(0, 8);
                    for (int t = 0; t < n; t++) {
                        sb.append(t == 0 ? "{" : ",{");
                        int parts = data.consumeInt(0, 4);
                        for (int p = 0; p < parts; p++) {
                            String key = data.pickValue(new String[] {"from", "symbol", "to", "via"});
                            sb.append(p == 0 ? "" : ",").append('"').append(key).append("\":")
                                    .append(data.consumeBoolean() ? quote(data.pickValue(POOL)) : "7");
                        }
                        sb.append('}');
                    }
                    sb.append(']');
                }
                case 4 -> sb.append("null");
                default -> sb.append(quote("statescope-dfa"));
            }
        }
        sb.append('}');
        String json = sb.toString();
        try {
            Dfa dfa = DfaJson.read(json, data.consumeBoolean());
            assertArrayEquals(dfa.transitionTable(), DfaJson.read(DfaJson.write(dfa), true).transitionTable());
        } catch (DfaFormatException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
        }
    }

    private static String array(FuzzedDataProvider data) {
        var sb = new StringBuilder("[");
        int n = data.consumeInt(0, 4);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append(quote(data.pickValue(POOL)));
        }
        return sb.append(']').toString();
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }

    /** Structured .jff: states and transitions with ids, flags and reads drawn from small pools. */
    @FuzzTest(maxDuration = "60s")
    void jflapElements(FuzzedDataProvider data) {
        var sb = new StringBuilder("<structure><type>").append(data.consumeBoolean() ? "fa" : "pda").append("</type>");
        boolean wrapped = data.consumeBoolean();
        sb.append(wrapped ? "<automaton>" : "");
        int states = data.consumeInt(0, 5);
        for (int i = 0; i < states; i++) {
            sb.append("<state id=\"").append(data.consumeInt(0, 5)).append('"');
            if (data.consumeBoolean()) {
                sb.append(" name=\"").append(data.pickValue(POOL)).append('"');
            }
            sb.append('>');
            sb.append(data.consumeInt(0, 3) == 0 ? "<initial/>" : "").append(data.consumeBoolean() ? "<final/>" : "");
            sb.append("</state>");
        }
        int transitions = data.consumeInt(0, 8);
        for (int i = 0; i < transitions; i++) {
            sb.append("<transition>");
            if (data.consumeInt(0, 9) > 0) {
                sb.append("<from>").append(data.consumeInt(0, 5)).append("</from>");
            }
            if (data.consumeInt(0, 9) > 0) {
                sb.append("<to>").append(data.consumeInt(0, 5)).append("</to>");
            }
            if (data.consumeInt(0, 9) > 0) {
                sb.append("<read>").append(data.pickValue(new String[] {"", "a", "b", "ab", "ba", "a b", "\u00e9"}))
                        .append("</read>");
            }
            sb.append("</transition>");
        }
        sb.append(wrapped ? "</automaton>" : "").append("</structure>");
        try {
            Nfa nfa = Jflap.readNfa(sb.toString(), null);
            Dfa dfa = nfa.toDfa();
            for (Word w : Fixtures.words(dfa.alphabet(), 3)) {
                assertEquals(nfa.accepts(w), dfa.accepts(w), w.toString());
            }
        } catch (DfaFormatException | LimitExceededException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
        }
    }
}
