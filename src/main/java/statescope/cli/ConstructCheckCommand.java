package statescope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import statescope.construct.CheckTable;
import statescope.construct.Compiler;
import statescope.construct.Constructed;
import statescope.construct.ConstructedFiles;
import statescope.construct.RandomRegexes;
import statescope.lang.Minimizer;
import statescope.lang.catalog.Catalog;
import statescope.lang.catalog.Family;
import statescope.lang.catalog.Language;

/**
 * {@code statescope construct check}: verifies constructed models position by position on sampled words
 * of each length and on every word of one length, with the fast batched forward pass; prints the table
 * of docs/constructions.md. Exit code 5 when a model is wrong anywhere.
 */
@Command(name = "check",
        header = "Check constructed models on sampled words of every length.",
        description = {"Check constructed models: right at every position of sampled words of each length (n to n+64) "
                + "and of every word of the longest length n <= --exhaustive with |Σ|^n <= 10^6."},
        mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  statescope construct check assets/models/constructed/*.safetensors",
            "  statescope construct check --catalog --lengths 100,1000",
            "  statescope construct check --random 30 --seed 1 --markdown",
            "  statescope construct check --random 30 --seed 1 --only 2,4 --markdown"})
public final class ConstructCheckCommand extends CommandBase implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "MODEL", description = "Constructed checkpoints (.safetensors).")
    List<Path> models = new ArrayList<>();

    @Option(names = "--catalog", description = "Compile and check every star-free catalog language that has a DFA.")
    boolean catalog;

    @Option(names = "--random", paramLabel = "N", description = "Compile and check N seeded random star-free regexes.")
    int random;

    @Option(names = "--lengths", split = ",", paramLabel = "N", description = "Sampled lengths (default: ${DEFAULT-VALUE}).")
    List<Integer> lengths = new ArrayList<>(List.of(100, 1000, 10000, 100000));

    @Option(names = "--samples", split = ",", paramLabel = "N",
            description = "Words per length, one number or one per length (default: ${DEFAULT-VALUE}).")
    List<Integer> samples = new ArrayList<>(List.of(1000));

    @Option(names = "--exhaustive", paramLabel = "N", description = "Longest exhaustive length, 0 for none (default: ${DEFAULT-VALUE}).")
    int exhaustive = 10;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the samples and of --random (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--max-states", paramLabel = "N", description = "State cap of --catalog (default: 40, above the compiler's 12).")
    int maxStates = 40;

    @Option(names = "--only", split = ",", paramLabel = "ID",
            description = "Of --catalog and --random, check only these catalog ids and these regex numbers (1 to N), "
                    + "to run the table in pieces.")
    List<String> only = new ArrayList<>();

    @Option(names = "--markdown", description = "Print only the Markdown table rows.")
    boolean markdown;

    @Override
    public Integer call() throws Exception {
        if (models.isEmpty() && !catalog && random <= 0) {
            throw usage("give constructed model files, --catalog or --random N");
        }
        samples.forEach(n -> OptionChecks.atLeast("--samples", n, 1));
        lengths.forEach(n -> OptionChecks.atLeast("--lengths", n, 1));
        OptionChecks.atLeast("--exhaustive", exhaustive, 0);
        if (samples.size() != 1 && samples.size() != lengths.size()) {
            throw new IllegalArgumentException("--samples: give one number or one per length (" + lengths.size() + ")");
        }
        for (String id : only) {
            boolean number = id.matches("[0-9]{1,6}") && Integer.parseInt(id) >= 1 && Integer.parseInt(id) <= random;
            boolean language = catalog && Catalog.standard().sortedById().stream().anyMatch(l -> l.id().equals(id));
            if (!number && !language) {
                throw new IllegalArgumentException("--only " + id + ": neither a catalog language of --catalog nor a "
                        + "regex number from 1 to --random (" + random + ")");
            }
        }
        if (samples.size() == 1) {
            samples = lengths.stream().map(n -> samples.get(0)).toList();
        }
        PrintWriter o = out();
        var header = CheckTable.header(lengths);
        if (markdown) {
            header.forEach(o::println);
            o.flush();
        }
        boolean ok = true;
        for (Path p : models) {
            var m = ConstructedFiles.load(p);
            String name = p.getFileName().toString().replaceFirst("\\.safetensors$", "");
            String automaton = m.languageId() != null ? automaton(Catalog.standard().get(m.languageId()))
                    : m.dfa().numStates() + " states";
            ok &= run(o, name, m.summary(), automaton, m);
        }
        if (catalog) {
            for (Language l : Catalog.standard().sortedById()) {
                if (l.family() != Family.STAR_FREE || l.dfa().isEmpty() || !picked(l.id())) {
                    continue;
                }
                var r = Compiler.language(l, maxStates);
                ok &= run(o, l.id() + " (compiled)", r.model().summary(), automaton(l), r.model());
            }
        }
        if (random > 0) {
            int index = 0;
            for (String re : RandomRegexes.generate(random, seed, Compiler.DEFAULT_MAX_STATES)) {
                if (!picked(Integer.toString(++index))) {
                    continue;
                }
                var r = Compiler.regex(re, RandomRegexes.alphabetOf(re), Compiler.DEFAULT_MAX_STATES);
                String automaton = r.decomposition().states() + " states, monoid " + r.decomposition().monoid();
                ok &= run(o, "`" + re + "`", r.model().summary(), automaton, r.model());
            }
        }
        o.flush();
        return ok ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    private boolean run(PrintWriter o, String name, String summary, String automaton, Constructed m) {
        if (!markdown) {
            o.println(name + ": " + summary + " (" + automaton + ")");
            o.flush();
        }
        var line = CheckTable.check(name, summary, automaton, m, lengths, samples, exhaustive, seed, r -> {
            String time = r.timing().describe(r.tokens());
            if (!markdown) {
                o.println("  " + CheckTable.cell(r) + "  " + time + (r.failure().isEmpty() ? "" : "  first: " + r.failure()));
                o.flush();
            } else {
                // the Markdown rows go to stdout; the time per row to stderr, as progress
                err().println(name + "  " + CheckTable.cell(r) + "  " + time);
                err().flush();
            }
        });
        if (markdown) {
            o.println(CheckTable.row(line));
            o.flush();
        }
        return line.exact();
    }

    private boolean picked(String id) {
        return only.isEmpty() || only.contains(id);
    }

    private static String automaton(Language l) {
        return l.dfa().map(d -> Minimizer.minimize(d).numStates() + "-state DFA")
                .orElse(l.machine().kind());
    }
}
