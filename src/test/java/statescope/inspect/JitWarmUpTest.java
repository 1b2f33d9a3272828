package statescope.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import statescope.ssm.GateRange;
import statescope.ssm.ScanBatch;
import statescope.ssm.ScanResult;
import statescope.ssm.SelectiveScanKernel;
import statescope.ssm.VectorSupport;

/** What the JIT warm-up reads: enough of the batched path, and enough calls of the block path, for C2. */
class JitWarmUpTest {

    /** Shapes no other test warms up (the warm-up runs once per shape and process). */
    private static EngineModel model(int dModel) {
        return EngineModel.random(5, 5, 1, dModel, GateRange.NONNEGATIVE, 9);
    }

    private static Projection identity(TraceModel model) {
        int f = model.info().dInner() * model.info().dState();
        return new Projection(new float[f], new float[][] {new float[f], new float[f], new float[f]}, new double[3]);
    }

    @Test
    void itReadsEveryWordAndThenCallsTheBlockPathOftenEnoughForTheOptimisingCompiler() {
        var lang = BuiltinLanguages.flipFlop();
        var inner = model(46);
        Map<Integer, AtomicInteger> byLength = new ConcurrentHashMap<>();
        var model = FakeModels.blocksSeenThrough(inner, (block, slot) -> {
            byLength.computeIfAbsent(block.length(), k -> new AtomicInteger()).incrementAndGet();
            return block;
        });
        assertTrue(JitWarmUp.run(model, lang, List.of(identity(inner)), VectorSupport.fastScan(1), () -> false));
        assertEquals(JitWarmUp.SHORT_BLOCKS, byLength.get(1).get(), "one-token blocks: " + byLength);
        int tokens = byLength.entrySet().stream().filter(e -> e.getKey() > 1)
                .mapToInt(e -> e.getKey() * e.getValue().get()).sum();
        assertTrue(tokens >= (JitWarmUp.WORDS - 1) * JitWarmUp.TOKENS,
                "tokens read in whole blocks: " + tokens + " (" + byLength + ")");
    }

    @Test
    void aCancelledWarmUpStopsAmongTheShortBlocksAndRunsAgainNextTime() {
        var lang = BuiltinLanguages.flipFlop();
        var inner = model(42);
        var ones = new AtomicInteger();
        var cancel = new AtomicBoolean();
        var model = FakeModels.blocksSeenThrough(inner, (block, slot) -> {
            if (block.length() == 1 && ones.incrementAndGet() == 300) {
                cancel.set(true);
            }
            return block;
        });
        assertThrows(CancellationException.class,
                () -> JitWarmUp.run(model, lang, List.of(identity(inner)), VectorSupport.fastScan(1), cancel::get));
        assertTrue(ones.get() < JitWarmUp.SHORT_BLOCKS, "stopped after " + ones.get() + " one-token blocks");
        assertTrue(JitWarmUp.run(model, lang, List.of(identity(inner)), VectorSupport.fastScan(1), () -> false),
                "the shape is not marked done");
    }

    @Test
    void itMakesTheAppsOtherReadsInRoundsAmongTheShortBlocksAndEndsWithShortBlocksOnly() {
        var lang = BuiltinLanguages.flipFlop();
        var inner = model(38);
        var lengths = new ConcurrentLinkedQueue<Integer>();
        var model = FakeModels.blocksSeenThrough(inner, (block, slot) -> {
            lengths.add(block.length());
            return block;
        });
        var fast = VectorSupport.fastScan(1);
        var fitReads = new AtomicInteger();
        SelectiveScanKernel counting = new SelectiveScanKernel() {
            @Override
            public String name() {
                return "counting";
            }

            @Override
            public ScanResult scan(ScanBatch in, boolean emitStates) {
                if (in.batch() > 1 && in.h0() == null) {
                    fitReads.incrementAndGet();                    // the corpus fit's read: a batch from zero states
                }
                return fast.scan(in, emitStates);
            }
        };
        assertTrue(JitWarmUp.run(model, lang, List.of(identity(inner)), counting, () -> false));
        int rounds = (JitWarmUp.SHORT_BLOCKS - JitWarmUp.OTHER_READS_EVERY) / JitWarmUp.OTHER_READS_EVERY + 1;
        assertEquals(rounds * inner.info().numLayers(), fitReads.get(), "batched zero-state reads on the given kernel");
        var seq = List.copyOf(lengths);
        for (int len : new int[] {3, 5, 17}) {                             // lengths no other read of it has
            assertEquals(rounds, seq.stream().filter(x -> x == len).count(), "blocks of " + len + " tokens");
        }
        int tail = 0;
        for (int i = seq.size() - 1; i >= 0 && seq.get(i) == 1; i--) {
            tail++;
        }
        assertTrue(tail >= JitWarmUp.OTHER_READS_EVERY, "one-token blocks after the last round: " + tail);
    }
}
