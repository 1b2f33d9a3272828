package statescope;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import statescope.io.CacheFolder;

/**
 * The class-data archive of the app's re-executed JVM ({@link Launcher}): the JVM writes the classes the
 * app loaded into a file when it exits the first time ({@code -XX:+AutoCreateSharedArchive}) and maps them
 * at every later start instead of reading, parsing and verifying them again (docs/performance.md has the
 * figures). The archive is kept with a stamp of the jars it was made from and removed when
 * they change (a rebuild), so that the JVM writes a new one at the next exit. The archive lives in the user's cache folder
 * ({@code $XDG_CACHE_HOME/statescope}, {@code ~/.cache/statescope}; {@code %LOCALAPPDATA%\statescope} on
 * Windows, {@code ~/Library/Caches/statescope} on macOS), one file per class path, JDK and set of JVM options.
 *
 * <p>The JVM cannot archive classes of signed jars (ELK's and EMF's are) and would print a warning for each
 * when it writes the archive; its {@code cds} log is switched off for that reason (its other messages
 * with it: without a usable archive the app starts as it would without one). {@code STATESCOPE_NO_CDS=1}
 * turns the archive off.
 */
final class ClassDataArchive {

    private ClassDataArchive() {
    }

    /**
     * The JVM options that use (or write) the archive for this class path, or none when it is turned off,
     * the class path holds a folder (the JVM archives jars only and refuses a class path with a non-empty
     * folder) or no cache folder can be made. {@code jvm} names the JDK and the options the JVM is started
     * with: each combination has an archive of its own, so that a start with other options (a profiler,
     * another heap size) never replaces the archive of the plain start with one made under them (a run
     * under JFR once left a 12 MB archive, against the usual 39 MB, that made every later start 0.7 s
     * slower; docs/performance.md, "Fifth pass").
     */
    static List<String> options(String classPath, Map<String, String> env, String os, String home,
                                String jvm) {
        if (env.get("STATESCOPE_NO_CDS") != null || classPath == null || classPath.isBlank()) {
            return List.of();
        }
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isEmpty() && Files.isDirectory(Path.of(entry))) {
                return List.of();
            }
        }
        Path dir = CacheFolder.of(env, os, home);
        if (dir == null) {
            return List.of();
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        String id = CacheFolder.key(System.getProperty("user.dir") + "|" + classPath + "|" + jvm);
        Path file = dir.resolve("app-" + id + ".jsa");
        if (!current(file, dir.resolve("app-" + id + ".stamp"), stamp(classPath))) {
            return List.of();
        }
        return List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + file,
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /**
     * Whether {@code archive} can be used or written: the JVM keeps an archive whose jars have changed
     * since (a rebuild) but cannot use it, and does not write a new one, so an archive made for other jars
     * ({@code stamp} differs from the one in {@code stampFile}) is removed first, for the JVM to write anew.
     */
    static boolean current(Path archive, Path stampFile, String stamp) {
        try {
            String kept = Files.isRegularFile(stampFile) ? Files.readString(stampFile, StandardCharsets.UTF_8) : "";
            if (!kept.equals(stamp)) {
                Files.deleteIfExists(archive);
                Files.writeString(stampFile, stamp, StandardCharsets.UTF_8);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * What the archive depends on: every jar of the class path and of its jars' {@code Class-Path} manifest
     * entries, by path, size and modification time.
     */
    static String stamp(String classPath) {
        var out = new StringBuilder();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path jar = Path.of(entry);
            describe(jar, out);
            try (var jf = new JarFile(jar.toFile())) {
                var mf = jf.getManifest();
                String refs = mf == null ? null : mf.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
                if (refs != null) {
                    for (String ref : refs.trim().split("\\s+")) {
                        describe(jar.toAbsolutePath().resolveSibling(ref), out);
                    }
                }
            } catch (IOException | RuntimeException e) {
                out.append("?manifest\n");
            }
        }
        return out.toString();
    }

    private static void describe(Path file, StringBuilder out) {
        out.append(file).append(' ');
        try {
            out.append(Files.size(file)).append(' ').append(Files.getLastModifiedTime(file).toMillis());
        } catch (IOException | RuntimeException e) {
            out.append('?');
        }
        out.append('\n');
    }
}
