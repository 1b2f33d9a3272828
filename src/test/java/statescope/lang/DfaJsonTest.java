package statescope.lang;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import statescope.PropertyLoop;

class DfaJsonTest {

    private static final String PARITY = """
            {"format": "statescope-dfa", "version": 1, "alphabet": ["0", "1"], "states": ["even", "odd"],
             "start": "even", "accepting": ["even"],
             "transitions": [{"from": "even", "symbol": "0", "to": "even"}, {"from": "even", "symbol": "1", "to": "odd"},
                             {"from": "odd", "symbol": "0", "to": "odd"}, {"from": "odd", "symbol": "1", "to": "even"}]}
            """;

    private static void assertSame(Dfa expected, Dfa actual) {
        assertEquals(expected.alphabet(), actual.alphabet());
        assertEquals(expected.startState(), actual.startState());
        assertArrayEquals(expected.transitionTable(), actual.transitionTable());
        assertArrayEquals(expected.acceptingStates(), actual.acceptingStates());
        assertEquals(expected.labels(), actual.labels());
    }

    @Test
    void readsAHandWrittenFile() {
        Dfa d = DfaJson.read(PARITY);
        assertSame(Fixtures.parity(), d);
    }

    @Test
    void roundTripsThroughAFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("t3.json");
        DfaJson.write(Fixtures.tomita3(), f);
        assertSame(Fixtures.tomita3(), DfaJson.read(f));
        assertTrue(Files.readString(f).contains("{\"from\": \"q0\", \"symbol\": \"0\", \"to\": \"q0\"},\n"));
    }

    @Test
    void writerAndReaderRoundTrip() {
        PropertyLoop.forAll(Generators.dfas(6, 3)).trials(200).sizes(1, 6).describedBy(Generators::describe)
                .check(d -> assertSame(d, DfaJson.read(DfaJson.write(d))));
    }

    @Test
    void missingTransitionsGoToADeadStateOrAreAnErrorWhenStrict() {
        String partial = """
                {"alphabet": ["a", "b"], "states": ["p", "q"], "start": "p", "accepting": ["p"],
                 "transitions": [{"from": "p", "symbol": "a", "to": "q"}, {"from": "q", "symbol": "b", "to": "p"}]}
                """;
        Dfa d = DfaJson.read(partial);
        assertEquals(List.of("p", "q", "dead"), d.labels());
        assertTrue(Equivalence.equivalent(Fixtures.abStar(), d));
        var e = assertThrows(DfaFormatException.class, () -> DfaJson.read(partial, true));
        assertEquals("transitions: state 'p' has no transition on 'b' (2 missing in all)", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"alphabet\": [\"0\"], \"states\": [\"s\"], \"start\": \"s\", \"accepting\": [], \"transitions\": [], \"accept\": []}"
                + "| unknown field 'accept'",
        "{\"alphabet\": [\"0\", \"0\"], \"states\": [\"s\"], \"start\": \"s\", \"accepting\": [], \"transitions\": []}"
                + "| alphabet[1]: duplicate symbol '0'",
        "{\"alphabet\": [\"0\"], \"states\": [\"s\", \"s\"], \"start\": \"s\", \"accepting\": [], \"transitions\": []}"
                + "| states[1]: duplicate state 's'",
        "{\"alphabet\": [\"0\"], \"states\": [\"s\"], \"start\": \"t\", \"accepting\": [], \"transitions\": []}"
                + "| start: unknown state 't'",
        "{\"alphabet\": [\"0\"], \"states\": [\"s\"], \"start\": \"s\", \"accepting\": [\"x\"], \"transitions\": []}"
                + "| accepting[0]: unknown state 'x'",
        "{\"alphabet\": [\"0\"], \"states\": [\"s\"], \"start\": \"s\", \"accepting\": [], \"transitions\": [{\"from\": \"s\", \"symbol\": \"1\", \"to\": \"s\"}]}"
                + "| transitions[0].symbol: unknown symbol '1'; the alphabet is {0}",
        "{\"alphabet\": [\"0\", \"1\"], \"states\": [\"s\"], \"start\": \"s\", \"accepting\": [], \"transitions\": [{\"from\": \"s\", \"symbol\": \"0\", \"to\": \"s\"}, {\"from\": \"s\", \"symbol\": \"0\", \"to\": \"s\"}]}"
                + "| transitions[1]: state 's' already has a transition on '0' (transitions[0])",
        "{\"alphabet\": [\"0\"], \"states\": [\"s\"], \"start\": \"s\", \"accepting\": [], \"transitions\": [{\"from\": \"s\", \"symbol\": \"0\"}]}"
                + "| transitions[0].to: missing",
        "{\"alphabet\": [\"0\"], \"states\": [\"s\"], \"start\": \"s\", \"accepting\": []}"
                + "| transitions: missing",
        "{\"alphabet\": [], \"states\": [\"s\"], \"start\": \"s\", \"accepting\": [], \"transitions\": []}"
                + "| alphabet: expected at least one symbol",
        "{\"alphabet\": [\"a b\"], \"states\": [\"s\"], \"start\": \"s\", \"accepting\": [], \"transitions\": []}"
                + "| alphabet[0]: a symbol must be non-empty without white space",
        "{\"version\": 2, \"alphabet\": [\"0\"], \"states\": [\"s\"], \"start\": \"s\", \"accepting\": [], \"transitions\": []}"
                + "| version: expected 1",
        "{\"alphabet\": [\"0\"], \"alphabet\": [\"1\"]}| not valid JSON",
        "[1, 2]| the DFA JSON must be an object",
        "{\"alphabet\": [\"0\"], \"states\": \"s\"| not valid JSON",
        "{\"alphabet\": [0], \"states\": [\"s\"], \"start\": \"s\", \"accepting\": [], \"transitions\": []}"
                + "| alphabet[0]: expected a string",
    })
    void errorsNameTheField(String json, String message) {
        var e = assertThrows(DfaFormatException.class, () -> DfaJson.read(json));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void sizeCapsAreChecked() {
        var sb = new StringBuilder("{\"alphabet\": [\"0\"], \"states\": [");
        for (int i = 0; i <= DfaJson.MAX_STATES; i++) {
            sb.append(i == 0 ? "" : ",").append("\"s").append(i).append('"');
        }
        sb.append("], \"start\": \"s0\", \"accepting\": [], \"transitions\": []}");
        var e = assertThrows(DfaFormatException.class, () -> DfaJson.read(sb.toString()));
        assertTrue(e.getMessage().startsWith("states: 100001 entries exceed the limit of 100000"), e.getMessage());
    }

    @Test
    void duplicateLabelsAreMadeUniqueOnWriting() {
        Dfa d = new Dfa(Fixtures.A, 0, new int[] {1, 0}, new boolean[] {true, false}, List.of("x", "x"));
        Dfa back = DfaJson.read(DfaJson.write(d));
        assertEquals(List.of("x", "x#2"), back.labels());
        assertTrue(Equivalence.equivalent(d, back));
    }
}
