package statescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import statescope.lang.DfaJson;
import statescope.lang.Regexes;

class StarFreeCommandTest {

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = StateScopeCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void parityIsNotStarFreeAndTheWitnessIsPrinted() {
        Result r = run("starfree", "(0|10*1)*");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("minimal DFA   2 states"), r.out());
        assertTrue(r.out().contains("monoid        2 elements"), r.out());
        assertTrue(r.out().contains("star-free     no"), r.out());
        assertTrue(r.out().contains("witness       w = 1, w^k ≠ w^(k+1) for every k; w^1 = w^3"), r.out());
    }

    @Test
    void jsonOutputForAStarFreeLanguage() throws Exception {
        Result r = run("starfree", "0*1*0*1*", "--alphabet", "01", "--json");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertTrue(j.get("starFree").asBoolean());
        assertEquals(5, j.get("minimalStates").asInt());
        assertEquals(9, j.get("monoidSize").asInt());
        assertTrue(j.get("deadState").asBoolean());
        assertTrue(j.get("witness") == null);
    }

    @Test
    void jsonWitness() throws Exception {
        Result r = run("starfree", "(abab)*", "--json");
        JsonNode w = new ObjectMapper().readTree(r.out()).get("witness");
        assertEquals("ab", w.get("word").asText());
        assertEquals(1, w.get("k").asInt());
        assertEquals(2, w.get("period").asInt());
    }

    @Test
    void analysesAJsonOrJflapFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("t5.json");
        Files.writeString(f, DfaJson.write(Regexes.compile("(00|11|(01|10)(00|11)*(01|10))*")));
        Result r = run("starfree", "--file", f.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("w = 0, w^k ≠ w^(k+1) for every k; w^1 = w^3"), r.out());
        Path jff = dir.resolve("a.jff");
        Files.writeString(jff, "<structure><type>fa</type><automaton><state id='0'><initial/><final/></state>"
                + "<transition><from>0</from><to>0</to><read>a</read></transition></automaton></structure>");
        Result r2 = run("starfree", "-f", jff.toString());
        assertTrue(r2.out().contains("star-free     yes"), r2.out());
    }

    @Test
    void badRegexIsBadInputWithTheCaret() {
        Result r = run("starfree", "(ab|c");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("at position 6: expected ')' to close the group opened at position 1"), r.err());
        assertTrue(r.err().contains("       ^"), r.err());
    }

    @Test
    void symbolOutsideTheAlphabetIsBadInput() {
        Result r = run("starfree", "012", "--alphabet", "01");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("symbol '2' is not in the alphabet {0, 1}"), r.err());
    }

    @Test
    void limitsAreBadInputWithAClearMessage() {
        Result r = run("starfree", "(abab)*", "--max-monoid", "3");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("more than 3 elements"), r.err());
    }

    @Test
    void missingFileIsAnIoError() {
        Result r = run("starfree", "--file", "/nonexistent/x.json");
        assertEquals(ExitCodes.IO, r.code());
        assertTrue(r.err().contains("no such file"), r.err());
    }

    @Test
    void neitherRegexNorFileIsAUsageError() {
        assertEquals(ExitCodes.USAGE, run("starfree").code());
        assertEquals(ExitCodes.USAGE, run("starfree", "a", "--file", "x.json").code());
    }
}
