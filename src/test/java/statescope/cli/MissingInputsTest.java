package statescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file or folder a command reads that is not there is said in one wording by every command, whatever
 * the file is (a model, a DFA, words, targets, a plan, a peer script, a story): {@code PATH: no such file}
 * or {@code PATH: no such folder}, one line, exit 4, nothing on standard output. Before, the same mistake
 * read "model weights not found", "no such checkpoint", "not a folder", "no words file …" (exit 3), "does not
 * look like the authors' generated_ds folder" (exit 3), "no such file or directory" or "holds no sweep".
 */
@ExtendWith(NoCudaDriver.class)
class MissingInputsTest {

    private static final String MODEL = "assets/models/parity-signed.safetensors";

    @Test
    void everyCommandSaysAMissingInputTheSameWay(@TempDir Path dir) throws Exception {
        String file = dir.resolve("missing.safetensors").toString();
        String json = dir.resolve("missing.json").toString();
        String jff = dir.resolve("missing.jff").toString();
        String txt = dir.resolve("missing.txt").toString();
        String folder = dir.resolve("missing-folder").toString();
        Path words = Files.writeString(dir.resolve("words.txt"), "01\n");
        List<String[]> files = List.of(
                new String[] {file, "trace", "--model", file, "--input", "01"},
                new String[] {file, "eval", "--model", file},
                new String[] {txt, "eval", "--model", MODEL, "--words", txt},
                new String[] {txt, "eval", "--model", MODEL, "--words", words.toString(), "--targets", txt},
                new String[] {file, "probe", "--model", file},
                new String[] {file, "extract", "--model", file},
                new String[] {file, "lengths", "--model", file},
                new String[] {file, "counterexample", "--model", file},
                new String[] {json, "lengths", "--model", MODEL, "--dfa", json},
                new String[] {jff, "counterexample", "--model", MODEL, "--dfa", jff},
                new String[] {json, "construct", "--dfa", json, "--out", dir.resolve("c.safetensors").toString()},
                new String[] {file, "construct", "check", file},
                new String[] {jff, "starfree", "--file", jff},
                new String[] {json, "sweep", json},
                new String[] {txt, "bench", "--quick", "--peer", txt},
                new String[] {txt, "bench-train", "--peer", txt});
        List<String[]> folders = List.of(
                new String[] {folder, "eval", "--suite", folder},
                new String[] {folder, "probe", "--suite", folder},
                new String[] {folder, "extract", "--suite", folder},
                new String[] {folder, "lengths", "--suite", folder},
                new String[] {folder, "counterexample", "--suite", folder},
                new String[] {folder, "eval", "--suite", "assets/models", "--authors", folder},
                new String[] {folder, "profile", "--authors", folder},
                new String[] {folder, "sweep", "status", folder});
        var wrong = new ArrayList<String>();
        for (String[] c : files) {
            check(c, ": no such file", wrong);
        }
        for (String[] c : folders) {
            check(c, ": no such folder", wrong);
        }
        assertEquals(List.of(), wrong, "every command in the same words");
    }

    /** {@code present FILE} is the launcher's (it opens the app): a missing story is said the same way, before any window. */
    @Test
    void presentSaysAMissingStoryTheSameWay(@TempDir Path dir) throws Exception {
        String story = dir.resolve("missing-story.json").toString();
        String java = ProcessHandle.current().info().command().orElseThrow();
        var pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "statescope.Launcher", "present",
                story).redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        pb.environment().put("STATESCOPE_NO_REEXEC", "1");
        Process p = pb.start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "the launcher ends");
        assertEquals(ExitCodes.IO, p.exitValue());
        assertEquals("statescope: I/O error: " + story + ": no such file\n",
                Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
        assertEquals("", Files.readString(dir.resolve("out"), StandardCharsets.UTF_8));
    }

    /** Runs {@code c[1..]} and adds what differs from the expected line for the path {@code c[0]} to {@code wrong}. */
    private static void check(String[] c, String reason, List<String> wrong) {
        String[] args = Arrays.copyOfRange(c, 1, c.length);
        var r = TrainEvalCommandTest.run(args);
        String expected = "statescope: I/O error: " + c[0] + reason + "\n";
        if (r.code() != ExitCodes.IO || !r.err().equals(expected) || !r.out().isEmpty()) {
            wrong.add(String.join(" ", args) + " -> exit " + r.code() + ", " + r.err().strip() + (r.out().isEmpty() ? ""
                    : " (and output)"));
        }
    }
}
