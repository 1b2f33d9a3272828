package statescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import statescope.experiment.CellLock;
import statescope.experiment.SweepCell;
import statescope.experiment.SweepFolder;
import statescope.experiment.SweepPlan;
import statescope.experiment.TrainingRun;
import statescope.ChildJvm;

/** {@code sweep --executor slurm} against a stand-in for sbatch, squeue and sacct, and a task run by bash. */
class SlurmSweepTest {

    /** Answers sbatch with job ids from {@code next}, squeue and sacct from the maps (null: not installed). */
    static final class FakeSlurm implements SlurmClient.Runner {
        final List<List<String>> calls = new ArrayList<>();
        final List<String> scripts = new ArrayList<>();
        int next = 4242;
        String squeue;
        String sacct;

        @Override
        public SlurmClient.Result run(List<String> command) throws IOException {
            calls.add(command);
            return switch (command.get(0)) {
                case "sbatch" -> {
                    scripts.add(Files.readString(Path.of(command.get(2))));
                    yield new SlurmClient.Result(0, (next++) + ";cluster\n", "");
                }
                case "squeue" -> squeue == null ? null : new SlurmClient.Result(0, squeue, "");
                case "sacct" -> sacct == null ? null : new SlurmClient.Result(0, sacct, "");
                default -> null;
            };
        }
    }

    static TrainEvalCommandTest.Run sweep(FakeSlurm fake, String... args) {
        var client = new SlurmClient(fake);
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == SweepCommand.class) {
                    return cls.cast(new SweepCommand(client));
                }
                if (cls == SweepStatusCommand.class) {
                    return cls.cast(new SweepStatusCommand(client));
                }
                return CommandLine.defaultFactory().create(cls);
            }
        };
        var out = new StringWriter();
        var err = new StringWriter();
        var cl = new CommandLine(SweepCommand.class, factory);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((ex, c, pr) -> StateScopeCommand.report(ex, c.getErr(), false));
        int code = cl.execute(args);
        return new TrainEvalCommandTest.Run(code, out.toString(), err.toString());
    }

    @Test
    void dryRunPrintsAJobArrayOfTheCellsTrainCommandsAndWritesNothing(@TempDir Path dir) throws Exception {
        Path plan = SweepCommandTest.plan(dir, SweepCommandTest.TINY
                + "slurm: {partition: cpu, time: \"00:30:00\", max-parallel: 2, options: [\"--qos=short\"]}\n");
        Path out = dir.resolve("results");
        var fake = new FakeSlurm();
        var r = sweep(fake, plan.toString(), "--out", out.toString(), "--executor", "slurm", "--dry-run",
                "--launcher", "java -jar /shared/statescope.jar");
        assertEquals(0, r.code(), r.err());
        String s = r.out();
        for (String line : List.of("#!/bin/bash", "#SBATCH --job-name=statescope-tiny", "#SBATCH --array=0-3%2",
                "#SBATCH --cpus-per-task=1", "#SBATCH --output=" + out.resolve("sweep/logs/%A_%a.log"),
                "#SBATCH --partition=cpu", "#SBATCH --time=00:30:00", "#SBATCH --qos=short",
                "exec java -jar /shared/statescope.jar \"$@\"")) {
            assertTrue(s.lines().anyMatch(line::equals), line + " missing in\n" + s);
        }
        SweepCell first = SweepPlan.read(plan).cells().get(0);
        String task0 = "  0) set -- " + String.join(" ", CellCommand.args(first, out, true, true)) + " ;; # " + first.name();
        assertTrue(s.contains(task0 + "\n"), task0 + "\n" + s);
        assertTrue(s.contains(" --lock --quiet ;; # tomita-3_nonneg_1L-d8-n4_seed1_init2\n"), s);
        assertTrue(fake.calls.isEmpty(), "a dry run runs no Slurm command");
        assertFalse(Files.exists(out), "a dry run writes nothing");
        Path script = dir.resolve("job.sbatch");
        Files.writeString(script, s);
        Process bash = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
        String syntax = new String(bash.getInputStream().readAllBytes());
        assertTrue(bash.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, bash.exitValue(), "bash -n: " + syntax);
    }

    @Test
    void submittingRecordsTheTasksStatusReadsTheQueueAndRerunningResubmitsTheFailed(@TempDir Path dir) throws Exception {
        Path plan = SweepCommandTest.plan(dir, SweepCommandTest.TINY);
        Path out = dir.resolve("results");
        List<SweepCell> cells = SweepPlan.read(plan).cells();
        var fake = new FakeSlurm();
        var submit = sweep(fake, plan.toString(), "--out", out.toString(), "--executor", "slurm", "--launcher", "statescope");
        assertEquals(0, submit.code(), submit.err());
        assertTrue(submit.out().startsWith("submitted job array 4242: 4 task(s), one per cell (4 cells: 4 not started)"),
                submit.out());
        assertEquals(List.of("sbatch", "--parsable"), fake.calls.get(0).subList(0, 2));
        var folder = new SweepFolder(out);
        assertEquals(List.of("4242_0", "4242_1", "4242_2", "4242_3"),
                folder.jobs().stream().map(SweepFolder.Job::taskId).toList());
        assertEquals(cells.get(3).name(), folder.jobs().get(3).cell());
        assertTrue(Files.isDirectory(folder.logs()));

        // task 0 runs, task 1 waits; 2 and 3 ended without a model (no sacct: Slurm's accounting is off)
        fake.squeue = "4242_0|RUNNING\n4242_1|PENDING\n999_0|RUNNING\n";
        var status = sweep(fake, "status", out.toString());
        assertEquals(0, status.code(), status.err());
        assertTrue(status.out().matches("(?s)" + cells.get(0).name() + " +running +Slurm task 4242_0 RUNNING\n.*"),
                status.out());
        assertTrue(status.out().matches("(?s).*queued +Slurm task 4242_1 PENDING\n.*"), status.out());
        assertTrue(status.out().contains(" Slurm task 4242_3 ended without finishing; log "
                + folder.logs().resolve("4242_3.log") + "\n"), status.out());
        assertTrue(status.out().endsWith("4 cells: 1 running, 1 queued, 2 failed\n"), status.out());

        var again = sweep(fake, plan.toString(), "--out", out.toString(), "--executor", "slurm", "--launcher", "statescope");
        assertEquals(0, again.code(), again.err());
        String script = fake.scripts.get(1);
        assertTrue(script.contains("#SBATCH --array=0-1\n"), script);
        assertTrue(script.contains(" ;; # " + cells.get(2).name() + "\n") && script.contains(" ;; # " + cells.get(3).name()
                + "\n") && !script.contains(cells.get(0).name()), script);
        assertEquals(cells.get(3).name(), folder.lastJobs().get(cells.get(3).name()).cell());
        assertEquals("4243_1", folder.lastJobs().get(cells.get(3).name()).taskId());

        // with accounting, a failed task says how it ended
        fake.squeue = "";
        fake.sacct = "4242_0|COMPLETED|0:0\n4243_1|FAILED|1:0\n4243_[2-3]|PENDING|0:0\n";
        var acct = sweep(fake, "status", out.toString(), "--json");
        assertTrue(acct.out().contains("\"detail\" : \"Slurm task 4243_1 FAILED exit 1:0; log "), acct.out());
        assertTrue(SlurmClient.pairs("4243_1|CANCELLED by 0|0:15\n", 3).equals(Map.of("4243_1", "CANCELLED exit 0:15")));
    }

    @Test
    void aTaskTrainsItsCellWithTheLauncherAndLeavesACellHeldElsewhereAlone(@TempDir Path dir) throws Exception {
        Path plan = SweepCommandTest.plan(dir, SweepCommandTest.TINY);
        Path out = dir.resolve("results");
        String launcher = String.join(" ", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-Xmx512m", "-cp",
                ChildJvm.classPath(), "statescope.Launcher");
        var fake = new FakeSlurm();
        assertEquals(0, sweep(fake, plan.toString(), "--out", out.toString(), "--executor", "slurm", "--launcher",
                launcher).code());
        Path script = Files.list(new SweepFolder(out).meta().resolve("jobs")).findFirst().orElseThrow();
        List<SweepCell> cells = SweepPlan.read(plan).cells();
        String first = task(script, 0, dir);
        assertTrue(first.startsWith("statescope sweep task 4242_0 on ") && first.contains(": train --language parity ")
                && first.contains("parity: 6 steps in "), first);
        assertTrue(TrainingRun.finished(cells.get(0).file(out)));
        try (CellLock lock = CellLock.tryAcquire(cells.get(1).file(out)).orElseThrow()) {
            String log = task(script, 1, dir);
            assertTrue(log.contains("is being trained by pid " + ProcessHandle.current().pid()), log);
        }
        assertFalse(Files.exists(cells.get(1).file(out)));
    }

    /** Runs one array task of the script as Slurm would (it must exit with 0); returns its output. */
    private static String task(Path script, int index, Path dir) throws Exception {
        Path log = dir.resolve("task" + index + ".log");
        var pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SLURM_ARRAY_TASK_ID", Integer.toString(index));
        pb.environment().put("SLURM_ARRAY_JOB_ID", "4242");
        Process p = pb.start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "task " + index + " did not end");
        String text = Files.readString(log);
        assertEquals(0, p.exitValue(), text);
        return text;
    }
}
