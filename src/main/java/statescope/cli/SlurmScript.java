package statescope.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import statescope.experiment.SweepPlan;

/**
 * The sbatch script of a sweep's job array: one array task per cell, each running the same launcher
 * (the jar with a JDK, or the installed app) with the cell's {@code train} arguments.
 */
final class SlurmScript {

    /** One array task: its cell's name and {@code train} arguments. */
    record Task(String cell, List<String> args) {
    }

    private SlurmScript() {
    }

    /**
     * The script.
     *
     * @param launcher the command that runs {@code statescope} on a node (e.g. {@code java ... -jar statescope.jar})
     * @param logs     the folder of the tasks' logs (absolute: the nodes must see it)
     * @param cpus     cores per task (the cells' {@code --threads})
     */
    static String of(String planName, SweepPlan.Slurm slurm, List<Task> tasks, List<String> launcher, Path logs, int cpus) {
        var sb = new StringBuilder("#!/bin/bash\n");
        sb.append("# statescope sweep ").append(planName).append(": ").append(tasks.size())
                .append(" cell(s), one array task each (written by statescope sweep --executor slurm)\n");
        sb.append("#SBATCH --job-name=statescope-").append(planName).append('\n');
        sb.append("#SBATCH --array=0-").append(tasks.size() - 1)
                .append(slurm.maxParallel() != null ? "%" + slurm.maxParallel() : "").append('\n');
        sb.append("#SBATCH --ntasks=1\n");
        sb.append("#SBATCH --cpus-per-task=").append(cpus).append('\n');
        sb.append("#SBATCH --output=").append(logs.resolve("%A_%a.log")).append('\n');
        line(sb, "partition", slurm.partition());
        line(sb, "time", slurm.time());
        line(sb, "mem", slurm.mem());
        line(sb, "account", slurm.account());
        for (String o : slurm.options()) {
            sb.append("#SBATCH ").append(o).append('\n');
        }
        sb.append("set -eu\n");
        sb.append("case \"${SLURM_ARRAY_TASK_ID:?submit this script with sbatch}\" in\n");
        for (int i = 0; i < tasks.size(); i++) {
            sb.append("  ").append(i).append(") set --");
            for (String a : tasks.get(i).args()) {
                sb.append(' ').append(quote(a));
            }
            sb.append(" ;; # ").append(tasks.get(i).cell()).append('\n');
        }
        sb.append("  *) echo \"no cell for array task $SLURM_ARRAY_TASK_ID\" >&2; exit 2 ;;\n");
        sb.append("esac\n");
        sb.append("echo \"statescope sweep task ${SLURM_ARRAY_JOB_ID:-?}_${SLURM_ARRAY_TASK_ID} on $(hostname): $*\"\n");
        sb.append("exec");
        for (String a : launcher) {
            sb.append(' ').append(quote(a));
        }
        sb.append(" \"$@\"\n");
        return sb.toString();
    }

    private static void line(StringBuilder sb, String option, String value) {
        if (value != null) {
            sb.append("#SBATCH --").append(option).append('=').append(value).append('\n');
        }
    }

    /**
     * The command that runs this very program on a node: the installed app's launcher when this process
     * is one, else this JDK's {@code java} with the Vector API module and this class path (absolute).
     */
    static List<String> defaultLauncher() {
        String cmd = ProcessHandle.current().info().command().orElse("java");
        String exe = Path.of(cmd).getFileName().toString();
        if (!exe.equals("java") && !exe.equals("java.exe")) {
            return List.of(cmd);
        }
        var cp = new ArrayList<String>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.isBlank()) {
                cp.add(Path.of(e).toAbsolutePath().normalize().toString());
            }
        }
        return List.of(cmd, "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-cp", String.join(File.pathSeparator, cp), "statescope.Launcher");
    }

    /** A word for bash: as it is when it is plain, else in single quotes. */
    static String quote(String s) {
        if (!s.isEmpty() && s.matches("[A-Za-z0-9._/:=,+@%-]+")) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
