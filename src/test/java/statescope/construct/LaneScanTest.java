package statescope.construct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import statescope.ssm.Checkpoint;
import statescope.ssm.SsmWeights;
import statescope.ssm.Tensor;
import statescope.ssm.WeightNames;

/**
 * The streamed check: words cut into segments of a few tokens, in few lanes, score the same positions
 * as whole words in one call, and stay exact, so the state really goes from one segment to the next
 * (a counter such as a^n b^n's would be read wrong after the first segment otherwise).
 */
class LaneScanTest {

    @ParameterizedTest
    @ValueSource(strings = {"anbn", "d-12", "tomita-7", "bounded-dyck-8-10", "flip-flop"})
    void tinySegmentsScoreWhatWholeWordsScore(String id) {
        Constructed c = ConstructedModels.get(id);
        int ed = c.checkpoint().weights().config().dInner();
        var whole = new ExactnessCheck(c, 100_000, 1L << 24);
        var cut = new ExactnessCheck(c, 7, 7L * ed * 3);          // 3 lanes of 7 tokens per call
        var a = whole.sampled(150, 9, 4);
        var b = cut.sampled(150, 9, 4);
        assertTrue(a.exact(), id + " " + a);
        assertTrue(b.exact(), id + " in segments of 7: " + b);
        assertEquals(a.positions(), b.positions(), id);
        assertEquals(a.tokens(), b.tokens(), id);
        var e = cut.exhaustive(cut.exhaustiveLength(6, 3_000));
        var f = whole.exhaustive(whole.exhaustiveLength(6, 3_000));
        assertTrue(e.exact(), id + " " + e);
        assertEquals(f.positions(), e.positions(), id);
    }

    @Test
    void aBrokenModelFailsAtTheSamePositionsInSegments() {
        Constructed c = ConstructedModels.get("d-4");
        var t = new LinkedHashMap<>(c.checkpoint().weights().tensors());
        var head = t.get(WeightNames.HEAD);
        float[] h = head.data();
        int dm = c.checkpoint().weights().config().dModel();
        for (int i = 0; i < dm; i++) {
            h[i] = -h[i];                                             // class 0's row: its logit flips sign
        }
        t.put(WeightNames.HEAD, new Tensor(head.shape(), h));
        var broken = new Constructed(new Checkpoint(
                SsmWeights.fromTensors(c.checkpoint().weights().config(), t), c.checkpoint().manifest()),
                c.languageId(), null, c.readout(), c.summary(), false);
        var a = new ExactnessCheck(broken, 100_000, 1L << 24).sampled(120, 6, 2);
        var b = new ExactnessCheck(broken, 5, 5L * 8 * 2).sampled(120, 6, 2);
        assertTrue(a.wrong() > 0, "a sign-flipped head went unnoticed: " + a);
        assertEquals(List.of(a.wrong(), a.positions(), a.failure()), List.of(b.wrong(), b.positions(), b.failure()));
    }

    @Test
    void timingAddsUpAndCountsTokens() {
        var row = new ExactnessCheck(ConstructedModels.get("parity")).sampled(200, 20, 1);
        var t = row.timing();
        assertTrue(row.tokens() >= 20 * 200 && row.tokens() <= 20 * 264, row.toString());
        assertTrue(t.sampleNanos() + t.referenceNanos() + t.modelNanos() + t.compareNanos() <= t.wallNanos(), t.toString());
        assertTrue(t.describe(row.tokens()).contains("tokens/s"), t.describe(row.tokens()));
    }
}
