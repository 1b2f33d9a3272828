package statescope.ssm;

import static statescope.ssm.WeightNames.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;
import java.util.function.UnaryOperator;

/**
 * Small models written the way the PyTorch world saves them, made from this project's own weights
 * renamed: a Hugging Face {@code save_pretrained} folder and a mamba_ssm state dict, with their
 * config.json. Shapes: D = 16, L = 2, N = 4, ED = 32, K = 4, R = 1, V = O = 12 (tied head).
 */
final class ForeignFixtures {

    static final int VOCAB = 12;

    private ForeignFixtures() {
    }

    /** The model every fixture holds: RMSNorm, no head bias, head = embedding (tied). */
    static SsmWeights tiedWeights(long seed) {
        var cfg = SsmConfig.defaults(16, 2, VOCAB, VOCAB).withState(4);
        var t = SsmWeights.init(cfg, seed, false).tensors();
        t.put(HEAD, t.get(EMBEDDING).copy());
        return SsmWeights.fromTensors(cfg, t);
    }

    /** The tensors under Hugging Face names, lm_head left out (tied). */
    static SequencedMap<String, Tensor> hfTensors(SsmWeights w) {
        var out = new LinkedHashMap<String, Tensor>();
        for (var e : w.tensors().entrySet()) {
            String n = e.getKey();
            if (n.equals(HEAD)) {
                continue;
            }
            out.put(n.equals(EMBEDDING) ? "backbone.embeddings.weight" : n, e.getValue());
        }
        return out;
    }

    /** The tensors under mamba_ssm names (this project's), lm_head left out (tied, as safetensors saves it). */
    static SequencedMap<String, Tensor> mambaSsmTensors(SsmWeights w) {
        var out = new LinkedHashMap<>(w.tensors());
        out.remove(HEAD);
        return out;
    }

    /** A Hugging Face MambaConfig as save_pretrained writes it (the keys this app reads, and some it ignores). */
    static String hfConfig(SsmConfig c) {
        return """
                {"architectures": ["MambaForCausalLM"], "model_type": "mamba", "vocab_size": %d,
                 "hidden_size": %d, "state_size": %d, "num_hidden_layers": %d, "layer_norm_epsilon": 1e-05,
                 "pad_token_id": 0, "bos_token_id": 0, "eos_token_id": 0, "expand": %d, "conv_kernel": %d,
                 "use_bias": false, "use_conv_bias": true, "hidden_act": "silu", "initializer_range": 0.1,
                 "residual_in_fp32": true, "time_step_rank": %d, "time_step_scale": 1.0, "time_step_min": 0.001,
                 "time_step_max": 0.1, "time_step_init_scheme": "random", "time_step_floor": 0.0001,
                 "rescale_prenorm_residual": false, "use_cache": true, "use_mambapy": false,
                 "intermediate_size": %d, "tie_word_embeddings": true, "torch_dtype": "float32"}
                """.formatted(c.vocabSize(), c.dModel(), c.dState(), c.nLayer(), c.expand(), c.dConv(), c.dtRank(),
                c.dInner());
    }

    /** A mamba_ssm MambaConfig (vocab_size may be below the padded embedding rows). */
    static String mambaSsmConfig(SsmConfig c, int vocabSize) {
        return """
                {"d_model": %d, "d_intermediate": 0, "n_layer": %d, "vocab_size": %d,
                 "ssm_cfg": {"d_state": %d, "d_conv": %d, "expand": %d, "dt_rank": "auto"},
                 "attn_layer_idx": [], "attn_cfg": {}, "rms_norm": true, "residual_in_fp32": true,
                 "fused_add_norm": true, "pad_vocab_size_multiple": 4, "tie_embeddings": true}
                """.formatted(c.dModel(), c.nLayer(), vocabSize, c.dState(), c.dConv(), c.expand());
    }

    /** Writes {@code dir/model.safetensors} (and {@code dir/config.json} unless null); returns dir. */
    static Path folder(Path dir, SequencedMap<String, Tensor> tensors, String config) throws IOException {
        Files.createDirectories(dir);
        Safetensors.write(dir.resolve("model.safetensors"), tensors, Map.of("format", "pt"));
        if (config != null) {
            Files.writeString(dir.resolve("config.json"), config, StandardCharsets.UTF_8);
        }
        return dir;
    }

    /** A Hugging Face folder of {@code w}, its config edited by {@code edit}. */
    static Path hfFolder(Path dir, SsmWeights w, UnaryOperator<String> edit) throws IOException {
        return folder(dir, hfTensors(w), edit.apply(hfConfig(w.config())));
    }

    /** Logits [T, O] and every layer's h [T, ED, N] of a model over tokens, concatenated. */
    static float[] outputs(SsmWeights w, int... tokens) {
        var s = new SsmStepper(w);
        Trace tr = s.run(s.newState(), tokens);
        int n = tr.logits().length;
        for (Trace.LayerTrace l : tr.layers()) {
            n += l.h().length;
        }
        float[] out = Arrays.copyOf(tr.logits(), n);
        int at = tr.logits().length;
        for (Trace.LayerTrace l : tr.layers()) {
            System.arraycopy(l.h(), 0, out, at, l.h().length);
            at += l.h().length;
        }
        return out;
    }
}
