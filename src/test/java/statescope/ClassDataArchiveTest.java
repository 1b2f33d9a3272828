package statescope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import statescope.io.CacheFolder;

/** The GUI JVM's class-data archive: where it lives, when it is used, and that a rebuild retires it. */
class ClassDataArchiveTest {

    @TempDir
    Path dir;

    private Path jar(String name, String classPath) throws Exception {
        var mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (classPath != null) {
            mf.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        }
        Path p = dir.resolve(name);
        try (var out = new JarOutputStream(Files.newOutputStream(p), mf)) {
            out.flush();
        }
        return p;
    }

    @Test
    void theArchiveIsInTheUsersCacheAndTheCdsLogIsQuiet() throws Exception {
        Path app = jar("app.jar", null);
        String home = dir.resolve("home").toString();
        var env = Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString());
        var opts = ClassDataArchive.options(app.toString(), env, "Linux", home, "25");
        assertTrue(opts.contains("-XX:+AutoCreateSharedArchive"), opts.toString());
        assertTrue(opts.stream().anyMatch(o -> o.startsWith("-XX:SharedArchiveFile=" + dir.resolve("cache").resolve("statescope"))),
                opts.toString());
        assertTrue(opts.contains("-Xlog:cds=off"), opts.toString());
        assertEquals(Path.of(home, ".cache", "statescope"), CacheFolder.of(Map.of(), "Linux", home));
        assertEquals(Path.of(home, "Library", "Caches", "statescope"),
                CacheFolder.of(Map.of(), "Mac OS X", home));
        assertEquals(null, CacheFolder.of(Map.of(), "Windows 11", home), "Windows: LOCALAPPDATA only");
    }

    /** A start with other JVM options (here a profiler) gets its own archive; the plain start keeps its own. */
    @Test
    void otherJvmOptionsGetAnArchiveOfTheirOwn() throws Exception {
        Path app = jar("app.jar", null);
        var env = Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString());
        var plain = ClassDataArchive.options(app.toString(), env, "Linux", dir.toString(), "25 ");
        var again = ClassDataArchive.options(app.toString(), env, "Linux", dir.toString(), "25 ");
        var profiled = ClassDataArchive.options(app.toString(), env, "Linux", dir.toString(),
                "25 -XX:StartFlightRecording=filename=r.jfr");
        assertEquals(archiveOf(plain), archiveOf(again));
        assertNotEquals(archiveOf(plain), archiveOf(profiled));
    }

    private static String archiveOf(List<String> opts) {
        return opts.stream().filter(o -> o.startsWith("-XX:SharedArchiveFile=")).findFirst().orElseThrow();
    }

    @Test
    void noArchiveWhenTurnedOffOrWithAFolderOnTheClassPath() throws Exception {
        Path app = jar("app.jar", null);
        var env = Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString());
        assertTrue(ClassDataArchive.options(app.toString(), Map.of("STATESCOPE_NO_CDS", "1"), "Linux", dir.toString(), "25").isEmpty());
        Files.createDirectories(dir.resolve("classes"));
        assertTrue(ClassDataArchive.options(dir.resolve("classes") + File.pathSeparator + app, env, "Linux", dir.toString(), "25")
                .isEmpty(), "the JVM refuses a class path with a folder");
    }

    @Test
    void aRebuiltJarOrLibraryRetiresTheArchive() throws Exception {
        Path lib = jar("lib.jar", null);
        Path app = jar("app.jar", "lib.jar");
        String before = ClassDataArchive.stamp(app.toString());
        assertTrue(before.contains("lib.jar"), before);
        Path archive = dir.resolve("a.jsa");
        Path stampFile = dir.resolve("a.stamp");
        assertTrue(ClassDataArchive.current(archive, stampFile, before));
        Files.writeString(archive, "archive");                         // written by the JVM at exit
        assertTrue(ClassDataArchive.current(archive, stampFile, before));
        assertTrue(Files.exists(archive), "same jars: the archive stays");
        Files.setLastModifiedTime(lib, FileTime.fromMillis(Files.getLastModifiedTime(lib).toMillis() + 5_000));
        String after = ClassDataArchive.stamp(app.toString());
        assertNotEquals(before, after, "a library's new time changes the stamp");
        assertTrue(ClassDataArchive.current(archive, stampFile, after));
        assertFalse(Files.exists(archive), "another build: the JVM writes a new archive");
        assertEquals(after, Files.readString(stampFile));
    }
}
