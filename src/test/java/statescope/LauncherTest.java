package statescope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A desktop opening an associated file passes its path alone: that opens the GUI, anything else is the CLI. */
class LauncherTest {

    @TempDir
    Path dir;

    @Test
    void oneAssociatedFileOpensTheApp() throws Exception {
        Path jff = Files.writeString(dir.resolve("m.JFF"), "<structure/>");
        Path session = Files.writeString(dir.resolve("talk.statescope"), "{}");
        assertEquals(jff, Launcher.associatedFile(new String[] {jff.toString()}));
        assertEquals(jff, Launcher.associatedFile(new String[] {jff.toUri().toString()}), "a desktop's file: URI");
        assertEquals(session, Launcher.associatedFile(new String[] {session.toString()}));
    }

    @Test
    void commandsAndOtherArgumentsStayWithTheCli() throws Exception {
        Path jff = Files.writeString(dir.resolve("m.jff"), "<structure/>");
        assertNull(Launcher.associatedFile(new String[] {"languages"}));
        assertNull(Launcher.associatedFile(new String[] {dir.resolve("missing.jff").toString()}));
        assertNull(Launcher.associatedFile(new String[] {Files.writeString(dir.resolve("d.json"), "{}").toString()}));
        assertNull(Launcher.associatedFile(new String[] {"dfa", jff.toString()}));
        assertNull(Launcher.associatedFile(new String[] {dir.resolve("folder.jff").toString()}));
    }

    /**
     * The JIT's inlining hints name methods that exist (a renamed vector helper would silently lose its
     * hint), and every way of starting the app passes the same list: the launcher's re-executed JVM,
     * {@code ./mvnw javafx:run}, the installers, the UI benchmarks; so does the heap's option ({@link Launcher#HEAP}).
     */
    @Test
    void theJitHintsNameRealMethodsAndEveryStartPassesThemAndTheHeapOption() throws Exception {
        for (String hint : Launcher.JIT_HINTS.subList(1, Launcher.JIT_HINTS.size())) {
            String target = hint.substring(hint.indexOf(',') + 1);
            String cls = target.substring(0, target.indexOf("::"));
            String method = target.substring(target.indexOf("::") + 2);
            assertTrue(Arrays.stream(Class.forName(cls).getDeclaredMethods()).anyMatch(m -> m.getName().equals(method)),
                    hint + ": no method " + method + " in " + cls);
        }
        assertEquals("-XX:CompileCommand=quiet", Launcher.JIT_HINTS.get(0), "quiet first: no line printed per command");
        var child = Launcher.reexecCommand(new String[] {"languages"}, false);
        assertTrue(child.containsAll(Launcher.JIT_HINTS), "the re-executed JVM: " + child);
        assertTrue(child.containsAll(Launcher.HEAP), "the re-executed JVM: " + child);
        String pom = Files.readString(Path.of("pom.xml"));
        String jpackage = Files.readString(Path.of("installers/jpackage/common.txt"));
        String bench = Files.readString(Path.of("bench/ui.sh"));
        for (String hint : Stream.concat(Launcher.JIT_HINTS.stream(), Launcher.HEAP.stream()).toList()) {
            assertTrue(pom.contains("<option>" + hint + "</option>"), "javafx:run lacks " + hint);
            assertTrue(jpackage.contains("--java-options " + hint + "\n"), "the installers lack " + hint);
            assertTrue(bench.contains(hint + " ") || bench.contains(hint + ")"), "bench/ui.sh lacks " + hint);
        }
    }

    /**
     * Transparent huge pages: asked for on Linux where the kernel offers them, never elsewhere (other JVMs
     * refuse the option) nor where the kernel has them off (the JVM would print a warning on stdout); the
     * pom's javafx:run (a Linux profile), the Linux installers and the UI benchmarks ask for them too.
     */
    @Test
    void hugePagesOnlyOnLinuxWhereTheKernelOffersThem() throws Exception {
        var thp = List.of("-XX:+UseTransparentHugePages");
        assertEquals(thp, Launcher.hugePages("Linux", "always [madvise] never\n"));
        assertEquals(thp, Launcher.hugePages("Linux", "[always] madvise never\n"));
        assertEquals(List.of(), Launcher.hugePages("Linux", "always madvise [never]\n"));
        assertEquals(List.of(), Launcher.hugePages("Linux", ""), "no such file (an old kernel, a container without /sys)");
        assertEquals(List.of(), Launcher.hugePages("Mac OS X", "[always] madvise never"));
        assertEquals(List.of(), Launcher.hugePages("Windows 11", "[always] madvise never"));
        String pom = Files.readString(Path.of("pom.xml"));
        int profile = pom.indexOf("<id>linux-huge-pages</id>");
        assertTrue(profile > 0 && pom.indexOf("<name>Linux</name>", profile) > profile
                && pom.indexOf("<option>" + thp.get(0) + "</option>", profile) > profile, "javafx:run's Linux profile");
        assertTrue(Files.readString(Path.of("installers/build.sh")).contains("--java-options " + thp.get(0)),
                "the Linux installers");
        assertTrue(Files.readString(Path.of("bench/ui.sh")).contains("FLAGS+=(" + thp.get(0) + ")"), "bench/ui.sh");
        boolean offered = Files.isReadable(Path.of("/sys/kernel/mm/transparent_hugepage/enabled"))
                && Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled")).matches("(?s).*\\[(always|madvise)\\].*");
        boolean linux = System.getProperty("os.name").startsWith("Linux");
        assertEquals(linux && offered, Launcher.reexecCommand(new String[] {"languages"}, false).contains(thp.get(0)),
                "the re-executed JVM asks for them exactly where this machine offers them");
    }
}
