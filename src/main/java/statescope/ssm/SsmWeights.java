package statescope.ssm;

import static statescope.ssm.WeightNames.*;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SequencedMap;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The parameters of a Mamba-1 language model, immutable after construction (every array is copied in
 * and out). Names and shapes are the reference state dict's ({@link WeightNames}), so a PyTorch
 * checkpoint maps one to one.
 *
 * <p>Build one with {@link #init} (Mamba's seeded reference initialisation) or {@link #fromTensors}
 * (checkpoints, optimiser updates); read it back with {@link #tensors()}.
 */
public final class SsmWeights {

    private final SsmConfig config;
    final float[] embedding;   // [V, D]
    final LayerWeights[] layers;
    final float[] normF;       // [D]
    final float[] normFBias;   // [D] or null (RMSNorm)
    final float[] head;        // [O, D]
    final float[] headBias;    // [O] or null
    final float[] headT;       // [D, pad16(O)] derived, zero beyond O

    private SsmWeights(SsmConfig config, Map<String, float[]> t) {
        this.config = config;
        this.embedding = t.get(EMBEDDING);
        this.layers = new LayerWeights[config.nLayer()];
        int k = config.dConv();
        for (int i = 0; i < layers.length; i++) {
            final int li = i;
            Function<String, float[]> g = s -> t.get(layer(li, s));
            layers[i] = new LayerWeights(config, g.apply(NORM), g.apply(NORM_BIAS), g.apply(IN_PROJ),
                    g.apply(CONV_W), g.apply(CONV_B), g.apply(X_PROJ), g.apply(DT_W), g.apply(DT_B),
                    g.apply(A_LOG), g.apply(D_SKIP), g.apply(OUT_PROJ));
            assert layers[i].convW.length == config.dInner() * k;
        }
        this.normF = t.get(NORM_F);
        this.normFBias = t.get(NORM_F_BIAS);
        this.head = t.get(HEAD);
        this.headBias = t.get(HEAD_BIAS);
        this.headT = Layouts.transposePadded(head, config.outputSize(), config.dModel(),
                Layouts.pad16(config.outputSize()));
    }

    /** A copy of layer {@code layer}'s state matrix A = −exp(A_log), {@code [ED, N]}. */
    public float[] stateMatrix(int layer) {
        return layers[layer].a.clone();
    }

    /** The hyper-parameters. */
    public SsmConfig config() {
        return config;
    }

    /** Whether the head has a bias ({@code lm_head.bias}). */
    public boolean hasHeadBias() {
        return headBias != null;
    }

    /**
     * Mamba's reference initialisation, seeded: embedding N(0, 1); norms weight 1, bias 0; linear layers
     * (in_proj, x_proj, out_proj, lm_head) and conv1d as PyTorch's default, U(±1/√fan_in) for weights and
     * biases; dt_proj.weight U(±R^−½); dt_proj.bias = softplus⁻¹(Δ₀) with Δ₀ log-uniform in
     * [1e-3, 1e-1], floored at 1e-4; A_log[d, n] = log(n+1); D = 1. Same seed, same weights.
     *
     * @param headBias whether the head has a bias (the paper's head is an {@code nn.Linear} with bias)
     */
    public static SsmWeights init(SsmConfig config, long seed, boolean headBias) {
        return init(config, seed, headBias, 1.0);
    }

    /**
     * {@link #init(SsmConfig, long, boolean) Mamba's initialisation} with A scaled: A_log[d, n] =
     * log(aScale·(n+1)), so A = −aScale·(n+1) (S4D-real for aScale 1). A smaller scale starts every channel
     * with a longer memory, Ā = exp(ΔA) nearer 1, which the selective Δ can still shorten.
     *
     * @param aScale &gt; 0; 1 for Mamba's own initialisation (then the same weights as without it)
     */
    public static SsmWeights init(SsmConfig config, long seed, boolean headBias, double aScale) {
        if (!(aScale > 0) || !Double.isFinite(aScale)) {
            throw new IllegalArgumentException("the A initialisation scale must be a finite number > 0, got " + aScale);
        }
        var shapes = WeightNames.shapes(config, headBias);
        var root = new SplittableRandom(seed);
        var values = new LinkedHashMap<String, float[]>();
        for (var e : shapes.entrySet()) {
            String name = e.getKey();
            int[] shape = e.getValue();
            var rnd = root.split(); // one stream per tensor, in canonical order
            float[] v = new float[Math.toIntExact(Tensor.numel(shape))];
            if (name.equals(EMBEDDING)) {
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) rnd.nextGaussian();
                }
            } else if (name.endsWith(NORM) || name.equals(NORM_F) || name.endsWith(D_SKIP)) {
                Arrays.fill(v, 1f);
            } else if (name.endsWith("norm.bias") || name.equals(NORM_F_BIAS)) {
                Arrays.fill(v, 0f);
            } else if (name.endsWith(A_LOG)) {
                int n = shape[1];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) Math.log((i % n + 1) * aScale);
                }
            } else if (name.endsWith(DT_W)) {
                uniform(v, rnd, Math.pow(config.dtRank(), -0.5));
            } else if (name.endsWith(DT_B)) {
                double lo = Math.log(1e-3);
                double hi = Math.log(1e-1);
                for (int i = 0; i < v.length; i++) {
                    double dt = Math.max(Math.exp(lo + rnd.nextDouble() * (hi - lo)), 1e-4);
                    v[i] = (float) Activations.inverseSoftplus(dt);
                }
            } else if (name.endsWith(CONV_W) || name.endsWith(CONV_B)) {
                uniform(v, rnd, 1.0 / Math.sqrt(config.dConv())); // fan_in = (ED/groups)·K = K
            } else if (name.equals(HEAD_BIAS)) {
                uniform(v, rnd, 1.0 / Math.sqrt(config.dModel()));
            } else { // linear weights [out, in]: fan_in = in
                uniform(v, rnd, 1.0 / Math.sqrt(shape[shape.length - 1]));
            }
            values.put(name, v);
        }
        return new SsmWeights(config, values);
    }

    /** {@link #init(SsmConfig, long, boolean)} with a head bias. */
    public static SsmWeights init(SsmConfig config, long seed) {
        return init(config, seed, true);
    }

    private static void uniform(float[] v, SplittableRandom rnd, double bound) {
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((rnd.nextDouble() * 2 - 1) * bound);
        }
    }

    /**
     * Builds weights from named tensors (copied). Every name of {@link WeightNames#shapes} must be
     * present with exactly that shape ({@code conv1d.weight} may also be given as [ED, K]); the head
     * bias is optional; unknown names, wrong shapes and non-finite values are rejected.
     *
     * @throws IllegalArgumentException one message naming the tensor and the problem
     */
    public static SsmWeights fromTensors(SsmConfig config, Map<String, Tensor> tensors) {
        Objects.requireNonNull(config, "config");
        boolean headBias = tensors.containsKey(HEAD_BIAS);
        var shapes = WeightNames.shapes(config, headBias);
        for (String name : tensors.keySet()) {
            if (!shapes.containsKey(name)) {
                throw new IllegalArgumentException("tensor " + name + ": not part of a model with this "
                        + "config (expected names like " + EMBEDDING + ", " + layer(0, IN_PROJ) + ")");
            }
        }
        var values = new LinkedHashMap<String, float[]>();
        for (var e : shapes.entrySet()) {
            String name = e.getKey();
            Tensor t = tensors.get(name);
            if (t == null) {
                throw new IllegalArgumentException("tensor " + name + ": missing (expected shape "
                        + Arrays.toString(e.getValue()) + ")");
            }
            int[] want = e.getValue();
            boolean convFlat = name.endsWith(CONV_W) && Arrays.equals(t.shape(), new int[] {want[0], want[2]});
            if (!Arrays.equals(t.shape(), want) && !convFlat) {
                throw new IllegalArgumentException("tensor " + name + ": shape " + t.shapeString()
                        + ", expected " + Arrays.toString(want));
            }
            float[] v = t.data();
            for (int i = 0; i < v.length; i++) {
                if (!Float.isFinite(v[i])) {
                    throw new IllegalArgumentException("tensor " + name + ": non-finite value " + v[i]
                            + " at flat index " + i);
                }
            }
            values.put(name, v.clone());
        }
        return new SsmWeights(config, values);
    }

    /** Every parameter as a fresh copy, in canonical order (see {@link WeightNames}). */
    public SequencedMap<String, Tensor> tensors() {
        var shapes = WeightNames.shapes(config, hasHeadBias());
        var out = new LinkedHashMap<String, Tensor>();
        for (var e : shapes.entrySet()) {
            out.put(e.getKey(), new Tensor(e.getValue(), raw(e.getKey()).clone()));
        }
        return out;
    }

    /** One parameter as a fresh copy. */
    public Tensor tensor(String name) {
        int[] shape = WeightNames.shapes(config, hasHeadBias()).get(name);
        if (shape == null) {
            throw new IllegalArgumentException("no tensor named " + name);
        }
        return new Tensor(shape, raw(name).clone());
    }

    /** Total number of parameters. */
    public long parameterCount() {
        long n = 0;
        for (int[] s : WeightNames.shapes(config, hasHeadBias()).values()) {
            n += Tensor.numel(s);
        }
        return n;
    }

    /** Whether both have the same config and bit-identical tensors. */
    public boolean contentEquals(SsmWeights o) {
        if (!config.equals(o.config) || hasHeadBias() != o.hasHeadBias()) {
            return false;
        }
        for (String name : WeightNames.shapes(config, hasHeadBias()).keySet()) {
            if (!Arrays.equals(raw(name), o.raw(name))) {
                return false;
            }
        }
        return true;
    }

    private float[] raw(String name) {
        switch (name) {
            case EMBEDDING: return embedding;
            case NORM_F: return normF;
            case NORM_F_BIAS: return normFBias;
            case HEAD: return head;
            case HEAD_BIAS: return headBias;
            default: break;
        }
        String rest = name.substring("backbone.layers.".length());
        int dot = rest.indexOf('.');
        LayerWeights l = layers[Integer.parseInt(rest.substring(0, dot))];
        return switch (rest.substring(dot + 1)) {
            case NORM -> l.normW;
            case NORM_BIAS -> l.normB;
            case IN_PROJ -> l.inProj;
            case CONV_W -> l.convW;
            case CONV_B -> l.convB;
            case X_PROJ -> l.xProj;
            case DT_W -> l.dtW;
            case DT_B -> l.dtB;
            case A_LOG -> l.aLog;
            case D_SKIP -> l.dSkip;
            case OUT_PROJ -> l.outProj;
            default -> throw new IllegalArgumentException("no tensor named " + name);
        };
    }

    @Override
    public String toString() {
        return "SsmWeights[" + config + ", " + parameterCount() + " parameters]";
    }
}
