package statescope.ssm;

import static statescope.ssm.WeightNames.*;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.SequencedMap;
import statescope.io.JsonErrors;

/**
 * How a foreign model's token ids stand for a language's symbols, and which of its head's outputs are
 * read as which prediction. A model trained elsewhere (a Hugging Face or mamba_ssm language model) has
 * its own vocabulary of V ids; this map picks the ids the app feeds for each symbol and the logits it
 * reads back.
 *
 * <p>{@link #apply} makes an ordinary checkpoint of it: the embedding keeps the rows of the mapped input
 * ids, [V, D] → [|inputs|, D], in the map's order, and the head keeps the rows of the mapped output ids,
 * [O, D] → [|outputs|, D] (its bias likewise). The blocks are untouched, so states, Δ, y and the kept
 * logits are exactly the full model's for the same ids. By default (no outputs given) output {@code
 * "next s"} reads the head's logit at the id of symbol {@code s}: the model's score for s coming next.
 *
 * <p>Saved beside the weights as {@code NAME.vocab.json} ({@code model.vocab.json} in a Hugging Face
 * folder), and applied by {@link ForeignCheckpoints} whenever the weights are loaded:
 * <pre>
 * {"formatVersion": 1, "languageId": "parity",
 *  "inputs": {"a": 3, "b": 4}, "outputs": {"reject": 7, "accept": 8}}
 * </pre>
 *
 * @param inputs     symbol → input token id, in the order of the adapted vocabulary
 * @param outputs    prediction name → head output id, in the order of the adapted outputs
 * @param languageId the language the symbols belong to, or null
 */
public record VocabMap(SequencedMap<String, Integer> inputs, SequencedMap<String, Integer> outputs, String languageId) {

    /** The side-car format written by this version. */
    public static final int FORMAT_VERSION = 1;
    /** Largest side-car read. */
    public static final int MAX_BYTES = 1 << 20;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).enable(SerializationFeature.INDENT_OUTPUT);

    public VocabMap {
        inputs = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(inputs));
        outputs = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(outputs));
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("the vocabulary map names no symbol");
        }
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("the vocabulary map names no output");
        }
        for (var e : inputs.entrySet()) {
            check("symbol", e.getKey(), e.getValue());
        }
        for (var e : outputs.entrySet()) {
            check("output", e.getKey(), e.getValue());
        }
    }

    private static void check(String what, String name, Integer id) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("an empty " + what + " name in the vocabulary map");
        }
        if (id == null || id < 0) {
            throw new IllegalArgumentException(what + " '" + name + "' has id " + id + ", not an id ≥ 0");
        }
    }

    /**
     * Parses {@code --vocab a=3,b=4} and, optionally, {@code --outputs "reject=7,accept=8"} (null: output
     * {@code "next s"} reads the logit at the id of each symbol s).
     *
     * @throws IllegalArgumentException one line naming the bad entry
     */
    public static VocabMap parse(String inputSpec, String outputSpec, String languageId) {
        SequencedMap<String, Integer> in = pairs(inputSpec, "--vocab");
        SequencedMap<String, Integer> out = outputSpec == null ? defaultOutputs(in) : pairs(outputSpec, "--outputs");
        return new VocabMap(in, out, languageId);
    }

    /**
     * As {@link #parse}, for a language: symbols and outputs in the language's order, each mapped. Outputs
     * named in {@code outputSpec} are added to the default {@code "next s"} ones (and win), and defaults
     * the language does not name are dropped, so a next-symbol language needs only {@code END=ID}.
     */
    public static VocabMap forLanguage(String inputSpec, String outputSpec, List<String> symbols,
                                       List<String> outputNames, String languageId) {
        SequencedMap<String, Integer> in = pairs(inputSpec, "--vocab");
        var out = new LinkedHashMap<String, Integer>();
        defaultOutputs(in).forEach((k, v) -> {
            if (outputNames.contains(k)) {
                out.put(k, v);
            }
        });
        if (outputSpec != null) {
            out.putAll(pairs(outputSpec, "--outputs"));
        }
        var map = new VocabMap(in, out.isEmpty() ? defaultOutputs(in) : out, languageId);
        return map.ordered(symbols, outputNames, languageId);
    }

    /** Output {@code "next s"} → the id of s, for each symbol in order. */
    public static SequencedMap<String, Integer> defaultOutputs(SequencedMap<String, Integer> inputs) {
        var out = new LinkedHashMap<String, Integer>();
        inputs.forEach((s, id) -> out.put("next " + s, id));
        return out;
    }

    /** {@code NAME=ID,NAME=ID}: names stripped of surrounding blanks, split at the last '='. */
    static SequencedMap<String, Integer> pairs(String spec, String option) {
        var out = new LinkedHashMap<String, Integer>();
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException(option + " is empty; give NAME=ID pairs, e.g. a=3,b=4");
        }
        for (String item : spec.split(",", -1)) {
            int eq = item.lastIndexOf('=');
            String name = eq < 0 ? "" : item.substring(0, eq).strip();
            String id = eq < 0 ? "" : item.substring(eq + 1).strip();
            if (name.isEmpty() || !id.matches("[0-9]{1,9}")) {
                throw new IllegalArgumentException(option + ": '" + item.strip() + "' is not NAME=ID (e.g. a=3)");
            }
            if (out.put(name, Integer.parseInt(id)) != null) {
                throw new IllegalArgumentException(option + ": '" + name + "' is given twice");
            }
        }
        return out;
    }

    /**
     * The same map reordered to a language's token order and output order; every symbol and output of
     * the language must be mapped and nothing else.
     */
    public VocabMap ordered(List<String> symbols, List<String> outputNames, String language) {
        return new VocabMap(reorder(inputs, symbols, "symbol", "--vocab", language),
                reorder(outputs, outputNames, "output", "--outputs", language), language);
    }

    private static SequencedMap<String, Integer> reorder(SequencedMap<String, Integer> m, List<String> order,
                                                         String what, String option, String language) {
        var out = new LinkedHashMap<String, Integer>();
        for (String s : order) {
            Integer id = m.get(s);
            if (id == null) {
                throw new IllegalArgumentException(what + " '" + s + "' of " + language + " is not mapped: give "
                        + option + " with NAME=ID for each of " + order);
            }
            out.put(s, id);
        }
        for (String s : m.keySet()) {
            if (!out.containsKey(s)) {
                throw new IllegalArgumentException(what + " '" + s + "' is not one of " + language + "'s " + order);
            }
        }
        return out;
    }

    /**
     * The checkpoint reading only the mapped ids (see the class comment): vocabulary = the symbols,
     * output classes = the output names, language = {@link #languageId()} when set.
     *
     * @throws IllegalArgumentException when an id is outside the model's vocabulary or head
     */
    public Checkpoint apply(Checkpoint ck) {
        SsmConfig c = ck.weights().config();
        var t = ck.weights().tensors();
        t.put(EMBEDDING, rows(t.get(EMBEDDING), inputs, "input token", c.vocabSize()));
        t.put(HEAD, rows(t.get(HEAD), outputs, "output", c.outputSize()));
        if (t.containsKey(HEAD_BIAS)) {
            t.put(HEAD_BIAS, rows(t.get(HEAD_BIAS), outputs, "output", c.outputSize()));
        }
        var cfg = new SsmConfig(c.dModel(), c.nLayer(), c.dState(), c.expand(), c.dConv(), c.dtRank(), inputs.size(),
                outputs.size(), c.gates(), c.selective(), c.norm(), c.normEps());
        Manifest m = ck.manifest();
        String notes = (m.notes() == null ? "" : m.notes() + "; ") + "ids mapped: " + describe();
        var manifest = new Manifest(Manifest.FORMAT_VERSION, cfg, List.copyOf(inputs.keySet()),
                List.copyOf(outputs.keySet()), languageId != null ? languageId : m.languageId(), m.seed(),
                m.trainingStep(), m.metrics(), notes);
        return new Checkpoint(SsmWeights.fromTensors(cfg, t), manifest);
    }

    /** {@code a=3, b=4 → next a=3, next b=4}, for notes and messages. */
    public String describe() {
        return join(inputs) + " → " + join(outputs);
    }

    private static String join(SequencedMap<String, Integer> m) {
        var parts = new ArrayList<String>();
        m.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(", ", parts);
    }

    /** Rows {@code ids} of a [rows, cols] (or [rows]) tensor. */
    private static Tensor rows(Tensor t, SequencedMap<String, Integer> ids, String what, int count) {
        int cols = t.shape().length == 1 ? 1 : t.shape()[1];
        float[] out = new float[ids.size() * cols];
        int r = 0;
        for (var e : ids.entrySet()) {
            if (e.getValue() >= count) {
                throw new IllegalArgumentException(what + " id " + e.getValue() + " of '" + e.getKey()
                        + "' is outside the model's " + count + " ids (0.." + (count - 1) + ")");
            }
            System.arraycopy(t.data(), e.getValue() * cols, out, r++ * cols, cols);
        }
        return new Tensor(t.shape().length == 1 ? new int[] {ids.size()} : new int[] {ids.size(), cols}, out);
    }

    // ---- the side-car file ----

    /** Where the map of a model is kept: {@code NAME.vocab.json} beside its weights, or in its folder. */
    public static Path besideModel(Path model) {
        if (Files.isDirectory(model)) {
            return model.resolve("model.vocab.json");
        }
        Path w = Checkpoint.weightsPath(model);
        String n = w.getFileName().toString();
        String stem = n.endsWith(".safetensors") ? n.substring(0, n.length() - ".safetensors".length()) : n;
        return w.resolveSibling(stem + ".vocab.json");
    }

    /** Writes the map beside the model (atomically); returns the file. */
    public Path saveBeside(Path model) throws IOException {
        Path p = besideModel(model);
        AtomicFiles.write(p, toJson().getBytes(StandardCharsets.UTF_8));
        return p;
    }

    /** The map saved beside a model, if there is one. */
    public static Optional<VocabMap> readBeside(Path model) throws IOException {
        Path p = besideModel(model);
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        if (Files.size(p) > MAX_BYTES) {
            throw new CheckpointException(p.getFileName() + ": larger than " + MAX_BYTES + " bytes");
        }
        try {
            return Optional.of(fromJson(Files.readString(p, StandardCharsets.UTF_8)));
        } catch (CheckpointException e) {
            throw new CheckpointException(p.getFileName() + ": " + e.getMessage(), e);
        } catch (MalformedInputException e) {
            throw new CheckpointException(p.getFileName() + ": not UTF-8 text");
        }
    }

    /** The side-car JSON (see the class comment). */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("languageId", languageId);
        ObjectNode in = root.putObject("inputs");
        inputs.forEach(in::put);
        ObjectNode out = root.putObject("outputs");
        outputs.forEach(out::put);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses the side-car JSON; every problem is one {@link CheckpointException}. */
    public static VocabMap fromJson(String json) throws CheckpointException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new CheckpointException("vocabulary map is not valid JSON: " + JsonErrors.reason(e));
        }
        if (root == null || !root.isObject()) {
            throw new CheckpointException("vocabulary map is not a JSON object");
        }
        JsonNode v = root.get("formatVersion");
        if (v == null || !v.isInt() || v.intValue() < 1 || v.intValue() > FORMAT_VERSION) {
            throw new CheckpointException("vocabulary map formatVersion " + v + " is not supported (this build reads 1.."
                    + FORMAT_VERSION + ")");
        }
        JsonNode lang = root.get("languageId");
        if (lang != null && !lang.isNull() && !lang.isTextual()) {
            throw new CheckpointException("vocabulary map languageId is not a string");
        }
        try {
            return new VocabMap(ids(root, "inputs"), ids(root, "outputs"),
                    lang == null || lang.isNull() ? null : lang.asText());
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(e.getMessage());
        }
    }

    private static SequencedMap<String, Integer> ids(JsonNode root, String field) throws CheckpointException {
        JsonNode o = root.get(field);
        if (o == null || !o.isObject()) {
            throw new CheckpointException("vocabulary map field " + field + " is missing or not an object");
        }
        var out = new LinkedHashMap<String, Integer>();
        for (var it = o.properties().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().isInt() || e.getValue().intValue() < 0) {
                throw new CheckpointException("vocabulary map " + field + "." + e.getKey() + " is "
                        + e.getValue() + ", not an id ≥ 0");
            }
            out.put(e.getKey(), e.getValue().intValue());
        }
        return out;
    }
}
