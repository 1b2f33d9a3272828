package statescope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import statescope.experiment.CellLock;
import statescope.experiment.SweepCell;
import statescope.experiment.SweepFolder;
import statescope.experiment.SweepPlan;
import statescope.experiment.TrainingRun;
import statescope.ssm.Checkpoint;
import statescope.ssm.Safetensors;

/** {@code statescope sweep} with the local executor, {@code sweep status}, and {@code eval} over the seeds. */
class SweepCommandTest {

    /** Two languages × two init seeds, tiny models, a handful of steps. */
    static final String TINY = """
            # tiny: two languages x two init seeds
            languages: [parity, tomita-3]
            init-seeds: [1, 2]
            sizes: [{layers: 1, d-model: 8, d-state: 4}]
            steps: 6
            batch: 8
            max-words: 40
            eval-every: 3
            threads: 1
            """;

    static TrainEvalCommandTest.Run run(String... args) {
        return TrainEvalCommandTest.run(args);
    }

    static Path plan(Path dir, String text) throws Exception {
        Path p = dir.resolve("tiny.yaml");
        Files.writeString(p, text);
        return p;
    }

    static boolean done(Path model) {
        return TrainingRun.finished(model);
    }

    @Test
    void aLocalSweepTrainsEachCellAsItsTrainCommandAndEvalSummarisesTheSeeds(@TempDir Path dir) throws Exception {
        Path plan = plan(dir, TINY);
        Path out = dir.resolve("results");
        var first = run("sweep", plan.toString(), "--out", out.toString(), "--parallel", "2");
        assertEquals(0, first.code(), first.err());
        SweepPlan p = SweepPlan.read(plan);
        for (SweepCell c : p.cells()) {
            assertTrue(done(c.file(out)), c.name() + "\n" + first.out() + first.err());
            assertTrue(first.out().contains(c.name() + " ") && first.err().contains("[" ), first.out());
        }
        assertTrue(first.err().contains("sweep: 4 of 4 cells ended"), first.err());
        assertTrue(SweepFolder.isSweep(out));

        var again = run("sweep", plan.toString(), "--out", out.toString());
        assertEquals(0, again.code(), again.err());
        assertEquals("nothing to train: 4 of 4 cells done\n", again.out());
        var status = run("sweep", "status", out.toString());
        assertEquals(0, status.code(), status.err());
        assertTrue(status.out().endsWith("4 cells: 4 done\n"), status.out());

        // the listed command of a cell, typed by hand into another folder, makes the same model bit for bit
        var list = run("sweep", plan.toString(), "--out", out.toString(), "--list");
        String line = list.out().lines().filter(l -> l.startsWith("tomita-3_nonneg_1L-d8-n4_seed1_init2 ")).findFirst()
                .orElseThrow();
        assertTrue(line.contains(" done "), line);
        List<String> args = new ArrayList<>(Arrays.asList(line.substring(line.indexOf("statescope train ")
                + "statescope ".length()).split(" ")));
        Path byHand = dir.resolve("by-hand").resolve("tomita-3_nonneg_1L-d8-n4_seed1_init2.safetensors");
        Files.createDirectories(byHand.getParent());
        args.set(args.indexOf("--out") + 1, byHand.toString());
        args.add("--quiet");
        var train = run(args.toArray(String[]::new));
        assertEquals(0, train.code(), train.err());
        // the tensors are identical (the file also embeds its manifest, whose notes name the output path)
        var swept = Safetensors.read(out.resolve("tomita-3_nonneg_1L-d8-n4_seed1_init2.safetensors"))
                .tensors();
        var hand = Safetensors.read(byHand).tensors();
        assertEquals(swept.keySet(), hand.keySet());
        for (String name : swept.keySet()) {
            assertArrayEquals(swept.get(name).data(), hand.get(name).data(), name);
        }

        var eval = run("eval", "--suite", out.toString());
        assertEquals(0, eval.code(), eval.err());
        assertTrue(eval.out().startsWith("| language | gates | size | steps | models | split | mean | sd | min | max |"),
                eval.out());
        assertTrue(eval.out().contains("| parity | nonneg | 1L d8 N4 | 6 | 2 | bin1 | "), eval.out());
        assertEquals(2 + 4, eval.out().lines().count(), "two groups of two splits:\n" + eval.out());
        var perModel = run("eval", "--suite", out.toString(), "--no-over-seeds", "--csv");
        assertTrue(perModel.out().startsWith("model,language,layers"), perModel.out());
        var csv = run("eval", "--suite", out.toString(), "--csv");
        assertTrue(csv.out().startsWith("language,gates,layers,d_model,d_state,steps,models,split,mean,sd,min,max,"),
                csv.out());
    }

    @Test
    void aPartlyTrainedCellResumesAndACellHeldElsewhereIsLeftAlone(@TempDir Path dir) throws Exception {
        Path plan = plan(dir, TINY);
        Path out = dir.resolve("results");
        SweepPlan p = SweepPlan.read(plan);
        SweepCell partial = p.cells().get(0);
        SweepCell held = p.cells().get(3);
        var polls = new AtomicInteger();
        var stopped = TrainingRun.run(partial.spec(), TrainCommandLine.of(partial.spec()), partial.file(out), false,
                new TrainingRun.Listener() { }, () -> polls.incrementAndGet() > 2);
        assertTrue(stopped.interrupted() && TrainingRun.resumable(partial.file(out)));
        try (CellLock lock = CellLock.tryAcquire(held.file(out)).orElseThrow()) {
            var list = run("sweep", plan.toString(), "--out", out.toString(), "--list");
            assertTrue(list.out().matches("(?s).*" + partial.name() + " +partly trained .*"), list.out());
            assertTrue(list.out().matches("(?s).*" + held.name() + " +running .*"), list.out());
            var sweep = run("sweep", plan.toString(), "--out", out.toString(), "--parallel", "1");
            assertEquals(0, sweep.code(), sweep.err());
            assertTrue(sweep.err().contains("[1/3 " + partial.name() + "] started: 40 training words, ")
                    && sweep.err().contains("; resuming at step 2"), sweep.err());
            assertTrue(sweep.err().contains("1 being trained elsewhere, 3 to train"), sweep.err());
            assertFalse(done(held.file(out)), "a held cell must not be trained");
            var status = run("sweep", "status", out.toString(), "--json");
            assertTrue(status.out().contains("\"state\" : \"running\"") && status.out().contains(
                    "\"detail\" : \"pid " + ProcessHandle.current().pid()), status.out());
        }
        assertTrue(done(partial.file(out)));
        var status = run("sweep", "status", out.toString());
        assertTrue(status.out().endsWith("4 cells: 3 done, 1 not started\n"), status.out());
        var rest = run("sweep", plan.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, rest.code(), rest.err());
        assertTrue(rest.out().startsWith(held.name() + " ") && rest.out().lines().count() == 1, rest.out());
        assertTrue(done(held.file(out)));
    }

    @Test
    void aStopSavesTheRunningCellAndLeavesFinishedOnesIntact(@TempDir Path dir) throws Exception {
        SweepPlan p = SweepPlan.read(plan(dir, TINY));
        var folder = new SweepFolder(dir.resolve("results"));
        var todo = CellStates.of(folder, p.cells().subList(0, 3), null);
        var polls = new AtomicInteger();
        // one poll before each cell and one per step: the first cell's 6 steps, then 2 steps of the second
        var results = LocalSweep.run(folder, todo, 1, new SweepProgress(new PrintWriter(new StringWriter()), true,
                false, 3, 18), () -> polls.incrementAndGet() > 10);
        assertEquals(List.of(LocalSweep.End.TRAINED, LocalSweep.End.INTERRUPTED, LocalSweep.End.NOT_STARTED),
                results.stream().map(LocalSweep.Result::end).toList());
        Path first = p.cells().get(0).file(folder.dir());
        assertTrue(done(first));
        assertTrue(TrainingRun.resumable(p.cells().get(1).file(folder.dir())));
        assertFalse(Files.exists(p.cells().get(2).file(folder.dir())));
        byte[] kept = Files.readAllBytes(first);
        String manifest = Files.readString(Checkpoint.manifestPath(first));
        var rest = run("sweep", dir.resolve("tiny.yaml").toString(), "--out", folder.dir().toString(), "--quiet");
        assertEquals(0, rest.code(), rest.err());
        assertEquals(3, rest.out().lines().count(), "the three cells not done:\n" + rest.out());
        assertArrayEquals(kept, Files.readAllBytes(first));
        assertEquals(manifest, Files.readString(Checkpoint.manifestPath(first)));
    }

    @Test
    void twoSweepsIntoOneFolderTrainEachCellOnce(@TempDir Path dir) throws Exception {
        Path plan = plan(dir, TINY);
        Path out = dir.resolve("results");
        var go = new CountDownLatch(1);
        var outputs = new ArrayList<TrainEvalCommandTest.Run>();
        var threads = new ArrayList<Thread>();
        for (int i = 0; i < 2; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                var r = run("sweep", plan.toString(), "--out", out.toString(), "--parallel", "2", "--json");
                synchronized (outputs) {
                    outputs.add(r);
                }
            }));
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        int trained = 0;
        for (var r : outputs) {
            assertEquals(0, r.code(), r.err());
            trained += (int) r.out().lines().filter(l -> l.contains("\"state\" : \"trained\"")).count();
        }
        assertEquals(4, trained, "every cell trained exactly once:\n" + outputs);
        for (SweepCell c : SweepPlan.read(plan).cells()) {
            assertTrue(done(c.file(out)), c.name());
            Checkpoint.load(c.file(out)); // loads
            assertFalse(TrainingRun.resumable(c.file(out)));
        }
    }

    @Test
    void badPlansFailBeforeAnyRunNamingTheField(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("results");
        var unknown = run("sweep", plan(dir, TINY.replace("tomita-3", "tomita-9")).toString(), "--out", out.toString());
        assertEquals(ExitCodes.BAD_INPUT, unknown.code());
        assertTrue(unknown.err().startsWith("statescope: error: tiny.yaml: languages[1]: unknown language 'tomita-9'"),
                unknown.err());
        var noSeeds = run("sweep", plan(dir, TINY.replace("[1, 2]", "[]")).toString(), "--out", out.toString());
        assertEquals(ExitCodes.BAD_INPUT, noSeeds.code());
        assertTrue(noSeeds.err().contains("tiny.yaml: init-seeds: no seeds"), noSeeds.err());
        var tooBig = run("sweep", plan(dir, TINY.replace("d-model: 8", "d-model: 40000")).toString(), "--out",
                out.toString());
        assertTrue(tooBig.err().contains("tiny.yaml: sizes[0]: 1 layer(s) of d-model 40000 does not fit parity"),
                tooBig.err());
        var heap = run("sweep", plan(dir, TINY).toString(), "--out", out.toString(), "--parallel", "1000000");
        assertEquals(ExitCodes.BAD_INPUT, heap.code());
        assertTrue(heap.err().contains("tiny.yaml: sizes[0]: 1 layer(s) of d-model 8 does not fit: training parity "
                + "needs about"), heap.err());
        assertFalse(Files.exists(out), "nothing may start before the plan is checked");
        Path notUtf8 = Files.write(dir.resolve("rand.yaml"), new byte[] {'#', (byte) 0xAA, '\n'});
        var encoding = run("sweep", notUtf8.toString(), "--list");
        assertEquals(ExitCodes.BAD_INPUT, encoding.code(), encoding.err());
        assertEquals("statescope: error: " + notUtf8 + ": the text is not UTF-8: byte 0xAA at offset 1 (line 1); save "
                + "it as UTF-8", encoding.err().strip());
        var missing = run("sweep");
        assertEquals(ExitCodes.USAGE, missing.code());
        var notASweep = run("sweep", "status", dir.toString());
        assertEquals(ExitCodes.BAD_INPUT, notASweep.code());
        assertTrue(notASweep.err().contains("holds no sweep"), notASweep.err());
    }

    @Test
    void dryRunWithoutSlurmIsRefusedAndTrainsNothing(@TempDir Path dir) throws Exception {
        Path plan = plan(dir, TINY);
        Path out = dir.resolve("results");
        for (String[] executor : new String[][] {{}, {"--executor", "local"}}) {
            List<String> args = new ArrayList<>(List.of("sweep", plan.toString(), "--out", out.toString(), "--dry-run"));
            args.addAll(Arrays.asList(executor));
            var r = run(args.toArray(String[]::new));
            assertEquals(ExitCodes.USAGE, r.code(), r.err());
            assertTrue(r.err().contains("--dry-run needs --executor slurm; --list shows the cells without training"),
                    r.err());
            assertFalse(Files.exists(out), "a dry run trains nothing:\n" + r.err());
        }
    }
}
