package statescope.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import statescope.experiment.SweepCell;
import statescope.experiment.SweepFolder;
import statescope.experiment.SweepPlan;

/**
 * {@code statescope sweep PLAN}: every cell of a sweep plan (languages × seeds × sizes × gates × budgets)
 * trained into one results folder, on this machine ({@code --executor local}) or as a Slurm job array
 * ({@code --executor slurm}); {@code sweep status DIR} says where each cell stands. docs/sweeps.md.
 */
@Command(name = "sweep",
        header = "Train every cell of a sweep plan.",
        description = {"Train every cell of a sweep plan (YAML or JSON: languages or suite, seeds,",
            "init seeds, sizes, gates, steps; docs/sweeps.md) into one results folder,",
            "one model per cell, named by the cell. Finished cells are skipped, partly",
            "trained ones resume, as in reproduce. --executor local (default) trains",
            "--parallel cells at a time here (Ctrl-C saves the running cells);",
            "--executor slurm submits a job array, one task per cell. Run the command",
            "again to resume, or to re-submit failed tasks."},
        mixinStandardHelpOptions = true,
        subcommands = SweepStatusCommand.class,
        footer = {"", "Examples:", "  statescope sweep d12-seeds.yaml --out sweeps/d12",
            "  statescope sweep suite-5-seeds.yaml --executor slurm --dry-run",
            "  statescope sweep status sweeps/d12"})
public final class SweepCommand extends CommandBase implements Callable<Integer> {

    /** Where the cells run. */
    enum Executor { local, slurm }

    @Parameters(index = "0", arity = "0..1", paramLabel = "PLAN", description = "The sweep plan (.yaml, .yml or .json).")
    Path plan;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Results folder (default: the plan's out, else a folder named after the plan).")
    Path out;

    @Option(names = "--executor", paramLabel = "KIND", description = "local (default) or slurm.")
    Executor executor = Executor.local;

    @Option(names = "--parallel", paramLabel = "N",
            description = "Local: cells trained at a time (default: cores / threads per cell, at least 1).")
    Integer parallel;

    @Option(names = "--dry-run", description = "Slurm only (with --executor slurm): print the job script, submit nothing.")
    boolean dryRun;

    @Option(names = "--list", description = "List the cells, their state and their train command; train nothing.")
    boolean list;

    @Option(names = "--launcher", paramLabel = "CMD",
            description = "Slurm: the command that runs statescope on a node (default: this JDK with this jar, "
                    + "or this installed app; docs/sweeps.md has an example).")
    String launcher;

    @Option(names = "--quiet", description = "No progress bars.")
    boolean quiet;

    @Option(names = "--json", description = "Print the outcome as JSON.")
    boolean json;

    private final SlurmClient slurm;

    public SweepCommand() {
        this(new SlurmClient());
    }

    SweepCommand(SlurmClient slurm) {
        this.slurm = slurm;
    }

    @Override
    public Integer call() throws Exception {
        if (plan == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Missing the plan: statescope sweep PLAN (or statescope sweep status DIR)");
        }
        if (dryRun && executor != Executor.slurm) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--dry-run needs --executor slurm; --list shows the cells without training");
        }
        SweepPlan p = SweepPlan.read(plan);
        Path dir = (out != null ? out : Path.of(p.out() != null ? p.out() : p.name())).toAbsolutePath().normalize();
        var folder = new SweepFolder(dir);
        int threads = p.cells().stream().mapToInt(c -> c.spec().options().threads()).max().orElse(1);
        int par = parallel != null ? parallel : Math.max(1, Runtime.getRuntime().availableProcessors() / threads);
        if (par < 1) {
            throw new IllegalArgumentException("--parallel must be at least 1, got " + par);
        }
        if (executor == Executor.local) {
            p.checkMemory(Runtime.getRuntime().maxMemory() / par, "the heap per cell (-Xmx / --parallel)");
        } else if (p.slurm().memBytes() > 0) {
            p.checkMemory(p.slurm().memBytes(), "slurm.mem");
        }
        List<CellStates.Status> states = CellStates.of(folder, p.cells(), executor == Executor.slurm ? slurm : null);
        if (list) {
            return list(states, folder);
        }
        return executor == Executor.slurm ? slurm(p, folder, states, threads) : local(p, folder, states, par);
    }

    private int list(List<CellStates.Status> states, SweepFolder folder) throws Exception {
        var o = out();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CellStates.Status s : states) {
            String cmd = CellCommand.line(CellCommand.args(s.cell(), folder.dir(), s.resume(), false));
            if (json) {
                rows.add(row(s.cell(), s.state().label, s.detail(), cmd));
            } else {
                o.printf(Locale.ROOT, "%-44s %-16s %s%n", s.cell().name(), s.state().label, cmd);
            }
        }
        if (json) {
            o.println(json(rows));
        }
        o.flush();
        return ExitCodes.OK;
    }

    private int local(SweepPlan p, SweepFolder folder, List<CellStates.Status> states, int par) throws Exception {
        var err = err();
        List<CellStates.Status> todo = states.stream().filter(CellStates.Status::toTrain).toList();
        long done = states.stream().filter(s -> s.state() == CellStates.State.DONE).count();
        long elsewhere = states.stream().filter(s -> s.state() == CellStates.State.RUNNING).count();
        Files.createDirectories(folder.dir());
        folder.record(p);
        if (!quiet) {
            err.printf(Locale.ROOT, "sweep %s: %d cell(s) into %s: %d done, %d being trained elsewhere, %d to train, "
                    + "%d at a time%n", p.name(), states.size(), folder.dir(), done, elsewhere, todo.size(),
                    Math.min(par, Math.max(1, todo.size())));
            err.flush();
        }
        if (todo.isEmpty()) {
            out().println(json ? "[]" : "nothing to train: " + done + " of " + states.size()
                    + " cells done" + (elsewhere > 0 ? ", " + elsewhere + " being trained elsewhere" : ""));
            return ExitCodes.OK;
        }
        long steps = todo.stream().mapToLong(s -> s.cell().spec().options().steps()).sum();
        boolean ansi = !quiet && System.console() != null && System.console().isTerminal();
        var progress = new SweepProgress(err, quiet, ansi, todo.size(), steps);
        List<LocalSweep.Result> results;
        try (var stop = new TrainRunOptions.SaveOnExit("statescope-sweep-save")) {
            results = LocalSweep.run(folder, todo, Math.min(par, todo.size()), progress, stop::requested);
        } finally {
            progress.close();
        }
        return report(results);
    }

    private int report(List<LocalSweep.Result> results) throws Exception {
        var o = out();
        List<Map<String, Object>> rows = new ArrayList<>();
        boolean interrupted = false;
        boolean failed = false;
        for (LocalSweep.Result r : results) {
            String end = r.end().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            interrupted |= r.end() == LocalSweep.End.INTERRUPTED || r.end() == LocalSweep.End.NOT_STARTED;
            failed |= r.end() == LocalSweep.End.FAILED;
            Map<String, Object> row = row(r.cell(), end, r.detail(), null);
            if (r.outcome() != null) {
                row.put("steps", r.outcome().steps());
                row.put("seconds", r.outcome().seconds());
                row.put("accuracy", r.outcome().accuracy());
            }
            rows.add(row);
            if (!json) {
                o.printf(Locale.ROOT, "%-44s %-15s %s%n", r.cell().name(), end,
                        r.outcome() != null && !r.outcome().accuracy().isEmpty() ? r.outcome().accuracy() : r.detail());
            }
        }
        if (json) {
            o.println(json(rows));
        }
        o.flush();
        return failed ? ExitCodes.INTERNAL : interrupted ? ExitCodes.INTERRUPTED : ExitCodes.OK;
    }

    private int slurm(SweepPlan p, SweepFolder folder, List<CellStates.Status> states, int threads) throws Exception {
        var o = out();
        var tasks = new ArrayList<SlurmScript.Task>();
        for (CellStates.Status s : states) {
            if (s.toTrain()) {
                tasks.add(new SlurmScript.Task(s.cell().name(), CellCommand.args(s.cell(), folder.dir(), s.resume(), true)));
            }
        }
        Map<CellStates.State, Long> counts = new LinkedHashMap<>();
        states.forEach(s -> counts.merge(s.state(), 1L, Long::sum));
        if (tasks.isEmpty()) {
            o.println("nothing to submit: " + SweepStatusCommand.counts(counts, states.size()));
            return ExitCodes.OK;
        }
        List<String> launch = launcher != null ? Arrays.asList(launcher.strip().split("\\s+"))
                : SlurmScript.defaultLauncher();
        String script = SlurmScript.of(p.name(), p.slurm(), tasks, launch, folder.logs(), threads);
        if (dryRun) {
            o.print(script);
            o.flush();
            return ExitCodes.OK;
        }
        folder.record(p);
        Files.createDirectories(folder.logs());
        String stamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace(":", "");
        Path file = folder.meta().resolve("jobs").resolve(p.name() + "-" + stamp + ".sbatch");
        Files.createDirectories(file.getParent());
        Files.writeString(file, script);
        String jobId = slurm.submit(file);
        folder.recordJobs(jobId, tasks.stream().map(SlurmScript.Task::cell).toList());
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("job", jobId);
            m.put("script", file.toString());
            m.put("cells", tasks.stream().map(SlurmScript.Task::cell).toList());
            o.println(json(m));
        } else {
            o.printf(Locale.ROOT, "submitted job array %s: %d task(s), one per cell (%s); script %s%n"
                    + "follow it with: statescope sweep status %s%n", jobId, tasks.size(),
                    SweepStatusCommand.counts(counts, states.size()), file, folder.dir());
        }
        o.flush();
        return ExitCodes.OK;
    }

    private static Map<String, Object> row(SweepCell cell, String state, String detail, String command) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cell", cell.name());
        m.put("state", state);
        if (detail != null && !detail.isEmpty()) {
            m.put("detail", detail);
        }
        if (command != null) {
            m.put("command", command);
        }
        return m;
    }

    static String json(Object o) throws Exception {
        return Json.pretty(o);
    }
}
