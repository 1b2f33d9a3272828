package statescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reproductions of issue 18 not covered elsewhere: standard output on a full disk (as {@code > /dev/full})
 * exits 4 in every command the issue names; training sizes that cannot fit are refused before
 * allocating; a 2 GiB weights file and a 3 GB manifest are refused from their size, before reading.
 */
class FullDiskAndHugeInputTest {

    /** Runs a command whose standard output fails as a full disk does. */
    private static ExitCodeRulesTest.Run onFullDisk(String... args) {
        var full = new PrintWriter(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("No space left on device");
            }
        }, true);
        var err = new StringWriter();
        int code = StateScopeCommand.run(full, new PrintWriter(err, true), args);
        return new ExitCodeRulesTest.Run(code, "", err.toString());
    }

    @Test
    void everyCommandOfTheIssueExitsFourOnAFullDisk(@TempDir Path dir) throws Exception {
        Path model = ExitCodeRulesTest.model(dir, 4, 2);
        for (List<String> args : List.of(
                List.of("trace", "--model", model.toString(), "--tokens", "0,1,1", "--json"),
                List.of("sample", "parity", "-n", "3"),
                List.of("languages"),
                List.of("eval", "--model", "assets/models/parity-signed.safetensors", "--max-words", "3", "--threads", "1"),
                List.of("dfa", "export", "parity"))) {
            var r = onFullDisk(args.toArray(String[]::new));
            assertEquals(ExitCodes.IO, r.code(), args + ": " + r.err());
            assertTrue(r.err().contains("the output could not be written"), args + ": " + r.err());
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        }
    }

    @Test
    void trainingSizesThatCannotFitAreRefusedBeforeAllocating(@TempDir Path dir) {
        // d_model 16384: in_proj alone is [2·32768, 16384] floats (4 GiB), with its gradient and two moments
        // beyond any heap these tests run with; d_state 65536 at d_model 512: A and h are [1024, 65536]
        for (List<String> size : List.of(List.of("--d-model", "16384"), List.of("--d-state", "65536", "--d-model", "512"))) {
            var args = new ArrayList<>(List.of("train", "--language", "parity", "--steps", "1", "--out",
                    dir.resolve("x").toString()));
            args.addAll(size);
            var r = ExitCodeRulesTest.run(args.toArray(String[]::new));
            assertEquals(ExitCodes.BAD_INPUT, r.code(), size + ": " + r.err());
            assertTrue(r.err().contains("this configuration needs at least"), size + ": " + r.err());
            assertFalse(Files.exists(dir.resolve("x.safetensors")));
        }
    }

    private static Path sparse(Path file, long bytes) throws IOException {
        try (var f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(bytes);                                        // holes: no disk and no time
        }
        return file;
    }

    @Test
    void twoGibibytesOfWeightsAreRefusedFromTheirSize(@TempDir Path dir) throws Exception {
        Path w = sparse(dir.resolve("big.safetensors"), 2L << 30);
        var r = ExitCodeRulesTest.run("trace", "--model", w.toString(), "--tokens", "0");
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("file of 2147483648 bytes exceeds the cap of 1073741824 bytes"), r.err());
        assertEquals(1, r.err().lines().filter(l -> !l.contains("GPU unavailable")).count(), r.err());
    }

    @Test
    void aThreeGigabyteManifestIsRefusedFromItsSize(@TempDir Path dir) throws Exception {
        Path w = ExitCodeRulesTest.model(dir, 4, 2);
        Path manifest = dir.resolve("m.json");
        Files.delete(manifest);
        sparse(manifest, 3_000_000_000L);
        var r = ExitCodeRulesTest.run("eval", "--model", w.toString(), "--max-words", "3");
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("m.json: the manifest of 3,000,000,000 bytes or more is larger than the limit of "
                + "1,048,576 bytes"), r.err());
    }
}
