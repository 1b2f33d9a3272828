package statescope.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reproductions of issue 18 (two writers): one writer per checkpoint, and a killed writer blocks no one. */
class CheckpointLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondWriterIsRefusedUntilTheFirstEnds() throws Exception {
        Path w = dir.resolve("m.safetensors");
        try (var first = CheckpointLock.acquire(w)) {
            assertEquals(dir.resolve("m.lock").toAbsolutePath(), first.file());
            var e = assertThrows(CheckpointLock.CheckpointBusyException.class, () -> CheckpointLock.acquire(w));
            assertTrue(e.getMessage().contains("is being written by another training run (this process, per m.lock)"),
                    e.getMessage());
        }
        assertFalse(Files.exists(dir.resolve("m.lock")), "the lock file goes with its writer");
        CheckpointLock.acquire(w).close();
    }

    @Test
    void acquiringRepairsAStalePair() throws Exception {
        Path w = dir.resolve("m.safetensors");
        CheckpointProtocolTest.model(4, "x").save(w);
        Files.delete(dir.resolve("m.json"));
        try (var lock = CheckpointLock.acquire(w)) {
            assertEquals(Checkpoint.PairState.MATCHED, Checkpoint.check(w));
        }
    }

    @Test
    void aModelThatCannotBeReadDoesNotBlockTheLock() throws Exception {
        Path w = dir.resolve("m.safetensors");
        Files.write(w, new byte[] {1, 2, 3});
        CheckpointLock.acquire(w).close();
    }

    /** Holds the lock of args[0] until its standard input closes (run in a child JVM). */
    public static void main(String[] args) throws Exception {
        try (var lock = CheckpointLock.acquire(Path.of(args[0]))) {
            System.out.println("locked");
            System.out.flush();
            System.in.read();
        }
    }

    @Test
    void anotherProcessHoldsItUntilKilled() throws Exception {
        Path w = dir.resolve("m.safetensors");
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CheckpointLockTest.class.getName(), w.toString()).redirectErrorStream(true).start();
        var stdin = child.getOutputStream();                         // held open: the child waits on it
        try {
            var out = new BufferedReader(new InputStreamReader(child.getInputStream()));
            String line;
            while ((line = out.readLine()) != null && !line.equals("locked")) {
                // JVM warnings
            }
            assertEquals("locked", line);
            var e = assertThrows(CheckpointLock.CheckpointBusyException.class, () -> CheckpointLock.acquire(w));
            assertTrue(e.getMessage().contains("process " + child.pid()), e.getMessage());
            assertTrue(child.isAlive());
        } finally {
            // kill -9 while its standard input is still open: closing it first would let the child release the
            // lock and delete its file in the moment before the kill (the race this test lost under load)
            child.destroyForcibly();
            child.waitFor();
            stdin.close();
        }
        assertTrue(Files.exists(dir.resolve("m.lock")), "the killed writer left its lock file");
        CheckpointLock.acquire(w).close();                           // the stale lock file blocks no one
    }
}
