package statescope.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import statescope.io.InputFiles;

/**
 * The files a command writes, checked before any work (a benchmark is not run, a model not built, for an
 * output that cannot be written), and I/O errors said with their reason and the user's path: "no such
 * directory", "not a directory", "not writable", never a bare path or the name of a temporary file.
 */
final class OutputPaths {

    /** The temporaries of {@code AtomicFiles} and {@code StreamedFiles}: {@code .NAME.PID[.N].tmp}. */
    private static final Pattern TEMPORARY = Pattern.compile("\\.(.+?)\\.\\d+(?:\\.\\d+)?\\.tmp");

    private OutputPaths() {
    }

    /**
     * Refuses, with an {@link IOException} that says why, a {@code file} that cannot be written: a
     * directory, a parent that is a file, a missing folder (unless {@code createsFolders}: the command
     * creates it, so the nearest folder that exists is checked) or one in which no file can be created.
     */
    static void check(Path file, boolean createsFolders) throws IOException {
        Path abs = file.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            throw new FileSystemException(file.toString(), null, "is a directory, not a file");
        }
        Path dir = abs.getParent();
        if (dir == null) {
            return;
        }
        String shown = file.getParent() != null ? file.getParent().toString() : dir.toString();
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        if (!Files.isDirectory(existing)) {
            throw new FileSystemException(existing.toString(), null, "not a directory");
        }
        boolean missing = !existing.equals(dir);
        if (missing && !createsFolders) {
            throw new NoSuchFileException(shown, null, "no such directory");
        }
        try {
            Files.delete(Files.createTempFile(existing, ".statescope-probe-", ".tmp"));
        } catch (IOException e) {
            throw new AccessDeniedException(shown, null, missing
                    ? "no such directory, and it cannot be created (" + existing + " is not writable)"
                    : "not writable (no file can be created in it)");
        }
    }

    /**
     * The weights file of a model's {@code --out}: {@code NAME.safetensors} as given, or {@code NAME} without an
     * extension with {@code .safetensors} added; any other extension is refused (exit 3), as the manifest is
     * written beside the weights as {@code NAME.json}.
     */
    static Path modelFile(Path out) {
        Path name = out.getFileName();
        String n = name == null ? "" : name.toString();
        if (n.endsWith(".safetensors") && n.length() > ".safetensors".length()) {
            return out;
        }
        if (n.isEmpty() || n.lastIndexOf('.') > 0) {
            throw new IllegalArgumentException("--out must end in .safetensors or have no extension (the manifest is "
                    + "written beside it as .json), not " + (n.isEmpty() ? "'" + out + "'" : n));
        }
        return out.resolveSibling(n + ".safetensors");
    }

    /**
     * Refuses, unless {@code force}, to replace a {@code file} that a model's output would overwrite but that is not
     * what the command writes there ({@code accepted} fails on it: a manifest of ours, a DFA file): nothing is
     * written, and the message says what to do (exit 3).
     */
    static void checkOwnFile(Path file, boolean force, String what, FileCheck accepted) {
        if (force || !Files.exists(file)) {
            return;
        }
        try {
            accepted.check(file);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(file + " is not " + what + " (" + e.getMessage() + "); nothing was "
                    + "written: move it away, give another --out, or pass --force to replace it");
        }
    }

    /** Reads a file and fails when it is not of the expected kind. */
    @FunctionalInterface
    interface FileCheck {
        void check(Path file) throws IOException;
    }

    /** The message of an I/O error: its file (the target, not a temporary beside it) and why. */
    static String describe(IOException e) {
        if (!(e instanceof FileSystemException f) || f.getFile() == null) {
            return e.getMessage();
        }
        String file = userPath(f.getOtherFile() != null ? f.getOtherFile() : f.getFile());
        String reason = f.getReason();
        if (reason == null || reason.isBlank()) {
            reason = switch (f) {
                case NoSuchFileException _ -> missing(file);
                case AccessDeniedException _ -> "permission denied";
                default -> "cannot be read or written";
            };
        }
        return file + ": " + reason;
    }

    /** Why a file is missing, in the words of every missing input ({@link InputFiles#noSuchFile}). */
    private static String missing(String file) {
        try {
            return InputFiles.noSuchFile(Path.of(file)).getReason();
        } catch (RuntimeException e) {                                 // not a path of this system
            return "no such file";
        }
    }

    /** The file a temporary stands for ({@code dir/.out.json.123.tmp}: {@code dir/out.json}), else {@code file}. */
    static String userPath(String file) {
        try {
            Path p = Path.of(file);
            var m = p.getFileName() == null ? null : TEMPORARY.matcher(p.getFileName().toString());
            return m != null && m.matches() ? p.resolveSibling(m.group(1)).toString() : file;
        } catch (RuntimeException e) {
            return file;
        }
    }
}
