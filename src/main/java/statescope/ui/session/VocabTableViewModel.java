package statescope.ui.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import statescope.inspect.LanguageEntry;
import statescope.inspect.Reference;
import statescope.ssm.Checkpoint;
import statescope.ssm.CheckpointException;
import statescope.ssm.ForeignCheckpoints;
import statescope.ssm.SsmConfig;
import statescope.ssm.VocabMap;

/**
 * The vocabulary table of a model from elsewhere (a Hugging Face folder, a mamba_ssm state dict): which of
 * its token ids the app feeds for each of the language's tokens, and which of its head's outputs are read
 * as which prediction. Every edit is validated at once (ids whole numbers inside the model's range, no
 * id given twice), with one message naming the row; {@link #save} writes the map beside the checkpoint
 * with the same writer as the CLI's {@code --save-vocab} ({@link VocabMap#saveBeside}), so every later
 * load of the model, in the app or the CLI, applies it.
 */
public final class VocabTableViewModel {

    /**
     * One row: a name of the language (a token, a prediction), what it means (a class's meaning, or ""),
     * and the model id typed for it.
     */
    public record Row(String name, String meaning, StringProperty id) {
    }

    private final Path model;
    private final LanguageEntry language;
    private final int modelTokens;
    private final int modelOutputs;
    private final List<Row> inputs = new ArrayList<>();
    private final List<Row> outputs = new ArrayList<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    /**
     * A table for {@code model} (its own ids: {@code modelTokens} token ids, {@code modelOutputs} head
     * outputs) and the open language; filled from the map saved beside the model when it names them.
     */
    public VocabTableViewModel(Path model, LanguageEntry language, int modelTokens, int modelOutputs) {
        this.model = model;
        this.language = language;
        this.modelTokens = modelTokens;
        this.modelOutputs = modelOutputs;
        for (String s : tokenNames(language)) {
            inputs.add(new Row(s, "", new SimpleStringProperty("")));
        }
        Reference ref = language.reference();
        var names = outputNames(language);
        for (int i = 0; i < names.size(); i++) {
            String meaning = ref.units() == Reference.Units.CLASSES ? ref.targets().classes().get(i).meaning() : "";
            outputs.add(new Row(names.get(i), meaning == null ? "" : meaning, new SimpleStringProperty("")));
        }
        try {
            VocabMap.readBeside(model).ifPresent(this::fill);
        } catch (IOException e) {
            // an unreadable saved map: the table starts empty and saving replaces it
        }
        for (Row r : rows()) {
            r.id().addListener((o, a, b) -> validate());
        }
        validate();
    }

    /**
     * Reads the model's own sizes (without any saved map) and makes its table; one-line
     * {@link IOException} for a file that is not a model. Blocking: call it off the FX thread.
     */
    public static VocabTableViewModel load(Path model, LanguageEntry language) throws IOException {
        SsmConfig c;
        try {
            c = ForeignCheckpoints.loadUnmapped(model, Checkpoint.Overrides.NONE).weights().config();
        } catch (CheckpointException e) {
            throw new IOException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IOException(model.getFileName() + ": not a readable checkpoint (" + e.getMessage() + ")", e);
        }
        return new VocabTableViewModel(model, language, c.vocabSize(), c.outputSize());
    }

    /**
     * Whether the checkpoint at {@code model} needs a table: it comes from elsewhere (no manifest of this
     * app) and has no map saved beside it. False for anything unreadable (its load says why).
     */
    public static boolean needsTable(Path model) {
        try {
            return model != null && ForeignCheckpoints.isForeign(model) && !ForeignCheckpoints.hasOwnManifest(model)
                    && !Files.isRegularFile(VocabMap.besideModel(model));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Whether {@code model} is one of this app's checkpoints, whose manifest names its vocabulary. */
    public static boolean hasOwnVocabulary(Path model) {
        try {
            return ForeignCheckpoints.hasOwnManifest(model);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The model's token for each of the language's tokens: its symbols, or "token i" when they differ. */
    static List<String> tokenNames(LanguageEntry language) {
        var alphabet = language.machine().alphabet();
        var out = new ArrayList<String>();
        for (int i = 0; i < language.vocabularySize(); i++) {
            out.add(language.vocabularySize() == alphabet.size() ? alphabet.symbol(i) : "token " + i);
        }
        return out;
    }

    /** The predictions the language's reference reads, one per output unit (classes or bits). */
    static List<String> outputNames(LanguageEntry language) {
        Reference r = language.reference();
        var out = new ArrayList<String>();
        for (int i = 0; i < r.width(); i++) {
            out.add(r.units() == Reference.Units.CLASSES ? r.targets().classes().get(i).name()
                    : r.targets().bitNames().get(i));
        }
        return out;
    }

    private void fill(VocabMap map) {
        for (Row r : inputs) {
            Integer id = map.inputs().get(r.name());
            r.id().set(id == null ? "" : id.toString());
        }
        for (Row r : outputs) {
            Integer id = map.outputs().get(r.name());
            r.id().set(id == null ? "" : id.toString());
        }
    }

    public Path model() {
        return model;
    }

    public LanguageEntry language() {
        return language;
    }

    /** The language's tokens, in its order. */
    public List<Row> inputs() {
        return inputs;
    }

    /** The language's predictions, in its order. */
    public List<Row> outputs() {
        return outputs;
    }

    /** The model's token ids (0..n−1 may be typed for a token). */
    public int modelTokens() {
        return modelTokens;
    }

    /** The model's head outputs (0..n−1 may be typed for a prediction). */
    public int modelOutputs() {
        return modelOutputs;
    }

    private List<Row> rows() {
        var all = new ArrayList<>(inputs);
        all.addAll(outputs);
        return all;
    }

    /** The first problem of the table in one line, or "" when it can be saved. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Checks every row; returns (and shows) the first problem, or "". */
    public String validate() {
        String p = check(inputs, "token", modelTokens, "token ids");
        if (p.isEmpty()) {
            p = check(outputs, "prediction", modelOutputs, "outputs");
        }
        problem.set(p);
        return p;
    }

    private static String check(List<Row> rows, String what, int count, String range) {
        Map<Integer, String> seen = new HashMap<>();
        for (Row r : rows) {
            String text = r.id().get() == null ? "" : r.id().get().strip();
            if (text.isEmpty()) {
                return what + " '" + r.name() + "' has no id: give one of the model's " + range + " 0.." + (count - 1);
            }
            if (!text.matches("[0-9]{1,9}")) {
                return what + " '" + r.name() + "': '" + text + "' is not a whole number ≥ 0";
            }
            int id = Integer.parseInt(text);
            if (id >= count) {
                return what + " '" + r.name() + "': id " + id + " is outside the model's " + count + " " + range
                        + " (0.." + (count - 1) + ")";
            }
            String other = seen.putIfAbsent(id, r.name());
            if (other != null) {
                return what + "s '" + other + "' and '" + r.name() + "' both use id " + id + "; each needs its own";
            }
        }
        return "";
    }

    /** The table as a map (tokens and predictions in the language's order). */
    public VocabMap toMap() {
        String p = validate();
        if (!p.isEmpty()) {
            throw new IllegalArgumentException(p);
        }
        return new VocabMap(ids(inputs), ids(outputs), language.id());
    }

    private static SequencedMap<String, Integer> ids(List<Row> rows) {
        var out = new LinkedHashMap<String, Integer>();
        for (Row r : rows) {
            out.put(r.name(), Integer.parseInt(r.id().get().strip()));
        }
        return out;
    }

    /**
     * Writes the map beside the checkpoint ({@code NAME.vocab.json}, {@code model.vocab.json} in a folder),
     * atomically; returns the file.
     *
     * @throws IllegalArgumentException when the table has a problem (its message)
     * @throws IOException              when the file cannot be written
     */
    public Path save() throws IOException {
        VocabMap map = toMap();
        if (ForeignCheckpoints.hasOwnManifest(model)) {
            throw new IllegalArgumentException(model.getFileName() + " has this app's own manifest, which names its "
                    + "vocabulary; the table is for models from elsewhere");
        }
        return map.saveBeside(model);
    }

    /** The saved map, if any (for the dialog's first look). */
    public Optional<Path> savedFile() {
        Path p = VocabMap.besideModel(model);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }
}
