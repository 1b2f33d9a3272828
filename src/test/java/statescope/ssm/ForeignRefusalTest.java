package statescope.ssm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static statescope.ssm.ForeignFixtures.*;
import static statescope.ssm.WeightNames.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every input the foreign loader cannot run is refused with one line saying why, never a stack trace. */
class ForeignRefusalTest {

    @TempDir
    Path dir;

    final SsmWeights own = tiedWeights(5);

    private static String refused(Path p) {
        var e = assertThrows(CheckpointException.class, () -> Checkpoint.load(p));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    private static void says(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "'" + part + "' in: " + message);
        }
    }

    private Path hf(String name, UnaryOperator<String> editConfig) throws Exception {
        return hfFolder(dir.resolve(name), own, editConfig);
    }

    @Test
    void pickledFilesAreNeverOpened() throws Exception {
        for (String n : new String[] {"pytorch_model.bin", "model.pt", "weights.pth", "last.ckpt"}) {
            Path p = Files.write(dir.resolve(n), new byte[] {(byte) 0x80, 2, 'c', 'x'});
            says(refused(p), "pickled", "never unpickles", "safetensors");
        }
        // a folder with only the pickled weights of save_pretrained(safe_serialization=False)
        Path old = Files.createDirectories(dir.resolve("old-hf"));
        Files.write(old.resolve("pytorch_model.bin"), new byte[] {'P', 'K', 3, 4});
        Files.writeString(old.resolve("config.json"), hfConfig(own.config()));
        says(refused(old), "pytorch_model.bin", "no model.safetensors", "safetensors");
        // pickled content under a safetensors name (torch.save zip)
        Path disguised = Files.write(dir.resolve("renamed.safetensors"), new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 0});
        says(refused(disguised), "pickled", "torch.save");
    }

    @Test
    void mamba2TensorsAreRefused() throws Exception {
        var t = hfTensors(own);
        t.put(layer(0, A_LOG), Tensor.zeros(4));                          // [nheads]
        says(refused(folder(dir.resolve("m2a"), t, null)), "Mamba-2", "A_log", "[4]");
        var u = hfTensors(own);
        u.put(layer(1, "mixer.dt_bias"), Tensor.zeros(4));
        says(refused(folder(dir.resolve("m2b"), u, null)), "Mamba-2", "dt_bias");
        var v = mambaSsmTensors(own);
        v.put(layer(0, "mixer.norm.weight"), Tensor.zeros(32));
        Path bare = dir.resolve("m2c.safetensors");
        Safetensors.write(bare, v, Map.of());
        says(refused(bare), "Mamba-2", "mixer.norm.weight");
        says(refused(hf("m2d", c -> c.replace("\"model_type\": \"mamba\"", "\"model_type\": \"mamba2\""))),
                "model_type 'mamba2'", "Mamba-1");
        Path ms = folder(dir.resolve("m2e"), mambaSsmTensors(own),
                mambaSsmConfig(own.config(), VOCAB).replace("\"dt_rank\": \"auto\"", "\"layer\": \"Mamba2\""));
        says(refused(ms), "ssm_cfg.layer 'Mamba2'");
    }

    @Test
    void otherArchitecturesAreRefused() throws Exception {
        says(refused(hf("falcon", c -> c.replace("\"mamba\"", "\"falcon_mamba\""))), "falcon_mamba", "normalises");
        says(refused(hf("gelu", c -> c.replace("\"silu\"", "\"gelu\""))), "hidden_act 'gelu'");
        Path mlp = folder(dir.resolve("mlp"), mambaSsmTensors(own),
                mambaSsmConfig(own.config(), VOCAB).replace("\"d_intermediate\": 0", "\"d_intermediate\": 64"));
        says(refused(mlp), "d_intermediate 64", "MLP");
        var t = mambaSsmTensors(own);
        t.put("backbone.layers.0.mlp.fc1.weight", Tensor.zeros(4, 16));
        says(refused(folder(dir.resolve("mlp2"), t, null)), "mlp.fc1", "MLP");
        var b = hfTensors(own);
        b.put(layer(0, "mixer.in_proj.bias"), new Tensor(new int[] {64}, filled(64, 0.5f)));
        says(refused(folder(dir.resolve("bias"), b, null)), "in_proj.bias", "use_bias");
    }

    @Test
    void missingConfigThatCannotBeInferred() throws Exception {
        says(refused(hf("nohidden", c -> c.replace("\"hidden_size\"", "\"width\""))), "hidden_size is missing");
        says(refused(hf("neither", c -> "{\"vocab_size\": 12}")), "neither hidden_size", "nor d_model");
        says(refused(hf("notjson", c -> "{\"model_type\": \"mamba\", ")), "config.json is not valid JSON");
        var t = hfTensors(own);
        t.remove(layer(0, A_LOG));
        says(refused(folder(dir.resolve("noalog"), t, null)), "A_log", "missing");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        var io = assertThrows(IOException.class, () -> Checkpoint.load(empty));
        assertFalse(io instanceof CheckpointException, "a folder with no model is an I/O error, as any directory");
        says(io.getMessage(), "is a directory, not a file", "no model.safetensors");
        Safetensors.write(empty.resolve("a.safetensors"), mambaSsmTensors(own), Map.of());
        Safetensors.write(empty.resolve("b.safetensors"), mambaSsmTensors(own), Map.of());
        says(refused(empty), "no model.safetensors", "found 2");
        var u = hfTensors(own);
        u.remove(EMBEDDING.replace("embedding", "embeddings"));
        says(refused(folder(dir.resolve("noemb"), u, hfConfig(own.config()))), "embedding", "missing");
        says(refused(hf("untied", c -> c.replace("\"tie_word_embeddings\": true", "\"tie_word_embeddings\": false"))),
                "not tied", "lm_head");
    }

    @Test
    void impossibleShapesAreRefused() throws Exception {
        says(refused(hf("wide", c -> c.replace("\"hidden_size\": 16", "\"hidden_size\": 32"))),
                "hidden_size", "32", "16");
        says(refused(hf("state", c -> c.replace("\"state_size\": 4", "\"state_size\": 16"))), "state_size", "16", "4");
        says(refused(hf("vocab", c -> c.replace("\"vocab_size\": 12", "\"vocab_size\": 50280"))), "vocab_size 50280");
        var t = hfTensors(own);
        t.put(layer(0, IN_PROJ), Tensor.zeros(48, 16));                   // not 2·E·D rows
        says(refused(folder(dir.resolve("inproj"), t, null)), "in_proj", "[48, 16]");
        var u = hfTensors(own);
        u.put(layer(1, A_LOG), Tensor.zeros(32, 8));                      // N differs between layers
        says(refused(folder(dir.resolve("alog"), u, null)), "A_log", "[32, 8]");
        var v = new LinkedHashMap<>(hfTensors(own));
        v.put("backbone.layers.0.mixer.conv1d.weight", Tensor.zeros(32, 1, 4, 2));
        says(refused(folder(dir.resolve("conv"), v, null)), "conv1d");
    }

    private static float[] filled(int n, float v) {
        float[] a = new float[n];
        Arrays.fill(a, v);
        return a;
    }
}
