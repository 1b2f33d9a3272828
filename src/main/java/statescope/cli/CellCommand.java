package statescope.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import statescope.experiment.SweepCell;
import statescope.experiment.TrainingRun;
import statescope.ssm.GateRange;

/**
 * A sweep cell as the {@code statescope train} command a user could type: the arguments of its run
 * ({@link TrainCommandLine#of}, with {@code --eval-every}) and {@code --out}, {@code --resume} unless the
 * cell's model is to be trained again from its seed, and for Slurm tasks {@code --lock --quiet}. Both
 * executors go through these arguments: the local one parses them with {@link TrainCommand} (so a cell
 * is exactly what {@code train} would run), a Slurm task passes them to the jar.
 */
final class CellCommand {

    private CellCommand() {
    }

    /**
     * The cell's {@code train} arguments, starting with {@code train}.
     *
     * @param resume    continue a partly trained (or finished, to a larger budget) model, as {@code reproduce}
     * @param slurmTask add {@code --lock --quiet} (a task holds the cell's lock itself, and logs to a file)
     */
    static List<String> args(SweepCell cell, Path dir, boolean resume, boolean slurmTask) {
        String cmd = TrainCommandLine.of(cell.spec());
        var out = new ArrayList<>(Arrays.asList(cmd.substring("statescope ".length()).split(" ")));
        out.add("--eval-every");
        out.add(Integer.toString(cell.spec().evalEvery()));
        out.add("--out");
        out.add(cell.file(dir).toString());
        if (resume) {
            out.add("--resume");
        }
        if (slurmTask) {
            out.add("--lock");
            out.add("--quiet");
        }
        return out;
    }

    /** The command line a user could type: {@code statescope train ...}. */
    static String line(List<String> args) {
        var sb = new StringBuilder("statescope");
        for (String a : args) {
            sb.append(' ').append(SlurmScript.quote(a));
        }
        return sb.toString();
    }

    /** The run {@code train} makes of these arguments (its recipe merged with the options, as {@code train} does). */
    static TrainingRun.Spec parse(List<String> args) {
        if (args.isEmpty() || !args.get(0).equals("train")) {
            throw new IllegalArgumentException("not a train command: " + args);
        }
        var tc = new TrainCommand();
        var cl = new CommandLine(tc);
        cl.registerConverter(GateRange.class, new GateRangeConverter());
        cl.parseArgs(args.subList(1, args.size()).toArray(String[]::new));
        return tc.runSpec();
    }
}
