package statescope.ssm;

import static statescope.ssm.WeightNames.*;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;
import java.util.TreeSet;

/**
 * Tensor names of the PyTorch world mapped onto this project's ({@link WeightNames}, which are mamba_ssm's
 * {@code MambaLMHeadModel} names), and the tensors of models this app cannot run refused with one line.
 *
 * <pre>
 *   Hugging Face MambaForCausalLM            here (= mamba_ssm MambaLMHeadModel)
 *   backbone.embeddings.weight       [V, D]  backbone.embedding.weight
 *   backbone.layers.{i}.norm.weight          same
 *   backbone.layers.{i}.mixer.*              same (in_proj, conv1d, x_proj, dt_proj, A_log, D, out_proj)
 *   backbone.layers.{i}.mixer.in_proj.bias   dropped when all zero (use_bias), else refused
 *   backbone.layers.{i}.mixer.out_proj.bias  dropped when all zero (use_bias), else refused
 *   (no conv1d.bias: use_conv_bias false)    conv1d.bias = 0  [ED]
 *   backbone.norm_f.weight                   same
 *   lm_head.weight (absent when tied)        lm_head.weight (the embedding when absent)
 *   embeddings.weight, layers.{i}.*, norm_f.weight (MambaModel, no head): prefixed with backbone.
 * </pre>
 *
 * Refused: Mamba-2 ({@code mixer.dt_bias}, {@code mixer.norm.weight}, {@code A_log} of shape [nheads]),
 * mamba_ssm's MLP layers ({@code mlp.*}, {@code norm2.*}).
 */
public final class ForeignNames {

    /** How the names were laid out. */
    public enum Layout {
        /** This project's names, which are mamba_ssm's {@code MambaLMHeadModel} names. */
        MAMBA_SSM("mamba_ssm MambaLMHeadModel"),
        /** Hugging Face {@code MambaForCausalLM} (or {@code MambaModel}) from {@code save_pretrained}. */
        HUGGING_FACE("Hugging Face MambaForCausalLM");

        private final String label;

        Layout(String label) {
            this.label = label;
        }

        /** The model class the names come from, for messages and notes. */
        public String label() {
            return label;
        }
    }

    /** Tensors under this project's names, and the layout they came in. */
    public record Renamed(SequencedMap<String, Tensor> tensors, Layout layout) {
    }

    private static final String HF_EMBEDDING = "backbone.embeddings.weight";
    private static final String IN_PROJ_BIAS = "mixer.in_proj.bias";
    private static final String OUT_PROJ_BIAS = "mixer.out_proj.bias";

    private ForeignNames() {
    }

    /** Which layout names in {@code names} follow (Hugging Face when its embedding name is there). */
    public static Layout layoutOf(Iterable<String> names) {
        for (String n : names) {
            if (n.equals(HF_EMBEDDING) || n.equals("embeddings.weight")) {
                return Layout.HUGGING_FACE;
            }
        }
        return Layout.MAMBA_SSM;
    }

    /**
     * Maps tensors onto this project's names (see the class comment), refusing what this app cannot run.
     *
     * @throws CheckpointException one line naming the tensor and why
     */
    public static Renamed toOwnNames(SequencedMap<String, Tensor> in) throws CheckpointException {
        var shapes = new LinkedHashMap<String, int[]>();
        in.forEach((n, t) -> shapes.put(n, t.shape()));
        refuseUnsupported(shapes);
        Layout layout = layoutOf(in.keySet());
        var out = new LinkedHashMap<String, Tensor>();
        var layers = new TreeSet<Integer>();
        for (var e : in.entrySet()) {
            String name = e.getKey();
            if (name.startsWith("embeddings.") || name.startsWith("layers.") || name.startsWith("norm_f.")) {
                name = "backbone." + name;                                   // MambaModel: no backbone prefix
            }
            if (name.equals(HF_EMBEDDING)) {
                name = EMBEDDING;
            }
            if (name.endsWith(IN_PROJ_BIAS) || name.endsWith(OUT_PROJ_BIAS)) {
                if (!allZero(e.getValue())) {
                    throw new CheckpointException("tensor " + e.getKey() + ": in_proj/out_proj biases (use_bias) are "
                            + "not part of this app's Mamba block; only all-zero biases can be dropped");
                }
                continue;
            }
            if (out.put(name, e.getValue()) != null) {
                throw new CheckpointException("tensor " + e.getKey() + ": appears twice under different names");
            }
            Integer li = layerIndex(name);
            if (li != null) {
                layers.add(li);
            }
        }
        for (int li : layers) {
            Tensor dt = out.get(layer(li, DT_B));
            if (!out.containsKey(layer(li, CONV_B)) && out.containsKey(layer(li, CONV_W)) && dt != null) {
                out.put(layer(li, CONV_B), new Tensor(new int[] {dt.shape()[0]}, new float[dt.size()])); // use_conv_bias false
            }
        }
        return new Renamed(out, layout);
    }

    /** Refuses Mamba-2 and MLP tensors with a message saying what they are. */
    static void refuseUnsupported(Map<String, int[]> shapes) throws CheckpointException {
        for (var e : shapes.entrySet()) {
            String n = e.getKey();
            if (n.endsWith("mixer.dt_bias") || n.endsWith("mixer.norm.weight")
                    || (n.endsWith(A_LOG) && e.getValue().length == 1)) {
                throw new CheckpointException("tensor " + n + " " + Arrays.toString(e.getValue())
                        + " belongs to a Mamba-2 "
                        + "block (dt_bias, a norm inside the mixer, A_log of shape [nheads]): this app runs Mamba-1 "
                        + "blocks only");
            }
            if (n.contains(".mlp.") || n.contains(".norm2.")) {
                throw new CheckpointException("tensor " + n + ": layers with an MLP (mamba_ssm d_intermediate > 0) are "
                        + "not supported, only plain Mamba blocks");
            }
        }
    }

    private static Integer layerIndex(String name) {
        if (!name.startsWith("backbone.layers.")) {
            return null;
        }
        String rest = name.substring("backbone.layers.".length());
        int dot = rest.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? rest : rest.substring(0, dot));
        } catch (NumberFormatException e) {
            return null;                                                     // inferConfig names it
        }
    }

    private static boolean allZero(Tensor t) {
        for (float v : t.data()) {
            if (v != 0f) {
                return false;
            }
        }
        return true;
    }
}
