package statescope;

import java.util.ArrayList;
import java.util.List;

/**
 * Plain entry point of the jar, of {@code ./mvnw javafx:run} and of the installers.
 *
 * <p>With no arguments it opens the GUI; with arguments it runs the command-line interface
 * ({@code statescope --help}). The Vector API lives in the incubator module
 * {@code jdk.incubator.vector}, which a plain {@code java -jar} does not resolve; when it is missing
 * the launcher starts the same JVM again with {@code --add-modules jdk.incubator.vector} (and native
 * access enabled) and exits with the child's exit code. Set {@code STATESCOPE_NO_REEXEC=1} to skip that
 * (the scan then falls back to its scalar kernel). SIGINT and SIGTERM to the launcher are passed on to
 * the child, whose exit code the launcher then takes (a training run saves its state first).
 * One {@code .jff} or {@code .statescope} file as the only
 * argument (how a desktop opens an associated file) opens the GUI with it.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()
                && System.getenv("STATESCOPE_NO_REEXEC") == null) {
            var child = reexecCommand(args);
            if (child != null) {
                Process p = new ProcessBuilder(child).inheritIO().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> forward(p), "statescope-forward-signal"));
                System.exit(p.waitFor());
                return;
            }
        }
        if (args.length == 0 || opensInApp(args)) {
            statescope.ui.StateScopeApp.launchApp(args);
        } else {
            System.exit(statescope.cli.StateScopeCommand.run(args));
        }
    }

    /**
     * The launcher is stopping while the child still runs (SIGINT or SIGTERM to the launcher alone, as
     * {@code kill} sends it): ask the child to stop too (SIGTERM, so that a training run saves its state),
     * wait for it, and end with its exit code.
     */
    private static void forward(Process child) {
        if (!child.isAlive()) {
            return;
        }
        child.destroy();
        try {
            int code = child.waitFor();
            Runtime.getRuntime().halt(code);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether the arguments are one file of a type the installers associate with the app ({@code .jff},
     * {@code .statescope}): a desktop opening such a file starts the launcher with its path alone.
     */
    static boolean opensInApp(String[] args) {
        if (args.length != 1) {
            return false;
        }
        String n = args[0].toLowerCase(java.util.Locale.ROOT);
        return (n.endsWith(".jff") || n.endsWith(".statescope")) && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(args[0]));
    }

    private static List<String> reexecCommand(String[] args) {
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
        cmd.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Launcher.class.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }
}
