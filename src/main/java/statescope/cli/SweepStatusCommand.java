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
import statescope.experiment.SweepFolder;
import statescope.io.InputFiles;

/** {@code statescope sweep status DIR}: where each cell of the sweeps in a results folder stands. */
@Command(name = "status",
        header = "Show the state of each cell of a sweep's results folder.",
        description = {"Show each cell of the sweeps run into a results folder: done, running",
            "(and by whom), queued, failed (with its Slurm task and log), partly trained",
            "or not started. Reads the folder, and squeue and sacct where installed."},
        mixinStandardHelpOptions = true)
public final class SweepStatusCommand extends CommandBase implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "The sweep's results folder.")
    Path dir;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    private final SlurmClient slurm;

    public SweepStatusCommand() {
        this(new SlurmClient());
    }

    SweepStatusCommand(SlurmClient slurm) {
        this.slurm = slurm;
    }

    @Override
    public Integer call() throws Exception {
        InputFiles.requireFolder(dir);
        var folder = new SweepFolder(dir.toAbsolutePath().normalize());
        if (!SweepFolder.isSweep(folder.dir())) {
            throw new IllegalArgumentException(dir + " holds no sweep (no plan under " + dir.resolve(SweepFolder.META)
                    + "); run statescope sweep PLAN --out " + dir + " first");
        }
        List<CellStates.Status> states = CellStates.of(folder, folder.cells(), slurm);
        Map<CellStates.State, Long> counts = new LinkedHashMap<>();
        states.forEach(s -> counts.merge(s.state(), 1L, Long::sum));
        var o = out();
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (CellStates.Status s : states) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("cell", s.cell().name());
                m.put("state", s.state().label);
                m.put("detail", s.detail());
                rows.add(m);
            }
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("folder", folder.dir().toString());
            all.put("cells", rows);
            Map<String, Long> c = new LinkedHashMap<>();
            counts.forEach((k, v) -> c.put(k.label, v));
            all.put("counts", c);
            o.println(SweepCommand.json(all));
        } else {
            for (CellStates.Status s : states) {
                o.printf(Locale.ROOT, "%-44s %-16s %s%n", s.cell().name(), s.state().label, s.detail());
            }
            o.println(counts(counts, states.size()));
        }
        o.flush();
        return ExitCodes.OK;
    }

    /** "12 cells: 8 done, 2 running, 1 failed, 1 not started". */
    static String counts(Map<CellStates.State, Long> counts, int cells) {
        var sb = new StringBuilder(cells + (cells == 1 ? " cell" : " cells"));
        String sep = ": ";
        for (CellStates.State s : CellStates.State.values()) {
            Long n = counts.get(s);
            if (n != null && n > 0) {
                sb.append(sep).append(n).append(' ').append(s.label);
                sep = ", ";
            }
        }
        return sb.toString();
    }
}
