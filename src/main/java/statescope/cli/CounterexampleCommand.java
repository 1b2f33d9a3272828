package statescope.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import statescope.analysis.CounterexampleSearch;
import statescope.analysis.LengthSweep;
import statescope.analysis.PrefixBench;
import statescope.analysis.SearchReport;
import statescope.analysis.Subject;
import statescope.ssm.gpu.Selection;

/** {@code statescope counterexample}: the shortest string a model gets wrong (statescope.analysis). */
@Command(name = "counterexample",
        header = "Find the shortest string a model gets wrong.",
        description = {"Find the shortest string (then the earliest position) where a model's prediction differs",
            "from the reference's target: every prefix of a word of the language up to the length where",
            "their number passes the budget (a prefix tree, each prefix stepped once), then strings from the",
            "language's samplers, walks over the reference and mutations of near-failures at growing",
            "lengths (batched scans). Prints the string and which phase found it, or how far it looked."},
        mixinStandardHelpOptions = true,
        footer = {"", "Examples:",
            "  statescope counterexample --model assets/models/parity-nonneg.safetensors",
            "  statescope counterexample --model assets/models/parity-signed.safetensors \\",
            "      --max-length 16 --sample-length 2000",
            "  statescope counterexample --model assets/models/d-12.safetensors --bench",
            "  statescope counterexample --suite assets/models > table.md",
            "", "--suite prints a Markdown table with a length sweep per model (--lengths-max, --lengths-strings;",
            "it stops after two points at 0%%). --time limits each model's search, not its sweep.",
            "Exit codes: 0 done (found or not; with --check 5 when found), 3 bad input."})
public final class CounterexampleCommand extends CommandBase implements Callable<Integer> {

    @Mixin
    AnalysisOptions common;

    @Option(names = "--max-length", paramLabel = "N", description = "Longest prefix of the exhaustive phase (default: ${DEFAULT-VALUE}).")
    int maxLength = 200;

    @Option(names = "--budget", paramLabel = "P", description = "Most prefixes the exhaustive phase steps (default: ${DEFAULT-VALUE}).")
    long budget = 1_000_000;

    @Option(names = "--samples", paramLabel = "K", description = "Most strings of the guided phase (default: ${DEFAULT-VALUE}).")
    int samples = 1000;

    @Option(names = "--sample-length", paramLabel = "M",
            description = "Longest string of the guided phase; 0 or not given: 10x the longest training length, "
                    + "kept within 1000-20000.")
    int sampleLength;

    @Option(names = "--sampler-only", description = "Guided phase: the language's own sampler only (no walks, no mutations).")
    boolean samplerOnly;

    @Option(names = "--time", paramLabel = "S", description = "Time limit in seconds per model, up to 86400 (default: ${DEFAULT-VALUE}; 0: none).")
    double time = 300;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Option(names = "--check", description = "Exit with 5 when a counterexample is found.")
    boolean check;

    @Option(names = "--bench", description = "Measure the exhaustive phase (prefixes/s) beside the naive one-string-at-a-time loop.")
    boolean bench;

    @Option(names = "--lengths-max", paramLabel = "N", description = "With --suite: the sweep's longest length (default: ${DEFAULT-VALUE}).")
    int lengthsMax = 2000;

    @Option(names = "--lengths-strings", paramLabel = "K", description = "With --suite: strings per sweep point (default: ${DEFAULT-VALUE}).")
    int lengthsStrings = 100;

    @Override
    public Integer call() throws Exception {
        common.checkThreads();
        for (String suiteOnly : new String[] {"--lengths-max", "--lengths-strings"}) {
            if (!common.suite() && given(suiteOnly)) {
                throw usage(suiteOnly + " sets the length sweep of --suite; give --suite, or drop it");
            }
        }
        OptionChecks.timeLimit("--time", time);
        OptionChecks.atLeast("--lengths-max", lengthsMax, 1);
        OptionChecks.atLeast("--lengths-strings", lengthsStrings, 1);
        OptionChecks.atLeast("--max-length", maxLength, 1);
        OptionChecks.atLeast("--budget", budget, 1);
        OptionChecks.atLeast("--samples", samples, 0);
        OptionChecks.atLeast("--sample-length", sampleLength, 0);         // 0: the default
        var settings = new CounterexampleSearch.Settings(maxLength, budget, samples, sampleLength, common.seed, common.threads,
                samplerOnly);
        var sweepSettings = new LengthSweep.Settings(lengthsMax, lengthsStrings, 4, true, common.seed, common.threads);
        List<Path> files = common.files();
        List<Subject> subjects = new ArrayList<>();
        for (Path f : files) {
            Subject s = common.load(f);                                // every input checked before any work
            if (samplerOnly && s.catalog() == null) {
                throw new IllegalArgumentException(s.entry().name() + " has no sampler of its own: drop --sampler-only");
            }
            subjects.add(s);
        }
        var out = out();
        var err = err();
        if (bench) {
            if (common.suite()) {
                throw new IllegalArgumentException("--bench measures one model: use --model");
            }
            var control = common.control(0, err);
            PrefixBench.Result r = PrefixBench.run(subjects.get(0), budget, common.threads, 5.0, control);
            common.done(err);
            out.print(json ? AnalysisText.benchJson(subjects.get(0), r) : AnalysisText.bench(subjects.get(0), r));
            out.flush();
            return check && r.secondsPerMillion() > 10 ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
        }
        List<SearchReport> reports = new ArrayList<>();
        List<LengthSweep.Result> sweeps = new ArrayList<>();
        try (Selection sel = common.backend(err)) {
            for (Subject s : subjects) {
                reports.add(new CounterexampleSearch(s, sel.kernel(), settings).run(common.control(time, err)));
                if (common.suite()) {
                    sweeps.add(new LengthSweep(s, sel.kernel(), sweepSettings).run(common.control(0, err)));
                }
                common.done(err);
            }
        }
        if (common.suite()) {
            out.print(json ? AnalysisText.suiteJson(reports, sweeps) : AnalysisText.suiteTable(reports, sweeps));
        } else {
            out.print(json ? AnalysisText.json(reports.get(0)) : AnalysisText.text(reports.get(0)));
        }
        out.flush();
        boolean found = reports.stream().anyMatch(r -> r.found() != null);
        return check && found ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
    }
}
