package statescope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import statescope.lang.DfaJson;
import statescope.lang.Regexes;

class ConstructCommandTest {

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = StateScopeCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    private static void oneClearLine(Result r, String expected) {
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line, no stack trace: " + r.err());
        assertTrue(r.err().contains(expected), r.err());
    }

    @Test
    void compilesARegexPrintsTheDecompositionAndTheCheckPasses(@TempDir Path dir) {
        Path out = dir.resolve("t7");
        Result r = run("construct", "--regex", "0*1*0*1*", "--out", out.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("minimal DFA    5 states"), r.out());
        assertTrue(r.out().contains("cascade        "), r.out());
        assertTrue(r.out().contains("height 1: components"), r.out());
        assertTrue(Files.isRegularFile(dir.resolve("t7.safetensors")) && Files.isRegularFile(dir.resolve("t7.dfa.json")));
        Result c = run("construct", "check", dir.resolve("t7.safetensors").toString(), "--lengths", "50",
                "--samples", "5", "--exhaustive", "6");
        assertEquals(ExitCodes.OK, c.code(), c.out() + c.err());
        assertTrue(c.out().contains("✓ all 2^6"), c.out());
    }

    @Test
    void writesAHandConstructionWithItsChannels(@TempDir Path dir) {
        Result r = run("construct", "--language", "ab-d-bc", "--out", dir.resolve("m.safetensors").toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("seen d"), r.out());
        Result c = run("construct", "check", dir.resolve("m.safetensors").toString(), "--lengths", "40", "--samples", "3",
                "--exhaustive", "4", "--markdown");
        assertEquals(ExitCodes.OK, c.code(), c.err());
        assertTrue(c.out().startsWith("| model |"), c.out());
    }

    @Test
    void badInputIsOneLineAndExitThree(@TempDir Path dir) throws Exception {
        String out = dir.resolve("x").toString();
        oneClearLine(run("construct", "--regex", "(aa)*", "--out", out), "is not star-free: w = a");
        oneClearLine(run("construct", "--regex", "(ab|b)*a{12}", "--out", out), "more than the cap of 12");
        oneClearLine(run("construct", "--language", "parity", "--out", out), "--gates signed");
        oneClearLine(run("construct", "--language", "tomita-3", "--out", out), "Z_2");
        Path nfa = dir.resolve("n.jff");
        Files.writeString(nfa, "<structure><type>fa</type><automaton><state id=\"0\"><initial/><final/></state>"
                + "<state id=\"1\"/><transition><from>0</from><to>1</to><read></read></transition>"
                + "<transition><from>1</from><to>0</to><read>a</read></transition>"
                + "</automaton></structure>");
        oneClearLine(run("construct", "--dfa", nfa.toString(), "--out", out), "is an NFA (state");
        Path big = dir.resolve("big.json");                            // a^13: 15 states with the dead one
        DfaJson.write(Regexes.compile("a{13}"), big);
        oneClearLine(run("construct", "--dfa", big.toString(), "--out", out), "more than the cap of 12");
        oneClearLine(run("construct", "--language", "parity", "--gates", "both", "--out", out), "--gates");
        Result missing = run("construct", "check", dir.resolve("missing.safetensors").toString());
        assertEquals(ExitCodes.IO, missing.code(), missing.err());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
    }

    @Test
    void anbnReportsWhereFloat32StopsBeingExact(@TempDir Path dir) {
        Result r = run("construct", "--language", "anbn", "--out", dir.resolve("anbn").toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("stays below 8,388,610 (2^23 + 2)"), r.out());
    }

    @Test
    void onlyPicksRowsOfTheRandomTable() {
        Result r = run("construct", "check", "--random", "3", "--seed", "1", "--only", "2", "--lengths", "30",
                "--samples", "2", "--exhaustive", "3", "--markdown");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertEquals(3, r.out().strip().lines().count(), "header, separator and one row: " + r.out());
        assertTrue(r.err().contains("tokens/s"), "the time per row goes to stderr: " + r.err());
        oneClearLine(run("construct", "check", "--random", "3", "--only", "4"), "--only 4: neither");
        oneClearLine(run("construct", "check", "--catalog", "--only", "no-such-language"), "--only no-such-language");
    }

    @Test
    void checkingATrainedModelIsRefused() {
        Result r = run("construct", "check", "assets/models/d-12.safetensors", "--lengths", "10");
        oneClearLine(r, "is a trained model, not a constructed one");
    }

    @Test
    void anExistingModelOrAForeignFileBesideItIsKeptWithoutForce(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("t7.safetensors");
        assertEquals(ExitCodes.OK, run("construct", "--regex", "0*1*0*1*", "--out", model.toString()).code());
        byte[] weights = Files.readAllBytes(model);
        oneClearLine(run("construct", "--regex", "(ab)*", "-a", "ab", "--out", model.toString()),
                model + " exists; pass --force to replace it, or give another --out; nothing was written");
        assertArrayEquals(weights, Files.readAllBytes(model));

        // a hand construction forced over a compiled one leaves no DFA reference of the old one beside it
        Result forced = run("construct", "--language", "ab-d-bc", "--out", model.toString(), "--force");
        assertEquals(ExitCodes.OK, forced.code(), forced.err());
        assertTrue(!Files.exists(dir.resolve("t7.dfa.json")), "the old model's DFA is gone");

        Files.writeString(dir.resolve("k2.json"), "important");
        Files.writeString(dir.resolve("k3.dfa.json"), "mine");
        oneClearLine(run("construct", "--regex", "ab", "--out", dir.resolve("k2.safetensors").toString()),
                dir.resolve("k2.json") + " is not a StateScope manifest (");
        oneClearLine(run("construct", "--regex", "ab", "--out", dir.resolve("k3").toString()),
                dir.resolve("k3.dfa.json") + " is not a StateScope DFA file (");
        assertEquals("important", Files.readString(dir.resolve("k2.json")));
        assertEquals("mine", Files.readString(dir.resolve("k3.dfa.json")));
        assertTrue(!Files.exists(dir.resolve("k2.safetensors")) && !Files.exists(dir.resolve("k3.safetensors")));
        assertEquals(ExitCodes.OK, run("construct", "--regex", "ab", "--out", dir.resolve("k3").toString(), "--force")
                .code());
        assertEquals(2, DfaJson.read(dir.resolve("k3.dfa.json")).alphabet().size());
    }

    @Test
    void aMissingFolderIsNotCreated(@TempDir Path dir) {
        Path missing = dir.resolve("missing");
        Result r = run("construct", "--regex", "ab", "--out", missing.resolve("x.safetensors").toString());
        assertEquals(ExitCodes.IO, r.code(), r.err());
        assertEquals("statescope: I/O error: " + missing + ": no such directory", r.err().strip());
        assertTrue(!Files.exists(missing), "no folder was created");
        Result shipped = run("construct", "--shipped", "--out", missing.resolve("deeper").toString());
        assertEquals(ExitCodes.IO, shipped.code(), shipped.err());
        assertTrue(!Files.exists(missing), "no folder was created");
    }
}
