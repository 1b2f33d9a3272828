package statescope.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench-train on a tiny model: the peer is asked for our shape, and its figure counts only for that shape. */
class TrainBenchTest {

    @TempDir
    Path dir;

    /** A stand-in peer run by sh: prints the train figure for the shape it was asked for, or a fixed one. */
    private Path peer(String shape) throws Exception {
        return Files.writeString(dir.resolve("peer.sh"), """
                while [ $# -gt 0 ]; do case "$1" in --layers) l=$2;; --d-model) d=$2;; --batch) b=$2;; --length) t=$2;; esac; shift; done
                echo "peer=torch-cpu figure=train_fwd_bwd_throughput value=100 unit=tokens/s shape=%s threads=1 torch=test"
                """.formatted(shape));
    }

    private static TrainBench.Options tiny(boolean peer, Path script) {
        return new TrainBench.Options(1, 16, 2, 8, 3, 1, 1, peer, script, "sh");
    }

    @Test
    void thePeerIsAskedForOurShapeAndTheRatioUsesItsFigure() throws Exception {
        var r = TrainBench.run(tiny(true, peer("layers=$l,d_model=$d,B=$b,T=$t")));
        assertEquals("layers=1,d_model=16,B=2,T=8", r.options().shape());
        assertEquals(100.0, r.peerValue());
        assertTrue(r.best() >= r.median() && r.median() > 0, r.best() + " " + r.median());
        String text = TrainBench.text(r);
        assertTrue(text.startsWith("statescope figure=train_fwd_bwd_throughput median="), text);
        assertTrue(text.contains("\npeer=torch-cpu figure=train_fwd_bwd_throughput value=100 unit=tokens/s "
                + "shape=layers=1,d_model=16,B=2,T=8 threads=1 torch=test\nratio (statescope median / torch best) = "), text);
        assertTrue(TrainBench.json(r).contains("\"peerTokensPerSecond\" : 100.0"), TrainBench.json(r));
    }

    @Test
    void aFigureForAnotherShapeGivesNoRatio() throws Exception {
        var r = TrainBench.run(tiny(true, peer("layers=2,d_model=64,B=32,T=64")));
        assertNull(r.peerValue());
        assertTrue(TrainBench.text(r).endsWith("PyTorch peer: not available: no train_fwd_bwd_throughput figure for "
                + "layers=1,d_model=16,B=2,T=8\n"), TrainBench.text(r));
    }

    @Test
    void withoutThePeerOurFigureStillPrints() {
        var r = TrainBench.run(tiny(false, null));
        assertNull(r.peer());
        assertTrue(TrainBench.text(r).endsWith("\nPyTorch peer: skipped (--no-peer)\n"), TrainBench.text(r));
        assertTrue(TrainBench.json(r).contains("\"ratioMedianToPeer\" : null"), TrainBench.json(r));
    }

    @Test
    void zeroStepsIsBadInput() {
        var e = assertThrows(IllegalArgumentException.class, () -> new TrainBench.Options(1, 16, 2, 8, 0, 1, 1, false, null, "sh"));
        assertEquals("sizes, steps and threads must be at least 1, got 0", e.getMessage());
    }
}
