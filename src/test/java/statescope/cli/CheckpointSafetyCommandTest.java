package statescope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import statescope.experiment.TrainingRun;
import statescope.ssm.CheckpointLock;
import statescope.ssm.GateRange;

/** Reproductions of issue 18 at the command line: a finished model is kept, and one writer per --out. */
class CheckpointSafetyCommandTest {

    @Test
    void aFinishedModelIsNotOverwrittenWithoutForce(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("p.safetensors");
        var first = TrainEvalCommandTest.tinyParity(model, "--steps", "6");
        assertEquals(ExitCodes.OK, first.code(), first.err());
        byte[] weights = Files.readAllBytes(model);
        byte[] manifest = Files.readAllBytes(dir.resolve("p.json"));
        var again = TrainEvalCommandTest.tinyParity(model, "--steps", "6", "--seed", "2");
        assertEquals(ExitCodes.BAD_INPUT, again.code(), again.err());
        assertTrue(again.err().contains("holds a finished model; pass --resume to train it further, --force to replace it"),
                again.err());
        assertEquals(1, again.err().strip().lines().count(), again.err());
        assertArrayEquals(weights, Files.readAllBytes(model));
        assertArrayEquals(manifest, Files.readAllBytes(dir.resolve("p.json")));
        var forced = TrainEvalCommandTest.tinyParity(model, "--steps", "6", "--seed", "2", "--force");
        assertEquals(ExitCodes.OK, forced.code(), forced.err());
        assertTrue(Files.readString(dir.resolve("p.json")).contains("--seed 2"));
    }

    @Test
    void aSecondWriterOfTheSameOutIsRefused(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("p.safetensors");
        try (var held = CheckpointLock.acquire(model)) {
            var second = TrainEvalCommandTest.tinyParity(model, "--steps", "6");
            assertEquals(ExitCodes.IO, second.code(), second.err());
            assertTrue(second.err().contains("is being written by another training run"), second.err());
            assertTrue(!Files.exists(model), "nothing was written");
        }
    }

    @Test
    void aFileThatIsNoCheckpointIsNotReplaced(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("p.safetensors");
        var first = TrainEvalCommandTest.tinyParity(model, "--steps", "6");
        assertEquals(ExitCodes.OK, first.code(), first.err());
        byte[] whole = Files.readAllBytes(model);
        byte[] random = new byte[4096];
        new Random(7).nextBytes(random);
        for (byte[] content : new byte[][] {random, Arrays.copyOf(whole, whole.length / 2)}) {
            Files.write(model, content);
            for (String[] more : new String[][] {{"--steps", "12", "--resume"}, {"--steps", "6"}}) {
                var r = TrainEvalCommandTest.tinyParity(model, more);
                assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
                assertTrue(r.err().contains("p.safetensors is not a readable checkpoint (")
                        && r.err().contains("nothing was written"), r.err());
                assertEquals(1, r.err().strip().lines().count(), r.err());
                assertArrayEquals(content, Files.readAllBytes(model));
            }
        }
        var forced = TrainEvalCommandTest.tinyParity(model, "--steps", "6", "--force");
        assertEquals(ExitCodes.OK, forced.code(), forced.err());
    }

    @Test
    void aPartlyTrainedRunIsNotStartedAnewWithoutForce(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("p.safetensors");
        var cmd = new TrainCommand();
        new CommandLine(cmd).registerConverter(GateRange.class, new GateRangeConverter()).parseArgs("--language",
                "parity", "--layers", "1", "--d-model", "8", "--d-state", "4",
                "--gates", "signed", "--batch", "8", "--max-words", "40", "--eval-every", "6", "--steps", "40");
        var polls = new AtomicInteger();
        var stopped = TrainingRun.run(cmd.runSpec(), "train", model, false, new TrainingRun.Listener() { },
                () -> polls.incrementAndGet() > 3);
        assertTrue(stopped.interrupted() && TrainingRun.resumable(model), "an interrupted run");
        long step = TrainingRun.resumeStep(model).orElseThrow();
        Path state = dir.resolve("p.resume.safetensors");
        byte[] saved = Files.readAllBytes(state);

        var anew = TrainEvalCommandTest.tinyParity(model, "--steps", "2");
        assertEquals(ExitCodes.BAD_INPUT, anew.code(), anew.err());
        assertEquals("statescope: error: " + model + " has a partly trained run (step " + step + "): pass --resume to "
                + "continue it or --force to start anew; nothing was written", anew.err().strip());
        assertArrayEquals(saved, Files.readAllBytes(state));
        assertTrue(Files.exists(dir.resolve("p.resume.opt.safetensors")) && !Files.exists(model));

        var both = TrainEvalCommandTest.tinyParity(model, "--steps", "2", "--force", "--resume");
        assertEquals(ExitCodes.USAGE, both.code(), both.err());
        assertTrue(both.err().contains("--force and --resume contradict each other"), both.err());
        assertArrayEquals(saved, Files.readAllBytes(state));

        var other = TrainEvalCommandTest.tinyParity(model, "--steps", "40", "--resume", "--norm", "rms");
        assertEquals(ExitCodes.BAD_INPUT, other.code(), other.err());
        assertEquals("statescope: error: the resume state " + state + " was trained with --norm layer, "
                + "not rms; pass the same options or delete it", other.err().strip());

        var forced = TrainEvalCommandTest.tinyParity(model, "--steps", "2", "--force");
        assertEquals(ExitCodes.OK, forced.code(), forced.err());
        assertTrue(TrainingRun.finished(model) && !TrainingRun.resumable(model));
    }

    @Test
    void outTakesSafetensorsOrNoExtensionAndAForeignManifestIsNotReplaced(@TempDir Path dir) throws Exception {
        var txt = TrainEvalCommandTest.tinyParity(dir.resolve("x.txt"), "--steps", "2");
        assertEquals(ExitCodes.BAD_INPUT, txt.code(), txt.err());
        assertEquals("statescope: error: --out must end in .safetensors or have no extension (the manifest is written "
                + "beside it as .json), not x.txt", txt.err().strip());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "nothing was written");
        }

        Path notes = dir.resolve("notes.json");
        Files.writeString(notes, "{\"my\":\"notes\"}");
        for (String out : new String[] {"notes", "notes.safetensors"}) {
            var r = TrainEvalCommandTest.tinyParity(dir.resolve(out), "--steps", "2");
            assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
            assertTrue(r.err().startsWith("statescope: error: " + notes + " is not a StateScope manifest (")
                    && r.err().strip().endsWith("nothing was written: move it away, give another --out, or pass --force "
                    + "to replace it"), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertEquals("{\"my\":\"notes\"}", Files.readString(notes));
            assertTrue(!Files.exists(dir.resolve("notes.safetensors")) && !Files.exists(dir.resolve("notes")));
        }
        var forced = TrainEvalCommandTest.tinyParity(dir.resolve("notes"), "--steps", "2", "--force");
        assertEquals(ExitCodes.OK, forced.code(), forced.err());
        assertTrue(TrainingRun.finished(dir.resolve("notes.safetensors")), "no extension: NAME.safetensors");
        assertTrue(!Files.exists(dir.resolve("notes")));
        var again = TrainEvalCommandTest.tinyParity(dir.resolve("notes.safetensors"), "--steps", "4", "--resume");
        assertEquals(ExitCodes.OK, again.code(), "our own manifest follows the usual rules: " + again.err());
    }
}
