package statescope.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import statescope.io.InputFiles;
import statescope.lang.Word;
import statescope.lang.catalog.AuthorsData;
import statescope.lang.catalog.Catalog;
import statescope.lang.catalog.Dataset;
import statescope.lang.catalog.Language;
import statescope.lang.catalog.Sampling;
import statescope.lang.catalog.WordFiles;
import statescope.lang.catalog.WordProfile;

/** {@code statescope profile}: length, run and depth statistics of a language's splits, beside the authors' files. */
@Command(name = "profile",
        header = "Print statistics of the words of each split.",
        description = {"Statistics of the words of each split (lengths, runs of one symbol, depth for D_n, Dyck-1,",
            "Shuffle-k and Boolean-n) as the catalog draws them, and beside them those of the paper's released",
            "files when --authors points at a local copy of their generated_ds folder."},
        mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  statescope profile d-12 tomita-3 --authors ssm_expressivity/generated_ds",
            "  statescope profile --authors ssm_expressivity/generated_ds --json",
            "  statescope profile tomita-3 --sampler uniform"})
public final class ProfileCommand extends CommandBase implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", arity = "0..*",
            description = "Languages (default: every suite language, or every one the --authors copy holds).")
    List<String> names = new ArrayList<>();

    @Option(names = "--authors", paramLabel = "DIR", description = "A local copy of the authors' generated_ds folder.")
    Path authors;

    @Option(names = "--sampler", paramLabel = "KIND", description = "authors (default), uniform or mixed.")
    String sampler = "authors";

    @Option(names = "--seed", paramLabel = "SEED", description = "Seed of our words (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--max-words", paramLabel = "N", description = "Cap on our words per split (0 = protocol sizes; default: ${DEFAULT-VALUE}).")
    int maxWords = 0;

    @Option(names = "--json", description = "Print JSON instead of Markdown.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        OptionChecks.atLeast("--max-words", maxWords, 0);
        Sampling sampling = Sampling.parse(sampler);
        if (authors != null) {
            InputFiles.requireFolder(authors);
        }
        if (authors != null && !AuthorsData.looksLikeData(authors)) {
            throw new IllegalArgumentException(authors + " does not look like the authors' generated_ds folder (no language folder such as Tomita-3 or D-12 in it)");
        }
        Catalog catalog = Catalog.standard(sampling);
        List<Language> langs = new ArrayList<>();
        for (String n : names) {
            langs.add(catalog.get(n));
        }
        if (names.isEmpty()) {
            for (Language l : catalog.languages()) {
                if (AuthorsData.folder(l.id()).isPresent()
                        && (authors == null || !AuthorsData.splits(authors, l).isEmpty())) {
                    langs.add(l);
                }
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Language l : langs) {
            Dataset ds = Dataset.generate(l, seed, maxWords);
            var theirs = authors == null ? Map.<String, AuthorsData.SplitFiles>of() : AuthorsData.splits(authors, l);
            for (var split : l.splits()) {
                if (split.tokens() > 0) {
                    continue;
                }
                rows.add(row(l, split.name(), "ours (" + sampling.optionName() + ")", WordProfile.of(l, ds.split(split.name()))));
                var f = theirs.get(split.name());
                if (f != null) {
                    List<Word> words = WordFiles.readWords(f.words(), l);
                    rows.add(row(l, split.name(), "authors' file", WordProfile.of(l, words)));
                }
            }
        }
        var out = out();
        if (json) {
            out.println(Json.pretty(rows));
        } else {
            out.println("| language | split | words from | n | length min / median / mean / max | runs (median) | longest run"
                    + " (median / max) | max depth (mean) | at depth n | reach n | blocks (median) |");
            out.println("|---|---|---|---|---|---|---|---|---|---|---|");
            for (var r : rows) {
                WordProfile p = (WordProfile) r.get("profile");
                out.printf(Locale.ROOT, "| %s | %s | %s | %d | %d / %s / %.1f / %d | %s | %s / %d | %s | %s | %s | %s |%n",
                        r.get("language"), r.get("split"), r.get("from"), p.words(), p.minLength(), num(p.medianLength()),
                        p.meanLength(), p.maxLength(), num(p.medianRuns()), num(p.medianLongestRun()), p.maxLongestRun(),
                        fmt(p.meanMaxDepth(), "%.2f"), fmt(p.topDepthShare(), "%.3f"), fmt(p.reachTop(), "%.3f"),
                        num(p.medianBlocks()));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static Map<String, Object> row(Language l, String split, String from, WordProfile p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("language", l.id());
        m.put("split", split);
        m.put("from", from);
        m.put("profile", p);
        return m;
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "–" : v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String fmt(double v, String f) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, f, v);
    }
}
