package statescope.ui;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import statescope.study.BuiltinLanguages;
import statescope.study.EngineModel;
import statescope.ssm.GateRange;
import statescope.ui.common.FxTaskRunner;
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
 *   <li>pasting 100,000 characters into the real window (headless Monocle, FX task runners): the
 *       longest gap between two FX pulses while it runs (a pulse-timer watchdog), and a cancelled
 *       paste (time from Cancel to the window being free again).</li>
 * </ol>
 * Prints one line per figure, or JSON with {@code --json}.
 */
public final class BenchUi {

    private BenchUi() {
    }

    /** Models of the benchmark's shape for every language. */
    static ModelLibrary models() {
        return new ModelLibrary(null, null) {
            @Override
            public java.util.List<ModelChoice> choices(statescope.study.LanguageEntry language) {
                return java.util.List.of(ModelChoice.random(3, 64, true, 1));
            }
        };
    }

    public static void main(String[] args) throws Exception {
        boolean json = Arrays.asList(args).contains("--json");
        var lang = BuiltinLanguages.flipFlop();
        var rng = new SplittableRandom(1);
        String symbols = "wri01";
        var sb = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            sb.append(symbols.charAt(rng.nextInt(5)));
        }
        // 1. keystrokes
        var vm = new SessionViewModel(new BuiltinLanguageLibrary(), models(), TaskRunner.immediate(), TaskRunner.immediate());
        vm.start();
        vm.setInput(sb.toString());
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
                vm.setInput(sb.toString());
                sb.append(symbols.charAt(rng.nextInt(5)));
            }
            long t0 = System.nanoTime();
            vm.setInput(sb.toString());
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
        // 2. paste 100,000 characters into the window
        double[] paste = pasteBenchmark();
        if (json) {
            System.out.printf(Locale.ROOT, "{\"keystroke_ms\":{\"p50\":%.3f,\"p99\":%.3f,\"max\":%.3f,\"n\":%d,"
                    + "\"tokens_before\":1000,\"layers\":3,\"d_model\":64,\"backend\":\"%s\"},"
                    + "\"paste\":{\"chars\":100000,\"seconds\":%.2f,\"max_fx_gap_ms\":%.1f,"
                    + "\"cancel_to_free_ms\":%.1f,\"tokens_when_cancelled\":%.0f,\"idle_max_fx_gap_ms\":%.1f,"
                    + "\"max_fx_cpu_between_pulses_ms\":%.1f,\"idle_max_fx_cpu_between_pulses_ms\":%.1f},"
                    + "\"load_average\":%.2f}%n",
                    p50, p99, max, n, backend, paste[0], paste[1], paste[2], paste[3], paste[4], paste[5], paste[6],
                    load());
        } else {
            System.out.printf(Locale.ROOT, "keystroke update (step + all view models), 3 layers d_model 64, after 1,000 tokens,"
                    + " %d keys, %s: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n", n, backend, p50, p99, max);
            System.out.printf(Locale.ROOT, "paste 100,000 characters: %.2f s in the background, longest FX-thread gap %.1f ms,"
                    + " most FX-thread CPU time between two pulses %.1f ms%n", paste[0], paste[1], paste[5]);
            System.out.printf(Locale.ROOT, "cancelled paste: window free %.1f ms after Cancel, %.0f tokens read%n",
                    paste[2], paste[3]);
            System.out.printf(Locale.ROOT, "idle baseline (10 s, no work, same machine load): longest FX-thread gap %.1f ms,"
                    + " most FX CPU between pulses %.1f ms; load average %.2f%n", paste[4], paste[6], load());
        }
        Platform.exit();
        System.exit(0);
    }

    /** Returns {seconds, longest FX gap in ms, cancel-to-free ms, tokens read before the cancel}. */
    private static double[] pasteBenchmark() throws Exception {
        System.setProperty("glass.platform", System.getProperty("glass.platform", "Monocle"));
        System.setProperty("monocle.platform", System.getProperty("monocle.platform", "Headless"));
        System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
        var started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        var holder = new SessionViewModel[1];
        var field = new TextField[1];
        var ready = new CountDownLatch(1);
        Platform.runLater(() -> {
            StateScopeApp.applyTheme();
            var vm = new SessionViewModel(new BuiltinLanguageLibrary(), models(), new FxTaskRunner(), new FxTaskRunner());
            var root = StateScopeApp.buildRoot(vm);
            var stage = new Stage();
            var scene = new Scene(root, 1260, 780);
            scene.getStylesheets().add(StateScopeApp.STYLESHEET);
            stage.setScene(scene);
            stage.show();
            vm.start();
            holder[0] = vm;
            field[0] = (TextField) root.lookup("#input-field");
            ready.countDown();
        });
        ready.await();
        var vm = holder[0];
        waitUntil(() -> !vm.trajectory().cloudsProperty().get().isEmpty() && !vm.busyProperty().get(), 120);
        var big = new StringBuilder();
        var rng = new SplittableRandom(2);
        for (int i = 0; i < 100_000; i++) {
            big.append("wri01".charAt(rng.nextInt(5)));
        }
        var maxGap = new AtomicLong();
        var last = new AtomicLong();
        var maxCpu = new AtomicLong();
        var lastCpu = new AtomicLong();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        var timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long cpu = threads.getCurrentThreadCpuTime();      // FX thread CPU time between pulses
                long prevCpu = lastCpu.getAndSet(cpu);
                if (prevCpu != 0) {
                    maxCpu.accumulateAndGet(cpu - prevCpu, Math::max);
                }
                long prev = last.getAndSet(now);
                if (prev != 0) {
                    maxGap.accumulateAndGet(now - prev, Math::max);
                    if (now - prev > 100_000_000L && System.getProperty("bench.verbose") != null) {
                        System.err.printf("gap %.0f ms, busy %s, t=%d%n", (now - prev) / 1e6,
                                holder[0].busyProperty().get(), holder[0].lengthProperty().get());
                    }
                }
            }
        };
        Platform.runLater(timer::start);
        Thread.sleep(10_000);                                           // idle baseline: same load, no work
        double idleGapMs = maxGap.get() / 1e6;
        double idleCpuMs = maxCpu.get() / 1e6;
        maxGap.set(0);
        maxCpu.set(0);
        long t0 = System.nanoTime();
        var setTextNanos = new AtomicLong();
        Platform.runLater(() -> {
            long s0 = System.nanoTime();
            vm.setInput(big.toString());                          // what a long paste into the field does
            setTextNanos.set(System.nanoTime() - s0);
        });
        waitUntil(() -> vm.busyProperty().get(), 10);
        Thread.sleep(1000);
        System.err.printf("paste call on the FX thread: %.1f ms%n", setTextNanos.get() / 1e6);
        waitUntil(() -> !vm.busyProperty().get(), 300);
        Thread.sleep(300);                                              // the repaint after the paste
        double seconds = (System.nanoTime() - t0) / 1e9;
        // cancelled paste: another 100,000 different characters, Cancel after 0.5 s
        Platform.runLater(() -> vm.setInput(big.reverse().toString()));
        waitUntil(() -> vm.busyProperty().get(), 10);
        Thread.sleep(500);
        long c0 = System.nanoTime();
        Platform.runLater(vm::cancel);
        waitUntil(() -> !vm.busyProperty().get(), 30);
        double cancelMs = (System.nanoTime() - c0) / 1e6;
        Thread.sleep(300);
        Platform.runLater(timer::stop);
        double tokens = vm.lengthProperty().get();
        return new double[] {seconds, maxGap.get() / 1e6, cancelMs, tokens, idleGapMs, maxCpu.get() / 1e6, idleCpuMs};
    }

    private static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void waitUntil(java.util.function.BooleanSupplier cond, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out waiting");
            }
            Thread.sleep(5);
        }
    }
}
