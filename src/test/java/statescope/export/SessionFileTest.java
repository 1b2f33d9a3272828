package statescope.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session format: round trip, version checks, one-line refusals, content hashes of models. */
class SessionFileTest {

    private static final SessionFile SAMPLE = new SessionFile(SessionFile.Language.regex("(ab)*a"),
            new SessionFile.Model("checkpoint", "trained · x", "/models/x.json", "ab12", 0, 0, false, 0), null,
            "abab", 3, "tab-gates", Map.of("trajectory.threeD", true, "trajectory.yaw", 0.5, "channels.kind", "GATE"),
            1.25);

    @Test
    void roundTripKeepsEverything(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.statescope");
        SAMPLE.write(f);
        String text = Files.readString(f);
        assertTrue(text.contains("\"formatVersion\" : 1"), text);
        SessionFile back = SessionFile.read(f);
        assertEquals(SAMPLE.language(), back.language());
        assertEquals(SAMPLE.model(), back.model());
        assertNull(back.compare());
        assertEquals("abab", back.input());
        assertEquals(3, back.position());
        assertEquals("tab-gates", back.view());
        assertEquals(1.25, back.uiScale());
        assertEquals(Map.of("trajectory.threeD", true, "trajectory.yaw", 0.5, "channels.kind", "GATE"),
                back.viewSettings());
    }

    @Test
    void anInlineDfaStaysJson() {
        var s = new SessionFile(SessionFile.Language.dfa("m.jff", "{\"states\":[\"q0\"]}"), null, null, "", 0, "",
                Map.of(), 1);
        var back = SessionFile.parse(s.toJson());
        assertEquals("m.jff", back.language().name());
        assertEquals("{\"states\":[\"q0\"]}", back.language().dfaJson());
    }

    @Test
    void badFilesGetOneLineEach() {
        String good = SAMPLE.toJson();
        for (var c : List.of(
                List.of("{ not json", "malformed JSON at line 1"),
                List.of("[1, 2]", "not a StateScope session"),
                List.of(good.replace("\"formatVersion\" : 1", "\"formatVersion\" : 2"), "written by a newer StateScope"),
                List.of(good.replace("\"formatVersion\" : 1,", ""), "no formatVersion"),
                List.of(good.replace("\"regex\" : \"(ab)*a\"", "\"regex\" : 5"), "\"regex\" must be a string"),
                List.of(good.replace("\"kind\" : \"regex\"", "\"kind\" : \"rune\""), "catalog, regex or dfa"),
                List.of(good.replace("\"uiScale\" : 1.25", "\"uiScale\" : 90"), "uiScale must be in"),
                List.of(good.replace("\"position\" : 3", "\"position\" : -1"), "position must be at least 0"))) {
            var e = assertThrows(IllegalArgumentException.class, () -> SessionFile.parse(c.get(0)), c.get(1));
            assertTrue(e.getMessage().contains(c.get(1)), () -> c.get(1) + " in: " + e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void aModelsHashIsItsWeightsBesideTheManifest(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("m.json"), "{\"manifest\": 1}");
        Files.writeString(dir.resolve("m.safetensors"), "weights v1");
        String before = ModelHash.of(dir.resolve("m.json"));
        Files.writeString(dir.resolve("m.json"), "{\"manifest\": 2}");
        assertEquals(before, ModelHash.of(dir.resolve("m.json")), "an edited manifest is the same model");
        Files.writeString(dir.resolve("m.safetensors"), "weights v2");
        assertTrue(!before.equals(ModelHash.of(dir.resolve("m.json"))), "new weights are another model");
        assertEquals(64, before.length());
    }
}
