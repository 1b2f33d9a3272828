package statescope.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import statescope.io.BoundedFiles;
import statescope.io.JsonErrors;
import statescope.ssm.AtomicFiles;

/**
 * A saved session ({@code NAME.statescope}): JSON with a format version, documented in
 * docs/interop.md. What it holds is enough to reopen the app where it was: the language (a catalog id,
 * a regex, or a DFA inline), the model (a checkpoint by path and content hash, or a random model by its
 * parameters), the input, the position, the open view and its settings, and the UI scale.
 *
 * @param viewSettings small values by name (numbers, booleans, strings): the views' settings
 */
public record SessionFile(Language language, Model model, Model compare, String input, int position, String view,
                          Map<String, Object> viewSettings, double uiScale) {

    /** The format this StateScope writes and the newest it reads. */
    public static final int FORMAT_VERSION = 1;
    /** The largest session file read (an inline DFA can be large). */
    public static final long MAX_BYTES = 64L << 20;
    private static final String FORMAT = "statescope-session";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public SessionFile {
        viewSettings = Map.copyOf(viewSettings);
    }

    /**
     * The language: {@code kind} is {@code catalog} (its {@code id}), {@code regex} (the {@code regex})
     * or {@code dfa} (a name and the DFA JSON inline, for a language opened from a file).
     */
    public record Language(String kind, String id, String regex, String name, String dfaJson) {

        public static Language catalog(String id) {
            return new Language("catalog", id, null, null, null);
        }

        public static Language regex(String regex) {
            return new Language("regex", null, regex, null, null);
        }

        public static Language dfa(String name, String dfaJson) {
            return new Language("dfa", null, null, name, dfaJson);
        }
    }

    /**
     * A model: {@code kind} {@code checkpoint} (its {@code path} and the SHA-256 of its weights) or
     * {@code random} (layers, d_model, signed gates and seed).
     */
    public record Model(String kind, String label, String path, String sha256, int layers, int dModel,
                        boolean signed, long seed) {
    }

    /** Writes the session to {@code file} atomically (a temporary file renamed over it). */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, toJson().getBytes(StandardCharsets.UTF_8));
    }

    /** The session as its JSON text. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        ObjectNode lang = root.putObject("language");
        lang.put("kind", language.kind());
        switch (language.kind()) {
            case "catalog" -> lang.put("id", language.id());
            case "regex" -> lang.put("regex", language.regex());
            default -> {
                lang.put("name", language.name());
                try {
                    lang.set("dfa", JSON.readTree(language.dfaJson()));
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException("the language's DFA is not JSON: " + JsonErrors.reason(e));
                }
            }
        }
        if (model != null) {
            root.set("model", model(model));
        }
        if (compare != null) {
            root.set("compare", model(compare));
        }
        root.put("input", input);
        root.put("position", position);
        root.put("view", view);
        root.set("viewSettings", JSON.valueToTree(new TreeMap<>(viewSettings)));
        root.put("uiScale", uiScale);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode model(Model m) {
        ObjectNode n = JSON.createObjectNode();
        n.put("kind", m.kind());
        n.put("label", m.label());
        if (m.kind().equals("checkpoint")) {
            n.put("path", m.path());
            n.put("sha256", m.sha256());
        } else {
            n.put("layers", m.layers());
            n.put("dModel", m.dModel());
            n.put("signed", m.signed());
            n.put("seed", m.seed());
        }
        return n;
    }

    /**
     * Reads a session. A file that is not a session, is malformed, or was written by a newer StateScope
     * (a format version above {@value #FORMAT_VERSION}) is an IllegalArgumentException with one line.
     */
    public static SessionFile read(Path file) throws IOException {
        return parse(BoundedFiles.readUtf8(file, MAX_BYTES, "session"));
    }

    /** Parses a session's JSON text (see {@link #read}). */
    public static SessionFile parse(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a StateScope session: malformed JSON at line "
                    + e.getLocation().getLineNr() + ": " + JsonErrors.reason(e));
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("not a StateScope session (no \"format\": \"" + FORMAT + "\")");
        }
        JsonNode version = root.get("formatVersion");
        if (version == null || !version.canConvertToInt()) {
            throw new IllegalArgumentException("the session has no formatVersion");
        }
        if (version.asInt() > FORMAT_VERSION || version.asInt() < 1) {
            throw new IllegalArgumentException("the session has format version " + version.asInt()
                    + "; this StateScope reads version " + FORMAT_VERSION
                    + (version.asInt() > FORMAT_VERSION ? " (it was written by a newer StateScope: update)" : ""));
        }
        JsonNode lang = object(root, "language");
        Language language = switch (text(lang, "kind")) {
            case "catalog" -> Language.catalog(text(lang, "id"));
            case "regex" -> Language.regex(text(lang, "regex"));
            case "dfa" -> Language.dfa(text(lang, "name"), object(lang, "dfa").toString());
            default -> throw new IllegalArgumentException("the session's language kind must be catalog, regex or dfa, "
                    + "not " + lang.get("kind"));
        };
        Map<String, Object> settings = new LinkedHashMap<>();
        JsonNode vs = root.path("viewSettings");
        if (vs.isObject()) {
            for (var e : vs.properties()) {
                JsonNode v = e.getValue();
                if (v.isBoolean()) {
                    settings.put(e.getKey(), v.booleanValue());
                } else if (v.isNumber()) {
                    settings.put(e.getKey(), v.doubleValue());
                } else if (v.isTextual()) {
                    settings.put(e.getKey(), v.textValue());
                }
            }
        }
        double scale = root.path("uiScale").asDouble(1.0);
        if (!(scale >= 0.5 && scale <= 4)) {
            throw new IllegalArgumentException("the session's uiScale must be in [0.5, 4], not " + root.get("uiScale"));
        }
        int position = root.path("position").asInt(0);
        if (position < 0) {
            throw new IllegalArgumentException("the session's position must be at least 0, not " + position);
        }
        return new SessionFile(language, model(root.get("model")), model(root.get("compare")),
                root.path("input").asText(""), position, root.path("view").asText(""), settings, scale);
    }

    private static Model model(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isObject()) {
            throw new IllegalArgumentException("the session's model must be an object");
        }
        return switch (text(n, "kind")) {
            case "checkpoint" -> new Model("checkpoint", n.path("label").asText(""), text(n, "path"),
                    n.path("sha256").asText(""), 0, 0, false, 0);
            case "random" -> new Model("random", n.path("label").asText(""), null, null, positive(n, "layers"),
                    positive(n, "dModel"), n.path("signed").asBoolean(false), n.path("seed").asLong(0));
            default -> throw new IllegalArgumentException("the session's model kind must be checkpoint or random, not "
                    + n.get("kind"));
        };
    }

    private static int positive(JsonNode n, String field) {
        int v = n.path(field).asInt(0);
        if (v < 1 || v > 4096) {
            throw new IllegalArgumentException("the session's model needs " + field + " in 1..4096, not " + n.get(field));
        }
        return v;
    }

    private static JsonNode object(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isObject()) {
            throw new IllegalArgumentException("the session has no \"" + field + "\" object");
        }
        return v;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("the session's \"" + field + "\" must be a string");
        }
        return v.textValue();
    }
}
