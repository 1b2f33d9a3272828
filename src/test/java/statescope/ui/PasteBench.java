package statescope.ui;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Stage;
import statescope.ui.common.FxTaskRunner;
import statescope.ui.main.MainWindow;
import statescope.ui.session.BuiltinLanguageLibrary;
import statescope.ui.session.SessionViewModel;
import statescope.ui.session.WindowModels;

/**
 * The 100,000-character paste of issue 5 in the real window, watched by an {@link FxStallMeter}
 * (pings every 5 ms): an idle baseline, the paste through the input field's paste action (the system
 * clipboard) until the trace is read and every view shows it, every view at 100,000 tokens (each tab
 * shown and stepped back 20 times, 3D, the automaton expanded, a jump), and a second paste cancelled
 * with the Cancel button after 0.5 s. Runs on whatever Glass platform the
 * JVM was started with (Monocle headless unless {@code window} is set).
 */
final class PasteBench {

    /** Chars pasted. */
    static final int CHARS = 100_000;

    /**
     * What the run measured.
     *
     * @param phases         stall figures per phase (idle, paste, views, cancel, all but idle)
     * @param seconds        paste: from the paste action to the trace read and the window free again
     * @param pasteCallMs    FX time of the paste action itself
     * @param progressShown  progress updates the status bar received during the paste
     * @param cancelToFreeMs Cancel pressed until the window is free again
     * @param tokensKept     tokens in the trace after the cancel (a consistent prefix)
     * @param clipboard      whether the system clipboard carried the text (else the field's paste path was fed directly)
     * @param stacks         FX stacks sampled during stalls (only with a stack threshold)
     * @param cpuSeconds     CPU time during the paste: {whole process, worker, FX thread, renderer}
     */
    record Result(Map<String, FxStallMeter.Stats> phases, double seconds, double[] cpuSeconds, double pasteCallMs,
                  int progressShown,
                  double cancelToFreeMs, int tokensKept, boolean clipboard, List<String> stacks) {
    }

    private PasteBench() {
    }

    static Result run(boolean window, double stackAfterMs) throws Exception {
        if (!window) {
            System.setProperty("glass.platform", System.getProperty("glass.platform", "Monocle"));
            System.setProperty("monocle.platform", System.getProperty("monocle.platform", "Headless"));
            System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
        }
        var started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        var vmRef = new AtomicReference<SessionViewModel>();
        var winRef = new AtomicReference<MainWindow>();
        fx(() -> {
            StateScopeApp.applyTheme();
            var vm = new SessionViewModel(new BuiltinLanguageLibrary(), BenchUi.models(), new FxTaskRunner(),
                    new FxTaskRunner());
            var root = StateScopeApp.buildRoot(vm);
            var stage = new Stage();
            var scene = new Scene(root, 1260, 780);
            scene.getStylesheets().add(StateScopeApp.STYLESHEET);
            stage.setScene(scene);
            stage.show();
            vm.start();
            root.attachTabsLater(MainWindow.TABS_LATER);                 // as StateScopeApp does
            vmRef.set(vm);
            winRef.set(root);
        });
        var vm = vmRef.get().views();
        var win = winRef.get();
        var field = (TextField) win.lookup("#input-field");
        var cancel = (Button) win.lookup("#cancel");
        waitUntil(() -> fxGet(() -> !vm.trajectory().cloudsProperty().get().isEmpty()
                && !vm.status().busyProperty().get()), 180);
        String big = text(2);
        String other = text(3);
        var progress = new ArrayList<Double>();
        fx(() -> vm.status().progressProperty().addListener((o, a, b) -> {
            if (vm.status().busyProperty().get() && b.doubleValue() > 0 && b.doubleValue() < 1) {
                progress.add(b.doubleValue());
            }
        }));
        var phases = new LinkedHashMap<String, FxStallMeter.Stats>();
        try (var meter = new FxStallMeter(5, 200_000, Platform::runLater, stackAfterMs)) {
            meter.watchThread("QuantumRenderer");
            meter.start();
            Thread.sleep(2000);                                          // warm-up of the meter itself
            long i0 = FxStallMeter.now();
            Thread.sleep(10_000);                                        // idle baseline: same load, no work
            phases.put("idle", meter.stats(i0, FxStallMeter.now()));
            meter.takeStacks();
            // 1. the paste, until the trace is read and the views show it
            boolean clip = fxGet(() -> putOnClipboard(big));
            long[] cpu0 = cpu();
            var sample0 = new ProcSample().read();
            long p0 = FxStallMeter.now();
            var callNanos = new AtomicLong();
            fx(() -> {
                field.requestFocus();
                field.selectAll();
                long s0 = System.nanoTime();
                paste(field, vm, big, clip);
                callNanos.set(System.nanoTime() - s0);
            });
            waitUntil(() -> fxGet(() -> !vm.status().busyProperty().get()
                    && vm.stepper().lengthProperty().get() == CHARS), 600);
            double seconds = (System.nanoTime() - p0) / 1e9;
            if (stackAfterMs > 0) {
                System.err.printf("paste: uptime %.2f s, read by %.2f s%n", uptimeAt(p0), uptimeAt(System.nanoTime()));
            }
            long[] cpu1 = cpu();
            var sample1 = new ProcSample().read();
            printGroups(sample1.since(sample0));
            printMemory(sample0, sample1);
            double[] cpuSeconds = new double[cpu0.length];
            for (int i = 0; i < cpu0.length; i++) {
                cpuSeconds[i] = (cpu1[i] - cpu0[i]) / 1e9;
            }
            Thread.sleep(1500);                                          // the repaints after the paste
            long p1 = FxStallMeter.now();
            phases.put("paste", meter.stats(p0, p1));
            // 2. every view at 100,000 tokens: each tab shown, then 20 steps back (one every 60 ms)
            String[] tabs = {"trajectory", "state heatmap", "gates", "channels"};
            long[][] switches = new long[tabs.length][];
            for (int tab = 0; tab < tabs.length; tab++) {
                int k = tab;
                long w0 = FxStallMeter.now();
                fx(() -> win.tabs().getSelectionModel().select(k));
                Thread.sleep(600);
                switches[k] = new long[] {w0, FxStallMeter.now()};
                long s0 = FxStallMeter.now();
                for (int step = 0; step < 20; step++) {
                    fx(vm.stepper()::back);
                    Thread.sleep(60);
                }
                Thread.sleep(300);
                phases.put("steps, " + tabs[k] + " tab", meter.stats(s0, FxStallMeter.now()));
                if (stackAfterMs > 0) {
                    System.err.printf("steps on the %s tab: uptime %.1f to %.1f s%n", tabs[k],
                            uptimeAt(s0), uptimeAt(FxStallMeter.now()));
                }
            }
            phases.put("tab switches", meter.stats(switches));
            long e0 = FxStallMeter.now();
            fx(() -> {
                win.tabs().getSelectionModel().select(0);
                vm.trajectory().threeDProperty().set(true);
            });
            Thread.sleep(800);
            fx(() -> vm.trajectory().threeDProperty().set(false));
            Thread.sleep(800);
            phases.put("3D on, off", meter.stats(e0, FxStallMeter.now()));
            long x0 = FxStallMeter.now();
            fx(() -> win.automatonView().expandedProperty().set(true));
            Thread.sleep(800);
            fx(() -> win.automatonView().expandedProperty().set(false));
            Thread.sleep(800);
            phases.put("automaton expanded, back", meter.stats(x0, FxStallMeter.now()));
            long j0 = FxStallMeter.now();
            fx(() -> vm.stepper().jumpTo(CHARS / 2));
            Thread.sleep(800);
            fx(vm.stepper()::last);
            Thread.sleep(800);
            phases.put("jump to the middle, to the end", meter.stats(j0, FxStallMeter.now()));
            long v1 = FxStallMeter.now();
            phases.put("views", meter.stats(p1, v1));
            // 3. a second paste, cancelled after 0.5 s
            boolean clip2 = fxGet(() -> putOnClipboard(other));
            long c0 = FxStallMeter.now();
            fx(() -> {
                field.selectAll();
                paste(field, vm, other, clip2);
            });
            waitUntil(() -> fxGet(() -> vm.status().busyProperty().get()), 10);
            Thread.sleep(500);
            long k0 = System.nanoTime();
            fx(cancel::fire);
            waitUntil(() -> fxGet(() -> !vm.status().busyProperty().get()), 60);
            double cancelMs = (System.nanoTime() - k0) / 1e6;
            Thread.sleep(1500);
            long c1 = FxStallMeter.now();
            phases.put("cancel", meter.stats(c0, c1));
            phases.put("all", meter.stats(p0, c1));          // paste, views, cancel
            int kept = fxGet(() -> vm.stepper().lengthProperty().get());
            if (stackAfterMs > 0) {
                meter.stalls(p0, c1, 100).forEach(System.err::println);
            }
            return new Result(phases, seconds, cpuSeconds, callNanos.get() / 1e6, progress.size(), cancelMs, kept, clip && clip2,
                    meter.takeStacks());
        }
    }

    /** CPU time so far (ns): {whole process, the trace worker, the FX thread, the renderer}. */
    private static long[] cpu() {
        var threads = ManagementFactory.getThreadMXBean();
        long process = ((OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
        long[] out = {process, 0, 0, 0};
        String[] names = {"statescope-worker", "JavaFX Application Thread", "QuantumRenderer"};
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            for (int k = 0; k < names.length; k++) {
                boolean fx = k == 1 && (t.getName().equals("Event Thread") || t.getName().equals(names[1]));
                if (fx || k != 1 && t.getName().startsWith(names[k])) {
                    out[k + 1] += Math.max(0, threads.getThreadCpuTime(t.threadId()));
                }
            }
        }
        return out;
    }

    /**
     * CPU ticks (10 ms) of this process's threads from {@code /proc/self/task}, per thread id, and of the
     * whole process from {@code /proc/self/stat}, read together with its minor page faults and the committed
     * heap (Linux; only the heap elsewhere). Grouped by name with
     * the numbers dropped, so that "GC Thread#0" and "#1" add up; the JVM's own threads (GC, JIT) included,
     * which ThreadMXBean does not see. A thread that ends between two readings
     * (the scan-ahead thread of each long read) is no longer in the second; what it used is the process's
     * ticks less those of the threads still there, shown as one group.
     */
    private static final class ProcSample {
        /** The group of the CPU of threads that ended between two readings. */
        static final String ENDED = "threads that ended (scan-ahead)";

        private final Map<String, String> names = new TreeMap<>();
        private final Map<String, Long> ticks = new TreeMap<>();
        private long process;
        private long minorFaults = -1;                                 // of the process; -1 without /proc
        private final long heapCommitted = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();

        ProcSample read() {
            var tasks = Path.of("/proc/self/task");
            try (var dirs = Files.list(tasks)) {
                String[] stat = fields(Files.readString(Path.of("/proc/self/stat")));
                process = ticksOf(stat);
                minorFaults = Long.parseLong(stat[7]);
                for (var d : dirs.toList()) {
                    try {
                        String tid = d.getFileName().toString();
                        names.put(tid, Files.readString(d.resolve("comm")).strip().replaceAll("[#0-9]+$", ""));
                        ticks.put(tid, ticksOf(fields(Files.readString(d.resolve("stat")))));
                    } catch (IOException | RuntimeException e) {
                        // the thread ended meanwhile
                    }
                }
            } catch (IOException | RuntimeException e) {
                // no /proc: nothing to show
            }
            return this;
        }

        /** The fields of a {@code stat} line after the name: [7] minor faults, [11] utime, [12] stime. */
        private static String[] fields(String stat) {
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        }

        /** utime + stime of a {@code stat} line's {@link #fields}. */
        private static long ticksOf(String[] f) {
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        }

        /** Ticks per thread name (pools summed) used since {@code before}, and those of threads that ended. */
        Map<String, Long> since(ProcSample before) {
            var out = new TreeMap<String, Long>();
            long live = 0;
            for (var e : ticks.entrySet()) {
                long used = e.getValue() - before.ticks.getOrDefault(e.getKey(), 0L);
                out.merge(names.get(e.getKey()), used, Long::sum);
                live += used;
            }
            out.put(ENDED, Math.max(0, process - before.process - live));
            return out;
        }
    }

    /**
     * Prints the CPU of each group of threads during the paste, largest first (ticks of 10 ms), on standard
     * error, so that {@code --json} output stays one object per run.
     */
    private static void printGroups(Map<String, Long> used) {
        var line = new StringBuilder();
        used.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> line.append(String.format(Locale.ROOT, "%s%s %.2f s", line.isEmpty() ? "" : ", ",
                        e.getKey(), e.getValue() / 100.0)));
        if (!line.isEmpty()) {
            System.err.println("CPU during the paste by thread (/proc, 10 ms ticks): " + line);
        }
    }

    /**
     * Prints the heap the JVM had committed before and after the paste and the process's minor page faults
     * during it, on standard error: a paste whose arrays land on pages the kernel must first zero (a heap the
     * collector gave back, docs/performance.md "Twelfth pass") shows here as a growing heap; the fault count
     * says less, since with transparent huge pages one fault zeroes 2 MB.
     */
    private static void printMemory(ProcSample before, ProcSample after) {
        if (before.minorFaults >= 0 && after.minorFaults >= 0) {
            System.err.printf(Locale.ROOT, "memory during the paste: heap committed %d MB, then %d MB; %d minor page faults%n",
                    before.heapCommitted >> 20, after.heapCommitted >> 20, after.minorFaults - before.minorFaults);
        }
    }

    private static double uptimeAt(long nanos) {
        long origin = System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
        return (nanos - origin) / 1e9;
    }

    /** 100,000 random flip-flop symbols. */
    private static String text(long seed) {
        var sb = new StringBuilder(CHARS);
        var rng = new SplittableRandom(seed);
        for (int i = 0; i < CHARS; i++) {
            sb.append("wri01".charAt(rng.nextInt(5)));
        }
        return sb.toString();
    }

    private static boolean putOnClipboard(String s) {
        var content = new ClipboardContent();
        content.putString(s);
        Clipboard.getSystemClipboard().setContent(content);
        return s.equals(Clipboard.getSystemClipboard().getString());
    }

    /** What Ctrl+V does: the field's paste action (through the clipboard when it carries the text). */
    private static void paste(TextField field, WindowModels vm, String s, boolean clip) {
        if (clip) {
            field.paste();
        } else {
            vm.input().setInput(s);                                      // what the field hands over for a long paste
        }
    }

    static void fx(Runnable r) throws InterruptedException {
        var done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        if (!done.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("FX thread did not answer");
        }
    }

    static <T> T fxGet(Supplier<T> s) throws InterruptedException {
        var ref = new AtomicReference<T>();
        fx(() -> ref.set(s.get()));
        return ref.get();
    }

    /** A condition that may ask the FX thread. */
    interface Cond {
        boolean get() throws InterruptedException;
    }

    static void waitUntil(Cond cond, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!cond.get()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out waiting");
            }
            Thread.sleep(20);
        }
    }
}
