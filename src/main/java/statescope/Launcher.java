package statescope;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import statescope.cli.StateScopeCommand;
import statescope.io.InputFiles;
import statescope.ui.Preload;
import statescope.ui.StateScopeApp;

/**
 * Plain entry point of the jar, of {@code ./mvnw javafx:run} and of the installers.
 *
 * <p>With no arguments it opens the GUI; with arguments it runs the command-line interface
 * ({@code statescope --help}). The Vector API lives in the incubator module
 * {@code jdk.incubator.vector}, which a plain {@code java -jar} does not resolve; when it is missing
 * the launcher starts the same JVM again with {@code --add-modules jdk.incubator.vector} (and native
 * access enabled) and exits with the child's exit code. Set {@code STATESCOPE_NO_REEXEC=1} to skip that
 * (the scan then falls back to its scalar kernel). SIGINT and SIGTERM to the launcher are passed on to
 * the child (as SIGTERM: a training run saves its state first), and the launcher ends with the child's exit
 * code, or with its own signal's (130, 143) when the child ended on the signal passed on.
 * One {@code .jff} or {@code .statescope} file as the only
 * argument (how a desktop opens an associated file) opens the GUI with it; {@code statescope present FILE}
 * opens the GUI in presentation mode on a story file (docs/presenting.md).
 */
public final class Launcher {

    /**
     * Inlining the JIT must not skip: the Vector API is fast only where C2 inlines every method that takes
     * or returns a vector into its caller (else each vector is boxed per call), and C2 refuses callees that
     * C1 already compiled into big methods, which the vector helpers are. Without these, whether a
     * 100,000-token read takes 4 s or 11 s on this 2-core machine depended on the order the JIT compiled
     * things in (docs/performance.md). {@code quiet} first, so the JVM does not print each command.
     * The same list is in the pom ({@code javafx:run}) and in the installers' options (LauncherTest).
     */
    static final List<String> JIT_HINTS = List.of(
            "-XX:CompileCommand=quiet",
            inline("VectorScan", "token"),
            inline("VectorScan", "tokenTail"),
            inline("VectorPolyMath", "exp"),
            inline("VectorPolyMath", "log1p"),
            inline("VectorPolyMath", "log1pFinite"),
            inline("VectorPolyMath", "silu"),
            inline("VectorPolyMath", "sigmoid"),
            inline("VectorPolyMath", "sum"),
            inline("VectorMath", "init"),
            inline("VectorMath", "initMasked"));

    /**
     * The heap keeps what it has grown to: G1 otherwise gives memory back after its concurrent cycles, and
     * the next long read (a paste after some typing) spends its time having the kernel zero fresh pages
     * again: a 100,000-character paste after 1,300 keystrokes read in 1.5-2.5 s with G1's default against
     * 1.0-1.5 s with this (docs/performance.md, "Twelfth pass"). The app's memory then stays at its peak
     * (under -Xmx) until it exits. Like {@link #JIT_HINTS}, in every way of starting the app (LauncherTest).
     */
    static final List<String> HEAP = List.of("-XX:MaxHeapFreeRatio=100");

    /** The kernel's transparent huge page mode, as the JVM reads it (Linux only). */
    private static final Path THP_MODE = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");

    private Launcher() {
    }

    /** The command that has C2 inline {@code method} of the kernel class {@code cls} wherever it is called. */
    private static String inline(String cls, String method) {
        return "-XX:CompileCommand=inline," + "statescope.ssm." + cls + "::" + method;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("present")) {           // a missing story: one line, as the CLI says it
            try {
                InputFiles.requireExists(Path.of(args[1]));
            } catch (NoSuchFileException | InvalidPathException e) {
                System.exit(StateScopeCommand.report(e));
            }
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()
                && System.getenv("STATESCOPE_NO_REEXEC") == null) {
            var child = reexecCommand(args, opensApp(args));
            if (child != null) {
                // the hook before the start: a signal that comes while the child starts still reaches it
                var started = new CompletableFuture<Process>();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> forward(started), "statescope-forward-signal"));
                Process p;
                try {
                    p = new ProcessBuilder(child).inheritIO().start();
                } catch (IOException | RuntimeException e) {
                    started.complete(null);                                // nothing to forward to
                    throw e;
                }
                started.complete(p);
                System.exit(p.waitFor());
                return;
            }
        }
        Path file = associatedFile(args);
        if (opensApp(args)) {
            Preload.start();                             // what the window needs, beside the toolkit's start
        }
        if (args.length == 2 && args[0].equals("present")) {                  // a story, in presentation mode
            StateScopeApp.launchApp(new String[] {StateScopeApp.PRESENT, args[1]});
        } else if (args.length == 0 || file != null) {
            StateScopeApp.launchApp(file == null ? args : new String[] {file.toString()});
        } else {
            System.exit(StateScopeCommand.run(args));
        }
    }

    /** Whether these arguments open the GUI (none, one associated file, {@code present FILE}) rather than the CLI. */
    static boolean opensApp(String[] args) {
        return args.length == 0 || associatedFile(args) != null
                || args.length == 2 && args[0].equals("present");
    }

    /** The exit code of a process ended by SIGTERM (128 + 15), as the child's is when it ends on the one passed on. */
    static final int TERMINATED = 143;

    /**
     * The launcher is stopping while the child still runs (SIGINT or SIGTERM to the launcher alone, as
     * {@code kill} sends it): ask the child to stop too (SIGTERM, the one signal a Java process can send, so
     * that a training run saves its state) and wait for it. When the child ended on that SIGTERM (exit 143)
     * the launcher ends as its own signal says, which the JVM does once this hook returns: 130 for SIGINT,
     * as a Ctrl-C that reaches both gives, 143 for SIGTERM (SIGINT to the launcher alone gave 143). Any other
     * exit code of the child (it finished meanwhile, or a Ctrl-C reached it first) is the launcher's.
     */
    private static void forward(CompletableFuture<Process> started) {
        Process child;
        try {
            child = started.get(10, TimeUnit.SECONDS);                // a signal during the start waits for it
        } catch (ExecutionException | TimeoutException e) {
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (child == null || !child.isAlive()) {
            return;
        }
        child.destroy();
        try {
            int code = child.waitFor();
            if (code != TERMINATED) {
                Runtime.getRuntime().halt(code);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The file when the arguments are one file of a type the installers associate with the app
     * ({@code .jff}, {@code .statescope}), as a path or a {@code file:} URI: a desktop opening such a file
     * starts the launcher with it alone. Null otherwise (the arguments are a command).
     */
    static Path associatedFile(String[] args) {
        if (args.length != 1) {
            return null;
        }
        String n = args[0].toLowerCase(Locale.ROOT);
        if (!n.endsWith(".jff") && !n.endsWith(".statescope")) {
            return null;
        }
        try {
            var p = n.startsWith("file:") ? Path.of(URI.create(args[0])) : Path.of(args[0]);
            return Files.isRegularFile(p) ? p : null;
        } catch (IllegalArgumentException e) {                         // a malformed URI or path
            return null;
        }
    }

    static List<String> reexecCommand(String[] args, boolean app) {
        var javaExe = ProcessHandle.current().info().command().orElse(null);
        if (javaExe == null) {
            return null;
        }
        var cmd = new ArrayList<String>();
        cmd.add(javaExe);
        cmd.add("--add-modules");
        cmd.add("jdk.incubator.vector");
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("--sun-misc-unsafe-memory-access=allow");
        cmd.addAll(JIT_HINTS);
        cmd.addAll(HEAP);
        cmd.addAll(hugePages(System.getProperty("os.name", ""), readThpMode()));
        List<String> given = ManagementFactory.getRuntimeMXBean().getInputArguments();
        cmd.addAll(given);
        String classPath = System.getProperty("java.class.path");
        if (app) {                                                     // the GUI's start-up: classes mapped, not read
            cmd.addAll(ClassDataArchive.options(classPath, System.getenv(), System.getProperty("os.name", ""),
                    System.getProperty("user.home"), Runtime.version() + " " + String.join(" ", given)));
        }
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(Launcher.class.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * Transparent huge pages for the heap where the kernel offers them ({@code always} or {@code madvise}):
     * a long read's fresh heap is then zeroed 2 MB at a time instead of 4 KB, and the app's first
     * 100,000-token read took 1.6-1.8 s with them against 2.4-4.1 s without (docs/performance.md, "Fifth
     * pass"). The option exists on Linux only (other JVMs refuse to start with it), and where the kernel has
     * them off ({@code never}) the JVM would print a warning, which could land in a command's JSON output:
     * none is added then.
     */
    static List<String> hugePages(String os, String thpMode) {
        boolean offered = thpMode.contains("[always]") || thpMode.contains("[madvise]");
        return os.startsWith("Linux") && offered ? List.of("-XX:+UseTransparentHugePages") : List.of();
    }

    private static String readThpMode() {
        try {
            return Files.isReadable(THP_MODE) ? Files.readString(THP_MODE) : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
