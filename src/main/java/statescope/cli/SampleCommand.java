package statescope.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import statescope.lang.Word;
import statescope.lang.catalog.Catalog;
import statescope.lang.catalog.Language;
import statescope.lang.catalog.Sampling;
import statescope.lang.catalog.Split;
import statescope.lang.catalog.Targets;

/** {@code statescope sample NAME}: seeded words of a split, optionally with their per-position targets. */
@Command(name = "sample",
        header = "Print seeded sample words of a split or evaluation bin.",
        description = {"Print seeded sample words of a language's training split or of an evaluation bin,",
            "optionally with their per-position targets (the class of each position)."},
        mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  statescope sample tomita-3 --bin 2 -n 10 --seed 1",
            "  statescope sample dyck-1 --split train -n 3 --targets", "  statescope sample d-12 --bin 2 -n 3 --sampler uniform", "  statescope sample flip-flop --split val-sparse -n 1 --json"})
public final class SampleCommand extends CommandBase implements Callable<Integer> {

    /** The most words one call prints. */
    static final int MAX_WORDS = 100_000;

    @Parameters(index = "0", paramLabel = "NAME", description = "A language id or alias (see 'statescope languages').")
    String name;

    @Option(names = "--bin", paramLabel = "N", description = "Evaluation bin N, 1 to the language's number of bins "
            + "(statescope language show NAME lists them); not with --split (default: --split train).")
    Integer bin;

    @Option(names = "--split", paramLabel = "SPLIT", description = "A split by name: train, bin1, bin2, ... (default: train).")
    String split;

    @Option(names = {"-n", "--count"}, paramLabel = "N", description = "Number of words (default: ${DEFAULT-VALUE}).")
    int count = 10;

    @Option(names = "--seed", paramLabel = "SEED", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--sampler", paramLabel = "KIND",
            description = "authors (as the paper's generators draw; default), uniform (a uniform length, then a uniform "
                    + "word) or mixed (each word from either, a fair coin per word).")
    String sampler = "authors";

    @Option(names = "--targets", description = "Also print the target class of every position.")
    boolean targets;

    @Option(names = "--json", description = "Print the words (and targets) as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (bin != null && split != null) {
            throw new ParameterException(spec.commandLine(), "give either --bin or --split, not both");
        }
        if (count < 0 || count > MAX_WORDS) {
            throw new IllegalArgumentException("-n must be between 0 and " + MAX_WORDS + ", got " + count);
        }
        Language l = Catalog.standard(Sampling.parse(sampler)).get(name);
        Split s = bin != null ? l.bin(bin) : l.split(split == null ? "train" : split);
        List<Word> words = l.sample(s, count, seed, Set.of());
        var out = out();
        boolean hidden = !l.inputVocabulary().equals(l.alphabet());
        if (json) {
            var rows = new ArrayList<Map<String, Object>>();
            for (Word w : words) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("word", w.toString());
                m.put("length", w.length());
                if (hidden) {
                    m.put("input", input(l, w));
                }
                if (targets) {
                    Targets t = l.targets().encode(w);
                    var bits = new ArrayList<String>();
                    var names = new ArrayList<String>();
                    for (int i = 0; i < t.length(); i++) {
                        bits.add(t.pattern(i));
                        names.add(className(l, t, i));
                    }
                    m.put("targetBits", bits);
                    m.put("targetClasses", t.classIds());
                    m.put("targetNames", names);
                }
                rows.add(m);
            }
            Map<String, Object> top = new LinkedHashMap<>();
            top.put("language", l.id());
            top.put("split", s.name());
            top.put("window", s.window().toString());
            top.put("sampler", l.sampling().optionName());
            top.put("seed", seed);
            top.put("requested", count);
            top.put("count", words.size());
            top.put("words", rows);
            out.println(Json.pretty(top));
        } else {
            out.printf("# %s, split %s (lengths %s), seed %d: %d word%s%n", l.id(), s.name(), s.window(), seed,
                    words.size(), words.size() == 1 ? "" : "s");
            if (words.size() < count) {
                out.printf("# only %d distinct words in this window%n", words.size());
            }
            if (targets) {
                out.println("# targets: one class per position (" + l.targets().description() + ")");
            }
            for (Word w : words) {
                out.println(w);
                if (hidden && targets) {
                    out.println("  input:   " + input(l, w));
                }
                if (targets) {
                    Targets t = l.targets().encode(w);
                    var sb = new StringBuilder("  targets:");
                    for (int i = 0; i < t.length(); i++) {
                        sb.append(' ').append(className(l, t, i));
                    }
                    out.println(sb);
                }
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String className(Language l, Targets t, int i) {
        int c = t.classId(i);
        return c < 0 ? "?" + t.pattern(i) : l.targets().classes().get(c).name();
    }

    private static String input(Language l, Word w) {
        int[] ids = l.encodeInput(w);
        var sb = new StringBuilder();
        for (int i = 0; i < ids.length; i++) {
            if (i > 0 && !l.inputVocabulary().singleCharacters()) {
                sb.append(' ');
            }
            sb.append(l.inputVocabulary().symbol(ids[i]));
        }
        return sb.toString();
    }
}
