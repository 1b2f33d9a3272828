package statescope.ssm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The one writer of a checkpoint: {@code NAME.lock} beside {@code NAME.safetensors}, locked by the
 * operating system for as long as the writer runs and holding its process id (for the message a second
 * writer gets). The operating system releases the lock when the process ends in any way, a kill -9
 * included, so a lock file left behind never blocks anyone; {@link #close} deletes it. (A process must
 * not open the lock file it holds a second time: closing that would drop its lock, as POSIX has it.)
 *
 * <p>On acquiring, the writer deletes stale temporaries of the files it names ({@link
 * AtomicFiles#cleanStaleTemporaries}) and repairs the checkpoint's manifest when a stopped save left it
 * missing or stale ({@link Checkpoint#repair}).
 */
public final class CheckpointLock implements AutoCloseable {

    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;

    private CheckpointLock(Path lockFile, FileChannel channel, FileLock lock) {
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of a checkpoint: {@code NAME.lock} beside the weights (followed through links). */
    public static Path lockPath(Path weights) throws IOException {
        Path w = AtomicFiles.resolveLinks(Checkpoint.weightsPath(weights).toAbsolutePath());
        String n = w.getFileName().toString();
        String stem = n.endsWith(".safetensors") ? n.substring(0, n.length() - ".safetensors".length()) : n;
        return w.resolveSibling(stem + ".lock");
    }

    /**
     * Takes the lock of the checkpoint at {@code weights}, cleans the stale temporaries of it, its
     * manifest and {@code others} (the files this writer will also write, with their manifests), and
     * repairs its manifest.
     *
     * @throws CheckpointBusyException when another process (or another run in this one) holds it
     */
    public static CheckpointLock acquire(Path weights, Path... others) throws IOException {
        Path lockFile = lockPath(weights);
        Files.createDirectories(lockFile.getParent());
        for (int attempt = 0; ; attempt++) {
            if (attempt > 100) {
                throw new IOException(lockFile + ": cannot take the lock (the file keeps changing)");
            }
            // The holder before us deletes the file on closing. To be sure the file we lock is the one at
            // the path (not one deleted meanwhile), its identity is compared before opening, after opening
            // and after locking, by status only: opening and closing it again would drop our lock (POSIX).
            Object before = key(lockFile);
            FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            Object opened = key(lockFile);
            if (opened == null || (before != null && !before.equals(opened))) {
                ch.close();
                continue;
            }
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                String holder = holder(ch);
                ch.close();
                throw new CheckpointBusyException(Checkpoint.weightsPath(weights) + " is being written by another "
                        + "training run (" + holder + ", per " + lockFile.getFileName() + "); wait for it to end or "
                        + "stop it, or train to another --out");
            }
            if (!opened.equals(key(lockFile))) {
                l.release();
                ch.close();
                continue;
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            ch.force(true);
            var held = new CheckpointLock(lockFile, ch, l);
            try {
                tidy(Checkpoint.weightsPath(weights), others);
            } catch (IOException | RuntimeException e) {
                held.close();
                throw e;
            }
            return held;
        }
    }

    private static void tidy(Path weights, Path... others) throws IOException {
        AtomicFiles.cleanStaleTemporaries(weights);
        AtomicFiles.cleanStaleTemporaries(Checkpoint.manifestPath(weights));
        for (Path o : others) {
            AtomicFiles.cleanStaleTemporaries(o);
            AtomicFiles.cleanStaleTemporaries(Checkpoint.manifestPath(o));
        }
        if (Files.exists(weights)) {
            try {
                Checkpoint.repair(weights);
            } catch (CheckpointException e) {
                // a model that cannot be read is no reason not to train: reading it says so where it matters
            }
        }
    }

    private static String holder(FileChannel ch) {
        try {
            ByteBuffer b = ByteBuffer.allocate(32);
            ch.read(b, 0);
            String pid = new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).lines().findFirst().orElse("").strip();
            if (pid.matches("\\d{1,19}")) {
                return Long.parseLong(pid) == ProcessHandle.current().pid() ? "this process" : "process " + pid;
            }
        } catch (IOException | NumberFormatException e) {
            // fall through
        }
        return "another process";
    }

    /** The identity of the file at a path (its file key, or its path where there are none), or null when absent. */
    private static Object key(Path file) throws IOException {
        try {
            Object k = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            return k != null ? k : file;
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** The lock file. */
    public Path file() {
        return lockFile;
    }

    /** Deletes the lock file, then releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(lockFile);
        } finally {
            try {
                if (lock.isValid()) {
                    lock.release();
                }
            } finally {
                channel.close();
            }
        }
    }

    /** Another writer holds the checkpoint. */
    public static final class CheckpointBusyException extends IOException {
        private static final long serialVersionUID = 1L;

        public CheckpointBusyException(String message) {
            super(message);
        }
    }
}
