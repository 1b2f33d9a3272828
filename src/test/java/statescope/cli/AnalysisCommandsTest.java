package statescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code counterexample} and {@code lengths}: bad input is one line and exit 3 with nothing on standard
 * output; the backend notice is the one of {@code eval}, and the figures do not depend on the backend.
 */
@ExtendWith(NoCudaDriver.class)
class AnalysisCommandsTest {

    private static final String NONNEG = "assets/models/parity-nonneg.safetensors";
    private static final String SIGNED = "assets/models/parity-signed.safetensors";

    private static TrainEvalCommandTest.Run run(String... args) {
        return TrainEvalCommandTest.run(args);
    }

    private static void badInput(String expected, String... args) {
        var r = run(args);
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertEquals("", r.out(), "nothing written");
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("statescope: error: ") && r.err().contains(expected), r.err());
    }

    @Test
    void probeRefusesLayersAndTargetsTheModelHasNot() {
        badInput("--layers 5: parity-signed has layers 0..1 (0 = embedding)", "probe", "--model", SIGNED, "--layers", "5");
        badInput("--target counter: parity has no counters (its reference machine is a DFA); use --target state", "probe",
                "--model", SIGNED, "--target", "counter");
    }

    @Test
    void jsonAndCsvExcludeEachOtherAsAUsageError() {                   // docs/reliability.md: exit 2, with the usage
        for (String command : new String[] {"eval", "lengths"}) {
            var r = run(command, "--model", SIGNED, "--json", "--csv");
            assertEquals(ExitCodes.USAGE, r.code(), r.err());
            assertEquals("", r.out(), "nothing written");
            assertTrue(r.err().contains("--json and --csv exclude each other") && r.err().contains("Usage:"), r.err());
        }
    }

    @Test
    void badInputIsOneLineAndExit3(@TempDir Path dir) throws Exception {
        badInput("does not fit the language", "counterexample", "--model", NONNEG, "--regex", "(a|b|c)*");
        badInput("does not fit the language", "lengths", "--model", NONNEG, "--regex", "(ab|c)*");
        badInput("was trained on 'parity', not on 'tomita-2'", "lengths", "--model", NONNEG, "--language", "tomita-2");
        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, """
                {"alphabet": ["0", "1"], "states": ["q"], "start": "q", "accepting": [],
                 "transitions": [{"from": "q", "symbol": "0", "to": "q"}, {"from": "q", "symbol": "1", "to": "q"}]}
                """);
        badInput("is empty", "counterexample", "--model", NONNEG, "--dfa", empty.toString());
        badInput("--max-length must be at least 1", "counterexample", "--model", NONNEG, "--max-length", "0");
        badInput("--budget must be at least 1, got 0", "counterexample", "--model", NONNEG, "--budget", "0");
        badInput("--samples must be at least 0, got -1", "counterexample", "--model", NONNEG, "--samples", "-1");
        badInput("--sample-length must be at least 0, got -5", "counterexample", "--model", NONNEG, "--sample-length",
                "-5");
        badInput("--max must be at least 1", "lengths", "--model", NONNEG, "--max", "0");
        badInput("unknown language", "counterexample", "--model", NONNEG, "--language", "nosuch");
    }

    /**
     * A model is judged only where its outputs mean the targets: a class-output model against a regex (its two
     * outputs read as next-symbol bits gave false counterexamples), a regex-built model against a catalog
     * language scored on classes, symbols of another alphabet of the same size, another language's extraction.
     * A regex that is the trained language is scored as that language.
     */
    @Test
    void aModelIsJudgedOnlyWhereItsOutputsMeanTheTargets(@TempDir Path dir) throws Exception {
        String t7 = "assets/models/tomita-7.safetensors";
        badInput("outputs are [{1}, {0,1}] (trained on 'tomita-7'), but the regex (0|1)*1 is scored on [next 0, next 1]",
                "counterexample", "--model", t7, "--regex", "(0|1)*1", "--max-length", "4");
        badInput("reads the symbols [0, 1], but the regex a*b* is over [a, b]: the model does not fit the language",
                "lengths", "--model", t7, "--regex", "a*b*", "--max", "100");
        var same = run("counterexample", "--model", t7, "--regex", "0*1*0*1*", "--max-length", "6", "--samples", "0",
                "--backend", "cpu");
        assertEquals(0, same.code(), same.err());
        assertTrue(same.out().startsWith("tomita-7 on Tomita 7 ("), "the regex is Tomita 7, scored so: " + same.out());
        Path built = dir.resolve("r.safetensors");
        assertEquals(0, run("construct", "--regex", "0*1*0*1*", "--out", built.toString()).code());
        badInput("outputs are [next 0, next 1], but 'tomita-7' is scored on [{1}, {0,1}]",
                "counterexample", "--model", built.toString(), "--language", "tomita-7", "--max-length", "4");
        var own = run("counterexample", "--model", built.toString(), "--regex", "0*1*0*1*", "--max-length", "6",
                "--samples", "0", "--backend", "cpu");
        assertEquals(0, own.code(), own.err());
        badInput("was trained on 'parity', not on 'dyck-1' (it is checked on the language it was trained on: drop "
                + "--language or pass --language parity)", "extract", "--model", SIGNED, "--language", "dyck-1");
        badInput("was trained on 'parity', not on 'tomita-2' (--regex or --dfa check a model with next-symbol outputs "
                + "against another reference)", "counterexample", "--model", NONNEG, "--language", "tomita-2");
        badInput("was trained on 'parity', not on 'tomita-3'", "eval", "--model", SIGNED, "--language", "tomita-3",
                "--backend", "cpu");
        badInput("was trained on 'parity', not on 'dyck-1'", "probe", "--model", SIGNED, "--language", "dyck-1");
    }

    /**
     * probe refuses a language the model was not trained on, as eval, lengths, counterexample and extract do
     * (Tomita 3 is over the same symbols as parity: it ran before, probing for Tomita 3's states).
     */
    @Test
    void probeRefusesALanguageTheModelWasNotTrainedOn() {
        badInput("parity-signed was trained on 'parity', not on 'tomita-3' (it is checked on the language it was "
                + "trained on: drop --language or pass --language parity)", "probe", "--model", SIGNED, "--language",
                "tomita-3", "--rows", "10");
        badInput("was trained on 'parity', not on 'tomita-3'", "extract", "--model", SIGNED, "--language", "tomita-3");
    }

    /**
     * Every command's JSON names the language by its id (lengths and counterexample gave the display name
     * "Parity", eval, probe and extract the id "parity"); the display name is its own field where the text
     * shows it.
     */
    @Test
    void jsonNamesTheLanguageByItsIdInEveryCommand() throws Exception {
        String[][] commands = {
            {"eval", "--model", SIGNED, "--json", "--backend", "cpu", "--max-words", "20"},
            {"probe", "--model", SIGNED, "--json", "--rows", "10", "--fitter", "java"},
            {"extract", "--model", SIGNED, "--json", "--time", "2"},
            {"lengths", "--model", SIGNED, "--json", "--backend", "cpu", "--max", "8", "--strings", "5"},
            {"counterexample", "--model", SIGNED, "--json", "--backend", "cpu", "--max-length", "4", "--samples", "0"},
            {"counterexample", "--model", SIGNED, "--json", "--max-length", "4", "--bench", "--budget", "100"},
        };
        var mapper = new ObjectMapper();
        for (String[] c : commands) {
            var r = run(c);
            assertEquals(0, r.code(), String.join(" ", c) + ": " + r.err());
            var json = mapper.readTree(r.out());
            var o = json.isArray() ? json.get(0) : json;
            assertEquals("parity", o.get("language").asText(), String.join(" ", c));
            if (c[0].equals("lengths") || c[0].equals("counterexample")) {
                assertEquals("Parity", o.get("languageName").asText(), String.join(" ", c));
            }
        }
    }

    /** eval reads the model and checks its language before it chooses a backend: a mistake is the only line. */
    @Test
    void evalsMistakeIsTheOnlyLine() {
        var r = run("eval", "--model", SIGNED, "--language", "nope");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertEquals("statescope: error: unknown language 'nope'; run 'statescope languages' for the list",
                r.err().strip(), "no GPU notice before it");
    }

    /** A suite's sweeps as one CSV table: one header, a model column (they were a table per model under "# name"). */
    @Test
    void aSuitesSweepsAreOneCsvTable(@TempDir Path dir) throws Exception {
        for (String m : List.of("parity-nonneg", "parity-signed")) {
            for (String ext : List.of(".safetensors", ".json")) {
                Files.copy(Path.of("assets/models", m + ext), dir.resolve(m + ext));
            }
        }
        var r = run("lengths", "--suite", dir.toString(), "--max", "20", "--strings", "5", "--csv", "--backend", "cpu");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("model,length,window_max,strings,correct,accuracy,low,high,mean_length,source,first_fail_at",
                lines.getFirst());
        assertEquals(1, lines.stream().filter(l -> l.startsWith("model,")).count(), "one header");
        for (String l : lines.subList(1, lines.size())) {
            assertTrue(l.startsWith("parity-nonneg,") || l.startsWith("parity-signed,"), l);
            assertEquals(11, l.split(",").length, l);
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("parity-nonneg,"))
                && lines.stream().anyMatch(l -> l.startsWith("parity-signed,")), r.out());
    }

    @Test
    void theNonnegativeParityModelFailsFirstOnSixSymbols() throws Exception {
        var r = run("counterexample", "--model", NONNEG, "--max-length", "8", "--samples", "0", "--json", "--backend", "cpu");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        var json = new ObjectMapper().readTree(r.out());
        var c = json.get("counterexample");
        assertEquals("111111", c.get("string").asText(), "the shortest wrong string (all shorter ones are right)");
        assertEquals(6, c.get("position").asInt());
        assertEquals("exhaustive", c.get("phase").asText());
        assertTrue(c.get("stepAgrees").asBoolean());
        var check = run("counterexample", "--model", NONNEG, "--max-length", "8", "--samples", "0", "--check", "--backend", "cpu");
        assertEquals(ExitCodes.CHECK_FAILED, check.code());
        assertTrue(check.out().contains("counterexample: 111111  (length 6)"), check.out());
    }

    @Test
    void theBackendNoticeIsEvalsAndTheFiguresDoNotDependOnIt() {
        String[] sweep = {"lengths", "--model", SIGNED, "--max", "60", "--strings", "8", "--csv"};
        var cpu = run(concat(sweep, "--backend", "cpu"));
        assertEquals(0, cpu.code(), cpu.err());
        assertEquals("", cpu.err());
        assertTrue(cpu.out().startsWith("length,window_max,strings,correct,accuracy,low,high,mean_length,source,first_fail_at\n"),
                cpu.out());
        var gpu = run(concat(sweep, "--backend", "gpu"));
        assertEquals(0, gpu.code(), gpu.err());
        assertEquals(1, gpu.err().lines().count(), gpu.err());
        assertTrue(gpu.err().startsWith("statescope: warning: GPU requested but unavailable: "), gpu.err());
        assertEquals(cpu.out(), gpu.out());
        var auto = run(sweep);
        assertTrue(auto.err().startsWith("statescope: GPU unavailable: ") && !auto.err().contains("warning"), auto.err());
        assertEquals(cpu.out(), auto.out());

        String[] search = {"counterexample", "--model", SIGNED, "--max-length", "6", "--samples", "12", "--sample-length", "40",
            "--json"};
        var a = run(concat(search, "--backend", "cpu"));
        var b = run(concat(search, "--backend", "gpu"));
        assertEquals(0, a.code(), a.err());
        assertFalse(a.out().isEmpty());
        assertEquals(strip(a.out()), strip(b.out()), "the same search whichever backend was asked for");
        var bad = run(concat(search, "--backend", "tpu"));
        assertEquals(ExitCodes.BAD_INPUT, bad.code());
    }

    /** The JSON without its timings. */
    private static String strip(String json) {
        return json.replaceAll("\"(seconds|prefixesPerSecond)\" : [0-9.E-]+", "\"$1\" : 0");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
