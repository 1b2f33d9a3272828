package statescope.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import statescope.experiment.SweepCell;
import statescope.experiment.SweepPlan;

/** The sweep's progress: bars per running cell and overall on a terminal, full lines elsewhere. */
class SweepProgressTest {

    static final SweepCell A = SweepPlan.parse("languages: [parity, d-2]\nsteps: 6", "p", "p").cells().get(0);
    static final SweepCell B = SweepPlan.parse("languages: [parity, d-2]\nsteps: 6", "p", "p").cells().get(1);

    static void run(SweepProgress p) {
        var a = p.cell(A, 1);
        var b = p.cell(B, 2);
        a.started(A.spec(), null, 0, 40, "cpu-vector");
        b.started(B.spec(), null, 2, 40, "cpu-vector");
        a.evaluated(3, Map.of("bin1", 50.0), true);
        p.ended(A, 1, "done: 6 steps");
        p.ended(B, 2, "interrupted at step 4, state saved");
        p.close();
    }

    @Test
    void onATerminalEachRunningCellHasABarAndTheSweepOneBelowThem() {
        var out = new StringWriter();
        run(new SweepProgress(new PrintWriter(out, true), false, true, 2, 12));
        String s = out.toString();
        assertTrue(s.contains("[1/2 " + A.name() + "] step 0/6 [....................]"), s);
        assertTrue(s.contains("[2/2 " + B.name() + "] step 2/6 [#######.............]"), s);
        assertTrue(s.contains("\033[2Ksweep: 0 of 2 cells ended, 2 running [###.................]  17%"), s);
        assertTrue(s.contains("\033[3F\033[J[1/2 " + A.name() + "] step 3 eval: bin1 50.0%  (best so far, saved)\n"),
                "a full line replaces the three bars, which are drawn again below it:\n" + s);
        assertTrue(s.contains("sweep: 2 of 2 cells ended, 0 running [####################] 100%"), s);
        assertTrue(s.endsWith("\033[1F\033[J"), "closing clears the last bar");
    }

    @Test
    void inALogOnlyFullLinesAndTheSweepAfterEachCell() {
        var out = new StringWriter();
        run(new SweepProgress(new PrintWriter(out, true), false, false, 2, 12));
        String s = out.toString();
        assertFalse(s.contains("\033"), s);
        assertTrue(s.startsWith("[1/2 " + A.name() + "] started: 40 training words, cpu-vector, "), s);
        assertTrue(s.contains("[2/2 " + B.name() + "] interrupted at step 4, state saved\nsweep: 2 of 2 cells ended, "
                + "0 running [####################] 100%"), s);
        var quiet = new StringWriter();
        run(new SweepProgress(new PrintWriter(quiet, true), true, true, 2, 12));
        assertTrue(quiet.toString().isEmpty(), quiet.toString());
    }
}
