package statescope.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import statescope.inspect.EngineModel;
import statescope.ssm.GateRange;
import statescope.ssm.Trace;

/** The trace files read back: NPZ as NumPy reads it, CSV in long format, JSON in trace --json's schema. */
class TraceFilesTest {

    private static final int[] TOKENS = {0, 1, 1, 0, 1, 2};
    // L = 2, D = 8, ED = 16, N = 16 (the engine's default state size), O = 3 outputs, seed 7
    private static final TraceData DATA = TraceData.compute(
            EngineModel.random(3, 3, 2, 8, GateRange.SIGNED, 7).weights(), "random", TOKENS,
            List.of("a", "b", "b", "a", "b", "c,d"), List.of("x", "y", "z"));

    @Test
    void npzHoldsOneArrayPerQuantityWithItsShapeAndTheTracesValues() throws Exception {
        var out = new ByteArrayOutputStream();
        TraceFiles.writeNpz(DATA, out);
        var arrays = NpyReader.readNpz(out.toByteArray());
        assertEquals(TraceFiles.NPZ_ARRAYS, List.copyOf(arrays.keySet()));
        Trace tr = DATA.trace();
        int ed = DATA.config().dInner();
        int n = DATA.config().dState();
        assertArrayEquals(new int[] {6}, arrays.get("tokens").shape());
        assertEquals("<i4", arrays.get("tokens").dtype());
        assertEquals(2.0, arrays.get("tokens").values()[5]);
        assertArrayEquals(new int[] {6, 3}, arrays.get("logits").shape());
        assertArrayEquals(new int[] {2, 6, ed, n}, arrays.get("h").shape());
        assertArrayEquals(new int[] {2, 6, ed, n}, arrays.get("abar").shape());
        assertArrayEquals(new int[] {2, 6, ed}, arrays.get("delta").shape());
        assertArrayEquals(new int[] {2, 6, n}, arrays.get("C").shape());
        // h[1, 4, 5, 3] is layer 1's h_4[5, 3]
        assertEquals(tr.layers().get(1).h(4, 5, 3), arrays.get("h").values()[((6 + 4) * ed + 5) * n + 3]);
        assertEquals(tr.layers().get(0).delta()[2 * ed + 7], arrays.get("delta").values()[2 * ed + 7]);
        assertEquals(tr.logits()[5 * 3 + 2], arrays.get("logits").values()[5 * 3 + 2]);
    }

    @Test
    void csvIsLongFormatOneRowPerStateComponentAndPerLogit() throws Exception {
        var out = new ByteArrayOutputStream();
        TraceFiles.writeCsv(DATA, out);
        List<String> rows = out.toString(StandardCharsets.UTF_8).lines().toList();
        int ed = DATA.config().dInner();
        int n = DATA.config().dState();
        assertEquals("t,token,layer,channel,n,h,delta,abar,y,logit", rows.getFirst());
        assertEquals(1 + 6 * (2 * ed * n + 3), rows.size());
        Trace.LayerTrace l1 = DATA.trace().layers().get(1);
        String row = rows.stream().filter(r -> r.startsWith("4,b,1,5,3,")).findFirst().orElseThrow();
        String[] c = row.split(",", -1);
        assertEquals(l1.h(4, 5, 3), Float.parseFloat(c[5]));
        assertEquals(l1.delta()[4 * ed + 5], Float.parseFloat(c[6]));
        assertEquals(l1.aBar()[(4 * ed + 5) * n + 3], Float.parseFloat(c[7]));
        assertEquals(l1.y(4, 5), Float.parseFloat(c[8]));
        assertTrue(rows.contains("5,\"c,d\",head,2,,,,,," + DATA.trace().logits()[5 * 3 + 2]), "a symbol with a comma is quoted");
    }

    @Test
    void jsonHasTraceJsonsSchema() throws Exception {
        var w = new StringWriter();
        TraceJson.write(DATA, w);
        JsonNode root = new ObjectMapper().readTree(w.toString());
        List<String> names = new ArrayList<>();
        root.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("model", "backend", "config", "tokens", "symbols", "outputClasses", "logits", "layers"),
                names);
        assertEquals(DATA.trace().layers().get(1).h(4, 5, 3), root.at("/layers/1/h/4/5/3").floatValue());
        assertEquals("c,d", root.at("/symbols/5").asText());
    }

    @Test
    void npyHeaderFollowsNumpysRules() {
        byte[] one = Npy.header("<f4", new int[] {7});
        assertEquals(0, one.length % 64);
        assertTrue(new String(one, StandardCharsets.US_ASCII).contains("'shape': (7,), }"), "a 1-d shape keeps its comma");
        assertThrows(IllegalArgumentException.class, () -> Npy.write(new ByteArrayOutputStream(), new float[5],
                new int[] {2, 3}));
    }

    @Test
    void aTraceAboveTheCapIsRefusedBeforeItIsComputed() {
        var w = EngineModel.random(3, 3, 2, 8, GateRange.SIGNED, 7).weights();
        var e = assertThrows(IllegalArgumentException.class, () -> TraceData.compute(w, "m", new int[20_000_000],
                List.of(), List.of()));
        assertTrue(e.getMessage().contains("more than the limit of 50000000"), e.getMessage());
    }

    @Test
    void aFailedStreamedWriteLeavesTheOldFileAndNoTemporary(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("trace.csv");
        Files.writeString(f, "old");
        assertThrows(IOException.class, () -> StreamedFiles.write(f, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(f));
        try (var s = Files.list(dir)) {
            assertEquals(List.of(f), s.toList());
        }
    }
}
