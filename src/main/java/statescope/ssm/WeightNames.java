package statescope.ssm;

import java.util.LinkedHashMap;
import java.util.SequencedMap;

/**
 * The reference state-dict names and shapes (Mamba's {@code MambaLMHeadModel} / {@code MixerModel}),
 * in the canonical order used by {@link SsmWeights#tensors()}, the optimiser and checkpoints.
 *
 * <pre>
 *   backbone.embedding.weight                 [V, D]
 *   backbone.layers.{i}.norm.weight           [D]          (+ .bias [D] for LayerNorm)
 *   backbone.layers.{i}.mixer.in_proj.weight  [2·ED, D]    rows 0..ED-1 give x, rows ED.. give z
 *   backbone.layers.{i}.mixer.conv1d.weight   [ED, 1, K]   depthwise; tap K-1 multiplies the current token
 *   backbone.layers.{i}.mixer.conv1d.bias     [ED]
 *   backbone.layers.{i}.mixer.x_proj.weight   [R+2N, ED]   rows: δ (R), B (N), C (N); [R+2N, 1] when not selective
 *   backbone.layers.{i}.mixer.dt_proj.weight  [ED, R]
 *   backbone.layers.{i}.mixer.dt_proj.bias    [ED]
 *   backbone.layers.{i}.mixer.A_log           [ED, N]
 *   backbone.layers.{i}.mixer.D               [ED]
 *   backbone.layers.{i}.mixer.out_proj.weight [D, ED]
 *   backbone.norm_f.weight                    [D]          (+ .bias [D] for LayerNorm)
 *   lm_head.weight                            [O, D]
 *   lm_head.bias                              [O]          optional
 * </pre>
 */
public final class WeightNames {

    public static final String EMBEDDING = "backbone.embedding.weight";
    public static final String NORM_F = "backbone.norm_f.weight";
    public static final String NORM_F_BIAS = "backbone.norm_f.bias";
    public static final String HEAD = "lm_head.weight";
    public static final String HEAD_BIAS = "lm_head.bias";

    /** Per-layer suffixes after {@code backbone.layers.{i}.}. */
    public static final String NORM = "norm.weight";
    public static final String NORM_BIAS = "norm.bias";
    public static final String IN_PROJ = "mixer.in_proj.weight";
    public static final String CONV_W = "mixer.conv1d.weight";
    public static final String CONV_B = "mixer.conv1d.bias";
    public static final String X_PROJ = "mixer.x_proj.weight";
    public static final String DT_W = "mixer.dt_proj.weight";
    public static final String DT_B = "mixer.dt_proj.bias";
    public static final String A_LOG = "mixer.A_log";
    public static final String D_SKIP = "mixer.D";
    public static final String OUT_PROJ = "mixer.out_proj.weight";

    private WeightNames() {
    }

    /** {@code backbone.layers.{layer}.{suffix}}. */
    public static String layer(int layer, String suffix) {
        return "backbone.layers." + layer + "." + suffix;
    }

    /** Every tensor name of a model with this config, in canonical order, with its shape. */
    public static SequencedMap<String, int[]> shapes(SsmConfig c, boolean headBias) {
        int d = c.dModel();
        int ed = c.dInner();
        var m = new LinkedHashMap<String, int[]>();
        m.put(EMBEDDING, new int[] {c.vocabSize(), d});
        for (int i = 0; i < c.nLayer(); i++) {
            m.put(layer(i, NORM), new int[] {d});
            if (c.norm().hasBias()) {
                m.put(layer(i, NORM_BIAS), new int[] {d});
            }
            m.put(layer(i, IN_PROJ), new int[] {2 * ed, d});
            m.put(layer(i, CONV_W), new int[] {ed, 1, c.dConv()});
            m.put(layer(i, CONV_B), new int[] {ed});
            m.put(layer(i, X_PROJ), new int[] {c.xProjRows(), c.xProjCols()});
            m.put(layer(i, DT_W), new int[] {ed, c.dtRank()});
            m.put(layer(i, DT_B), new int[] {ed});
            m.put(layer(i, A_LOG), new int[] {ed, c.dState()});
            m.put(layer(i, D_SKIP), new int[] {ed});
            m.put(layer(i, OUT_PROJ), new int[] {d, ed});
        }
        m.put(NORM_F, new int[] {d});
        if (c.norm().hasBias()) {
            m.put(NORM_F_BIAS, new int[] {d});
        }
        m.put(HEAD, new int[] {c.outputSize(), d});
        if (headBias) {
            m.put(HEAD_BIAS, new int[] {c.outputSize()});
        }
        return m;
    }
}
