package statescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import statescope.ssm.Checkpoint;
import statescope.ssm.GateRange;
import statescope.ssm.Manifest;
import statescope.ssm.ReferenceForward;
import statescope.ssm.SsmConfig;
import statescope.ssm.SsmWeights;
import statescope.ssm.Trace;

class TraceCommandTest {

    @TempDir
    Path dir;
    Path model;
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
    void saveModel() throws Exception {
        var cfg = SsmConfig.defaults(8, 2, 3, 2).withState(4).withGates(GateRange.SIGNED);
        weights = SsmWeights.init(cfg, 3);
        model = dir.resolve("parity.safetensors");
        new Checkpoint(weights, new Manifest(1, cfg, List.of("a", "b", "$"), List.of("odd", "even"), "parity",
                3, 10, Map.of(), null)).save(model);
    }

    @Test
    void jsonHasLogitsAndPerLayerHDeltaY() throws Exception {
        Run r = run("trace", "--model", model.toString(), "--input", "abba$", "--json");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(5, j.get("logits").size());
        assertEquals(2, j.get("logits").get(0).size());
        assertEquals(2, j.get("layers").size());
        JsonNode l1 = j.get("layers").get(1);
        assertEquals(5, l1.get("h").size());
        assertEquals(16, l1.get("h").get(0).size());
        assertEquals(4, l1.get("h").get(0).get(0).size());
        assertEquals(5, l1.get("delta").size());
        assertEquals(16, l1.get("y").get(4).size());
        Trace ref = ReferenceForward.forward(weights, new int[] {0, 1, 1, 0, 2});
        Trace.LayerTrace rl = ref.layers().get(1);
        assertEquals(rl.h(3, 7, 2), l1.get("h").get(3).get(7).get(2).floatValue(), 1e-5);
        assertEquals(rl.y(4, 15), l1.get("y").get(4).get(15).floatValue(), 1e-5);
        assertEquals(ref.logits()[9], j.get("logits").get(4).get(1).floatValue(), 1e-5);
        assertEquals("$", j.get("symbols").get(4).asText());
    }

    @Test
    void tokensAndTextOutput() {
        Run r = run("trace", "--model", model.toString(), "--tokens", "0,2,1");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("L1 mean Δ") && r.out().contains("$"), r.out());
    }

    @Test
    void unknownSymbolIsBadInput() {
        Run r = run("trace", "--model", model.toString(), "--input", "abc");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("'c'") && r.err().contains("position 2"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void tokenOutOfRangeIsBadInput() {
        Run r = run("trace", "--model", model.toString(), "--tokens", "0,3");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("token id 3"), r.err());
    }

    @Test
    void truncatedCheckpointIsBadInputNamingTheTensor() throws Exception {
        byte[] all = Files.readAllBytes(model);
        Files.write(model, Arrays.copyOf(all, all.length - 10));
        Run r = run("trace", "--model", model.toString(), "--tokens", "0");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("truncated") && r.err().contains("lm_head"), r.err());
    }

    @Test
    void missingFileIsAnIoError() {
        Run r = run("trace", "--model", dir.resolve("none.safetensors").toString(), "--tokens", "0");
        assertEquals(ExitCodes.IO, r.code());
    }

    @Test
    void inputAndTokensAreExclusive() {
        assertEquals(ExitCodes.USAGE, run("trace", "--model", model.toString(), "--tokens", "0", "--input", "a").code());
        assertEquals(ExitCodes.USAGE, run("trace", "--model", model.toString()).code());
    }

    @Test
    void gatesOverrideApplies() {
        Run r = run("trace", "--model", model.toString(), "--tokens", "0", "--gates", "NONNEGATIVE", "--json");
        assertTrue(r.out().contains("\"gates\":\"NONNEGATIVE\""), r.out());
    }
}
