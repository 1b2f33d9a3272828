package statescope.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.ParameterException;
import statescope.experiment.WordListScore;
import statescope.io.InputFiles;
import statescope.lang.Word;
import statescope.lang.catalog.AuthorsData;
import statescope.lang.catalog.Language;
import statescope.lang.catalog.WordFiles;

/**
 * {@code statescope eval} on given words: {@code --words FILE [--targets FILE]} scores one model on a word
 * list; {@code --authors DIR} scores one model or a folder of models on the paper's released evaluation
 * files. Bad input (an empty file, a word outside the alphabet, a targets file of the wrong length) is one
 * message naming the file and line, exit 3; a missing file or folder is {@code PATH: no such file} or
 * {@code no such folder}, exit 4, as in every command ({@link InputFiles}).
 */
final class EvalWords {

    private final EvalCommand c;

    EvalWords(EvalCommand c) {
        this.c = c;
    }

    int call() throws Exception {
        var cl = c.spec.commandLine();
        if (c.words != null && c.authors != null) {
            throw new ParameterException(cl, "give either --words or --authors, not both");
        }
        if (c.words == null && c.targetsFile != null) {
            throw new ParameterException(cl, "--targets goes with --words");
        }
        if (c.words != null && c.target.model() == null) {
            throw new ParameterException(cl, "--words scores one model: give --model, not --suite");
        }
        return c.words != null ? words() : authors();
    }

    private int words() throws Exception {
        Path model = c.target.model();
        Language l = WordListScore.languageOf(model, c.language);
        List<Word> list = WordFiles.readWords(c.words, l);
        Optional<WordFiles.TargetCheck> check = Optional.empty();
        if (c.targetsFile != null) {
            check = Optional.of(WordFiles.check(l, list, WordFiles.readTargets(c.targetsFile, l, list)));
        }
        WordListScore.Result r = WordListScore.score(model, list, check, c.threads);
        var out = c.spec.commandLine().getOut();
        if (c.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", r.model());
            m.put("language", r.language());
            m.put("words", c.words.toString());
            m.put("count", r.words());
            m.put("correct", r.correct());
            m.put("accuracy", r.accuracy());
            m.put("firstWrongLines", r.wrong());
            r.targets().ifPresent(t -> m.put("targets", targetsJson(t)));
            out.println(Json.pretty(m));
        } else {
            r.targets().ifPresent(t -> out.println(targetsLine(t)));
            out.printf(Locale.ROOT, "%s on %s (%s): %d of %d words right at every position, %.2f%%%n", r.model(),
                    c.words, r.language(), r.correct(), r.words(), r.accuracy());
            if (!r.wrong().isEmpty()) {
                out.println("first wrong lines: " + r.wrong());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private int authors() throws Exception {
        InputFiles.requireFolder(c.authors);
        if (!AuthorsData.looksLikeData(c.authors)) {
            throw new IllegalArgumentException(c.authors + " does not look like the authors' generated_ds folder"
                    + " (no language folder such as Tomita-3 or D-12 in it)");
        }
        List<Path> files = c.target.listed();
        var rows = new ArrayList<WordListScore.AuthorsRow>();
        var skipped = new ArrayList<String>();
        for (Path f : files) {
            Language l = WordListScore.languageOf(f, null);
            var splits = AuthorsData.splits(c.authors, l);
            splits.remove("train");
            if (splits.isEmpty() && c.target.suite() != null) {
                skipped.add(f.getFileName().toString());
                continue;
            }
            rows.add(WordListScore.authors(f, c.authors, c.threads));
        }
        var out = c.spec.commandLine().getOut();
        if (c.json) {
            var list = new ArrayList<Map<String, Object>>();
            for (var r : rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("model", r.model());
                m.put("language", r.language());
                m.put("accuracy", r.accuracy());
                m.put("words", r.words());
                m.put("targetMismatches", r.targetMismatches());
                list.add(m);
            }
            out.println(Json.pretty(list));
        } else {
            String sep = c.csv ? "," : " | ";
            String[] head = {"model", "language", "bin 1", "bin 2", "bin 3", "words", "target mismatches"};
            out.println(c.csv ? String.join(",", head) : "| " + String.join(" | ", head) + " |");
            if (!c.csv) {
                out.println("|---|---|---|---|---|---|---|");
            }
            for (var r : rows) {
                var cells = new ArrayList<>(List.of(r.model(), r.language()));
                for (String b : List.of("bin1", "bin2", "bin3")) {
                    Double v = r.accuracy().get(b);
                    cells.add(v == null ? (c.csv ? "" : "–") : String.format(Locale.ROOT, "%.2f", v));
                }
                cells.add(String.join(c.csv ? " " : " / ", r.words().values().stream().map(String::valueOf).toList()));
                cells.add(Long.toString(r.targetMismatches()));
                out.println(c.csv ? String.join(sep, cells) : "| " + String.join(sep, cells) + " |");
            }
            if (!skipped.isEmpty()) {
                out.println((c.csv ? "# " : "") + "no authors' files for: " + String.join(", ", skipped));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static Map<String, Object> targetsJson(WordFiles.TargetCheck t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("words", t.words());
        m.put("mismatchedWords", t.mismatchedWords());
        m.put("mismatchedPositions", t.mismatchedPositions());
        m.put("examples", t.examples());
        return m;
    }

    private static String targetsLine(WordFiles.TargetCheck t) {
        if (t.mismatchedPositions() == 0) {
            return "targets: the file agrees with ours at every position of all " + t.words() + " words";
        }
        return "targets: " + t.mismatchedWords() + " of " + t.words() + " words differ from ours at "
                + t.mismatchedPositions() + " positions (scored with ours); " + String.join("; ", t.examples());
    }
}
