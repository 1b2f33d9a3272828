package statescope.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
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
    void itAlsoMakesTheAppsOtherReadsOnceSoTheirBranchesAreCompiledIn() {
        var lang = BuiltinLanguages.flipFlop();
        var inner = model(38);
        Map<Integer, AtomicInteger> byLength = new ConcurrentHashMap<>();
        var model = FakeModels.blocksSeenThrough(inner, (block, slot) -> {
            byLength.computeIfAbsent(block.length(), k -> new AtomicInteger()).incrementAndGet();
            return block;
        });
        var fast = VectorSupport.fastScan(1);
        var padded = new AtomicInteger();
        SelectiveScanKernel counting = new SelectiveScanKernel() {
            @Override
            public String name() {
                return "counting";
            }

            @Override
            public ScanResult scan(ScanBatch in, boolean emitStates) {
                if (in.batch() > 1 && in.h0() == null) {
                    padded.incrementAndGet();                      // the corpus fit's read: a batch from zero states
                }
                return fast.scan(in, emitStates);
            }
        };
        assertTrue(JitWarmUp.run(model, lang, List.of(identity(inner)), counting, () -> false));
        assertTrue(padded.get() > 0, "no batched read from zero states on the given kernel");
        for (int len : JitWarmUp.OTHER_BLOCKS) {
            assertTrue(byLength.containsKey(len), "no block of " + len + " tokens: " + byLength);
        }
    }
}
