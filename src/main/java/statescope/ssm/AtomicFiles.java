package statescope.ssm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Writes a file so that readers see either the old or the complete new content, never a partial one.
 *
 * <p>The bytes go to a temporary file beside the target, named {@code .NAME.PID.N.tmp} (PID: the
 * writer's process id), are forced to disk, and the temporary is renamed over the target; the folder
 * is then forced too. A new file gets the mode the umask gives (as any file the user creates); a file
 * that exists keeps its mode. When the target is a symbolic link the write goes through to the link's
 * target (the link stays). Temporaries of this naming whose writer is no longer running, and those
 * of the older naming ({@code .NAME12345.tmp}) not touched for ten minutes, are deleted on the next
 * write of the same target.
 */
public final class AtomicFiles {

    private static final AtomicLong COUNTER = new AtomicLong();
    private static final long PID = ProcessHandle.current().pid();
    private static final Duration OLD_TEMP_AGE = Duration.ofMinutes(10);

    private AtomicFiles() {
    }

    /** Writes {@code bytes} to {@code file} atomically (see the class comment). */
    public static void write(Path file, byte[] bytes) throws IOException {
        Path target = resolveLinks(file.toAbsolutePath());
        if (Files.isDirectory(target)) {                           // a move would replace an empty folder
            throw new FileSystemException(file.toString(), null, "is a directory, not a file");
        }
        Path dir = target.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        cleanStaleTemporaries(target);
        Path tmp = createTemporary(target);
        try {
            try (var ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                var buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            keepMode(target, tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The file a path names once its symbolic links (the last component's, repeatedly) are followed. */
    static Path resolveLinks(Path file) throws IOException {
        Path p = file;
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops == 40) {
                throw new IOException(file + ": too many levels of symbolic links");
            }
            Path link = Files.readSymbolicLink(p);
            p = p.resolveSibling(link).normalize();
        }
        return p;
    }

    /** The temporary of a target, created empty with the default (umask) permissions. */
    private static Path createTemporary(Path target) throws IOException {
        while (true) {
            Path tmp = target.resolveSibling("." + target.getFileName() + "." + PID + "." + COUNTER.incrementAndGet() + ".tmp");
            try {
                Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                // left by an earlier process with our pid: try the next number
            }
        }
    }

    /** Gives the temporary the mode of the file it replaces, when there is one. */
    private static void keepMode(Path target, Path tmp) throws IOException {
        var view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        if (view != null && Files.exists(target)) {
            try {
                Files.setPosixFilePermissions(tmp, view.readAttributes().permissions());
            } catch (IOException e) {
                // another owner's file: its mode cannot be read or set; the umask's stays
            }
        }
    }

    private static void forceDirectory(Path dir) {
        if (dir == null) {
            return;
        }
        try (var ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            // not every platform opens folders (Windows): the rename is still atomic
        }
    }

    /**
     * Deletes temporaries of {@code target} of this class's naming whose process has ended, and of the
     * older naming that are older than ten minutes. Returns how many it deleted.
     */
    public static int cleanStaleTemporaries(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        String name = target.getFileName().toString();
        Pattern ours = Pattern.compile("\\." + Pattern.quote(name) + "\\.(\\d+)\\.\\d+\\.tmp");
        Pattern older = Pattern.compile("\\." + Pattern.quote(name) + "-?\\d+\\.tmp");
        int deleted = 0;
        if (dir == null || !Files.isDirectory(dir)) {
            return 0;
        }
        try (var entries = Files.newDirectoryStream(dir, "." + globQuote(name) + "*.tmp")) {
            for (Path p : entries) {
                String n = p.getFileName().toString();
                var m = ours.matcher(n);
                boolean stale;
                if (m.matches()) {
                    long pid = Long.parseLong(m.group(1));
                    stale = pid != PID && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
                } else {
                    stale = older.matcher(n).matches() && isOlderThan(p, OLD_TEMP_AGE);
                }
                if (stale && Files.deleteIfExists(p)) {
                    deleted++;
                }
            }
        } catch (IOException | RuntimeException e) {
            // cleaning is a courtesy: a folder that cannot be listed does not stop the write
        }
        return deleted;
    }

    private static boolean isOlderThan(Path p, Duration age) throws IOException {
        FileTime t = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
        return t.toMillis() < System.currentTimeMillis() - age.toMillis();
    }

    private static String globQuote(String s) {
        return s.replaceAll("([*?\\[\\]{}\\\\])", "\\\\$1");
    }
}
