package statescope.inspect;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import statescope.ssm.FastForward;
import statescope.ssm.GateRange;
import statescope.ssm.ReferenceForward;
import statescope.ssm.SelectiveScanKernel;
import statescope.ssm.SsmConfig;
import statescope.ssm.SsmState;
import statescope.ssm.SsmStepper;
import statescope.ssm.SsmWeights;
import statescope.ssm.Traces;
import statescope.ssm.VectorSupport;

/**
 * Adapts the engine's Mamba model ({@link SsmWeights}, stepped by {@link SsmStepper}) to
 * {@link TraceModel}. Steppers keep scratch buffers, so each thread gets its own; the UI thread and the
 * projection worker can step the same model at once. The step-vs-scan deviation compares the step path
 * with the engine's batched {@link FastForward} scan on the same tokens.
 */
public final class EngineModel implements TraceModel {

    private final SsmWeights weights;
    private final ModelInfo info;
    private final ThreadLocal<SsmStepper> stepper;
    private final FastForward single;                          // one thread: the other core stays with the UI
    private final ThreadLocal<FastForward.Workspace[]> workspaces = ThreadLocal.withInitial(
            () -> new FastForward.Workspace[] {new FastForward.Workspace(true), new FastForward.Workspace(true)});
    private final float[][] stateMatrix;                                // [L][ED * N]  A = −exp(A_log)
    private final List<List<String>> channelNames;                      // [L][ED] or empty

    /**
     * @param name    display name (checkpoint file, or "random init")
     * @param trained whether the weights come from training
     */
    public EngineModel(SsmWeights weights, String name, boolean trained) {
        this(weights, name, trained, false, List.of());
    }

    /**
     * @param name         display name (checkpoint file, or "random init")
     * @param trained      whether the weights come from a checkpoint
     * @param constructed  whether they were constructed rather than trained (the manifest's kind)
     * @param channelNames per layer the names of its channels (a constructed model's manifest), or empty
     */
    public EngineModel(SsmWeights weights, String name, boolean trained, boolean constructed,
                       List<List<String>> channelNames) {
        this.weights = weights;
        this.channelNames = List.copyOf(channelNames);
        this.stepper = ThreadLocal.withInitial(() -> new SsmStepper(weights));
        this.single = new FastForward(weights, VectorSupport.fastScan(1), 1);
        SsmConfig c = weights.config();
        this.stateMatrix = new float[c.nLayer()][];
        for (int l = 0; l < c.nLayer(); l++) {
            stateMatrix[l] = weights.stateMatrix(l);
        }
        this.info = new ModelInfo(name, c.nLayer(), c.dModel(), c.dInner(), c.dState(), c.vocabSize(),
                c.outputSize(), c.gates(), stepper.get().backend(), trained, constructed);
    }

    /** A randomly initialised model with Mamba's defaults around the given sizes. */
    public static EngineModel random(int vocab, int outputs, int layers, int dModel,
                                     GateRange gates, long seed) {
        var config = SsmConfig.defaults(dModel, layers, vocab, outputs).withGates(gates);
        return new EngineModel(SsmWeights.init(config, seed), "random init (seed " + seed + ")", false);
    }

    @Override
    public List<List<String>> channelNames() {
        return channelNames;
    }

    public SsmWeights weights() {
        return weights;
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public boolean gateFromDelta() {
        return true;
    }

    /** Ā[d, :] averaged over N: the batched block's {@link ChannelKind#GATE} and a trace's derived Ā alike. */
    @Override
    public float gateMean(int layer, int d, float delta) {
        int n = info.dState();
        float[] a = stateMatrix[layer];
        var gates = weights.config().gates();
        float s = 0f;
        for (int k = 0; k < n; k++) {
            s += gates.gate(delta * a[d * n + k]);
        }
        return s / n;
    }

    private record EngineState(SsmState s) implements State {
        @Override
        public State copy() {
            return new EngineState(s.copy());
        }

        @Override
        public float[] hiddenState(int layer) {
            return s.h(layer);
        }
    }

    @Override
    public State newState() {
        return new EngineState(new SsmState(weights.config()));
    }

    @Override
    public StepTrace step(State state, int token) {
        if (token < 0 || token >= info.vocabSize()) {
            throw new IllegalArgumentException("token " + token + " outside the vocabulary 0.." + (info.vocabSize() - 1));
        }
        var tr = stepper.get().stepTraced(((EngineState) state).s(), token);
        var layers = new StepTrace.LayerTrace[tr.layers().size()];
        for (int l = 0; l < layers.length; l++) {
            var lt = tr.layers().get(l);
            layers[l] = new StepTrace.LayerTrace(lt.x(), lt.delta(), lt.aBar(), lt.b(), lt.c(), lt.h(), lt.y());
        }
        return new StepTrace(layers, tr.logits());
    }

    /** The batched forward on one thread (the other core stays with the UI), from the given state. */
    @Override
    public StepTrace[] stepMany(State state, int[] tokens) {
        return tracesOf(forward(state, tokens), tokens.length);
    }

    /** Per-token step traces of a batched forward over one string of {@code t} tokens. */
    StepTrace[] tracesOf(FastForward.Result result, int t) {
        var tr = result.trace(0);
        int ed = info.dInner();
        int n = info.dState();
        int o = info.outputWidth();
        var out = new StepTrace[t];
        for (int i = 0; i < t; i++) {
            var layers = new StepTrace.LayerTrace[tr.layers().size()];
            for (int l = 0; l < layers.length; l++) {
                var lt = tr.layers().get(l);
                layers[l] = new StepTrace.LayerTrace(slice(lt.x(), i, ed), slice(lt.delta(), i, ed),
                        slice(lt.aBar(), i, ed * n), slice(lt.b(), i, n), slice(lt.c(), i, n),
                        slice(lt.h(), i, ed * n), slice(lt.y(), i, ed));
            }
            out[i] = new StepTrace(layers, slice(tr.logits(), i, o));
        }
        return out;
    }

    /**
     * The same batched forward as {@link #stepMany}, read in place: Δ and h come straight from the scan's
     * input and output, Ā's mean over N is computed on the fly ({@code gate(Δ·A)}, summed in the order
     * {@link ChannelKind} sums it), so the values are bit for bit those of {@code stepMany}.
     */
    @Override
    public StepBlock stepBlock(State state, int[] tokens, int slot) {
        return blockOf(forward(state, tokens, workspaces.get()[slot]), tokens.length);
    }

    /** The block of a batched forward over one string of {@code tokens} tokens, read in place. */
    StepBlock blockOf(FastForward.Result result, int tokens) {
        int ed = info.dInner();
        int n = info.dState();
        int o = info.outputWidth();
        var layers = result.layers();                                  // B = 1: row t is token t
        return new StepBlock() {
            @Override
            public int length() {
                return tokens;
            }

            @Override
            public float[] logits(int t) {
                return slice(result.logits(), t, o);
            }

            @Override
            public void channels(int t, int layer, ChannelKind kind, float[] out) {
                var in = layers.get(layer).input();
                float[] delta = in.delta();                            // [T, ED]
                switch (kind) {
                    case DELTA -> System.arraycopy(delta, t * ed, out, 0, ed);
                    case STATE -> {
                        var scanned = layers.get(layer).output();
                        if (scanned.hMean() != null) {                 // the kernel's, the same bits
                            System.arraycopy(scanned.hMean(), t * ed, out, 0, ed);
                        } else {
                            ChannelKind.meanOverN(scanned.hAll(), t * ed * n, ed, n, out);
                        }
                    }
                    case GATE -> {
                        for (int d = 0; d < ed; d++) {
                            out[d] = gateMean(layer, d, delta[t * ed + d]);
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown quantity " + kind);
                }
            }

            /** A state laid out as [N, ED] for the projections, when the scan kept them as [ED, N]. */
            private float[] scratch;

            @Override
            public void h(int t, int layer, float[] out) {
                layers.get(layer).output().state(0, t, result.maxLen(), ed, n, out, 0);
            }

            @Override
            public void project(int t, int layer, StateProjection projection, float[] out, int outOff) {
                var scanned = layers.get(layer).output();
                if (scanned.stateMajor()) {                            // where the scan left it: nothing copied
                    projection.projectStateMajor(scanned.hAll(), t * ed * n, out, outOff);
                    return;
                }
                if (scratch == null) {
                    scratch = new float[ed * n];
                }
                projection.projectState(scanned.hAll(), t * ed * n, scratch, out, outOff);  // the same bits
            }
        };
    }

    /** Runs the batched forward from {@code state} and advances it past {@code tokens}, in fresh arrays. */
    FastForward.Result forward(State state, int[] tokens) {
        return forward(state, tokens, null);
    }

    /**
     * Runs the batched forward from {@code state} and advances it past {@code tokens}; with a workspace the
     * result is backed by it until its next use.
     */
    FastForward.Result forward(State state, int[] tokens, FastForward.Workspace workspace) {
        for (int tok : tokens) {
            if (tok < 0 || tok >= info.vocabSize()) {
                throw new IllegalArgumentException("token " + tok + " outside the vocabulary 0.." + (info.vocabSize() - 1));
            }
        }
        SsmState s = ((EngineState) state).s();
        var result = single.forward(new int[][] {tokens}, new FastForward.Options(true, true, new SsmState[] {s}),
                workspace);
        s.restore(result.finalStates()[0]);
        return result;
    }

    private static float[] slice(float[] a, int i, int width) {
        return Arrays.copyOfRange(a, i * width, (i + 1) * width);
    }

    /** The words as one batched forward on {@code kernel} (one thread for the projections), every h_t kept. */
    @Override
    public float[][][][] hiddenStates(int[][] words, SelectiveScanKernel kernel) {
        var out = new float[words.length][][][];                       // [W][T_w][L][ED * N]
        if (words.length == 0) {
            return out;
        }
        var result = new FastForward(weights, kernel, 1).forward(words, FastForward.Options.FULL);
        int stride = info.dInner() * info.dState();
        int layers = result.layers().size();
        for (int w = 0; w < words.length; w++) {
            out[w] = new float[words[w].length][layers][];
            for (int t = 0; t < words[w].length; t++) {
                int row = w * result.maxLen() + t;                      // padded layout [B, T, ED, N]
                for (int l = 0; l < layers; l++) {
                    float[] hAll = result.layers().get(l).output().hAll();
                    out[w][t][l] = Arrays.copyOfRange(hAll, row * stride, (row + 1) * stride);
                }
            }
        }
        return out;
    }

    @Override
    public OptionalDouble stepScanDeviation(int[] tokens) {
        if (tokens.length == 0) {
            return OptionalDouble.empty();
        }
        var stepped = stepper.get().run(new SsmState(weights.config()), tokens);
        var reference = ReferenceForward.forward(weights, tokens);   // not the fast scan: it shares
        return OptionalDouble.of(Traces.maxAbsDiff(stepped, reference));            // the step's kernels (always 0)
    }
}
