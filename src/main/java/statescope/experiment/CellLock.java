package statescope.experiment;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lock of one training run's files, so that two sweeps (or a sweep and a Slurm task) never train
 * the same model at once: {@code NAME.run.lock} beside {@code NAME.safetensors}, locked with the
 * operating system's file lock (fcntl on Linux) while the run trains, and holding who holds it
 * ({@code pid 1234 on node7 since 2026-12-06T04:06:00Z}).
 *
 * <p>The operating system drops the lock when its process ends, however it ends (kill -9, a node that
 * reboots and a shared file system that notices), so a lock is never stale; the file itself stays
 * (empty once released: deleting a lock file races with a process that has just opened it). On a shared
 * folder the file system must support POSIX locks (NFSv4, Lustre with {@code flock}, GPFS; docs/sweeps.md).
 *
 * <p>Inside one JVM the locks are also kept in a table: POSIX locks belong to the process, so a second
 * run of the same JVM would otherwise be granted the lock it already holds (and closing any channel of
 * the file would release it).
 */
public final class CellLock implements AutoCloseable {

    private static final Map<Path, CellLock> HELD = new ConcurrentHashMap<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final String holder;

    private CellLock(Path file, FileChannel channel, FileLock lock, String holder) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.holder = holder;
    }

    /** The lock file of a model file: {@code NAME.run.lock}. */
    public static Path lockFile(Path model) {
        return RunFiles.sibling(model, ".run.lock");
    }

    /** Locks the run of {@code model}, or empty when another run (of any process) holds it. */
    public static Optional<CellLock> tryAcquire(Path model) throws IOException {
        Path f = lockFile(model).toAbsolutePath().normalize();
        String me = "pid " + ProcessHandle.current().pid() + " on " + host() + " since "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS);
        synchronized (HELD) {
            if (HELD.containsKey(f)) {
                return Optional.empty();
            }
            Files.createDirectories(f.getParent());
            FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            } catch (IOException e) {
                ch.close();
                throw new IOException(f + ": cannot lock (" + e.getMessage() + "); the results folder must be on a file "
                        + "system with POSIX locks (docs/sweeps.md)", e);
            }
            if (l == null) {
                ch.close();
                return Optional.empty();
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(false);
            var held = new CellLock(f, ch, l, me);
            HELD.put(f, held);
            return Optional.of(held);
        }
    }

    /** Who holds the run of {@code model} now ({@code pid 1234 on node7 since ...}), or empty when nobody does. */
    public static Optional<String> holder(Path model) throws IOException {
        Path f = lockFile(model).toAbsolutePath().normalize();
        synchronized (HELD) {
            CellLock mine = HELD.get(f);
            if (mine != null) {
                return Optional.of(mine.holder);
            }
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                FileLock probe;
                try {
                    probe = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    probe = null;
                }
                if (probe != null) {
                    probe.release();
                    return Optional.empty();
                }
                String text = Files.readString(f, StandardCharsets.UTF_8).strip();
                return Optional.of(text.isEmpty() ? "another process" : text);
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
        }
    }

    /** Who holds this lock. */
    public String holderText() {
        return holder;
    }

    /** Empties the lock file and releases the lock. */
    @Override
    public void close() throws IOException {
        synchronized (HELD) {
            if (HELD.remove(file) != this) {
                return;
            }
            try {
                channel.truncate(0);
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            String h = System.getenv("HOSTNAME");
            return h != null && !h.isBlank() ? h : "an unknown host";
        }
    }
}
