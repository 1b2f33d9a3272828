package statescope.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import statescope.lang.Word;
import statescope.ssm.GateRange;

class TraceTest {

    private static int[] word(LanguageEntry lang, String text) {
        return Word.parse(lang.machine().alphabet(), text).toArray();
    }

    @Test
    void parityTraceFollowsTheDfaAndTheMembershipTargets() {
        var parity = BuiltinLanguages.parity();
        var trace = new Trace(FakeModels.oracle(parity, 0), parity.reference());
        trace.setWord(word(parity, "0110"), p -> { }, () -> false);
        assertEquals(4, trace.length());
        // even -0-> even -1-> odd -1-> even -0-> even
        String[] states = {"even", "even", "odd", "even", "even"};
        boolean[] in = {true, true, false, true, true};
        for (int t = 0; t <= 4; t++) {
            assertEquals(states[t], trace.machine().describe(trace.config(t)), "state at " + t);
            assertEquals(in[t], trace.target(t).unit(0), "membership at " + t);
        }
        assertEquals(-1, trace.firstDivergence());
        assertTrue(trace.agrees(3));
    }

    @Test
    void anErringModelIsFlaggedAtItsFirstDivergence() {
        var parity = BuiltinLanguages.parity();
        var trace = new Trace(FakeModels.oracle(parity, 3), parity.reference());
        trace.setWord(word(parity, "01101"), p -> { }, () -> false);
        assertEquals(3, trace.firstDivergence());
        assertFalse(trace.agrees(3));
        assertTrue(trace.agrees(4));
        trace.truncate(2);
        assertEquals(-1, trace.firstDivergence(), "divergence after the cut is forgotten");
    }

    @Test
    void anEditInTheMiddleGivesTheSameTraceAsAFreshRun() {
        var lang = BuiltinLanguages.flipFlop();
        var model = EngineModel.random(5, 5, 2, 16, GateRange.SIGNED, 3);
        var rng = new SplittableRandom(11);
        int[] a = new int[200];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextInt(5);
        }
        int[] b = a.clone();
        b[150] = (b[150] + 1) % 5;                                  // edit after two snapshots
        var edited = new Trace(model, lang.reference());
        edited.setWord(a, p -> { }, () -> false);
        edited.setWord(b, p -> { }, () -> false);
        var fresh = new Trace(model, lang.reference());
        fresh.setWord(b, p -> { }, () -> false);
        assertEquals(fresh.length(), edited.length());
        for (int t = 1; t <= b.length; t += 7) {
            assertArrayEquals(fresh.channels(1, ChannelKind.STATE, t), edited.channels(1, ChannelKind.STATE, t), 0f);
            assertEquals(fresh.prediction(t), edited.prediction(t));
            assertEquals(fresh.config(t), edited.config(t));
        }
    }

    @Test
    void aLongReadThroughTheBatchedPathMatchesTyping() {
        var lang = BuiltinLanguages.flipFlop();
        var model = EngineModel.random(5, 5, 2, 16, GateRange.SIGNED, 5);
        int[] word = new SplittableRandom(2).ints(Trace.BATCH_FROM + 200, 0, 5).toArray();
        var bulk = new Trace(model, lang.reference());
        bulk.setWord(word, p -> { }, () -> false);
        var typed = new Trace(model, lang.reference());
        for (int s : word) {
            typed.append(s);
        }
        assertEquals(word.length, bulk.length());
        double worst = 0;
        for (int t = 1; t <= word.length; t++) {
            float[] a = bulk.channels(1, ChannelKind.STATE, t);
            float[] b = typed.channels(1, ChannelKind.STATE, t);
            for (int d = 0; d < a.length; d++) {
                worst = Math.max(worst, Math.abs(a[d] - b[d]) / (1e-3 + Math.abs(b[d])));
            }
            assertEquals(typed.config(t), bulk.config(t));
            assertEquals(typed.prediction(t), bulk.prediction(t), "prediction at " + t);
        }
        assertTrue(worst < 2e-3, "batched vs stepped state, worst relative difference " + worst);
        bulk.truncate(300);                                           // snapshots of the batched path restore
        bulk.setWord(word, p -> { }, () -> false);
        assertArrayEquals(typed.channels(0, ChannelKind.GATE, 650), bulk.channels(0, ChannelKind.GATE, 650), 2e-3f);
    }

    @Test
    void cancellingLeavesAConsistentPrefix() {
        var lang = BuiltinLanguages.parity();
        var trace = new Trace(FakeModels.oracle(lang, 0), lang.reference());
        int[] longWord = new int[5000];
        int[] calls = {0};
        assertThrows(CancellationException.class,
                () -> trace.setWord(longWord, p -> { }, () -> ++calls[0] > 3));
        assertTrue(trace.length() > 0 && trace.length() < 5000);
        assertEquals(trace.length(), trace.commonPrefix(longWord));
    }

    @Test
    void unknownSymbolIsRefused() {
        var lang = BuiltinLanguages.parity();
        var trace = new Trace(FakeModels.oracle(lang, 0), lang.reference());
        assertThrows(IllegalArgumentException.class, () -> trace.append(7));
        assertEquals(0, trace.length());
    }
}
