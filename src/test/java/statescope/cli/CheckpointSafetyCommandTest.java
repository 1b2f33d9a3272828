package statescope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import statescope.ssm.CheckpointLock;

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
}
