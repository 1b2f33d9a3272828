package statescope.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the PyTorch CPU peer ({@code torch_peer.py}: the same Mamba block, same shapes) and parses its
 * {@code peer=torch-cpu figure=NAME value=V unit=U ...} lines.
 */
final class TorchPeer {

    /** One figure printed by the peer. */
    record Figure(String name, double value, String unit, Map<String, String> fields) {
    }

    /** The peer's result: its figures, or why there are none. */
    record Result(List<Figure> figures, String unavailable, String command) {
        Figure get(String name) {
            return figures.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
        }
    }

    private TorchPeer() {
    }

    /** The peer script: the given path, else ../shared/bench or /work/shared/bench. */
    static Path locate(Path given) {
        if (given != null) {
            return given;
        }
        for (Path p : List.of(Path.of("../shared/bench/torch_peer.py"), Path.of("/work/shared/bench/torch_peer.py"))) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    static Result run(String python, Path script, int threads, boolean quick, long timeoutSeconds) {
        if (script == null || !Files.isRegularFile(script)) {
            return new Result(List.of(), "peer script not found (pass --peer FILE)", null);
        }
        var cmd = new ArrayList<>(List.of(python, script.toString(), "--threads", Integer.toString(threads)));
        if (quick) {
            cmd.add("--quick");
        }
        String shown = String.join(" ", cmd);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            var collected = new java.io.ByteArrayOutputStream();
            Thread reader = Thread.ofVirtual().start(() -> {
                try (var in = p.getInputStream()) {
                    in.transferTo(collected);
                } catch (IOException ignored) {
                    // the process was killed
                }
            });
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(List.of(), "peer timed out after " + timeoutSeconds + " s", shown);
            }
            reader.join();
            byte[] outBytes = collected.toByteArray();
            String out = new String(outBytes, StandardCharsets.UTF_8);
            List<Figure> figs = parse(out);
            if (p.exitValue() != 0 || figs.isEmpty()) {
                String last = out.strip().lines().reduce((a, b) -> b).orElse("no output");
                return new Result(figs, "peer exited with " + p.exitValue() + ": " + last, shown);
            }
            return new Result(figs, null, shown);
        } catch (IOException e) {
            return new Result(List.of(), "cannot run " + python + ": " + e.getMessage(), shown);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(List.of(), "interrupted", shown);
        }
    }

    static List<Figure> parse(String out) {
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
                figs.add(new Figure(f.get("figure"), Double.parseDouble(f.get("value")), f.get("unit"), f));
            } catch (RuntimeException e) {
                // not a figure line
            }
        }
        return figs;
    }
}
