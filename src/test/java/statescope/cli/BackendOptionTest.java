package statescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import statescope.ssm.ReferenceScan;
import statescope.ssm.gpu.BackendChoice;

/** The --backend mixin: parsing, usage errors, and the notice on standard error when no GPU is usable. */
@ExtendWith(NoCudaDriver.class)
class BackendOptionTest {

    @Command(name = "probe")
    static final class Probe implements Runnable {
        @Mixin
        BackendOption backend;

        @Override
        public void run() {
        }
    }


    private static Probe parse(String... args) {
        var p = new Probe();
        new CommandLine(p).parseArgs(args);
        return p;
    }

    @Test
    void defaultsToAutoAndParsesAnyCase() {
        assertEquals(BackendChoice.AUTO, parse().backend.choice());
        assertEquals(BackendChoice.GPU, parse("--backend", "GPU").backend.choice());
        assertEquals(BackendChoice.CPU, parse("--backend=cpu").backend.choice());
    }

    @Test
    void unknownBackendIsAUsageError() {
        var err = new StringWriter();
        var cl = new CommandLine(new Probe());
        cl.setErr(new PrintWriter(err));
        assertEquals(ExitCodes.USAGE, cl.execute("--backend", "tpu"));
        assertTrue(err.toString().contains("unknown backend 'tpu': expected auto, cpu or gpu"), err.toString());
    }

    @Test
    void gpuWithoutDriverWarnsOnStandardErrorAndRunsOnTheCpu() {
        var cpu = new ReferenceScan();
        var err = new StringWriter();
        var s = parse("--backend", "gpu").backend.select(cpu, new PrintWriter(err, true));
        assertSame(cpu, s.kernel());
        assertEquals("statescope: warning: GPU requested but unavailable: libcuda-statescope-missing.so.1 not found;"
                + " using cpu-reference" + System.lineSeparator(), err.toString());
    }

    @Test
    void autoWithoutDriverSaysSoWithoutAWarning() {
        var err = new StringWriter();
        parse().backend.select(new ReferenceScan(), new PrintWriter(err, true));
        assertEquals("statescope: GPU unavailable: libcuda-statescope-missing.so.1 not found; using cpu-reference"
                + System.lineSeparator(), err.toString());
    }

    @Test
    void cpuSaysNothing() {
        var err = new StringWriter();
        parse("--backend", "cpu").backend.select(new ReferenceScan(), new PrintWriter(err, true));
        assertEquals("", err.toString());
    }
}
