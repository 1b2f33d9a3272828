package statescope.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import statescope.analysis.LengthSweep;
import statescope.analysis.Subject;
import statescope.ssm.gpu.Selection;
import statescope.train.TrainingMemory;

/** {@code statescope lengths}: strict accuracy against length, from the training lengths to --max (statescope.analysis). */
@Command(name = "lengths",
        header = "Sweep a model's strict accuracy against string length.",
        description = {"Sweep a model's strict per-string accuracy (every position right, as in the paper) over",
            "lengths on a log grid from its training lengths to --max, with a 95%% Wilson interval per point and",
            "the first length where it drops below 99%%. Strings come from the language's sampler and run as",
            "batched scans (CPU or GPU); the symbols per second are reported."},
        mixinStandardHelpOptions = true,
        footer = {"", "Examples:",
            "  statescope lengths --model assets/models/d-12.safetensors",
            "  statescope lengths --model flip-flop.safetensors --max 10000 --csv",
            "  statescope lengths --suite assets/models --max 2000 --stop-at-zero"})
public final class LengthsCommand extends CommandBase implements Callable<Integer> {

    @Mixin
    AnalysisOptions common;

    @Option(names = "--max", paramLabel = "N", description = "Longest length (default: ${DEFAULT-VALUE}).")
    int max = 100_000;

    /** The most strings per point, as {@code sample -n}. */
    static final int MAX_STRINGS = SampleCommand.MAX_WORDS;

    @Option(names = "--strings", paramLabel = "K", description = "Strings per point, up to 100000 (default: "
            + "${DEFAULT-VALUE}).")
    int strings = 100;

    @Option(names = "--per-decade", paramLabel = "P", description = "Grid points per factor of 10 (default: ${DEFAULT-VALUE}).")
    int perDecade = 4;

    @Option(names = "--stop-at-zero", description = "Stop after two points in a row at 0%%.")
    boolean stopAtZero;

    @Option(names = "--time", paramLabel = "S", description = "Time limit in seconds per model, up to 86400 (default: 0, none).")
    double time;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Option(names = "--csv", description = "Print CSV.")
    boolean csv;

    @Override
    public Integer call() throws Exception {
        common.checkThreads();
        if (json && csv) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--json and --csv exclude each other");
        }
        OptionChecks.timeLimit("--time", time);
        OptionChecks.inRange("--strings", strings, 1, MAX_STRINGS);
        OptionChecks.atLeast("--per-decade", perDecade, 1);
        var settings = new LengthSweep.Settings(max, strings, perDecade, stopAtZero, common.seed, common.threads);
        long heap = Runtime.getRuntime().maxMemory();
        if (settings.pointBytes() > heap / 2) {
            throw new IllegalArgumentException("--strings " + strings + " of up to " + max + " symbols need about "
                    + TrainingMemory.human(settings.pointBytes()) + " at the longest point, more than half of the "
                    + TrainingMemory.human(heap) + " Java may use; lower --strings or --max, or give Java more memory "
                    + "(java -Xmx…)");
        }
        List<Subject> subjects = new ArrayList<>();
        for (var f : common.files()) {
            subjects.add(common.load(f));
        }
        var out = out();
        var err = err();
        List<LengthSweep.Result> results = new ArrayList<>();
        try (Selection sel = common.backend(err)) {
            for (Subject s : subjects) {
                results.add(new LengthSweep(s, sel.kernel(), settings).run(common.control(time, err)));
                common.done(err);
            }
        }
        if (json) {
            List<Object> maps = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                maps.add(AnalysisText.sweepMap(results.get(i), subjects.get(i)));
            }
            out.print(AnalysisText.write(common.suite() ? maps : maps.get(0)));
            out.flush();
            return ExitCodes.OK;
        }
        for (int i = 0; i < results.size(); i++) {
            var r = results.get(i);
            if (csv) {
                out.print(AnalysisText.sweepCsv(r, i == 0, common.suite()));      // a suite: one table, a model column
            } else {
                out.print((i > 0 ? "\n" : "") + AnalysisText.sweepText(r, strings));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
