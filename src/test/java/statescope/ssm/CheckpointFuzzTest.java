package statescope.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import statescope.FuzzBudget;

/**
 * Fuzzes the manifest reader and building a model from safetensors contents with a manifest (issue
 * 18): nothing but a {@link CheckpointException} may escape, whatever parses survives a round trip, and
 * each input stays within {@link FuzzBudget}. Plain {@code ./mvnw verify} replays the seeds in
 * {@code CheckpointFuzzTestInputs/}; {@code bench/fuzz.sh} fuzzes each target for real.
 */
class CheckpointFuzzTest {

    /** A valid manifest of a tiny model, the starting point of the structured targets. */
    private static final SsmConfig CONFIG = SsmConfig.defaults(4, 1, 3, 2);
    private static final byte[] WEIGHTS = Safetensors.toBytes(SsmWeights.init(CONFIG, 1).tensors(), Map.of());

    private static final String[] FIELDS = {"formatVersion", "config", "vocabulary", "outputClasses", "languageId",
        "seed", "trainingStep", "metrics", "notes", "weightsSha256", "dModel", "nLayer", "dState", "expand", "dConv",
        "dtRank", "vocabSize", "outputSize", "gates", "selective", "norm", "normEps"};
    private static final String[] VALUES = {"1", "0", "-1", "2", "3", "4", "2147483648", "1e-5", "null", "true", "\"a\"",
        "\"SIGNED\"", "\"NONNEGATIVE\"", "\"RMS\"", "\"LAYER\"", "[]", "[\"a\",\"b\",\"$\"]", "[\"a\",\"a\"]", "{}",
        "{\"acc\":1}", "{\"acc\":\"x\"}", "\"" + "0".repeat(64) + "\"", "1.5", "[1]", "\"\""};

    @FuzzTest(maxDuration = "60s")
    void manifestText(FuzzedDataProvider data) throws Exception {
        String json = data.consumeRemainingAsString();
        FuzzBudget.run(() -> roundTrip(json));
    }

    /** Manifests built from the format's fields and a pool of values, nested one level. */
    @FuzzTest(maxDuration = "60s")
    void manifestFields(FuzzedDataProvider data) throws Exception {
        String json = object(data, 0);
        FuzzBudget.run(() -> roundTrip(json));
    }

    private static String object(FuzzedDataProvider data, int depth) {
        var sb = new StringBuilder("{");
        int n = data.consumeInt(0, depth == 0 ? 12 : 14);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append('"').append(data.pickValue(FIELDS)).append("\":");
            if (depth == 0 && data.consumeInt(0, 3) == 0) {
                sb.append(object(data, 1));
            } else {
                sb.append(data.pickValue(VALUES));
            }
        }
        return sb.append('}').toString();
    }

    private static void roundTrip(String json) throws IOException {
        ManifestJson.Sidecar s;
        try {
            s = ManifestJson.readSidecar(json);
        } catch (CheckpointException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank() && !e.getMessage().contains("\n"), e.getMessage());
            return;
        }
        var back = ManifestJson.readSidecar(ManifestJson.write(s.manifest(), s.weightsSha256()));
        assertEquals(s, back);
    }

    /** Safetensors bytes (a valid model, cut or with bytes changed) with a manifest from the pool. */
    @FuzzTest(maxDuration = "60s")
    void fromContentsWithAManifest(FuzzedDataProvider data) throws Exception {
        String manifest = data.consumeBoolean() ? object(data, 0) : ManifestJson.write(Manifest.of(CONFIG));
        byte[] bytes = data.consumeBoolean() ? mutate(data) : data.consumeRemainingAsBytes();
        FuzzBudget.run(() -> {
            Manifest m;
            Safetensors.Contents c;
            try {
                m = ManifestJson.read(manifest);
                c = Safetensors.parse(bytes);
            } catch (CheckpointException e) {
                return;
            }
            try {
                Checkpoint ck = Checkpoint.fromContents(c, m, Checkpoint.Overrides.NONE);
                assertEquals(ck.manifest().config(), ck.weights().config());
            } catch (CheckpointException e) {
                assertTrue(!e.getMessage().contains("\n"), e.getMessage());
            }
        });
    }

    private static byte[] mutate(FuzzedDataProvider data) {
        byte[] b = WEIGHTS.clone();
        int cut = data.consumeInt(0, b.length);
        b = Arrays.copyOf(b, data.consumeBoolean() ? cut : b.length);
        int edits = data.consumeInt(0, 8);
        for (int i = 0; i < edits && b.length > 0; i++) {
            b[data.consumeInt(0, b.length - 1)] = data.consumeByte();
        }
        return b;
    }

    /** A weights file and a manifest file on disk, loaded as a pair: only I/O exceptions escape. */
    @FuzzTest(maxDuration = "60s")
    void loadAPair(FuzzedDataProvider data) throws Exception {
        Path dir = Files.createTempDirectory("statescope-fuzz");
        try {
            Path w = dir.resolve("m.safetensors");
            Checkpoint base = new Checkpoint(SsmWeights.init(CONFIG, 2), new Manifest(1, CONFIG, List.of("a", "b", "$"),
                    List.of(), null, 0, 0, Map.of(), null));
            base.save(w);
            switch (data.consumeInt(0, 3)) {
                case 0 -> Files.write(dir.resolve("m.json"), data.consumeBytes(4096));
                case 1 -> Files.writeString(dir.resolve("m.json"), object(data, 0), StandardCharsets.UTF_8);
                case 2 -> Files.delete(dir.resolve("m.json"));
                default -> Files.write(w, mutate(data));
            }
            FuzzBudget.run(() -> {
                try {
                    Checkpoint.load(w);
                } catch (IOException e) {
                    assertTrue(e.getMessage() != null && !e.getMessage().contains("\n"), e.getMessage());
                }
            });
        } finally {
            try (var s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }
}
