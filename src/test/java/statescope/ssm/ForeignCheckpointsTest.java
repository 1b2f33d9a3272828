package statescope.ssm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static statescope.ssm.ForeignFixtures.*;
import static statescope.ssm.WeightNames.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hugging Face and mamba_ssm layouts load into the same model as this project's own checkpoint. */
class ForeignCheckpointsTest {

    @TempDir
    Path dir;

    final SsmWeights own = tiedWeights(5);
    final int[] tokens = {3, 0, 11, 7, 7, 1};

    private void sameAsOwn(Checkpoint ck) {
        assertEquals(own.config(), ck.weights().config());
        assertTrue(ck.weights().contentEquals(own), "every tensor bit-identical to our own");
        assertArrayEquals(outputs(own, tokens), outputs(ck.weights(), tokens), "identical logits and states");
    }

    @Test
    void huggingFaceFolderLoadsByFolderConfigOrWeightsPath() throws Exception {
        Path hf = hfFolder(dir.resolve("hf"), own, c -> c);
        sameAsOwn(Checkpoint.load(hf));
        sameAsOwn(Checkpoint.load(hf.resolve("config.json")));
        Checkpoint viaWeights = Checkpoint.load(hf.resolve("model.safetensors"));
        sameAsOwn(viaWeights);
        assertTrue(viaWeights.manifest().notes().contains("Hugging Face"), viaWeights.manifest().notes());
        assertTrue(viaWeights.manifest().vocabulary().isEmpty());
    }

    @Test
    void huggingFaceNamesWithoutConfigAreInferredFromShapes() throws Exception {
        Path hf = folder(dir.resolve("bare"), hfTensors(own), null);
        Checkpoint ck = Checkpoint.load(hf);
        sameAsOwn(ck);
        assertTrue(ck.manifest().notes().contains("inferred"), ck.manifest().notes());
    }

    @Test
    void configEpsilonIsTakenFromConfigJson() throws Exception {
        Path hf = hfFolder(dir.resolve("eps"), own, c -> c.replace("\"layer_norm_epsilon\": 1e-05", "\"layer_norm_epsilon\": 1e-06"));
        assertEquals(1e-6f, Checkpoint.load(hf).weights().config().normEps());
    }

    @Test
    void mambaModelWithoutBackbonePrefixAndHead() throws Exception {
        var t = new LinkedHashMap<String, Tensor>();
        hfTensors(own).forEach((n, v) -> t.put(n.substring("backbone.".length()), v));
        sameAsOwn(Checkpoint.load(folder(dir.resolve("mm"), t, hfConfig(own.config()))));
    }

    @Test
    void untiedHeadIsRead() throws Exception {
        var cfg = SsmConfig.defaults(16, 2, VOCAB, VOCAB).withState(4);
        SsmWeights untied = SsmWeights.init(cfg, 9, false);
        var t = hfTensors(untied);
        t.put(HEAD, untied.tensor(HEAD));
        Path hf = folder(dir.resolve("untied"), t, hfConfig(cfg).replace("\"tie_word_embeddings\": true",
                "\"tie_word_embeddings\": false"));
        assertTrue(Checkpoint.load(hf).weights().contentEquals(untied));
    }

    @Test
    void convBiasOffAndZeroProjectionBiasesAreExact() throws Exception {
        var t = own.tensors();
        for (int i = 0; i < 2; i++) {
            t.put(layer(i, CONV_B), Tensor.zeros(32));
        }
        SsmWeights noConvBias = SsmWeights.fromTensors(own.config(), t);
        var hf = hfTensors(noConvBias);
        for (int i = 0; i < 2; i++) {
            hf.remove(layer(i, CONV_B));
            hf.put(layer(i, "mixer.in_proj.bias"), Tensor.zeros(64));
            hf.put(layer(i, "mixer.out_proj.bias"), Tensor.zeros(16));
        }
        Path p = folder(dir.resolve("biases"), hf, hfConfig(own.config()).replace("\"use_conv_bias\": true",
                "\"use_conv_bias\": false").replace("\"use_bias\": false", "\"use_bias\": true"));
        assertTrue(Checkpoint.load(p).weights().contentEquals(noConvBias));
    }

    @Test
    void mambaSsmStateDictWithPaddedVocabConfig() throws Exception {
        Path ms = folder(dir.resolve("ms"), mambaSsmTensors(own), mambaSsmConfig(own.config(), 10));
        Checkpoint ck = Checkpoint.load(ms);
        sameAsOwn(ck);
        assertTrue(ck.manifest().notes().contains("mamba_ssm"), ck.manifest().notes());
        // without config.json the file loads through the project's own path, as before
        Path bare = dir.resolve("bare.safetensors");
        Safetensors.write(bare, mambaSsmTensors(own), Map.of());
        assertFalse(ForeignCheckpoints.isForeign(bare));
        sameAsOwn(Checkpoint.load(bare));
    }

    @Test
    void shardedHuggingFaceFolder() throws Exception {
        Path hf = Files.createDirectories(dir.resolve("sharded"));
        var all = hfTensors(own);
        var a = new LinkedHashMap<String, Tensor>();
        var b = new LinkedHashMap<String, Tensor>();
        var index = new StringBuilder("{\"metadata\": {\"total_size\": 0}, \"weight_map\": {");
        int i = 0;
        for (var e : all.entrySet()) {
            boolean first = i++ < all.size() / 2;
            (first ? a : b).put(e.getKey(), e.getValue());
            index.append(i > 1 ? ", " : "").append('"').append(e.getKey()).append("\": \"model-0000")
                    .append(first ? 1 : 2).append("-of-00002.safetensors\"");
        }
        Safetensors.write(hf.resolve("model-00001-of-00002.safetensors"), a, Map.of());
        Safetensors.write(hf.resolve("model-00002-of-00002.safetensors"), b, Map.of());
        Files.writeString(hf.resolve("model.safetensors.index.json"), index.append("}}").toString());
        Files.writeString(hf.resolve("config.json"), hfConfig(own.config()));
        sameAsOwn(Checkpoint.load(hf));
    }

    @Test
    void ownCheckpointsAreLeftToTheOwnLoader() throws Exception {
        var m = new Manifest(1, own.config(), List.of(), List.of(), "parity", 1, 2, Map.of(), "own");
        Path p = dir.resolve("own.safetensors");
        new Checkpoint(own, m).save(p);
        Files.writeString(dir.resolve("config.json"), "{\"model_type\": \"mamba2\"}"); // ignored: the manifest wins
        assertNull(ForeignCheckpoints.loadIfForeign(p, Checkpoint.Overrides.NONE));
        assertTrue(ForeignCheckpoints.hasOwnManifest(p));
        assertEquals(m, Checkpoint.load(p).manifest());
    }
}
