package statescope.construct;

import static statescope.ssm.WeightNames.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import statescope.ssm.Checkpoint;
import statescope.ssm.GateRange;
import statescope.ssm.Manifest;
import statescope.ssm.NormKind;
import statescope.ssm.SsmConfig;
import statescope.ssm.SsmWeights;
import statescope.ssm.Tensor;

/**
 * Builds the weights of a constructed Mamba model: the residual stream's dimensions, the layers
 * ({@link LayerBuilder}) and the head, assembled into reference-named tensors.
 *
 * <p>The residual stream keeps every entry exact. <em>Sign</em> dimensions hold ±1 (the bias +1, the
 * token one-hot, every boolean a layer writes, padding +1); <em>count</em> dimensions hold an integer n
 * scaled by ε = 2^−k and sit after all sign dimensions. With D a power of two and T count dimensions,
 * the RMSNorm's mean square is (D − T)/D (the (ε·n)² terms are below half an ulp of the running sum
 * and vanish) and normEps = T/D makes it exactly 1, so the norm multiplies by 1 and then by its weight:
 * 1 on sign dimensions, 2^k on count dimensions, which gives u = n exactly. Without count dimensions
 * normEps = 2^−30, which vanishes next to 1.
 */
public final class ModelBuilder {

    static final int BIAS = 0;
    /** A true feature's x, the Δ of a write, SiLU(z) of an open gate. */
    static final float ON = 64f;
    static final float RAMP = 128f;
    /** dt pre-activation of a hold: softplus(−1984) = 0 exactly; of a write: −1984 + 2048 = 64. */
    static final float S_HOLD = -1984f;
    static final float S_STEP = 2048f;
    static final float B = 1f / 4096;     // Δ·B·x = 64·2^−12·64 = 1
    static final float C = 1f / 64;       // y = h/64, g = y·SiLU(z) = h·(gate)
    static final float A_LOG_RESET = (float) Math.log(4);   // A ≈ −4: Ā = exp(64·−4) = 0
    static final float A_LOG_KEEP = -200f;                  // A = −exp(−200) = −0: Ā = 1
    /**
     * Signed gates (Ā = 2·exp(ΔA) − 1) reset with Ā = 0, i.e. exp(ΔA) = ½ exactly: A = −2^−7 and
     * Δ = 128·fl(ln 2), so ΔA = −fl(ln 2), whose exp rounds to ½; B = fl(1/(64Δ)) makes Δ·B·64 = 1. A swap
     * takes Δ = 2^14 (ΔA = −128, Ā = −1) and B = 2^−20.
     */
    static final float A_LOG_SIGNED = (float) Math.log(0x1p-7);
    static final float DELTA_RESET = 128 * (float) Math.log(2);
    static final float B_RESET = signedResetB();
    static final float DELTA_SWAP = 0x1p14f;
    static final float B_SWAP = 0x1p-20f;
    static final int B_ROW = -1;
    static final int C_ROW = -2;

    private static float signedResetB() {
        float b = (float) (1.0 / (64.0 * DELTA_RESET));
        for (float c : new float[] {b, Math.nextUp(b), Math.nextDown(b), Math.nextUp(Math.nextUp(b))}) {
            if (DELTA_RESET * c == 0x1p-6f && (float) -Math.exp(A_LOG_SIGNED) == -0x1p-7f) {
                return c;
            }
        }
        throw new IllegalStateException("no exact signed reset in this float arithmetic");
    }

    private final List<String> vocabulary;
    private final List<String> outputs;
    private final int conv;
    private final List<String> dimNames = new ArrayList<>();
    private final List<Integer> countLog2 = new ArrayList<>();   // −1 for a sign dim
    private final List<Float> initial = new ArrayList<>();
    private final int[] tokenDims;
    private final List<LayerBuilder> layers = new ArrayList<>();
    private final Form[] head;

    /** A builder for a model reading {@code vocabulary} and writing one logit per name of {@code outputs}. */
    public ModelBuilder(List<String> vocabulary, List<String> outputs) {
        this.vocabulary = List.copyOf(vocabulary);
        this.outputs = List.copyOf(outputs);
        this.conv = 4;
        addDim("bias", -1, 1f);
        tokenDims = new int[vocabulary.size()];
        for (int v = 0; v < tokenDims.length; v++) {
            tokenDims[v] = addDim("token " + vocabulary.get(v), -1, -1f);
        }
        head = new Form[outputs.size()];
        Arrays.fill(head, Form.zero());
    }

    private int addDim(String name, int log2, float init) {
        dimNames.add(name);
        countLog2.add(log2);
        initial.add(init);
        return dimNames.size() - 1;
    }

    int conv() {
        return conv;
    }

    /** The dimension of token v (+1 at that token, −1 otherwise). */
    public int token(int v) {
        return tokenDims[v];
    }

    /** The condition "the current token is one of {@code tokens}". */
    public Form tokenIn(int... tokens) {
        Form f = Form.zero();
        for (int v : tokens) {
            f = f.plus(Form.is(tokenDims[v]));
        }
        return f;
    }

    /** A new sign dimension, −1 until a layer adds 2 to it. */
    public int sign(String name) {
        return addDim(name, -1, -1f);
    }

    /** A new count dimension holding an integer n as n·2^−log2 (|n| well below 2^(log2/2 − 10)). */
    public int count(String name, int log2) {
        return addDim(name, log2, 0f);
    }

    double epsilon(int dim) {
        int k = countLog2.get(dim);
        return k < 0 ? 1.0 : Math.scalb(1.0, -k);
    }

    /** Appends a layer. */
    public LayerBuilder layer() {
        var l = new LayerBuilder(this);
        layers.add(l);
        return l;
    }

    /** Sets output o's logit to f(u) after the final norm (a constant through the bias dimension). */
    public void head(int o, Form f) {
        head[o] = f;
    }

    /** The weights and manifest. */
    public Checkpoint build(GateRange gates, String languageId, String notes) {
        if (layers.isEmpty()) {
            layer();
        }
        int signs = 0;
        int counts = 0;
        for (int k : countLog2) {
            signs += k < 0 ? 1 : 0;
            counts += k < 0 ? 0 : 1;
        }
        int dm = Math.max(8, Integer.highestOneBit(signs + counts - 1) << 1);   // a power of two ≥ dims
        int[] phys = new int[dimNames.size()];                  // logical → physical dimension
        int nextSign = 0;
        int nextCount = dm - counts;
        for (int i = 0; i < phys.length; i++) {
            phys[i] = countLog2.get(i) < 0 ? nextSign++ : nextCount++;
        }
        int width = 1;
        int rank = 1;
        for (LayerBuilder l : layers) {
            width = Math.max(width, l.channels.size());
            rank = Math.max(rank, l.controlNames.size());
        }
        int expand = (width + dm - 1) / dm;
        int ed = expand * dm;
        float eps = counts > 0 ? (float) counts / dm : 0x1p-30f;
        var cfg = new SsmConfig(dm, layers.size(), 1, expand, conv, rank, vocabulary.size(),
                outputs.size(), gates, true, NormKind.RMS, eps);
        float[] normW = new float[dm];                          // [D]
        Arrays.fill(normW, 1f);
        for (int i = 0; i < phys.length; i++) {
            normW[phys[i]] = (float) (1.0 / epsilon(i));
        }
        float[] emb = new float[vocabulary.size() * dm];         // [V, D]
        for (int v = 0; v < vocabulary.size(); v++) {
            Arrays.fill(emb, v * dm, v * dm + dm - counts, 1f);   // padding +1
            for (int i = 0; i < phys.length; i++) {
                emb[v * dm + phys[i]] = countLog2.get(i) >= 0 ? 0f : initial.get(i);
            }
            emb[v * dm + phys[tokenDims[v]]] = 1f;
        }
        var t = new LinkedHashMap<String, Tensor>();
        t.put(EMBEDDING, new Tensor(new int[] {vocabulary.size(), dm}, emb));
        var names = new ArrayList<List<String>>();
        for (int li = 0; li < cfg.nLayer(); li++) {
            LayerTensors lt = new LayerTensors(layers.get(li), cfg, phys);
            lt.put(t, li, normW);
            names.add(lt.names());
        }
        t.put(NORM_F, new Tensor(new int[] {dm}, normW.clone()));
        float[] h = new float[outputs.size() * dm];              // [O, D]
        for (int o = 0; o < outputs.size(); o++) {
            for (var e : head[o].coefficients().entrySet()) {
                h[o * dm + phys[e.getKey()]] += e.getValue().floatValue();
            }
        }
        t.put(HEAD, new Tensor(new int[] {outputs.size(), dm}, h));
        var weights = SsmWeights.fromTensors(cfg, t);
        var manifest = new Manifest(Manifest.FORMAT_VERSION, cfg, vocabulary, outputs, languageId, 0, 0, Map.of(),
                notes, Manifest.CONSTRUCTED, names);
        return new Checkpoint(weights, manifest);
    }

    /** The names of the residual dimensions in logical order (bias, tokens, then as added). */
    public List<String> dimensions() {
        return List.copyOf(dimNames);
    }
}
