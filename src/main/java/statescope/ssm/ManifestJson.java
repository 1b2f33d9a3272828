package statescope.ssm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import statescope.io.JsonErrors;

/**
 * Reads and writes {@link Manifest}s as JSON. Example:
 * <pre>
 * {
 *   "formatVersion": 1,
 *   "config": {"dModel": 64, "nLayer": 2, "dState": 16, "expand": 2, "dConv": 4, "dtRank": 4,
 *              "vocabSize": 3, "outputSize": 2, "gates": "SIGNED", "selective": true,
 *              "norm": "RMS", "normEps": 1e-5},
 *   "vocabulary": ["a", "b", "$"], "outputClasses": ["reject", "accept"],
 *   "languageId": "parity", "seed": 1, "trainingStep": 2000,
 *   "metrics": {"acc_bin1": 1.0}, "notes": "...",
 *   "weightsSha256": "9f2c…"
 * }
 * </pre>
 * {@code weightsSha256}, written by {@link Checkpoint#save}, is the SHA-256 of the weights file the
 * manifest belongs to (see {@link Checkpoint} for the protocol); older manifests have none.
 * A constructed model ({@code statescope construct}) adds {@code "kind": "constructed"} and
 * {@code "channels"}: per layer the names of its ED channels. Both are optional; a manifest without
 * them reads as a trained model's.
 */
public final class ManifestJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** Largest manifest read (1 MiB; a manifest is a few hundred bytes plus its notes). */
    public static final long MAX_BYTES = 1L << 20;

    private ManifestJson() {
    }

    /** A manifest as stored beside its weights: the manifest and the SHA-256 of the weights (or null). */
    public record Sidecar(Manifest manifest, String weightsSha256) {
    }

    /** The manifest as pretty-printed JSON. */
    public static String write(Manifest m) {
        return write(m, null);
    }

    /** The manifest as pretty-printed JSON naming the SHA-256 of its weights file (null: none). */
    public static String write(Manifest m, String weightsSha256) {
        var root = new LinkedHashMap<String, Object>();
        root.put("formatVersion", m.formatVersion());
        root.put("config", configMap(m.config()));
        root.put("vocabulary", m.vocabulary());
        root.put("outputClasses", m.outputClasses());
        root.put("languageId", m.languageId());
        root.put("seed", m.seed());
        root.put("trainingStep", m.trainingStep());
        root.put("metrics", new TreeMap<>(m.metrics()));
        root.put("notes", m.notes());
        if (weightsSha256 != null) {
            root.put("weightsSha256", weightsSha256);
        }
        if (m.kind() != null) {
            root.put("kind", m.kind());
        }
        if (!m.channels().isEmpty()) {
            root.put("channels", m.channels());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The config as an ordered map (also used by {@code statescope trace --json}). */
    public static Map<String, Object> configMap(SsmConfig c) {
        var m = new LinkedHashMap<String, Object>();
        m.put("dModel", c.dModel());
        m.put("nLayer", c.nLayer());
        m.put("dState", c.dState());
        m.put("expand", c.expand());
        m.put("dConv", c.dConv());
        m.put("dtRank", c.dtRank());
        m.put("vocabSize", c.vocabSize());
        m.put("outputSize", c.outputSize());
        m.put("gates", c.gates().name());
        m.put("selective", c.selective());
        m.put("norm", c.norm().name());
        m.put("normEps", c.normEps());
        return m;
    }

    /** Parses a manifest; every problem is one {@link CheckpointException} naming the field. */
    public static Manifest read(String json) throws CheckpointException {
        return readSidecar(json).manifest();
    }

    /** Parses a manifest and the weights hash it names; every problem is one {@link CheckpointException}. */
    public static Sidecar readSidecar(String json) throws CheckpointException {
        if (json.length() > MAX_BYTES) {
            throw new CheckpointException("manifest of " + json.length() + " characters is longer than the limit of "
                    + MAX_BYTES);
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new CheckpointException("manifest is not valid JSON: " + JsonErrors.reason(e));
        } catch (RuntimeException e) { // Jackson's limits (nesting, number length)
            throw new CheckpointException("manifest is not valid JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new CheckpointException("manifest is not a JSON object");
        }
        try {
            JsonNode c = req(root, "config");
            if (!c.isObject()) {
                throw new CheckpointException("manifest field config is not an object");
            }
            var cfg = new SsmConfig(intField(c, "dModel"), intField(c, "nLayer"), intField(c, "dState"),
                    intField(c, "expand"), intField(c, "dConv"), intField(c, "dtRank"), intField(c, "vocabSize"),
                    intField(c, "outputSize"), enumField(c, "gates", GateRange.class),
                    boolField(c, "selective"), enumField(c, "norm", NormKind.class), (float) numField(c, "normEps"));
            Map<String, Double> metrics = new LinkedHashMap<>();
            JsonNode mt = root.get("metrics");
            if (mt != null && !mt.isNull()) {
                if (!mt.isObject()) {
                    throw new CheckpointException("manifest field metrics is not an object");
                }
                for (var it = mt.properties().iterator(); it.hasNext(); ) {
                    var e = it.next();
                    if (!e.getValue().isNumber()) {
                        throw new CheckpointException("manifest metric " + e.getKey() + " is not a number");
                    }
                    metrics.put(e.getKey(), e.getValue().doubleValue());
                }
            }
            String sha = text(root, "weightsSha256");
            if (sha != null && !sha.matches("[0-9a-f]{64}")) {
                throw new CheckpointException("manifest field weightsSha256 is not 64 lower-case hex digits");
            }
            List<List<String>> channels = new ArrayList<>();
            JsonNode ch = root.get("channels");
            if (ch != null && !ch.isNull()) {
                if (!ch.isArray()) {
                    throw new CheckpointException("manifest field channels is not an array of arrays of names");
                }
                for (JsonNode layer : ch) {
                    if (layer == null || layer.isNull()) {
                        throw new CheckpointException("manifest field channels holds a null layer");
                    }
                    channels.add(stringArray(layer, "channels"));
                }
            }
            return new Sidecar(new Manifest(intField(root, "formatVersion"), cfg, strings(root, "vocabulary"),
                    strings(root, "outputClasses"), text(root, "languageId"), longField(root, "seed"),
                    longField(root, "trainingStep"), metrics, text(root, "notes"), text(root, "kind"), channels), sha);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException("manifest: " + e.getMessage());
        }
    }

    private static JsonNode req(JsonNode o, String f) throws CheckpointException {
        JsonNode v = o.get(f);
        if (v == null || v.isNull()) {
            throw new CheckpointException("manifest field " + f + " is missing");
        }
        return v;
    }

    private static int intField(JsonNode o, String f) throws CheckpointException {
        JsonNode v = req(o, f);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new CheckpointException("manifest field " + f + " is not an integer: " + v);
        }
        return v.intValue();
    }

    private static long longField(JsonNode o, String f) throws CheckpointException {
        JsonNode v = o.get(f);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new CheckpointException("manifest field " + f + " is not an integer: " + v);
        }
        return v.longValue();
    }

    private static double numField(JsonNode o, String f) throws CheckpointException {
        JsonNode v = req(o, f);
        if (!v.isNumber()) {
            throw new CheckpointException("manifest field " + f + " is not a number: " + v);
        }
        return v.doubleValue();
    }

    private static boolean boolField(JsonNode o, String f) throws CheckpointException {
        JsonNode v = req(o, f);
        if (!v.isBoolean()) {
            throw new CheckpointException("manifest field " + f + " is not true/false: " + v);
        }
        return v.booleanValue();
    }

    private static <E extends Enum<E>> E enumField(JsonNode o, String f, Class<E> type) throws CheckpointException {
        JsonNode v = req(o, f);
        try {
            return Enum.valueOf(type, v.asText());
        } catch (IllegalArgumentException e) {
            throw new CheckpointException("manifest field " + f + " is " + v + ", expected one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static String text(JsonNode o, String f) throws CheckpointException {
        JsonNode v = o.get(f);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new CheckpointException("manifest field " + f + " is not a string");
        }
        return v.asText();
    }

    private static List<String> strings(JsonNode o, String f) throws CheckpointException {
        JsonNode v = o.get(f);
        if (v == null || v.isNull()) {
            return new ArrayList<>();
        }
        return stringArray(v, f);
    }

    private static List<String> stringArray(JsonNode v, String f) throws CheckpointException {
        List<String> out = new ArrayList<>();
        if (!v.isArray()) {
            throw new CheckpointException("manifest field " + f + " is not an array of strings");
        }
        for (JsonNode s : v) {
            if (!s.isTextual()) {
                throw new CheckpointException("manifest field " + f + " holds a non-string " + s);
            }
            out.add(s.asText());
        }
        return out;
    }
}
