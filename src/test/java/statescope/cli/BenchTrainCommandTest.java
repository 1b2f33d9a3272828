package statescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** bench-train's options reach the benchmark: a tiny model, the peer skipped two ways, bad counts. */
class BenchTrainCommandTest {

    private static final String[] TINY = {"bench-train", "--layers", "1", "--d-model", "16", "--batch", "2",
        "--length", "8", "--warmup", "0", "--threads", "1"};
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... extra) {
        String[] args = new String[TINY.length + extra.length];
        System.arraycopy(TINY, 0, args, 0, TINY.length);
        System.arraycopy(extra, 0, args, TINY.length, extra.length);
        return StateScopeCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void noPeerAndPeerNoneBothSkipThePeer() {
        assertEquals(ExitCodes.OK, run("--steps", "2", "--no-peer"));
        assertEquals(ExitCodes.OK, run("--steps", "2", "--peer", "none"));
        String text = out.toString();
        assertTrue(text.startsWith("statescope figure=train_fwd_bwd_throughput median="), text);
        assertTrue(text.contains("shape=layers=1,d_model=16,B=2,T=8 threads=1"), text);
        assertEquals(2, text.split("PyTorch peer: skipped \\(--no-peer\\)", -1).length - 1, text);
    }

    @Test
    void aMissingPeerScriptIsAnIoErrorBeforeAnyWork() {                // named with --peer: said as any missing input
        assertEquals(ExitCodes.IO, run("--steps", "2", "--peer", "no-such-dir/torch_peer.py"));
        assertTrue(err.toString().startsWith("statescope: I/O error: no-such-dir/torch_peer.py: no such file"),
                err.toString());
        assertEquals("", out.toString(), "nothing measured");
    }

    @Test
    void zeroTimedStepsIsBadInput() {
        assertEquals(ExitCodes.BAD_INPUT, run("--steps", "0"));
        assertTrue(err.toString().contains("--steps must be at least 1, got 0"), err.toString());
    }
}
