package statescope.lang;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz tests of the three parsers: nothing but the documented exceptions may escape, and whatever
 * parses must survive a round trip. Under plain {@code ./mvnw verify} they replay the inputs in
 * src/test/resources/statescope/lang/ParserFuzzTestInputs; {@code JAZZER_FUZZ=1} fuzzes for real.
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
            assertTrue(e.getMessage().contains("alphabet cannot be inferred"), e.getMessage());
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
}
