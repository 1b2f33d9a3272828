package statescope.ssm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import statescope.io.JsonErrors;

/**
 * The {@code config.json} saved beside a PyTorch Mamba model, in either of its two dialects, read for
 * what the tensor shapes cannot tell and checked against what they can.
 *
 * <pre>
 *   Hugging Face MambaConfig      mamba_ssm MambaConfig        here
 *   hidden_size                   d_model                      D  (dModel)
 *   num_hidden_layers             n_layer                      L  (nLayer)
 *   state_size                    ssm_cfg.d_state              N  (dState)
 *   expand / intermediate_size    ssm_cfg.expand               E  (ED = E·D)
 *   conv_kernel                   ssm_cfg.d_conv               K  (dConv)
 *   time_step_rank ("auto")       ssm_cfg.dt_rank ("auto")     R  (ceil(D/16) for "auto")
 *   vocab_size                    vocab_size (padded to        V  (the embedding's rows rule)
 *                                 pad_vocab_size_multiple)
 *   layer_norm_epsilon            (1e-5)                       normEps
 *   (always RMSNorm)              rms_norm                     norm
 *   use_bias                      ssm_cfg.bias                 in_proj/out_proj biases: must be zero
 *   use_conv_bias                 ssm_cfg.conv_bias            conv1d.bias (zeros when absent)
 *   tie_word_embeddings           tie_embeddings               lm_head absent: the embedding
 *   hidden_act                    (silu)                       must be silu
 *   residual_in_fp32              residual_in_fp32             ignored: everything runs in float32
 * </pre>
 *
 * <p>Refused: another {@code model_type} (mamba2, falcon_mamba, jamba, ...), mamba_ssm's
 * {@code ssm_cfg.layer = "Mamba2"}, its MLP ({@code d_intermediate > 0}) and attention layers.
 *
 * @param dialect  where it comes from
 * @param dModel   D, or null when not given
 * @param nLayer   L, or null
 * @param dState   N, or null
 * @param dInner   ED, or null
 * @param dConv    K, or null
 * @param dtRank   R, or null
 * @param vocab    V as written (mamba_ssm pads the embedding beyond it), or null
 * @param normEps  the norms' epsilon (1e-5 unless given)
 * @param norm     RMS unless mamba_ssm's {@code rms_norm} is false
 * @param tied     whether the head is the embedding (true unless the file says otherwise)
 */
public record ForeignConfig(Dialect dialect, Integer dModel, Integer nLayer, Integer dState, Integer dInner,
                            Integer dConv, Integer dtRank, Integer vocab, float normEps, NormKind norm, boolean tied) {

    /** Which library wrote the file. */
    public enum Dialect { HUGGING_FACE, MAMBA_SSM }

    /** Largest config.json read (a real one is about 1 KB). */
    public static final int MAX_BYTES = 1 << 20;

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** Parses a config.json; every problem is one {@link CheckpointException} naming the key. */
    public static ForeignConfig parse(String json) throws CheckpointException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new CheckpointException("config.json is not valid JSON: " + JsonErrors.reason(e));
        }
        if (root == null || !root.isObject()) {
            throw new CheckpointException("config.json is not a JSON object");
        }
        String type = text(root, "model_type");
        if (type != null && !type.equals("mamba")) {
            throw new CheckpointException("config.json: model_type '" + type + "' is not supported: this app runs "
                    + "Mamba-1 blocks (Hugging Face MambaForCausalLM, mamba_ssm MambaLMHeadModel)"
                    + (type.equals("falcon_mamba") ? "; FalconMamba also normalises B, C and Δ inside its mixer" : ""));
        }
        if (type != null || root.has("hidden_size")) {
            String act = text(root, "hidden_act");
            if (act != null && !act.equals("silu")) {
                throw new CheckpointException("config.json: hidden_act '" + act + "' is not supported (only silu)");
            }
            int d = required(root, "hidden_size");
            Integer inner = integer(root, "intermediate_size");
            Integer expand = integer(root, "expand");
            if (inner == null && expand != null) {
                inner = expand * d;
            }
            Float eps = number(root, "layer_norm_epsilon");
            return new ForeignConfig(Dialect.HUGGING_FACE, d, integer(root, "num_hidden_layers"),
                    integer(root, "state_size"), inner, integer(root, "conv_kernel"), rank(root, "time_step_rank", d),
                    integer(root, "vocab_size"), eps == null ? 1e-5f : eps, NormKind.RMS,
                    !Boolean.FALSE.equals(bool(root, "tie_word_embeddings")));
        }
        if (root.has("d_model")) {
            int d = required(root, "d_model");
            JsonNode mlpNode = root.get("d_intermediate");
            boolean zero = mlpNode != null && mlpNode.isNumber() && mlpNode.doubleValue() == 0;
            Integer mlp = zero ? null : integer(root, "d_intermediate");
            if (mlp != null) {
                throw new CheckpointException("config.json: d_intermediate " + mlp + " adds an MLP to every layer, "
                        + "which this app does not run (only plain Mamba blocks)");
            }
            JsonNode attn = root.get("attn_layer_idx");
            if (attn != null && attn.isArray() && !attn.isEmpty()) {
                throw new CheckpointException("config.json: attn_layer_idx " + attn + " names attention layers, "
                        + "which this app does not run (only plain Mamba blocks)");
            }
            JsonNode ssm = root.get("ssm_cfg");
            if (ssm == null || ssm.isNull()) {
                ssm = JSON.createObjectNode();
            } else if (!ssm.isObject()) {
                throw new CheckpointException("config.json: ssm_cfg is not an object");
            }
            String layer = text(ssm, "layer");
            if (layer != null && !layer.equals("Mamba1")) {
                throw new CheckpointException("config.json: ssm_cfg.layer '" + layer + "' is not supported: this app "
                        + "runs Mamba-1 blocks only");
            }
            Integer expand = integer(ssm, "expand");
            Boolean rms = bool(root, "rms_norm");
            return new ForeignConfig(Dialect.MAMBA_SSM, d, integer(root, "n_layer"), integer(ssm, "d_state"),
                    expand == null ? null : expand * d, integer(ssm, "d_conv"), rank(ssm, "dt_rank", d),
                    integer(root, "vocab_size"), 1e-5f, rms == null || rms ? NormKind.RMS : NormKind.LAYER,
                    !Boolean.FALSE.equals(bool(root, "tie_embeddings")));
        }
        throw new CheckpointException("config.json has neither hidden_size (Hugging Face) nor d_model (mamba_ssm): "
                + "not a Mamba config");
    }

    /**
     * The config of the tensors ({@code inferred}, from their shapes) with this file's norm and epsilon;
     * any size this file gives must agree with the shapes.
     */
    public SsmConfig reconcile(SsmConfig inferred) throws CheckpointException {
        agree("the width (" + key("hidden_size", "d_model") + ")", dModel, inferred.dModel());
        agree("the layer count (" + key("num_hidden_layers", "n_layer") + ")", nLayer, inferred.nLayer());
        agree("the state size (" + key("state_size", "ssm_cfg.d_state") + ")", dState, inferred.dState());
        agree("d_inner (" + key("intermediate_size / expand", "ssm_cfg.expand") + ")", dInner, inferred.dInner());
        agree("the conv width (" + key("conv_kernel", "ssm_cfg.d_conv") + ")", dConv, inferred.dConv());
        agree("the Δ rank (" + key("time_step_rank", "ssm_cfg.dt_rank") + ")", dtRank, inferred.dtRank());
        if (vocab != null && (dialect == Dialect.HUGGING_FACE ? vocab != inferred.vocabSize() : vocab > inferred.vocabSize())) {
            throw new CheckpointException("config.json says vocab_size " + vocab + " but the embedding has "
                    + inferred.vocabSize() + " rows");
        }
        if (norm != inferred.norm()) {
            throw new CheckpointException("config.json says " + (norm == NormKind.RMS ? "RMSNorm" : "LayerNorm")
                    + " but the norms " + (inferred.norm().hasBias() ? "have" : "have no") + " bias");
        }
        try {
            return inferred.withNorm(norm, normEps);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException("config.json: " + e.getMessage());
        }
    }

    private String key(String hf, String ms) {
        return dialect == Dialect.HUGGING_FACE ? hf : ms;
    }

    private static void agree(String what, Integer said, int found) throws CheckpointException {
        if (said != null && said != found) {
            throw new CheckpointException("config.json says " + what + " is " + said + " but the tensors' shapes say "
                    + found);
        }
    }

    private static Integer rank(JsonNode o, String f, int d) throws CheckpointException {
        JsonNode v = o.get(f);
        if (v != null && v.isTextual() && v.asText().toLowerCase(Locale.ROOT).equals("auto")) {
            return SsmConfig.defaultDtRank(d);
        }
        return integer(o, f);
    }

    private static int required(JsonNode o, String f) throws CheckpointException {
        Integer v = integer(o, f);
        if (v == null) {
            throw new CheckpointException("config.json: " + f + " is missing");
        }
        return v;
    }

    private static Integer integer(JsonNode o, String f) throws CheckpointException {
        JsonNode v = o.get(f);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber() && v.canConvertToInt() && v.doubleValue() == v.intValue() && v.intValue() > 0) {
            return v.intValue();
        }
        throw new CheckpointException("config.json: " + f + " is " + v + ", not a positive integer");
    }

    private static Float number(JsonNode o, String f) throws CheckpointException {
        JsonNode v = o.get(f);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber() || !(v.doubleValue() > 0) || !Double.isFinite(v.doubleValue())) {
            throw new CheckpointException("config.json: " + f + " is " + v + ", not a number > 0");
        }
        return (float) v.doubleValue();
    }

    private static Boolean bool(JsonNode o, String f) throws CheckpointException {
        JsonNode v = o.get(f);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw new CheckpointException("config.json: " + f + " is " + v + ", not true/false");
        }
        return v.booleanValue();
    }

    private static String text(JsonNode o, String f) throws CheckpointException {
        JsonNode v = o.get(f);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new CheckpointException("config.json: " + f + " is " + v + ", not a string");
        }
        return v.asText();
    }
}
