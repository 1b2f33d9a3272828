package statescope.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reproductions of issue 18 (written files): modes, symbolic links and stale temporaries. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    private boolean posix() {
        return Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
    }

    @Test
    void aNewFileGetsTheUmasksModeNotAlways0600() throws Exception {
        assumeTrue(posix());
        Path reference = Files.createFile(dir.resolve("reference"));   // what the umask gives any new file
        Path f = dir.resolve("new.bin");
        AtomicFiles.write(f, new byte[] {1, 2});
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(f));
    }

    @Test
    void anExistingFileKeepsItsMode() throws Exception {
        assumeTrue(posix());
        Path f = dir.resolve("model.safetensors");
        for (String mode : new String[] {"rw-r--r--", "rw-------", "rw-rw-r--"}) {
            Files.write(f, new byte[] {0});
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
            AtomicFiles.write(f, new byte[] {1, 2, 3});
            assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
            assertEquals(3, Files.size(f));
        }
    }

    @Test
    void aSymbolicLinkIsWrittenThrough(@TempDir Path elsewhere) throws Exception {
        Path target = elsewhere.resolve("real.bin");
        Files.write(target, new byte[] {0});
        Path link = dir.resolve("link.bin");
        Files.createSymbolicLink(link, target);                      // POSIX file systems, where this project tests
        AtomicFiles.write(link, new byte[] {4, 5});
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertEquals(2, Files.size(target));
        try (var s = Files.list(elsewhere)) {
            assertEquals(1, s.count(), "no temporary left beside the target");
        }
    }

    @Test
    void anEmptyFolderIsNotReplacedByTheFile() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("model.safetensors"));
        var e = Assertions.assertThrows(FileSystemException.class,
                () -> AtomicFiles.write(folder, new byte[] {1}));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
        assertTrue(Files.isDirectory(folder));
    }

    @Test
    void staleTemporariesOfOurNamingAreCleaned() throws Exception {
        Path f = dir.resolve("m.safetensors");
        Path deadWriter = dir.resolve(".m.safetensors.2147483646.3.tmp");   // a process id no process has
        Path oldNaming = dir.resolve(".m.safetensors1234567890.tmp");
        Path recentOldNaming = dir.resolve(".m.safetensors987.tmp");
        Path livingWriter = dir.resolve(".m.safetensors." + ProcessHandle.current().parent().orElseThrow().pid() + ".1.tmp");
        Path notOurs = dir.resolve(".m.safetensors.notes.tmp");
        for (Path p : new Path[] {deadWriter, oldNaming, recentOldNaming, livingWriter, notOurs}) {
            Files.write(p, new byte[] {9});
        }
        Files.setLastModifiedTime(oldNaming, FileTime.from(Instant.now().minusSeconds(3600)));
        AtomicFiles.write(f, new byte[] {1});
        assertFalse(Files.exists(deadWriter));
        assertFalse(Files.exists(oldNaming));
        assertTrue(Files.exists(recentOldNaming), "an old-style temporary may still be being written");
        assertTrue(Files.exists(livingWriter), "a running writer's temporary stays");
        assertTrue(Files.exists(notOurs));
    }
}
