package statescope.ssm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import statescope.bench.Benchmarks;

/**
 * A forward that reuses its buffers ({@link FastForward.Workspace}) gives bit for bit what a forward in
 * fresh arrays gives, whatever ran in the workspace before: the same shape again (the reuse a long read
 * makes), another shape, and a padded batch after an unpadded one (padding rows must read 0 again).
 */
class WorkspaceTest {

    @ParameterizedTest
    @EnumSource(GateRange.class)
    void aReusedWorkspaceGivesWhatFreshArraysGive(GateRange gates) {
        var w = SsmWeights.init(SsmConfig.defaults(16, 2, 6, 5).withGates(gates), 33);
        var ff = new FastForward(w, new ReferenceScan(), 1, new ScalarMath());   // bit-exact kernels
        var ws = new FastForward.Workspace();
        int[][][] batches = {
            AgreementTest.strings(1, 6, 64),
            AgreementTest.strings(2, 6, 64),            // the same shape: every buffer reused
            AgreementTest.strings(6, 6, 64, 64, 64),    // another shape: new buffers
            AgreementTest.strings(3, 6, 64, 17, 40),    // the same shape, padded: stale rows must read 0 again
            AgreementTest.strings(4, 6, 64),
            AgreementTest.strings(5, 6, 9),
        };
        FastForward.Result previous = null;
        for (int i = 0; i < batches.length; i++) {
            var states = new SsmState[batches[i].length];
            for (int b = 0; b < states.length; b++) {
                states[b] = new SsmState(w.config());
                new SsmStepper(w).run(states[b], AgreementTest.strings(10 + b, 6, 5)[0]);   // a state to start from
            }
            var opts = new FastForward.Options(true, true, states);
            var fresh = ff.forward(batches[i], opts);
            var reused = ff.forward(batches[i], opts, ws);
            assertArrayEquals(fresh.logits(), reused.logits(), "batch " + i);
            for (int b = 0; b < batches[i].length; b++) {
                var t1 = fresh.trace(b);
                var t2 = reused.trace(b);
                assertEquals(0.0, Traces.maxAbsDiff(t1, t2), "batch " + i + ", string " + b);
                assertEquals(fresh.finalStates()[b].contentEquals(reused.finalStates()[b]), true);
            }
            for (int l = 0; l < fresh.layers().size(); l++) {
                assertArrayEquals(fresh.layers().get(l).output().hAll(), reused.layers().get(l).output().hAll());
                assertArrayEquals(fresh.layers().get(l).output().y(), reused.layers().get(l).output().y());
            }
            if (i == 1) {
                assertSame(previous.layers().get(0).output().hAll(), reused.layers().get(0).output().hAll(),
                        "the same shape reuses the scan's outputs");
            }
            if (i == 2 || i == 4) {
                assertNotSame(previous.logits(), reused.logits(), "another shape gets new buffers");
            }
            if (i == 3) {
                assertSame(previous.logits(), reused.logits(), "the padded batch reuses the unpadded one's buffers");
            }
            previous = reused;
        }
    }

    /**
     * A workspace asked for [N, ED] states keeps that layout whatever its first scan asked for: one made
     * without states first used to make the next result's layout from that stateless one's, [ED, N].
     */
    @Test
    void aStateMajorWorkspaceKeepsItsLayout() {
        var in = Benchmarks.randomScanBatch(1, 8, 16, 4, GateRange.SIGNED, 1);
        var ws = new FastForward.Workspace(true);
        var stateless = ws.result(0, in, false, false);
        assertEquals(false, stateless.stateMajor(), "no states, no layout");
        var withStates = ws.result(0, in, true, false);
        assertEquals(true, withStates.stateMajor());
        assertSame(withStates, ws.result(0, in, true, true), "then reused");
        assertEquals(false, new FastForward.Workspace().result(0, in, true, false).stateMajor());
    }
}
