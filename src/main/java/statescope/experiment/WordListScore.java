package statescope.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import statescope.lang.Word;
import statescope.lang.catalog.AuthorsData;
import statescope.lang.catalog.Catalog;
import statescope.lang.catalog.Language;
import statescope.lang.catalog.WordFiles;
import statescope.ssm.Checkpoint;
import statescope.ssm.SsmConfig;
import statescope.train.Backprop;
import statescope.train.ParamSet;

/**
 * A trained model scored on a given list of words, the paper's way (strict per-string accuracy: every
 * position's argmax class right; bounded Dyck: closing-bracket accuracy): {@code statescope eval --words},
 * and over the paper's released files, {@code statescope eval --authors}.
 */
public final class WordListScore {

    /**
     * The score of one model on one word list.
     *
     * @param model    the model's file name without extension
     * @param language the catalog id
     * @param words    how many words were scored
     * @param correct  how many were right at every position (NaN-free; for bounded Dyck the count is 0)
     * @param accuracy percent
     * @param wrong    the 1-based lines of the first words scored wrong (at most 20)
     * @param targets  how our targets compare with a targets file, when one was given
     */
    public record Result(String model, String language, int words, int correct, double accuracy, List<Integer> wrong,
                         Optional<WordFiles.TargetCheck> targets) {
    }

    /** One model over the authors' evaluation files of its language: per bin the accuracy and the words scored. */
    public record AuthorsRow(String model, String language, Map<String, Double> accuracy, Map<String, Integer> words,
                             long targetMismatches) {
    }

    private WordListScore() {
    }

    /** The catalog language a model was trained on (its manifest's), checked against {@code requested} when given. */
    public static Language languageOf(Path model, String requested) throws IOException {
        Checkpoint cp = Checkpoint.load(Checkpoint.weightsPath(model));
        String lang = cp.manifest().languageId();
        if (lang == null) {
            throw new IllegalArgumentException(model + ": the manifest names no language");
        }
        Language l = Catalog.standard().get(lang);
        if (requested != null && !Catalog.standard().get(requested).id().equals(l.id())) {
            throw new IllegalArgumentException(model + " was trained on " + l.id() + ", not " + requested);
        }
        return l;
    }

    /** Scores a model on words (of its language), with our targets; {@code check} is the targets-file comparison, if any. */
    public static Result score(Path model, List<Word> words, Optional<WordFiles.TargetCheck> check, int threads)
            throws IOException {
        Checkpoint cp = Checkpoint.load(Checkpoint.weightsPath(model));
        LanguageTask task = LanguageTask.of(cp.manifest().languageId());
        SsmConfig c = cp.weights().config();
        if (c.vocabSize() != task.vocabSize() || c.outputSize() != task.outputSize()) {
            throw new IllegalArgumentException(model + ": vocabulary " + c.vocabSize() + " / outputs " + c.outputSize()
                    + " do not fit language " + task.language().id());
        }
        List<LanguageTask.Example> ex = task.encode(words);
        List<float[]> logits = new ArrayList<>(ex.size());
        ParamSet p = ParamSet.of(cp.weights());
        try (Backprop bp = new Backprop(c, cp.weights().hasHeadBias(), threads)) {
            for (int i = 0; i < ex.size(); i += 64) {
                int end = Math.min(ex.size(), i + 64);
                int[][] toks = new int[end - i][];
                for (int j = i; j < end; j++) {
                    toks[j - i] = ex.get(j).tokens();
                }
                for (float[] row : bp.logits(p, toks)) {
                    logits.add(row);
                }
            }
        }
        int correct = 0;
        var wrong = new ArrayList<Integer>();
        if (task.objective() == LanguageTask.Objective.CLASSES) {
            for (int i = 0; i < ex.size(); i++) {
                boolean ok = task.score(List.of(ex.get(i)), List.of(logits.get(i))) == 100.0;
                correct += ok ? 1 : 0;
                if (!ok && wrong.size() < 20) {
                    wrong.add(i + 1);
                }
            }
        }
        String name = Checkpoint.weightsPath(model).getFileName().toString().replace(".safetensors", "");
        return new Result(name, task.language().id(), ex.size(), correct, task.score(ex, logits), List.copyOf(wrong), check);
    }

    /**
     * Scores a model on the authors' evaluation files of its language found under {@code root} (a local
     * copy of their {@code generated_ds}), each word list's targets checked against ours first.
     *
     * @throws IllegalArgumentException when the copy holds no evaluation file of the model's language
     */
    public static AuthorsRow authors(Path model, Path root, int threads) throws IOException {
        Language l = languageOf(model, null);
        var files = AuthorsData.splits(root, l);
        files.remove("train");
        if (files.isEmpty()) {
            throw new IllegalArgumentException(root + " holds no evaluation files of " + l.id()
                    + AuthorsData.folder(l.id()).map(f -> " (folder " + f + ")").orElse(" (not in the authors' data)"));
        }
        var acc = new LinkedHashMap<String, Double>();
        var n = new LinkedHashMap<String, Integer>();
        long mismatches = 0;
        String name = null;
        for (var e : files.entrySet()) {
            List<Word> words = WordFiles.readWords(e.getValue().words(), l);
            Optional<WordFiles.TargetCheck> check = Optional.empty();
            if (e.getValue().targets().isPresent()) {
                var theirs = WordFiles.readTargets(e.getValue().targets().get(), l, words);
                check = Optional.of(WordFiles.check(l, words, theirs));
                mismatches += check.get().mismatchedPositions();
            }
            Result r = score(model, words, check, threads);
            name = r.model();
            acc.put(e.getKey(), r.accuracy());
            n.put(e.getKey(), r.words());
        }
        return new AuthorsRow(name, l.id(), acc, n, mismatches);
    }
}
