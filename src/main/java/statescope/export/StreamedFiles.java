package statescope.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files too large to build in memory (a long trace as CSV), written as they are produced and yet
 * atomically: into {@code .NAME.PID.tmp} beside the target, then renamed over it; a failure deletes the
 * temporary and leaves any earlier file as it was.
 */
public final class StreamedFiles {

    /** Writes to a stream. */
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    private StreamedFiles() {
    }

    /** Writes {@code file} with what {@code body} writes. */
    public static void write(Path file, Body body) throws IOException {
        Path target = file.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new IOException(file + " is a folder");
        }
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                body.write(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
