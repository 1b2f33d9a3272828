package statescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** bench-gpu on a machine without a driver: CPU figures, the reason, --json, --require-gpu, bad values. */
@ExtendWith(NoCudaDriver.class)
class BenchGpuCommandTest {

    private static final String[] SMALL = {"bench-gpu", "--batch", "4", "--length", "64", "--d-inner", "32",
        "--d-state", "8", "--cpu-batch", "2", "--cpu-threads", "1", "--reps", "2"};
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int run(String... extra) {
        String[] args = new String[SMALL.length + extra.length];
        System.arraycopy(SMALL, 0, args, 0, SMALL.length);
        System.arraycopy(extra, 0, args, SMALL.length, extra.length);
        return StateScopeCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void withoutGpuPrintsTheCpuRowAndTheReason() {
        assertEquals(ExitCodes.OK, run());
        String table = out.toString();
        assertTrue(table.startsWith("GPU: none (libcuda-statescope-missing.so.1 not found)"), table);
        assertTrue(table.contains("B=2 T=64 D=32 N=8"), table);
        assertTrue(err.toString().contains("GPU unavailable: libcuda-statescope-missing.so.1 not found"), err.toString());
    }

    @Test
    void jsonGoesToStandardOutputAndToTheFile() throws Exception {
        Path file = dir.resolve("bench.json");
        assertEquals(ExitCodes.OK, run("--json", "--out", file.toString()));
        assertTrue(out.toString().startsWith("{"), out.toString());
        assertTrue(out.toString().contains("\"gpuUnavailable\": \"libcuda-statescope-missing.so.1 not found\""));
        assertEquals(out.toString(), Files.readString(file));
    }

    @Test
    void requireGpuFailsTheCheck() {
        assertEquals(ExitCodes.CHECK_FAILED, run("--require-gpu"));
        assertTrue(err.toString().contains("check failed: no usable GPU"), err.toString());
    }

    @Test
    void badValuesAreBadInput() {
        assertEquals(ExitCodes.BAD_INPUT, run("--gates", "complex")); // a value picocli cannot convert (GateRangeConverter)
        assertTrue(err.toString().contains("--gates must be nonneg or signed (also nonnegative, [0,1], negative, [-1,1]), "
                + "got 'complex'"), err.toString());
        assertEquals(ExitCodes.BAD_INPUT, StateScopeCommand.run(new PrintWriter(out, true), new PrintWriter(err, true),
                "bench-gpu", "--batch", "0"));
    }
}
