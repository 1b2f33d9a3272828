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
        assertTrue(r.err().contains("symbol 'c' at position 3 "), r.err());   // counted from 1, as the other messages
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
    void gatesOverrideApplies() throws Exception {
        Run r = run("trace", "--model", model.toString(), "--tokens", "0,1,1", "--gates", "NONNEGATIVE", "--json");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("\"gates\":\"NONNEGATIVE\""), r.out());
        JsonNode j = new ObjectMapper().readTree(r.out());
        var nonneg = SsmWeights.fromTensors(weights.config().withGates(GateRange.NONNEGATIVE), weights.tensors());
        Trace asNonneg = ReferenceForward.forward(nonneg, new int[] {0, 1, 1});
        Trace asSigned = ReferenceForward.forward(weights, new int[] {0, 1, 1});
        JsonNode h = j.get("layers").get(0).get("h").get(2);            // layer 1's state after the third token
        double fromNonneg = 0;
        double fromSigned = 0;
        for (int d = 0; d < h.size(); d++) {
            for (int n = 0; n < h.get(d).size(); n++) {
                float got = h.get(d).get(n).floatValue();
                fromNonneg = Math.max(fromNonneg, Math.abs(got - asNonneg.layers().get(0).h(2, d, n)));
                fromSigned = Math.max(fromSigned, Math.abs(got - asSigned.layers().get(0).h(2, d, n)));
            }
        }
        assertTrue(fromNonneg < 1e-5, "the trace ran with the overridden gates: " + fromNonneg);
        assertTrue(fromSigned > 1e-3, "and not with the checkpoint's own: " + fromSigned);
    }
}
