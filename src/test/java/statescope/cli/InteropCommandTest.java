package statescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import statescope.ssm.Safetensors;
import statescope.ssm.SsmConfig;
import statescope.ssm.SsmWeights;
import statescope.ssm.Tensor;
import statescope.ssm.WeightNames;

/** trace and eval on a Hugging Face folder, with --vocab, --outputs and --save-vocab. */
class InteropCommandTest {

    @TempDir
    Path dir;
    Path hf;
    SsmWeights weights;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = StateScopeCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void saveHuggingFaceFolder() throws Exception {
        var cfg = SsmConfig.defaults(8, 1, 10, 10).withState(4);
        var t = SsmWeights.init(cfg, 4, false).tensors();
        t.put(WeightNames.HEAD, t.get(WeightNames.EMBEDDING).copy());
        weights = SsmWeights.fromTensors(cfg, t);
        hf = Files.createDirectories(dir.resolve("hf-mamba"));
        var named = new LinkedHashMap<String, Tensor>();
        weights.tensors().forEach((n, v) -> {
            if (!n.equals(WeightNames.HEAD)) {
                named.put(n.equals(WeightNames.EMBEDDING) ? "backbone.embeddings.weight" : n, v);
            }
        });
        Safetensors.write(hf.resolve("model.safetensors"), named, Map.of("format", "pt"));
        Files.writeString(hf.resolve("config.json"), "{\"model_type\": \"mamba\", \"hidden_size\": 8, "
                + "\"num_hidden_layers\": 1, \"state_size\": 4, \"expand\": 2, \"conv_kernel\": 4, "
                + "\"time_step_rank\": \"auto\", \"vocab_size\": 10, \"layer_norm_epsilon\": 1e-5}");
    }

    @Test
    void traceWithVocabReadsTheMappedColumnsOfTheFullModel() throws Exception {
        Run full = run("trace", "--model", hf.toString(), "--tokens", "5,6,6,5", "--json");
        assertEquals(ExitCodes.OK, full.code(), full.err());
        JsonNode f = new ObjectMapper().readTree(full.out());
        assertEquals(10, f.get("logits").get(0).size());
        Run mapped = run("trace", "--model", hf.toString(), "--vocab", "0=5,1=6", "--input", "0110", "--json");
        assertEquals(ExitCodes.OK, mapped.code(), mapped.err());
        JsonNode m = new ObjectMapper().readTree(mapped.out());
        assertEquals("[\"next 0\",\"next 1\"]", m.get("outputClasses").toString());
        for (int t = 0; t < 4; t++) {
            assertEquals(f.get("logits").get(t).get(5).floatValue(), m.get("logits").get(t).get(0).floatValue());
            assertEquals(f.get("logits").get(t).get(6).floatValue(), m.get("logits").get(t).get(1).floatValue());
        }
        assertEquals(f.get("layers").toString(), m.get("layers").toString(), "states, Δ and y unchanged");
    }

    @Test
    void saveVocabIsUsedByLaterCommands() throws Exception {
        Run save = run("trace", "--model", hf.toString(), "--vocab", "0=2,1=3", "--outputs", "0=7,1=8",
                "--language", "parity", "--input", "01", "--save-vocab");
        assertEquals(ExitCodes.OK, save.code(), save.err());
        assertTrue(save.err().contains("vocabulary map saved to"), save.err());
        assertTrue(Files.exists(hf.resolve("model.vocab.json")));
        Run later = run("trace", "--model", hf.toString(), "--input", "0110", "--json");
        assertEquals(ExitCodes.OK, later.code(), later.err());
        JsonNode j = new ObjectMapper().readTree(later.out());
        assertEquals("[\"0\",\"1\",\"1\",\"0\"]", j.get("symbols").toString());
        assertEquals(2, j.get("logits").get(0).size());
        Run eval = run("eval", "--model", hf.toString(), "--max-words", "4", "--json", "--threads", "1",
                "--backend", "cpu");
        assertEquals(ExitCodes.OK, eval.code(), eval.err());
        assertEquals("parity", new ObjectMapper().readTree(eval.out()).get(0).get("language").asText());
    }

    @Test
    void evalTakesVocabAndLanguageOnTheCommandLine() throws Exception {
        Run eval = run("eval", "--model", hf.toString(), "--vocab", "1=3,0=2", "--outputs", "1=8,0=7",
                "--language", "parity", "--max-words", "4", "--threads", "1", "--backend", "cpu");
        assertEquals(ExitCodes.OK, eval.code(), eval.err());
        assertTrue(eval.out().contains("| hf-mamba | parity |"), eval.out());
        Run missing = run("eval", "--model", hf.toString(), "--vocab", "0=2,1=3", "--language", "parity",
                "--max-words", "4", "--backend", "cpu");
        assertEquals(ExitCodes.BAD_INPUT, missing.code());
        assertTrue(missing.err().contains("is not mapped: give --outputs"), missing.err());
    }

    @Test
    void badUseIsOneLineExitThree() throws Exception {
        Run outputsAlone = run("trace", "--model", hf.toString(), "--outputs", "x=1", "--tokens", "1");
        assertEquals(ExitCodes.USAGE, outputsAlone.code());                  // an option that needs another
        assertTrue(outputsAlone.err().contains("--outputs needs --vocab"), outputsAlone.err());
        Path bin = Files.write(dir.resolve("pytorch_model.bin"), new byte[] {(byte) 0x80, 2});
        Run pickle = run("trace", "--model", bin.toString(), "--tokens", "1");
        assertEquals(ExitCodes.BAD_INPUT, pickle.code());
        assertEquals(1, pickle.err().strip().lines().count(), pickle.err());
        assertTrue(pickle.err().contains("never unpickles"), pickle.err());
        Run noVocab = run("trace", "--model", hf.toString(), "--input", "ab");
        assertEquals(ExitCodes.BAD_INPUT, noVocab.code());
        assertFalse(noVocab.err().contains("Exception"), noVocab.err());
    }
}
