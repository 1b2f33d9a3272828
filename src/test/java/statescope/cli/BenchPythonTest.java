package statescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import statescope.bench.TorchPeer;

/**
 * {@code bench --python EXE} and {@code bench-train --python EXE}: a Python that is not there or has no
 * PyTorch is one plain line saying what to install, exit 3, before anything is measured. It was the JVM's
 * text after the whole benchmark ("cannot run nopython: Cannot run program "nopython": Exec failed, error: 2
 * (No such file or directory)") and exit 0.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class BenchPythonTest {

    private static final String[][] COMMANDS = {{"bench", "--quick"}, {"bench-train", "--steps", "1", "--warmup", "0"}};

    @Test
    void aNamedPythonThatCannotRunThePeerIsOnePlainLineBeforeAnyMeasuring(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("no-such-python");
        Path noTorch = dir.resolve("python-without-torch");                // what a Python without PyTorch prints
        Files.writeString(noTorch, """
                #!/bin/sh
                echo "Traceback (most recent call last):" >&2
                echo "ModuleNotFoundError: No module named 'torch'" >&2
                exit 1
                """);
        Files.setPosixFilePermissions(noTorch, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String[] command : COMMANDS) {
            expect(command, missing, "cannot be run (no such program, or not a program)");
            expect(command, noTorch, "has no PyTorch");
        }
    }

    private static void expect(String[] command, Path python, String why) {
        String[] args = Arrays.copyOf(command, command.length + 2);
        args[command.length] = "--python";
        args[command.length + 1] = python.toString();
        var r = TrainEvalCommandTest.run(args);
        String line = "statescope: error: --python " + python + ": " + why + "; " + TorchPeer.INSTALL + "\n";
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertEquals(line, r.err(), "one line, before the benchmark's progress lines");
        assertEquals("", r.out(), "nothing measured");
        assertTrue(line.contains("apt-get install -y python3-torch"), line);
    }
}
