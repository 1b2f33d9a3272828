package statescope.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Runs the project's PyTorch CPU peer ({@code bench/torch_peer.py}: the same Mamba model written in
 * PyTorch, timed on the same shapes) and parses its {@code peer=torch-cpu figure=NAME value=V unit=U ...}
 * lines. The script is found relative to the project, never at a machine path: see {@link #locate}.
 */
public final class TorchPeer {

    /** The peer script's path inside the project. */
    public static final Path SCRIPT = Path.of("bench", "torch_peer.py");

    /** A Python that cannot be started, in plain words (not the JVM's "Cannot run program … error=2"). */
    private static final String CANNOT_RUN = "cannot be run (no such program, or not a program)";

    /** What to do when the peer's Python is missing or has no PyTorch. */
    public static final String INSTALL = "install Python 3 with PyTorch (apt-get install -y python3-torch), name it with "
            + "--python, or pass --no-peer";

    /** One figure printed by the peer; {@code line} is the line as printed. */
    public record Figure(String name, double value, String unit, Map<String, String> fields, String line) {
    }

    /** The peer's result: its figures, or why there are none (a one-line reason), and the command run. */
    public record Result(List<Figure> figures, String unavailable, String command) {
        /** The figure of that name, or null. */
        public Figure get(String name) {
            return figures.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
        }
    }

    private TorchPeer() {
    }

    /**
     * The peer script: {@code given} when not null; else {@code bench/torch_peer.py} under the working
     * directory; else {@code ../bench/torch_peer.py} from the folder holding our code (the jar
     * {@code target/statescope.jar} or the classes folder {@code target/classes}). Null when none exists.
     */
    public static Path locate(Path given) {
        return locate(given, Path.of(""), codeLocation());
    }

    /** {@link #locate(Path)} with the working directory and our code's location (jar or folder, may be null) given. */
    static Path locate(Path given, Path workingDir, Path codeLocation) {
        if (given != null) {
            return given;
        }
        List<Path> candidates = new ArrayList<>();
        candidates.add(workingDir.resolve(SCRIPT));
        if (codeLocation != null && codeLocation.toAbsolutePath().getParent() != null) {
            candidates.add(codeLocation.toAbsolutePath().getParent().resolve("..").resolve(SCRIPT).normalize());
        }
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElse(null);
    }

    private static Path codeLocation() {
        try {
            CodeSource src = TorchPeer.class.getProtectionDomain().getCodeSource();
            return src == null || src.getLocation() == null ? null : Path.of(src.getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return null;                                                  // not a file location: skip it
        }
    }

    /**
     * Runs {@code python script args...} and collects its figures. Never throws: a missing script, a
     * missing Python or PyTorch, a failure or a timeout give a result with {@code unavailable} set.
     */
    public static Result run(String python, Path script, List<String> args, long timeoutSeconds) {
        if (script == null) {
            return new Result(List.of(), "no peer script (" + SCRIPT + " here or beside the jar; pass --peer FILE)", null);
        }
        if (!Files.isRegularFile(script)) {
            return new Result(List.of(), "peer script " + script + " not found (pass --peer FILE)", null);
        }
        List<String> cmd = new ArrayList<>(List.of(python, script.toString()));
        cmd.addAll(args);
        String shown = String.join(" ", cmd);
        try {
            Exit e = exec(cmd, timeoutSeconds);
            if (e == null) {
                return new Result(List.of(), "peer timed out after " + timeoutSeconds + " s", shown);
            }
            List<Figure> figs = parse(e.output());
            if (e.code() != 0 || figs.isEmpty()) {
                String last = e.output().strip().lines().reduce((a, b) -> b).orElse("no output");
                return new Result(figs, "peer exited with " + e.code() + ": " + last, shown);
            }
            return new Result(figs, null, shown);
        } catch (IOException e) {
            return new Result(List.of(), python + " " + CANNOT_RUN + "; " + INSTALL, shown);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(List.of(), "interrupted", shown);
        }
    }

    /**
     * Whether {@code python} runs and imports PyTorch (a second or two; the benchmark asks before it measures
     * anything when {@code --python} was given): null when it does, else why not, in plain words to put after
     * its name ("has no PyTorch; install …"), with {@link #INSTALL}.
     */
    public static String check(String python, long timeoutSeconds) {
        try {
            Exit e = exec(List.of(python, "-c", "import torch"), timeoutSeconds);
            if (e == null) {
                return "did not import PyTorch within " + timeoutSeconds + " s; " + INSTALL;
            }
            if (e.code() == 0) {
                return null;
            }
            return e.output().contains("No module named") ? "has no PyTorch; " + INSTALL
                    : "could not import PyTorch (exit " + e.code() + "); " + INSTALL;
        } catch (IOException e) {
            return CANNOT_RUN + "; " + INSTALL;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** A finished process's exit code and its output (standard output and error together). */
    private record Exit(int code, String output) {
    }

    /** Runs {@code cmd} to its end; null when it ran past {@code timeoutSeconds} (then it is killed). */
    private static Exit exec(List<String> cmd, long timeoutSeconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        var collected = new ByteArrayOutputStream();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (var in = p.getInputStream()) {
                in.transferTo(collected);
            } catch (IOException ignored) {
                // the process was killed
            }
        });
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return null;
        }
        reader.join();
        return new Exit(p.exitValue(), collected.toString(StandardCharsets.UTF_8));
    }

    /** The figure lines of the peer's output ({@code peer=... figure=NAME value=V unit=U key=value ...}). */
    public static List<Figure> parse(String out) {
        List<Figure> figs = new ArrayList<>();
        for (String line : out.split("\\R")) {
            if (!line.startsWith("peer=")) {
                continue;
            }
            Map<String, String> f = new LinkedHashMap<>();
            for (String kv : line.trim().split("\\s+")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    f.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
            try {
                figs.add(new Figure(Objects.requireNonNull(f.get("figure")), Double.parseDouble(f.get("value")), f.get("unit"), f, line.trim()));
            } catch (RuntimeException e) {
                // not a figure line
            }
        }
        return figs;
    }
}
