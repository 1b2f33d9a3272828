package statescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import statescope.ssm.Checkpoint;
import statescope.ssm.Manifest;
import statescope.ssm.SsmConfig;
import statescope.ssm.SsmWeights;

/** Reproductions of issue 18 (exit codes): one rule per kind of failure, in every command. */
class ExitCodeRulesTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = StateScopeCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** A model with a vocabulary a, b; {@code dState} sets how much a trace holds per token. */
    static Path model(Path dir, int dModel, int dState) throws Exception {
        var cfg = SsmConfig.defaults(dModel, 1, 2, 2).withState(dState);
        Path w = dir.resolve("m.safetensors");
        new Checkpoint(SsmWeights.init(cfg, 1), new Manifest(1, cfg, List.of("a", "b"), List.of("no", "yes"), null, 0, 0,
                Map.of(), null)).save(w);
        return w;
    }

    @Test
    void outputThatCannotBeWrittenIsAnIoError() {
        var failing = new PrintWriter(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        }, true);
        var err = new StringWriter();
        int code = StateScopeCommand.run(failing, new PrintWriter(err, true), "languages");
        assertEquals(ExitCodes.IO, code, err.toString());
        assertTrue(err.toString().contains("the output could not be written"), err.toString());
    }

    @Test
    void aValueOutOfRangeIsBadInputInOneLine(@TempDir Path dir) throws Exception {
        String m = model(dir, 4, 2).toString();
        for (String[] args : new String[][] {{"eval", "--threads", "0", "--model", m},
            {"eval", "--sampler", "foo", "--model", m}, {"eval", "--threads", "many", "--model", m},
            {"sample", "tomita-3", "-n", "-1"}, {"starfree", "a*", "--max-states", "0"},
            {"counterexample", "--threads", "0", "--model", m}, {"construct", "--regex", "a*", "--gates", "sideways",
                "--out", dir.resolve("c.safetensors").toString()}}) {
            Run r = run(args);
            assertEquals(ExitCodes.BAD_INPUT, r.code(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("statescope: error: ") && r.out().isEmpty(), r.err());
        }
        Run r = run("eval", "--thread", "1", "--model", m);                   // an unknown option stays a usage error
        assertEquals(ExitCodes.USAGE, r.code(), r.err());
        assertTrue(r.err().contains("Unknown option"), r.err());
    }

    @Test
    void aMalformedCheckpointIsBadInputInEveryCommand(@TempDir Path dir) throws Exception {
        Path w = model(dir, 4, 2);
        byte[] all = Files.readAllBytes(w);
        Files.write(w, Arrays.copyOf(all, all.length - 10));
        for (String[] args : new String[][] {{"trace", "--model", w.toString(), "--input", "ab"},
            {"eval", "--model", w.toString()}}) {
            Run r = run(args);
            assertEquals(ExitCodes.BAD_INPUT, r.code(), args[0] + ": " + r.err());
            assertTrue(r.err().contains("truncated"), r.err());
        }
    }

    @Test
    void aDirectoryOrDeviceIsNamedNotMissing(@TempDir Path dir) {
        Run r = run("trace", "--model", dir.toString(), "--input", "ab");   // a folder is read as a Hugging Face model
        assertEquals(ExitCodes.IO, r.code(), r.err());                     // an empty one: a directory, no model
        assertTrue(r.err().contains("is a directory") && r.err().contains("no model.safetensors"), r.err());
        r = run("trace", "--model", "/dev/zero", "--input", "ab");
        if (Files.exists(Path.of("/dev/zero"))) {
            assertEquals(ExitCodes.IO, r.code(), r.err());
            assertTrue(r.err().contains("not a regular file but a character device"), r.err());
        }
        r = run("starfree", "--file", dir.resolve("..").resolve(dir.getFileName()).toString());
        assertEquals(ExitCodes.IO, r.code(), r.err());
        assertTrue(r.err().contains("is a directory"), r.err());
        Path empty = dir.resolve("out.dot");
        assertTrue(empty.toFile().mkdir());
        r = run("dfa", "export", "tomita-3", "-o", empty.toString());
        assertEquals(ExitCodes.IO, r.code(), r.err());
        assertTrue(r.err().contains("is a directory") && Files.isDirectory(empty), r.err());
    }

    @Test
    void enumValuesAreCaseInsensitive(@TempDir Path dir) throws Exception {
        Path w = model(dir, 4, 2);
        for (String norm : new String[] {"rms", "RMS", "Rms"}) {
            Run r = run("trace", "--model", w.toString(), "--input", "ab", "--norm", norm);
            assertEquals(ExitCodes.OK, r.code(), norm + ": " + r.err());
        }
    }

    @Test
    void aTraceTooLargeToHoldIsRefusedNamingTheCap(@TempDir Path dir) throws Exception {
        Path w = model(dir, 32, 64);                                   // ED·N + 2·ED + O = 4,226 values a token
        Run r = run("trace", "--model", w.toString(), "--input", "ab".repeat(7000));
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("the trace of 14000 tokens would hold 59164000 values, more than the limit of "
                + "50000000; give at most 11831 tokens for this model"), r.err());
    }

    @Test
    void aTrainingTooLargeForTheHeapIsRefusedBeforeAllocating(@TempDir Path dir) {
        Run r = run("train", "--language", "parity", "--batch", "2000000000", "--out", dir.resolve("x").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("this configuration needs at least") && r.err().contains("lower --batch"), r.err());
        assertFalse(Files.exists(dir.resolve("x.safetensors")));
    }

    @Test
    void outOfMemoryIsOneLineWithoutDebug() {
        var err = new StringWriter();
        int code = StateScopeCommand.report(new OutOfMemoryError("Java heap space"), new PrintWriter(err, true), false);
        assertEquals(ExitCodes.INTERNAL, code);
        assertEquals(List.of("statescope: out of memory (Java heap space); give Java more memory (java -Xmx…) or use "
                + "smaller sizes", "Run again with --debug for the stack trace."), err.toString().lines().toList());
    }

    @Test
    void constructWritesOnlySafetensorsAndStarfreeHasAVersion(@TempDir Path dir) {
        Run r = run("construct", "--regex", "(ab)*", "--out", dir.resolve("x.txt").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());           // it wrote x.txt.safetensors
        assertTrue(r.err().contains("--out must end in .safetensors") && r.out().isEmpty(), r.err());
        assertFalse(Files.exists(dir.resolve("x.txt.safetensors")));
        r = run("starfree", "-V");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertEquals(StateScopeCommand.VERSION, r.out().strip());
        assertTrue(run("sample", "--help").out().contains("mixed (each word"));
    }

    @Test
    void conflictingOrMissingOptionsAreUsageErrors() {
        String t3 = "assets/models/tomita-3.safetensors";
        String[][] cases = {
            {"--dot prints one machine: give --model, not --suite", "extract", "--suite", "assets/models", "--dot"},
            {"--dot and --json exclude each other", "extract", "--model", t3, "--dot", "--json"},
            {"--outputs needs --vocab", "trace", "--model", t3, "--input", "01", "--outputs", "reject=7"},
            {"--save-vocab needs --vocab", "eval", "--model", t3, "--save-vocab"},
            {"give constructed model files, --catalog or --random N", "construct", "check"},
            {"--hide-dead applies to --format dot only: drop it for JSON", "dfa", "export", "tomita-3", "--hide-dead",
                "--format", "json"},
            {"--lengths-max sets the length sweep of --suite; give --suite, or drop it", "counterexample", "--model", t3,
                "--lengths-max", "10"},
            {"--lengths-strings sets the length sweep of --suite; give --suite, or drop it", "counterexample", "--model",
                t3, "--lengths-strings", "10"},
        };
        for (String[] c : cases) {
            Run r = run(Arrays.copyOfRange(c, 1, c.length));
            String what = String.join(" ", Arrays.copyOfRange(c, 1, c.length)) + ": " + r.err();
            assertEquals(ExitCodes.USAGE, r.code(), what);
            assertTrue(r.err().startsWith(c[0]) && r.err().contains("Usage: "), what);
            assertTrue(r.out().isEmpty(), what);
        }
    }
}
