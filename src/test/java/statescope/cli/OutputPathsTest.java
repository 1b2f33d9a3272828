package statescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * I/O errors say what is wrong and name the user's path: a missing folder, a file where a folder should
 * be, a missing plan; an output that cannot be written is refused before the work (before the benchmark
 * or the construction), never named by a temporary beside it.
 */
class OutputPathsTest {

    static final String MODEL = "assets/models/parity-signed.safetensors";

    static void ioError(String expected, String... args) {
        var r = ExitCodeRulesTest.run(args);
        String what = String.join(" ", args) + ": " + r.err();
        assertEquals(ExitCodes.IO, r.code(), what);
        assertEquals("statescope: I/O error: " + expected, r.err().strip(), what);
        assertTrue(r.out().isEmpty(), what);
    }

    @Test
    void aMissingFolderIsNamedAndNothingRuns(@TempDir Path dir) {
        Path missing = dir.resolve("missing");
        ioError(missing + ": no such directory", "trace", "--model", MODEL, "--input", "0110", "-o",
                missing.resolve("out.json").toString());
        ioError(missing + ": no such directory", "bench-gpu", "--out", missing.resolve("o.json").toString(), "--batch", "1",
                "--length", "1", "--d-inner", "1");
    }

    @Test
    void aFileWhereAFolderShouldBeIsNamed(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        ioError(file + ": not a directory", "construct", "--regex", "(ab)*", "--out",
                file.resolve("sub").resolve("m.safetensors").toString());
        ioError(file + ": not a directory", "train", "--language", "parity", "--out", file.resolve("m.safetensors").toString());
        ioError(file + ": not a directory", "trace", "--model", MODEL, "--input", "0110", "-o",
                file.resolve("out.json").toString());
    }

    @Test
    void aMissingInputSaysSo(@TempDir Path dir) {
        ioError(dir.resolve("missing.yaml") + ": no such file", "sweep", dir.resolve("missing.yaml").toString());
        Path deeper = dir.resolve("sw").resolve("missing.yaml");
        ioError(deeper + ": no such file (there is no folder " + dir.resolve("sw") + ")", "sweep",
                deeper.toString());
    }

    @Test
    void aTemporaryIsReportedAsTheFileItStandsFor() {
        assertEquals("/x/out.json: no such file (there is no folder /x)",
                OutputPaths.describe(new NoSuchFileException("/x/.out.json.15466.tmp")));
        assertEquals("/x/m.safetensors: permission denied",
                OutputPaths.describe(new AccessDeniedException("/x/.m.safetensors.18500.1.tmp")));
        assertEquals("a/.hidden: no space left", OutputPaths.describe(new FileSystemException("a/.hidden", null,
                "no space left")));
        assertFalse(OutputPaths.describe(new FileSystemException("/x/.o.json.1.tmp", null, null)).contains(".tmp"));
    }
}
