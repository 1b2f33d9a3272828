package statescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import statescope.lang.Equivalence;
import statescope.lang.catalog.Catalog;

/** The catalog commands: languages, language show, sample, dfa export. */
class CatalogCommandsTest {

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = StateScopeCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void languagesTable() {
        var r = run("languages");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("tomita-3") && l.contains(" no ")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("tomita-4") && l.contains(" yes ")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("dyck-1") && l.contains("n/a")), r.out());
        assertTrue(r.out().contains("32 languages"), r.out());
    }

    @Test
    void languagesJsonAndFamilyFilter() throws Exception {
        var r = run("languages", "--json");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        JsonNode j = json(r.out());
        assertEquals(32, j.get("count").asInt());
        JsonNode first = j.get("languages").get(0);
        assertEquals("tomita-1", first.get("id").asText());
        assertTrue(first.get("starFree").asBoolean());
        assertEquals(2, first.get("dfaStates").asInt());
        var c = json(run("languages", "--family", "counter", "--json").out());
        assertEquals(9, c.get("count").asInt());
        var bad = run("languages", "--family", "cyclic");
        assertEquals(ExitCodes.BAD_INPUT, bad.code());
        assertTrue(bad.err().contains("unknown family 'cyclic'"), bad.err());
    }

    @Test
    void languageShowGivesVerdictAndWitness() throws Exception {
        var r = run("language", "show", "Tomita 3");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("monoid        26 elements"), r.out());
        assertTrue(r.out().contains("witness       w = 0"), r.out());
        assertTrue(r.out().contains("bin2        101-150"), r.out());
        JsonNode j = json(run("language", "show", "parity", "--json").out());
        assertEquals("parity", j.get("id").asText());
        assertFalse(j.get("verdict").get("starFree").asBoolean());
        assertEquals("1", j.get("verdict").get("witness").get("word").asText());
        assertEquals(2, j.get("verdict").get("witness").get("period").asInt());
        assertEquals("MEMBERSHIP", j.get("targets").get("kind").asText());
        assertEquals(3, j.get("splits").size());
        var ff = json(run("language", "show", "flip-flop", "--json").out());
        assertEquals("[\"0\",\"1\",\"-\",\"r\",\"i\",\"w\"]", ff.get("inputVocabulary").toString());
        var bd = run("language", "show", "bounded-dyck-8-10");
        assertEquals(ExitCodes.OK, bd.code(), bd.err());
        assertTrue(bd.out().contains("not built"), bd.out());
    }

    @Test
    void unknownNamesSuggestCloseOnes() {
        for (String[] args : new String[][] {{"language", "show", "tomita-8"}, {"sample", "tomita-8"},
            {"dfa", "export", "tomita-8"}}) {
            var r = run(args);
            assertEquals(ExitCodes.BAD_INPUT, r.code());
            assertTrue(r.err().contains("unknown language 'tomita-8'; did you mean tomita-"), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }

    @Test
    void sampleIsSeededAndStaysInTheBin() throws Exception {
        var r = run("sample", "tomita-3", "--bin", "2", "-n", "10", "--seed", "1");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        var words = r.out().lines().filter(l -> !l.startsWith("#")).toList();
        assertEquals(10, words.size());
        var t3 = Catalog.standard().get("tomita-3");
        for (String w : words) {
            assertTrue(w.length() >= 101 && w.length() <= 150, w);
            assertTrue(t3.contains(t3.parse(w)), w);
        }
        assertEquals(r.out(), run("sample", "tomita-3", "--bin", "2", "-n", "10", "--seed", "1").out());
        assertFalse(r.out().equals(run("sample", "tomita-3", "--bin", "2", "-n", "10", "--seed", "2").out()));
        var split = run("sample", "tomita-3", "--split", "bin2", "-n", "10", "--seed", "1");
        assertEquals(r.out(), split.out());
    }

    @Test
    void sampleWithTargetsAndJson() throws Exception {
        var r = run("sample", "dyck-1", "--split", "train", "-n", "2", "--targets");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertEquals(2, r.out().lines().filter(l -> l.startsWith("  targets:")).count(), r.out());
        JsonNode j = json(run("sample", "flip-flop", "--split", "val-sparse", "-n", "1", "--targets", "--json").out());
        JsonNode w = j.get("words").get(0);
        assertEquals(512, w.get("length").asInt());
        assertEquals(512, w.get("targetClasses").size());
        assertTrue(w.get("input").asText().contains("r-"));
        assertEquals("val-sparse", j.get("split").asText());
        var few = json(run("sample", "tomita-1", "--bin", "2", "-n", "100", "--json").out());
        assertEquals(45, few.get("count").asInt(), "only 45 words of length 106-150");
    }

    @Test
    void sampleRejectsBadArguments() {
        assertEquals(ExitCodes.BAD_INPUT, run("sample", "parity", "--bin", "3").code());
        assertEquals(ExitCodes.BAD_INPUT, run("sample", "parity", "--split", "nope").code());
        assertEquals(ExitCodes.USAGE, run("sample", "parity", "--bin", "1", "--split", "train").code());
        for (String[] args : new String[][] {{"-n", "-1"}, {"--bin", "x"}, {"--sampler", "foo"}}) {
            var r = run("sample", "parity", args[0], args[1]);          // values: bad input in one line
            assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("statescope: error: ") && r.out().isEmpty(), r.err());
        }
    }

    @Test
    void dfaExportDotAndJson(@TempDir Path dir) throws Exception {
        var dot = run("dfa", "export", "tomita-2", "--format", "dot");
        assertEquals(ExitCodes.OK, dot.code(), dot.err());
        assertTrue(dot.out().startsWith("digraph"), dot.out());
        assertTrue(dot.out().contains("label=\"dead\""), dot.out());
        assertFalse(run("dfa", "export", "tomita-2", "--hide-dead").out().contains("label=\"dead\""));
        Path file = dir.resolve("d4.json");
        var r = run("dfa", "export", "d-4", "--format", "json", "-o", file.toString(), "--json");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertEquals(6, json(r.out()).get("states").asInt());
        var read = DfaJson.read(file);
        var d4 = Catalog.standard().get("d-4").dfa().orElseThrow();
        assertTrue(Equivalence.equivalent(read, d4));
        assertEquals(d4.labels(), read.labels());
    }

    @Test
    void dfaExportErrors(@TempDir Path dir) {
        var counter = run("dfa", "export", "dyck-1");
        assertEquals(ExitCodes.BAD_INPUT, counter.code());
        assertTrue(counter.err().contains("not regular"), counter.err());
        assertEquals(ExitCodes.BAD_INPUT, run("dfa", "export", "bounded-dyck-8-10").code());
        assertEquals(ExitCodes.BAD_INPUT, run("dfa", "export", "parity", "--format", "png").code());
        var io = run("dfa", "export", "parity", "-o", dir.resolve("missing/dir/p.dot").toString());
        assertEquals(ExitCodes.IO, io.code(), io.err());
        assertFalse(Files.exists(dir.resolve("missing")));
    }
}
