package statescope.io;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The one wording of an input path that is not there, for every command and every kind of file it reads
 * (a model, a DFA, a word list, a plan, a story): {@code PATH: no such file}, or {@code PATH: no such folder}
 * for a folder, with {@code (there is no folder DIR)} after it when the path's folder is missing too. The
 * exceptions are {@link NoSuchFileException}s whose reason is that text, so the command line prints them
 * as one line ({@code statescope: I/O error: PATH: no such file}, exit 4).
 */
public final class InputFiles {

    private InputFiles() {
    }

    /** {@code PATH: no such file}. */
    public static NoSuchFileException noSuchFile(Path file) {
        return new NoSuchFileException(file.toString(), null, "no such file" + missingParent(file));
    }

    /** {@code PATH: no such folder}. */
    public static NoSuchFileException noSuchFolder(Path dir) {
        return new NoSuchFileException(dir.toString(), null, "no such folder" + missingParent(dir));
    }

    /** Throws {@link #noSuchFile} when nothing is at {@code file} (what is there is the reader's to judge). */
    public static void requireExists(Path file) throws NoSuchFileException {
        if (!Files.exists(file)) {
            throw noSuchFile(file);
        }
    }

    /**
     * Throws {@link #noSuchFolder} when nothing is at {@code dir}, and {@code PATH: not a folder} when a file
     * is (a {@link NoSuchFileException} too: there is no folder there).
     */
    public static void requireFolder(Path dir) throws NoSuchFileException {
        if (!Files.exists(dir)) {
            throw noSuchFolder(dir);
        }
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "not a folder");
        }
    }

    /** " (there is no folder DIR)" when the path's folder is missing too, else "". */
    private static String missingParent(Path p) {
        try {
            Path parent = p.toAbsolutePath().getParent();
            return parent == null || Files.isDirectory(parent) ? "" : " (there is no folder " + parent + ")";
        } catch (RuntimeException e) {
            return "";
        }
    }
}
