package statescope.ui.session;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import statescope.io.JsonErrors;

/**
 * A demo script ("story", docs/presenting.md): a title and scenes, each a language (catalog id, or a
 * {@code regex} opened as your own language), a model
 * (a part of its picker label, e.g. {@code parity-nonneg}; default: the language's default), optionally a
 * second model to {@code compare} with, an {@code input}, a {@code position} (default: the end), a view
 * {@code tab} ({@value #TABS}) and a {@code caption} shown large.
 *
 * <pre>{"title": "…", "scenes": [{"language": "parity", "model": "parity-nonneg", "compare": "parity-signed",
 *   "input": "0110", "position": 3, "tab": "trajectory", "caption": "…"}]}</pre>
 */
public record Story(String title, List<Scene> scenes) {

    /** The view tabs a scene may name, in the window's order. */
    public static final String TABS = "trajectory, heatmap, gates, channels, analysis";

    /** One scene; null fields keep what is open (model: the language's default; position: the end). */
    public record Scene(String language, String regex, String model, String compare, String input, Integer position, String tab,
                        String caption) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Set<String> FIELDS = Set.of("language", "regex", "model", "compare", "input", "position", "tab",
            "caption");

    /**
     * Reads a story; a mistake is an {@link IllegalArgumentException} that names the scene and the field
     * ("scene 2, language: unknown language 'parityy'; the languages are …").
     *
     * @param languages the catalog's language ids
     */
    public static Story parse(String text, Collection<String> languages) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new IllegalArgumentException("not a JSON story" + (loc != null && loc.getLineNr() > 0
                    ? " (line " + loc.getLineNr() + ")" : "") + ": " + JsonErrors.reason(e));
        }
        if (root == null || !root.isObject() || !root.path("scenes").isArray() || root.get("scenes").isEmpty()) {
            throw new IllegalArgumentException("a story is {\"title\": …, \"scenes\": [ … ]} with at least one scene");
        }
        String title = root.path("title").isTextual() ? root.get("title").asText() : "story";
        var scenes = new ArrayList<Scene>();
        int i = 0;
        for (JsonNode s : root.get("scenes")) {
            scenes.add(scene(s, ++i, languages));
        }
        return new Story(title, List.copyOf(scenes));
    }

    private static Scene scene(JsonNode s, int n, Collection<String> languages) {
        String where = "scene " + n;
        if (!s.isObject()) {
            throw new IllegalArgumentException(where + ": a scene is an object with fields " + new TreeSet<>(FIELDS));
        }
        for (String f : (Iterable<String>) s::fieldNames) {
            if (!FIELDS.contains(f)) {
                throw new IllegalArgumentException(where + ", " + oneLine(f.length() > 60 ? f.substring(0, 57) + "..." : f) + ": unknown field; the fields are "
                        + String.join(", ", new TreeSet<>(FIELDS)));
            }
        }
        String language = text(s, "language", where);
        String regex = text(s, "regex", where);
        if ((language == null) == (regex == null)) {
            throw new IllegalArgumentException(where + ", language: name a catalog language (such as parity) or "
                    + "give a regex, one of the two");
        }
        if (language != null && !languages.contains(language)) {
            throw new IllegalArgumentException(where + ", language: unknown language " + quote(language)
                    + "; the languages are " + String.join(", ", new TreeSet<>(languages)));
        }
        Integer position = null;
        if (s.has("position")) {
            if (!s.get("position").canConvertToInt() || !s.get("position").isIntegralNumber()
                    || s.get("position").asInt() < 0) {
                throw new IllegalArgumentException(where + ", position: a whole number ≥ 0, not " + s.get("position"));
            }
            position = s.get("position").asInt();
        }
        String tab = text(s, "tab", where);
        if (tab != null) {
            tab = tab.strip().toLowerCase(Locale.ROOT);                   // "Analysis" as the tab reads
            tab = tab.equals("lengths") ? "analysis" : tab;            // the tab's name before 7 Dec 2026
        }
        if (tab != null && !List.of(TABS.split(", ")).contains(tab)) {
            throw new IllegalArgumentException(where + ", tab: " + quote(tab) + " is not one of " + TABS);
        }
        String input = text(s, "input", where);
        return new Scene(language, regex, text(s, "model", where), text(s, "compare", where), input, position, tab,
                text(s, "caption", where));
    }

    /** A value from the file as a message shows it: quoted, control characters escaped, at most 60 characters. */
    private static String quote(String value) {
        String v = value.length() > 60 ? value.substring(0, 57) + "..." : value;
        return "'" + oneLine(v) + "'";
    }

    /** Control characters (line breaks included) written as escapes, so a message stays on one line. */
    private static String oneLine(String text) {
        var sb = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || c == 0x85) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }

    private static String text(JsonNode s, String field, String where) {
        if (!s.has(field)) {
            return null;
        }
        if (!s.get(field).isTextual()) {
            throw new IllegalArgumentException(where + ", " + field + ": a string, not " + s.get(field));
        }
        return s.get(field).asText();
    }
}
