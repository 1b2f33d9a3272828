package statescope.lang;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import statescope.io.BoundedFiles;
import statescope.io.JsonErrors;

/**
 * The DFA JSON format, version 1:
 * <pre>
 * {
 *   "format": "statescope-dfa",          (optional; when present exactly this)
 *   "version": 1,                        (optional; when present exactly 1)
 *   "alphabet": ["0", "1"],              (symbols: distinct, non-empty, no white space)
 *   "states": ["even", "odd"],           (labels: distinct, non-empty)
 *   "start": "even",
 *   "accepting": ["even"],
 *   "transitions": [
 *     {"from": "even", "symbol": "1", "to": "odd"}, ...
 *   ]
 * }
 * </pre>
 * The reader checks everything and reports the first problem as a {@link DfaFormatException} naming
 * the field ({@code transitions[2].to: unknown state 'q9'}): unknown fields, wrong types, unknown
 * symbols or states, duplicates, two transitions for one state and symbol, and the size caps
 * ({@value #MAX_CHARS} characters, {@value #MAX_STATES} states, {@value #MAX_SYMBOLS} symbols,
 * {@value #MAX_ENTRIES} table entries). Missing transitions are completed to a dead state (a new
 * non-accepting sink labelled {@code dead}) unless {@link #read(String, boolean) strict} reading is
 * asked for, where they are an error. The writer lists every transition, so files it writes are
 * complete and read back to an identical DFA.
 */
public final class DfaJson {

    public static final String FORMAT = "statescope-dfa";
    public static final int VERSION = 1;
    public static final int MAX_CHARS = 20_000_000;
    public static final int MAX_STATES = 100_000;
    public static final int MAX_SYMBOLS = 1_000;
    public static final long MAX_ENTRIES = 5_000_000L;

    private static final Set<String> FIELDS = Set.of("format", "version", "alphabet", "states", "start",
            "accepting", "transitions");
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private DfaJson() {
    }

    /**
     * The JSON text of a DFA, one transition per line (state labels made unique by suffixes
     * {@code #2, #3, ...} if needed).
     */
    public static String write(Dfa dfa) {
        List<String> labels = Nfa.uniqueLabels(dfa.labels());
        var sb = new StringBuilder("{\n");
        sb.append("  \"format\": ").append(q(FORMAT)).append(",\n");
        sb.append("  \"version\": ").append(VERSION).append(",\n");
        sb.append("  \"alphabet\": ").append(list(dfa.alphabet().symbols())).append(",\n");
        sb.append("  \"states\": ").append(list(labels)).append(",\n");
        sb.append("  \"start\": ").append(q(labels.get(dfa.startState()))).append(",\n");
        var acc = new ArrayList<String>();
        for (int q = 0; q < dfa.numStates(); q++) {
            if (dfa.isAccepting(q)) {
                acc.add(labels.get(q));
            }
        }
        sb.append("  \"accepting\": ").append(list(acc)).append(",\n");
        sb.append("  \"transitions\": [");
        String sep = "\n";
        for (int q = 0; q < dfa.numStates(); q++) {
            for (int a = 0; a < dfa.alphabet().size(); a++) {
                sb.append(sep).append("    {\"from\": ").append(q(labels.get(q)))
                        .append(", \"symbol\": ").append(q(dfa.alphabet().symbol(a)))
                        .append(", \"to\": ").append(q(labels.get(dfa.next(q, a)))).append('}');
                sep = ",\n";
            }
        }
        sb.append("\n  ]\n}\n");
        return sb.toString();
    }

    private static String q(String s) {
        try {
            return MAPPER.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot quote a string", e);
        }
    }

    private static String list(List<String> items) {
        var sb = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(q(items.get(i)));
        }
        return sb.append(']').toString();
    }

    /** Writes the JSON of a DFA to a file (UTF-8). */
    public static void write(Dfa dfa, Path file) throws IOException {
        Files.writeString(file, write(dfa), StandardCharsets.UTF_8);
    }

    /** Reads a DFA, completing missing transitions to a dead state. */
    public static Dfa read(String json) {
        return read(json, false);
    }

    /**
     * Reads a DFA file, completing missing transitions to a dead state. JSON files are UTF-8: other
     * text is a {@link DfaFormatException} naming the first bad byte (or the UTF-16 byte-order mark).
     */
    public static Dfa read(Path file) throws IOException {
        try {
            return read(BoundedFiles.readUtf8(file, 4L * MAX_CHARS, "the DFA file"), false);
        } catch (BoundedFiles.TooLargeException | BoundedFiles.NotUtf8Exception e) {
            throw new DfaFormatException(e.getMessage(), e);
        }
    }

    /**
     * Reads a DFA.
     *
     * @param strict when true a missing transition is an error; otherwise it goes to a dead state
     * @throws DfaFormatException naming the field at fault
     */
    public static Dfa read(String json, boolean strict) {
        if (json.length() > MAX_CHARS) {
            throw new DfaFormatException("the DFA JSON is longer than the limit of " + MAX_CHARS + " characters");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new DfaFormatException("not valid JSON" + (loc == null ? "" : " at line " + loc.getLineNr()
                    + ", column " + loc.getColumnNr()) + ": " + JsonErrors.reason(e), e);
        }
        if (root == null || !root.isObject()) {
            throw new DfaFormatException("the DFA JSON must be an object with the fields " + FIELDS);
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new DfaFormatException("unknown field '" + clip(f) + "'; the fields are format, version, "
                        + "alphabet, states, start, accepting, transitions");
            }
        }
        if (root.has("format") && !(root.get("format").isTextual() && root.get("format").asText().equals(FORMAT))) {
            throw new DfaFormatException("format: expected \"" + FORMAT + "\"");
        }
        if (root.has("version") && !(root.get("version").isIntegralNumber() && root.get("version").asLong() == VERSION)) {
            throw new DfaFormatException("version: expected " + VERSION + " (this reader knows version " + VERSION
                    + " only), found " + clip(root.get("version").toString()));
        }
        List<String> symbols = strings(root, "alphabet", MAX_SYMBOLS);
        if (symbols.isEmpty()) {
            throw new DfaFormatException("alphabet: expected at least one symbol");
        }
        for (int i = 0; i < symbols.size(); i++) {
            String s = symbols.get(i);
            if (s.isEmpty() || s.codePoints().anyMatch(Character::isWhitespace)) {
                throw new DfaFormatException("alphabet[" + i + "]: a symbol must be non-empty without white space");
            }
        }
        Alphabet alphabet = Alphabet.of(symbols);
        List<String> states = strings(root, "states", MAX_STATES);
        if (states.isEmpty()) {
            throw new DfaFormatException("states: expected at least one state");
        }
        int k = alphabet.size();
        if ((long) (states.size() + 1) * k > MAX_ENTRIES) {
            throw new DfaFormatException("states: " + states.size() + " states x " + k + " symbols exceed the limit of "
                    + MAX_ENTRIES + " transitions");
        }
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < states.size(); i++) {
            if (states.get(i).isEmpty()) {
                throw new DfaFormatException("states[" + i + "]: a state label must not be empty");
            }
            if (ids.put(states.get(i), i) != null) {
                throw new DfaFormatException("states[" + i + "]: duplicate state '" + clip(states.get(i)) + "'");
            }
        }
        JsonNode startNode = require(root, "start");
        if (!startNode.isTextual()) {
            throw new DfaFormatException("start: expected a state label (a string)");
        }
        int start = state(ids, startNode.asText(), "start");
        boolean[] acc = new boolean[states.size()];
        List<String> accepting = strings(root, "accepting", MAX_STATES);
        for (int i = 0; i < accepting.size(); i++) {
            int q = state(ids, accepting.get(i), "accepting[" + i + "]");
            if (acc[q]) {
                throw new DfaFormatException("accepting[" + i + "]: state '" + clip(accepting.get(i)) + "' is listed twice");
            }
            acc[q] = true;
        }
        return transitions(root, alphabet, states, ids, start, acc, strict);
    }

    private static Dfa transitions(JsonNode root, Alphabet alphabet, List<String> states, Map<String, Integer> ids,
            int start, boolean[] acc, boolean strict) {
        int n = states.size();
        int k = alphabet.size();
        JsonNode tr = require(root, "transitions");
        if (!tr.isArray()) {
            throw new DfaFormatException("transitions: expected an array of {\"from\", \"symbol\", \"to\"} objects");
        }
        if (tr.size() > (long) n * k) {
            throw new DfaFormatException("transitions: " + tr.size() + " transitions, but " + n + " states x " + k
                    + " symbols allow at most " + (long) n * k);
        }
        int[] table = new int[n * k];
        int[] origin = new int[n * k];
        Arrays.fill(table, -1);
        for (int i = 0; i < tr.size(); i++) {
            String at = "transitions[" + i + "]";
            JsonNode t = tr.get(i);
            if (!t.isObject()) {
                throw new DfaFormatException(at + ": expected an object {\"from\", \"symbol\", \"to\"}");
            }
            for (Iterator<String> it = t.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!f.equals("from") && !f.equals("symbol") && !f.equals("to")) {
                    throw new DfaFormatException(at + ": unknown field '" + clip(f) + "'; expected from, symbol, to");
                }
            }
            int from = state(ids, text(t, "from", at), at + ".from");
            String sym = text(t, "symbol", at);
            int a = alphabet.indexOf(sym);
            if (a < 0) {
                throw new DfaFormatException(at + ".symbol: unknown symbol '" + clip(sym) + "'; the alphabet is "
                        + clip(alphabet.toString()));
            }
            int to = state(ids, text(t, "to", at), at + ".to");
            if (table[from * k + a] >= 0) {
                throw new DfaFormatException(at + ": state '" + clip(states.get(from)) + "' already has a transition on '"
                        + clip(sym) + "' (transitions[" + origin[from * k + a] + "])");
            }
            table[from * k + a] = to;
            origin[from * k + a] = i;
        }
        int missing = (int) Arrays.stream(table).filter(x -> x < 0).count();
        if (missing == 0) {
            return new Dfa(alphabet, start, table, acc, states);
        }
        if (strict) {
            int idx = 0;
            while (table[idx] >= 0) {
                idx++;
            }
            throw new DfaFormatException("transitions: state '" + clip(states.get(idx / k)) + "' has no transition on '"
                    + clip(alphabet.symbol(idx % k)) + "' (" + missing + " missing in all)");
        }
        int[] full = Arrays.copyOf(table, (n + 1) * k);
        for (int i = 0; i < full.length; i++) {
            if (full[i] < 0 || i >= n * k) {
                full[i] = n;
            }
        }
        var labels = new ArrayList<>(states);
        String dead = "dead";
        while (ids.containsKey(dead)) {
            dead = dead + "'";
        }
        labels.add(dead);
        return new Dfa(alphabet, start, full, Arrays.copyOf(acc, n + 1), labels);
    }

    private static JsonNode require(JsonNode obj, String field) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            throw new DfaFormatException(field + ": missing");
        }
        return v;
    }

    private static String text(JsonNode obj, String field, String at) {
        JsonNode v = obj.get(field);
        if (v == null || !v.isTextual()) {
            throw new DfaFormatException(at + "." + field + ": " + (v == null ? "missing" : "expected a string"));
        }
        return v.asText();
    }

    private static List<String> strings(JsonNode root, String field, int max) {
        JsonNode arr = require(root, field);
        if (!arr.isArray()) {
            throw new DfaFormatException(field + ": expected an array of strings");
        }
        if (arr.size() > max) {
            throw new DfaFormatException(field + ": " + arr.size() + " entries exceed the limit of " + max);
        }
        var out = new ArrayList<String>(arr.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < arr.size(); i++) {
            JsonNode v = arr.get(i);
            if (!v.isTextual()) {
                throw new DfaFormatException(field + "[" + i + "]: expected a string");
            }
            if (field.equals("alphabet") && !seen.add(v.asText())) {
                throw new DfaFormatException(field + "[" + i + "]: duplicate symbol '" + clip(v.asText()) + "'");
            }
            out.add(v.asText());
        }
        return out;
    }

    private static int state(Map<String, Integer> ids, String label, String at) {
        Integer q = ids.get(label);
        if (q == null) {
            throw new DfaFormatException(at + ": unknown state '" + clip(label) + "'");
        }
        return q;
    }

    /** Shortens user text quoted in messages. */
    static String clip(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
