package statescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The train, eval and reproduce commands on tiny settings. */
class TrainEvalCommandTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = StateScopeCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void trainThenEvalPrintsTheBinTable(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("p.safetensors");
        Run t = run("train", "--language", "parity", "--layers", "1", "--d-model", "8", "--d-state", "4",
                "--gates", "signed", "--steps", "12", "--batch", "8", "--max-words", "40", "--eval-every", "6",
                "--out", model.toString(), "--quiet", "--json");
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("\"steps\" : 12"), t.out());
        assertTrue(Files.exists(model) && Files.exists(dir.resolve("p.json")));
        Run e = run("eval", "--model", model.toString());
        assertEquals(0, e.code(), e.err());
        assertTrue(e.out().contains("| p | parity | 1 | 8 | signed | 12 | bin1, bin2 |"), e.out());
        Run csv = run("eval", "--suite", dir.toString(), "--csv");
        assertEquals(0, csv.code(), csv.err());
        assertTrue(csv.out().startsWith("model,language,layers,d_model,gates,step,splits,bin 1,bin 2,bin 3\n"), csv.out());
        Run json = run("eval", "--model", model.toString(), "--json");
        assertTrue(json.out().contains("\"bin2\""), json.out());
    }

    @Test
    void badInputGivesOneLineAndExitCode3(@TempDir Path dir) {
        Run g = run("train", "--language", "parity", "--gates", "sideways", "--out", dir.resolve("x").toString());
        assertEquals(ExitCodes.BAD_INPUT, g.code());
        assertTrue(g.err().contains("--gates must be nonneg or signed"), g.err());
        Run l = run("train", "--language", "parrity", "--out", dir.resolve("x").toString());
        assertEquals(ExitCodes.BAD_INPUT, l.code());
        Run s = run("eval", "--suite", dir.toString());
        assertEquals(ExitCodes.BAD_INPUT, s.code(), s.err());
    }

    @Test
    void reproduceListsEveryShippedModel(@TempDir Path dir) {
        Run r = run("reproduce", "--out", dir.toString(), "--list");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("flip-flop") && r.out().contains("parity-signed") && r.out().contains("parity-nonneg")
                && r.out().contains("bounded-dyck-8-10-1layer") && r.out().contains("tomita-7"), r.out());
        assertEquals(31, r.out().lines().count());
        Run bad = run("reproduce", "--out", dir.toString(), "--languages", "nothing");
        assertEquals(ExitCodes.BAD_INPUT, bad.code());
    }
}
