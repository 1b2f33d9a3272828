package statescope.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import statescope.lang.Word;
import statescope.ssm.GateRange;

class AlignedTraceTest {

    private static int[] word(LanguageEntry lang, String text) {
        return Word.parse(lang.machine().alphabet(), text).toArray();
    }

    @Test
    void parityTraceFollowsTheDfaAndTheMembershipTargets() {
        var parity = BuiltinLanguages.parity();
        var trace = new AlignedTrace(FakeModels.oracle(parity, 0), parity.reference());
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
        var trace = new AlignedTrace(FakeModels.oracle(parity, 3), parity.reference());
        trace.setWord(word(parity, "01101"), p -> { }, () -> false);
        assertEquals(3, trace.firstDivergence());
        assertFalse(trace.agrees(3));
        assertTrue(trace.agrees(4));
        trace.truncate(2);
        assertEquals(-1, trace.firstDivergence(), "divergence after the cut is forgotten");
    }

    /**
     * The protocol scores words of the language: after the reference's dead state a prediction is shown but
     * not scored, so a model wrong only there (Tomita 2 = (10)*, "101110" dead from position 4) has no
     * divergence, and one wrong before it still has.
     */
    @Test
    void positionsAfterTheDeadStateAreNotScored() {
        var tomita2 = BuiltinLanguages.tomita2();
        var late = new AlignedTrace(FakeModels.oracle(tomita2, 5), tomita2.reference());
        late.setWord(word(tomita2, "101110"), p -> { }, () -> false);
        assertEquals(4, late.firstDead());
        assertTrue(late.scored(3));
        assertFalse(late.scored(4) || late.scored(5) || late.scored(6));
        assertFalse(late.agrees(5), "the fake model errs at 5 all the same");
        assertEquals(-1, late.firstDivergence(), "but not where the protocol scores");
        late.truncate(3);
        assertEquals(-1, late.firstDead(), "live again after the cut");
        late.setWord(word(tomita2, "1010"), p -> { }, () -> false);
        assertTrue(late.scored(4));
        assertEquals(-1, late.firstDead());

        var early = new AlignedTrace(FakeModels.oracle(tomita2, 2), tomita2.reference());
        early.setWord(word(tomita2, "101110"), p -> { }, () -> false);
        assertEquals(2, early.firstDivergence(), "a live error is still the first divergence");
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
        var edited = new AlignedTrace(model, lang);
        edited.setWord(a, p -> { }, () -> false);
        edited.setWord(b, p -> { }, () -> false);
        var fresh = new AlignedTrace(model, lang);
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
        int[] word = new SplittableRandom(2).ints(AlignedTrace.BATCH_FROM + 200, 0, 5).toArray();
        var bulk = new AlignedTrace(model, lang);
        bulk.setWord(word, p -> { }, () -> false);
        var typed = new AlignedTrace(model, lang);
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

    /**
     * A model that derives Ā from Δ ({@link TraceModel#gateFromDelta()}) keeps two quantities per token
     * instead of three and computes Ā for what a view asks: the same figures as the stored Ā of the same
     * model seen through the stepping default (which keeps all three), within the float16 of the kept Δ.
     */
    @Test
    void aGateDerivedFromTheKeptDeltaMatchesTheStoredGate() {
        var lang = BuiltinLanguages.flipFlop();
        for (GateRange g : GateRange.values()) {
            var model = EngineModel.random(lang.vocabularySize(), lang.reference().width(), 2, 16, g, 5);
            assertTrue(model.gateFromDelta());
            assertFalse(FakeModels.steppedOnly(model).gateFromDelta());
            int[] word = new SplittableRandom(6).ints(AlignedTrace.BATCH_FROM + 100, 0, 5).toArray();
            var derived = new AlignedTrace(model, lang);
            derived.setWord(word, p -> { }, () -> false);
            var kept = new AlignedTrace(FakeModels.steppedOnly(model), lang);
            kept.setWord(word, p -> { }, () -> false);
            double worst = 0;
            boolean negative = false;
            for (int t = 0; t <= word.length; t++) {
                for (int l = 0; l < 2; l++) {
                    float[] a = derived.channels(l, ChannelKind.GATE, t);
                    float[] b = kept.channels(l, ChannelKind.GATE, t);
                    for (int d = 0; d < a.length; d++) {
                        worst = Math.max(worst, Math.abs(a[d] - b[d]));
                        assertEquals(a[d], derived.channel(l, ChannelKind.GATE, t, d));
                        negative |= a[d] < 0;
                    }
                }
            }
            assertTrue(worst < 2e-3, g + ": derived vs stored Ā, worst difference " + worst);
            assertEquals(g == GateRange.SIGNED, negative, g + ": signed gates go below 0, nonnegative ones never");
        }
    }

    /**
     * A long read scans one block ahead on a second thread, the blocks alternating between the model's
     * two buffer sets: every kept figure is bit for bit what the same read on one thread keeps (a block
     * overwritten while still being read would show here), the snapshots it keeps restore, and a read
     * cancelled half-way holds a whole prefix that a later read completes.
     */
    @Test
    void aLongReadScanningAheadKeepsWhatOneThreadKeeps() {
        var lang = BuiltinLanguages.flipFlop();
        var engine = EngineModel.random(5, 5, 2, 16, GateRange.SIGNED, 7);
        var threads = ConcurrentHashMap.<String>newKeySet();
        var model = FakeModels.watched(engine, threads);
        int blocks = AlignedTrace.PIPELINE_BLOCKS + 9;
        int[] word = new SplittableRandom(3).ints(blocks * AlignedTrace.SNAPSHOT_EVERY + AlignedTrace.BATCH_FROM + 37, 0, 5)
                .toArray();
        int ed = engine.info().dInner() * engine.info().dState();
        var rnd = new SplittableRandom(4);
        var projections = new ArrayList<Projection>();
        for (int l = 0; l < 2; l++) {
            float[][] w = new float[3][ed];
            for (float[] row : w) {
                for (int j = 0; j < ed; j++) {
                    row[j] = (float) rnd.nextGaussian();
                }
            }
            projections.add(new Projection(new float[ed], w, new double[3]));
        }
        var ahead = new AlignedTrace(model, lang);
        ahead.setProjections(projections, p -> { }, () -> false);
        ahead.setWord(word, p -> { }, () -> false);
        assertTrue(threads.contains("statescope-scan-ahead"), "scanned ahead: " + threads);
        threads.clear();
        var one = new AlignedTrace(model, lang);
        one.scanAhead(false);
        one.setProjections(projections, p -> { }, () -> false);
        one.setWord(word, p -> { }, () -> false);
        assertEquals(Set.of(Thread.currentThread().getName()), threads, "one thread");
        assertSameTrace(one, ahead, word.length);
        ahead.truncate(1000);                                         // a snapshot the scan-ahead thread gave
        ahead.setWord(word, p -> { }, () -> false);
        assertSameTrace(one, ahead, word.length);
        var calls = new int[1];
        var cancelled = new AlignedTrace(model, lang);
        cancelled.setProjections(projections, p -> { }, () -> false);
        assertThrows(CancellationException.class,
                () -> cancelled.setWord(word, p -> { }, () -> ++calls[0] > 12));
        assertTrue(cancelled.length() > 0 && cancelled.length() < word.length, "a prefix: " + cancelled.length());
        assertEquals(0, cancelled.length() % AlignedTrace.SNAPSHOT_EVERY, "whole blocks");
        cancelled.setWord(word, p -> { }, () -> false);
        assertSameTrace(one, cancelled, word.length);
    }

    /**
     * A symbol outside the alphabet deep in a long read is met by the scan-ahead thread: the read stops
     * with the same message as on one thread, keeps the whole blocks before it, and nothing waits forever.
     */
    @Test
    void aBadSymbolMetAheadStopsTheReadWithTheBlocksBefore() {
        var lang = BuiltinLanguages.flipFlop();
        var model = EngineModel.random(5, 5, 1, 16, GateRange.SIGNED, 9);
        int bad = 30 * AlignedTrace.SNAPSHOT_EVERY + 5;
        int[] word = new SplittableRandom(5).ints(60 * AlignedTrace.SNAPSHOT_EVERY, 0, 5).toArray();
        word[bad] = 7;
        var ahead = new AlignedTrace(model, lang);
        var e = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThrows(IllegalArgumentException.class, () -> ahead.setWord(word, p -> { }, () -> false)));
        var one = new AlignedTrace(model, lang);
        one.scanAhead(false);
        var e1 = assertThrows(IllegalArgumentException.class, () -> one.setWord(word, p -> { }, () -> false));
        assertEquals(e1.getMessage(), e.getMessage());
        assertEquals(30 * AlignedTrace.SNAPSHOT_EVERY, ahead.length(), "the whole blocks before the bad one");
        assertEquals(one.length(), ahead.length());
    }

    /**
     * The scan-ahead thread never writes a buffer set a block still being read lives in. The read runs on
     * a thread of its own, and its first read of the first block blocks on a latch this test holds. While
     * it is held the scan must go exactly one block ahead (the model has two buffer sets) and then park in
     * the hand-over: the test waits until the scan thread has handed out the second block and is parked
     * (a state it cannot leave without the reader taking the next block), then checks that it did not
     * hand out a third block and that each buffer set was written once, i.e. the first block's set is
     * untouched. No clock is involved: a hand-over that let the scan run further would have written the
     * first block's set again before parking or ending. After the release every block checks on each read
     * that its set has not been written since, and the trace is the one a single thread reads.
     */
    @Test
    void theScanAheadNeverWritesABlockStillBeingRead() throws Exception {
        var lang = BuiltinLanguages.flipFlop();
        var engine = EngineModel.random(5, 5, 1, 16, GateRange.SIGNED, 11);
        var checker = new SlotChecker();
        var model = FakeModels.blocksSeenThrough(engine, checker);
        int[] word = new SplittableRandom(6).ints((AlignedTrace.PIPELINE_BLOCKS + 4) * AlignedTrace.SNAPSHOT_EVERY
                + AlignedTrace.BATCH_FROM, 0, 5).toArray();
        var ahead = new AlignedTrace(model, lang);
        var read = new FutureTask<Void>(() -> {
            ahead.setWord(word, p -> { }, () -> false);
            return null;
        });
        Thread.ofPlatform().daemon().name("test-reader").start(read);
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
                checker.firstHeld.await();                               // the reader holds the first block
                Thread scan = checker.scanThread;
                // parked (or ended) after handing out at least the second block; a guard against a hang only
                while (!Thread.currentThread().isInterrupted()
                        && !(checker.handedOut() >= SlotChecker.SLOTS && scan.getState() == Thread.State.WAITING)
                        && scan.getState() != Thread.State.TERMINATED) {
                    Thread.yield();
                }
            }, "the scan never went one block ahead and parked while the first block was held");
            Thread scan = checker.scanThread;
            assertEquals(Thread.State.WAITING, scan.getState(), "the scan waits in the hand-over");
            assertEquals(SlotChecker.SLOTS, checker.handedOut(), "the scan is one block ahead, no further");
            assertArrayEquals(new int[] {1, 1}, checker.writes(), "each buffer set written once: the held one untouched");
        } finally {
            checker.releaseFirst.countDown();
        }
        try {
            read.get();
        } catch (ExecutionException e) {
            fail("the read failed after the release", e.getCause());
        }
        assertEquals(word.length, ahead.length());
        assertEquals((word.length - AlignedTrace.BATCH_FROM) / AlignedTrace.SNAPSHOT_EVERY + 1, checker.handedOut(), "every block of the long read came through the scan-ahead");
        var one = new AlignedTrace(engine, lang);
        one.scanAhead(false);
        one.setWord(word, p -> { }, () -> false);
        for (int t = 1; t <= word.length; t++) {
            assertArrayEquals(one.channels(0, ChannelKind.STATE, t), ahead.channels(0, ChannelKind.STATE, t), 0f);
        }
    }

    /**
     * Hands out blocks that fail when read after their buffer set was written again (see the test above): a
     * set's generation counts the blocks handed out of it. The first block the scan-ahead thread hands out
     * holds its first reader until {@link #releaseFirst} is counted down, after counting down
     * {@link #firstHeld}.
     */
    private static final class SlotChecker implements BiFunction<StepBlock, Integer, StepBlock> {
        static final int SLOTS = 2;                                          // the slots readAhead uses
        final CountDownLatch firstHeld = new CountDownLatch(1);
        final CountDownLatch releaseFirst = new CountDownLatch(1);
        volatile Thread scanThread;
        private final int[] writes = new int[SLOTS];                         // per buffer set, guarded by this
        private int calls;                                                   // guarded by this

        synchronized int handedOut() {
            return calls;
        }

        synchronized int[] writes() {
            return writes.clone();
        }

        @Override
        public StepBlock apply(StepBlock b, Integer slot) {
            int generation;
            int index;
            synchronized (this) {
                generation = ++writes[slot];
                index = calls++;
            }
            boolean first = index == 0 && Thread.currentThread().getName().equals("statescope-scan-ahead");
            if (first) {
                scanThread = Thread.currentThread();
            }
            return new StepBlock() {
                private boolean held;

                private void check() {
                    if (first && !held) {                       // hold the first block until the test lets go
                        held = true;
                        firstHeld.countDown();
                        try {
                            releaseFirst.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException("interrupted while holding the first block", e);
                        }
                    }
                    synchronized (SlotChecker.this) {
                        if (writes[slot] != generation) {
                            throw new IllegalStateException("buffer set " + slot + " written while block " + index
                                    + " was being read");
                        }
                    }
                }

                @Override
                public int length() {
                    check();
                    return b.length();
                }

                @Override
                public float[] logits(int t) {
                    check();
                    return b.logits(t);
                }

                @Override
                public void channels(int t, int layer, ChannelKind kind, float[] out) {
                    check();
                    b.channels(t, layer, kind, out);
                }

                @Override
                public void h(int t, int layer, float[] out) {
                    check();
                    b.h(t, layer, out);
                }

                @Override
                public void project(int t, int layer, StateProjection projection, float[] out, int outOff) {
                    check();
                    b.project(t, layer, projection, out, outOff);
                }
            };
        }
    }

    private static void assertSameTrace(AlignedTrace expected, AlignedTrace actual, int length) {
        assertEquals(length, actual.length());
        for (int t = 1; t <= length; t++) {
            for (int l = 0; l < 2; l++) {
                for (ChannelKind k : ChannelKind.values()) {
                    assertArrayEquals(expected.channels(l, k, t), actual.channels(l, k, t), 0f, k + " at " + t);
                }
                assertArrayEquals(expected.point(l, t), actual.point(l, t), 0f, "point at " + t);
            }
            assertEquals(expected.prediction(t), actual.prediction(t), "prediction at " + t);
        }
        assertEquals(expected.firstDivergence(), actual.firstDivergence());
    }

    @Test
    void theBatchedBlockReadsBitForBitWhatTheStepTracesCopy() {
        var model = EngineModel.random(5, 5, 2, 16, GateRange.SIGNED, 7);
        int[] tokens = new SplittableRandom(4).ints(AlignedTrace.SNAPSHOT_EVERY, 0, 5).toArray();
        var result = model.forward(model.newState(), tokens);          // one computation, read both ways
        var fast = model.blockOf(result, tokens.length);
        var slow = StepBlock.of(model.tracesOf(result, tokens.length), model.info().dState());
        int d = model.info().dInner();
        float[] a = new float[d];
        float[] b = new float[d];
        float[] ha = new float[d * model.info().dState()];
        float[] hb = new float[ha.length];
        assertEquals(tokens.length, fast.length());
        for (int t = 0; t < tokens.length; t++) {
            assertArrayEquals(slow.logits(t), fast.logits(t), 0f);
            for (int l = 0; l < 2; l++) {
                for (ChannelKind k : ChannelKind.values()) {
                    slow.channels(t, l, k, a);
                    fast.channels(t, l, k, b);
                    assertArrayEquals(a, b, 0f, k + " layer " + l + " at " + t);
                }
                slow.h(t, l, ha);
                fast.h(t, l, hb);
                assertArrayEquals(ha, hb, 0f);
            }
        }
    }

    /** Equal up to one float16 step (the trace stores channels as float16, so a 1-ulp float flips at most that). */
    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            float tol = 2e-3f * Math.max(1f, Math.abs(expected[i]));
            assertTrue(Math.abs(expected[i] - actual[i]) <= tol, what + " [" + i + "]: " + expected[i] + " vs " + actual[i]);
        }
    }

    @Test
    void aTraceReadThroughBlocksAgreesWithOneReadThroughStepTraces() {
        var lang = BuiltinLanguages.flipFlop();
        var model = EngineModel.random(5, 5, 2, 16, GateRange.SIGNED, 7);
        int features = model.info().dInner() * model.info().dState();
        var rng = new SplittableRandom(4);
        var projections = new ArrayList<Projection>();
        for (int l = 0; l < 2; l++) {
            float[][] w = new float[3][features];
            float[] mean = new float[features];
            for (int j = 0; j < features; j++) {
                mean[j] = (float) rng.nextGaussian() * 0.1f;
                for (float[] row : w) {
                    row[j] = (float) rng.nextGaussian() / (float) Math.sqrt(features);
                }
            }
            projections.add(new Projection(mean, w, new double[3]));
        }
        int[] word = rng.ints(AlignedTrace.BATCH_FROM + 3 * AlignedTrace.SNAPSHOT_EVERY + 5, 0, 5).toArray();
        var fast = new AlignedTrace(model, lang);
        var slow = new AlignedTrace(FakeModels.viaStepMany(model), lang);
        for (var tr : List.of(fast, slow)) {
            tr.setProjections(projections, p -> { }, () -> false);
            tr.setWord(word, p -> { }, () -> false);
        }
        // stepped and batched kernels may differ by ~1 ulp (another summation order), hence the tolerance
        for (int t = 1; t <= word.length; t++) {
            for (int l = 0; l < 2; l++) {
                for (ChannelKind k : ChannelKind.values()) {
                    assertClose(slow.channels(l, k, t), fast.channels(l, k, t), k + " layer " + l + " at " + t);
                }
                assertArrayEquals(slow.point(l, t), fast.point(l, t), 1e-4f, "projected h, layer " + l + " at " + t);
            }
            assertEquals(slow.prediction(t), fast.prediction(t));
        }
        for (var tr : List.of(fast, slow)) {                          // the replay of setProjections too
            tr.setProjections(projections, p -> { }, () -> false);
        }
        for (int t = 1; t <= word.length; t += 13) {
            assertArrayEquals(slow.point(1, t), fast.point(1, t), 1e-4f, "replayed projection at " + t);
        }
    }

    @Test
    void cancellingLeavesAConsistentPrefix() {
        var lang = BuiltinLanguages.parity();
        var trace = new AlignedTrace(FakeModels.oracle(lang, 0), lang.reference());
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
        var trace = new AlignedTrace(FakeModels.oracle(lang, 0), lang.reference());
        assertThrows(IllegalArgumentException.class, () -> trace.append(7));
        assertEquals(0, trace.length());
    }
}
