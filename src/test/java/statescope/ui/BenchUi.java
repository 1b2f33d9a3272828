package statescope.ui;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import javafx.application.Platform;
import statescope.inspect.LanguageEntry;
import statescope.ui.common.TaskRunner;
import statescope.ui.session.BuiltinLanguageLibrary;
import statescope.ui.session.ModelChoice;
import statescope.ui.session.ModelLibrary;
import statescope.ui.session.SessionViewModel;

/**
 * The UI benchmark of issue 5 (not a unit test; run it by hand, see docs/decisions/0004):
 * <ol>
 *   <li>per-keystroke update time, model step + every view model updated, with a 3-layer d_model-64
 *       model after 1,000 tokens (the session and its view models, no toolkit needed);</li>
 *   <li>pasting 100,000 characters into the real window ({@link PasteBench}; headless Monocle, or the
 *       default Glass window with {@code --window}, e.g. under Xvfb): how long the FX thread is
 *       unavailable, measured by an {@link FxStallMeter} against an idle baseline, progress shown,
 *       and a cancelled paste (time from Cancel to the window being free again).</li>
 * </ol>
 * Prints one line per figure, or one JSON object with {@code --json}. {@code --paste-only} skips the
 * keystrokes; {@code --stacks} prints the FX thread's stack whenever a ping has waited 50 ms.
 */
public final class BenchUi {

    private BenchUi() {
    }

    /** Models of the benchmark's shape for every language. */
    static ModelLibrary models() {
        return new ModelLibrary(null, null) {
            @Override
            public List<ModelChoice> choices(LanguageEntry language) {
                return List.of(ModelChoice.random(3, 64, true, 1));
            }
        };
    }

    public static void main(String[] args) throws Exception {
        var a = Arrays.asList(args);
        boolean json = a.contains("--json");
        boolean window = a.contains("--window");
        double stacks = a.contains("--stacks") ? 50 : 0;
        String loadBefore = load();
        String keys = a.contains("--paste-only") ? null : keystrokes(json);
        var r = PasteBench.run(window, stacks);
        report(json, window, keys, loadBefore, r);
        Platform.exit();
        System.exit(0);
    }

    /** The keystroke figures as a line (or a JSON member). */
    private static String keystrokes(boolean json) {
        var rng = new SplittableRandom(1);
        String symbols = "wri01";
        var sb = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            sb.append(symbols.charAt(rng.nextInt(5)));
        }
        var vm = new SessionViewModel(new BuiltinLanguageLibrary(), models(), TaskRunner.immediate(), TaskRunner.immediate());
        vm.start();
        vm.views().input().setInput(sb.toString());
        if (vm.trace().length() != 1000 || vm.trace().model().info().dModel() != 64) {
            throw new IllegalStateException("benchmark set-up failed");
        }
        int warm = 300;
        int n = 1000;
        long[] times = new long[n];
        for (int i = 0; i < warm + n; i++) {
            sb.append(symbols.charAt(rng.nextInt(5)));
            if (i == warm) {                                             // measure from 1,000 tokens on
                sb.setLength(1000);
                vm.views().input().setInput(sb.toString());
                sb.append(symbols.charAt(rng.nextInt(5)));
            }
            long t0 = System.nanoTime();
            vm.views().input().setInput(sb.toString());
            long dt = System.nanoTime() - t0;
            if (i >= warm) {
                times[i - warm] = dt;
            }
        }
        Arrays.sort(times);
        double p50 = times[n / 2] / 1e6;
        double p99 = times[(int) (n * 0.99)] / 1e6;
        double max = times[n - 1] / 1e6;
        String backend = vm.trace().model().info().backend();
        String keys = json ? String.format(Locale.ROOT, "\"keystroke_ms\":{\"p50\":%.3f,\"p99\":%.3f,\"max\":%.3f,"
                + "\"n\":%d,\"tokens_before\":1000,\"layers\":3,\"d_model\":64,\"backend\":\"%s\"},",
                p50, p99, max, n, backend)
                : String.format(Locale.ROOT, "keystroke update (step + all view models), 3 layers d_model 64,"
                + " after 1,000 tokens, %d keys, %s: p50 %.3f ms, p99 %.3f ms, max %.3f ms", n, backend, p50, p99, max);
        return keys;
    }

    /** Prints the paste figures (and the keystroke line when measured). */
    private static void report(boolean json, boolean window, String keys, String loadBefore, PasteBench.Result r) {
        String toolkit = window ? "window (" + System.getProperty("glass.platform", "default Glass") + ", DISPLAY="
                + System.getenv("DISPLAY") + ")" : "headless (Monocle)";
        if (json) {
            var phases = new StringBuilder();
            r.phases().forEach((k, v) -> phases.append(phases.isEmpty() ? "" : ",").append('"').append(k)
                    .append("\":").append(v.json()));
            System.out.printf(Locale.ROOT, "{\"toolkit\":\"%s\",%s\"paste\":{\"chars\":%d,\"seconds\":%.2f,"
                    + "\"cpu_s\":{\"process\":%.2f,\"worker\":%.2f,\"fx\":%.2f,\"renderer\":%.2f},\"paste_call_ms\":%.1f,\"progress_updates\":%d,\"cancel_to_free_ms\":%.1f,"
                    + "\"tokens_when_cancelled\":%d,\"through_clipboard\":%b},\"fx_stall_meter\":{\"period_ms\":5,%s},"
                    + "\"load_before\":\"%s\",\"load_after\":\"%s\"}%n",
                    window ? "window" : "headless", keys == null ? "" : keys, PasteBench.CHARS, r.seconds(),
                    r.cpuSeconds()[0], r.cpuSeconds()[1], r.cpuSeconds()[2], r.cpuSeconds()[3], r.pasteCallMs(), r.progressShown(), r.cancelToFreeMs(), r.tokensKept(), r.clipboard(), phases,
                    loadBefore, load());
        } else {
            if (keys != null) {
                System.out.println(keys);
            }
            System.out.printf(Locale.ROOT, "%s: paste 100,000 characters%s: read in %.2f s in the background,"
                    + " paste action %.1f ms on the FX thread, %d progress updates shown%n", toolkit,
                    r.clipboard() ? " (system clipboard, the field's paste action)" : " (fed to the field's long-paste path)",
                    r.seconds(), r.pasteCallMs(), r.progressShown());
            System.out.printf(Locale.ROOT, "CPU during the paste: process %.1f s (trace worker %.1f s, FX thread %.2f s,"
                    + " renderer %.2f s, the rest: GC, JIT, other threads)%n", r.cpuSeconds()[0], r.cpuSeconds()[1],
                    r.cpuSeconds()[2], r.cpuSeconds()[3]);
            System.out.printf(Locale.ROOT, "cancelled paste: window free %.1f ms after Cancel, %d tokens kept%n",
                    r.cancelToFreeMs(), r.tokensKept());
            System.out.println("FX-thread stall meter (a runLater ping every 5 ms; latency = post to run):");
            var names = Map.of("idle", "idle 10 s (the meter's floor)", "paste", "paste until read and shown",
                    "views", "every view at 100k tokens", "cancel", "paste + Cancel", "all", "all of the above but idle");
            r.phases().forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-32s %s%n", names.getOrDefault(k, k), v.line()));
            System.out.printf("load average before %s, after %s%n", loadBefore, load());
        }
        for (String st : r.stacks()) {
            System.err.print(st);
        }
    }

    /** The 1, 5 and 15 minute load averages (as uptime prints them). */
    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory
                    .getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

}
