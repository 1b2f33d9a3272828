package statescope.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import statescope.ChildJvm;

/** A cell's lock: one holder at a time, in this JVM and across processes, and free once its holder dies. */
class CellLockTest {

    @Test
    void oneHolderAtATimeInOneJvm(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("cell.safetensors");
        assertTrue(CellLock.holder(model).isEmpty(), "no lock file yet: free");
        try (CellLock lock = CellLock.tryAcquire(model).orElseThrow()) {
            assertEquals(dir.resolve("cell.run.lock"), CellLock.lockFile(model));
            assertTrue(CellLock.tryAcquire(model).isEmpty(), "a second run of the same JVM must not get it");
            String who = CellLock.holder(model).orElseThrow();
            assertTrue(who.startsWith("pid " + ProcessHandle.current().pid() + " on "), who);
            assertEquals(who, lock.holderText());
            assertEquals(who + "\n", Files.readString(CellLock.lockFile(model)));
            // probing does not release it (POSIX locks go with any closed channel of the file)
            assertTrue(CellLock.tryAcquire(model).isEmpty());
        }
        assertTrue(CellLock.holder(model).isEmpty());
        assertEquals("", Files.readString(CellLock.lockFile(model)), "a released lock file is emptied, not deleted");
        try (CellLock again = CellLock.tryAcquire(model).orElseThrow()) {
            assertFalse(again.holderText().isEmpty());
        }
    }

    @Test
    void anotherProcessHoldsItUntilItIsKilled(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("cell.safetensors");
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", ChildJvm.classPath(), LockChild.class.getName(), model.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            var in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", in.readLine());
            assertTrue(CellLock.tryAcquire(model).isEmpty(), "the child holds it");
            assertTrue(CellLock.holder(model).orElseThrow().startsWith("pid " + child.pid() + " on "));
            child.destroyForcibly(); // SIGKILL: nothing runs in the child, the OS drops its lock
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
            assertTrue(CellLock.holder(model).isEmpty(), "a dead holder's lock is free, whatever the file says");
            try (CellLock mine = CellLock.tryAcquire(model).orElseThrow()) {
                assertTrue(mine.holderText().startsWith("pid " + ProcessHandle.current().pid()));
            }
        } finally {
            child.destroyForcibly();
        }
    }
}
