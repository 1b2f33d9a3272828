package statescope.inspect;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import statescope.lang.catalog.ReferenceMachine.Config;
import statescope.ssm.GateRange;
import statescope.ssm.SelectiveScanKernel;

/**
 * Hand-made models for tests: an "oracle" that runs the reference machine inside and emits logits of
 * the right sign (so it always agrees), optionally flipping its output at one position (so it errs
 * exactly there). Its hidden state is a one-hot of the reference state, so projections are predictable.
 */
public final class FakeModels {

    private FakeModels() {
    }

    /** {@code m} seen only through info/newState/step, so every batched method is the stepping default. */
    public static TraceModel steppedOnly(TraceModel m) {
        return new Delegating(m, false, null, null);
    }

    /** {@code m} with its own {@code stepMany} but the default block and hidden states built on it. */
    public static TraceModel viaStepMany(TraceModel m) {
        return new Delegating(m, true, null, null);
    }

    /**
     * {@code m} whole (its gates, its blocks, buffer sets included, and its batched {@code hiddenStates}),
     * noting in {@code threads} the name of every thread that asks it for a block.
     */
    public static TraceModel watched(TraceModel m, Set<String> threads) {
        return new Delegating(m, true, threads, null);
    }

    /**
     * {@code m} whole (its batched {@code hiddenStates} too), each of its blocks handed out as {@code view}
     * makes it of the block and its buffer set.
     */
    public static TraceModel blocksSeenThrough(TraceModel m, BiFunction<StepBlock, Integer, StepBlock> view) {
        return new Delegating(m, true, ConcurrentHashMap.newKeySet(), view);
    }

    private record Delegating(TraceModel m, boolean ownStepMany, Set<String> blockThreads,
                              BiFunction<StepBlock, Integer, StepBlock> blockView) implements TraceModel {
        @Override
        public ModelInfo info() {
            return m.info();
        }

        @Override
        public TraceModel.State newState() {
            return m.newState();
        }

        @Override
        public StepTrace step(TraceModel.State state, int token) {
            return m.step(state, token);
        }

        @Override
        public StepTrace[] stepMany(TraceModel.State state, int[] tokens) {
            return ownStepMany ? m.stepMany(state, tokens) : TraceModel.super.stepMany(state, tokens);
        }

        @Override
        public boolean gateFromDelta() {
            return blockThreads != null ? m.gateFromDelta() : TraceModel.super.gateFromDelta();
        }

        @Override
        public float gateMean(int layer, int d, float delta) {
            return blockThreads != null ? m.gateMean(layer, d, delta) : TraceModel.super.gateMean(layer, d, delta);
        }

        @Override
        public StepBlock stepBlock(TraceModel.State state, int[] tokens, int slot) {
            if (blockThreads == null) {
                return TraceModel.super.stepBlock(state, tokens, slot);
            }
            blockThreads.add(Thread.currentThread().getName());
            StepBlock block = m.stepBlock(state, tokens, slot);
            return blockView == null ? block : blockView.apply(block, slot);
        }

        @Override
        public float[][][][] hiddenStates(int[][] words, SelectiveScanKernel kernel) {
            return blockThreads != null ? m.hiddenStates(words, kernel) : TraceModel.super.hiddenStates(words, kernel);
        }
    }

    /** An oracle for {@code lang} that errs at position {@code errAt} (1-based), or never when {@code errAt < 1}. */
    public static TraceModel oracle(LanguageEntry lang, int errAt) {
        return new Oracle(lang, errAt);
    }

    private static final class Oracle implements TraceModel {
        private final LanguageEntry lang;
        private final int errAt;
        private final ModelInfo info;
        private static final int ED = 4;
        private static final int N = 2;

        Oracle(LanguageEntry lang, int errAt) {
            this.lang = lang;
            this.errAt = errAt;
            this.info = new ModelInfo("oracle" + (errAt > 0 ? " (errs at " + errAt + ")" : ""), 1, 2, ED, N,
                    lang.machine().alphabet().size(), lang.reference().width(), GateRange.SIGNED, "test", true);
        }

        final class S implements TraceModel.State {
            Config config = lang.machine().start();
            int t;

            @Override
            public TraceModel.State copy() {
                S s = new S();
                s.config = config;
                s.t = t;
                return s;
            }

            @Override
            public float[] hiddenState(int layer) {
                float[] h = new float[ED * N];
                int[] regs = lang.machine().registers(config);              // a DFA's state id, or the depth
                h[Math.floorMod(regs.length == 0 ? 0 : regs[0], ED * N)] = 1f;
                return h;
            }
        }

        @Override
        public ModelInfo info() {
            return info;
        }

        @Override
        public TraceModel.State newState() {
            return new S();
        }

        @Override
        public StepTrace step(TraceModel.State state, int token) {
            S s = (S) state;
            Config before = s.config;
            s.config = lang.machine().step(s.config, token);
            s.t++;
            Target target = lang.reference().target(before, token, s.config);
            float[] logits = new float[info.outputWidth()];
            for (int i = 0; i < logits.length; i++) {
                boolean on = target.unit(i) ^ (s.t == errAt && i == 0);
                logits[i] = on ? 3f : -3f;
            }
            float[] gate = new float[ED * N];
            Arrays.fill(gate, token == 1 ? -0.9f : 0.9f);
            float[] delta = new float[ED];
            Arrays.fill(delta, 0.1f * (token + 1));
            var layer = new StepTrace.LayerTrace(new float[ED], delta, gate, new float[N], new float[N],
                    s.hiddenState(0), new float[ED]);
            return new StepTrace(new StepTrace.LayerTrace[] {layer}, logits);
        }
    }
}
