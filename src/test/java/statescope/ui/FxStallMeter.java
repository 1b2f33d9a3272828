package statescope.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Measures how long the JavaFX application thread is unavailable: a watchdog thread posts a ping
 * through a poster (normally {@code Platform::runLater}) every {@code period} on a fixed schedule,
 * whether or not the earlier pings have run, and each ping records when it ran. A ping's latency (post
 * to run) is how long a user's event posted at that moment would have waited; since pings keep coming
 * during a stall, the latency distribution is time-weighted (a 200 ms stall gives ~200/period pings of
 * 200, 195, ... ms). Independently it records the gaps between consecutive pings that ran (this
 * includes the watchdog's own lateness) and the FX thread's CPU time between them
 * ({@link ThreadMXBean}), so a stall can be told apart from the thread waiting for a core.
 *
 * <p>Use: {@link #start()}, then {@link #now()} marks and {@link #stats(long, long)} over posts between
 * two marks; {@link #close()} stops the watchdog. Optionally it samples the FX thread's stack when a
 * ping has waited longer than a threshold (diagnosis of a stall). Not a unit test: the benchmark's.
 */
final class FxStallMeter implements AutoCloseable {

    /**
     * Figures over one window of pings (times in ms).
     *
     * @param pings        pings posted in the window (and run)
     * @param p50          median post-to-run latency
     * @param p99          99th percentile latency
     * @param p999         99.9th percentile latency
     * @param max          largest latency
     * @param over100      pings that waited more than 100 ms
     * @param maxRunGap    longest time between two consecutive pings running (includes watchdog lateness)
     * @param maxPostGap   longest time between two consecutive posts (the watchdog's own lateness)
     * @param maxCpuBetween most FX-thread CPU time between two consecutive pings
     * @param maxRenderCpuBetween most render-thread CPU time between two consecutive pings (0 when not watched)
     */
    record Stats(int pings, double p50, double p99, double p999, double max, int over100, double maxRunGap,
                 double maxPostGap, double maxCpuBetween, double maxRenderCpuBetween) {

        String line() {
            return String.format(Locale.ROOT, "%d pings, latency p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms,"
                    + " max %.1f ms, %d over 100 ms; longest gap between pings %.1f ms (watchdog's own"
                    + " longest post gap %.1f ms); most CPU between pings: FX thread %.1f ms, renderer %.1f ms",
                    pings, p50, p99, p999, max, over100, maxRunGap, maxPostGap, maxCpuBetween, maxRenderCpuBetween);
        }

        String json() {
            return String.format(Locale.ROOT, "{\"pings\":%d,\"p50_ms\":%.3f,\"p99_ms\":%.3f,\"p999_ms\":%.3f,"
                    + "\"max_ms\":%.2f,\"over_100ms\":%d,\"max_run_gap_ms\":%.2f,\"max_post_gap_ms\":%.2f,"
                    + "\"max_fx_cpu_between_pings_ms\":%.2f,\"max_render_cpu_between_pings_ms\":%.2f}",
                    pings, p50, p99, p999, max, over100, maxRunGap, maxPostGap, maxCpuBetween, maxRenderCpuBetween);
        }
    }

    private final long periodNanos;
    private final Consumer<Runnable> poster;
    private final long[] posted;                                        // [capacity] System.nanoTime at post
    private final long[] ran;                                           // [capacity] at run, 0 before
    private final long[] cpu;                                           // [capacity] FX CPU time at run
    private final long[] renderCpu;                                     // [capacity] render thread's CPU time at run
    private volatile long renderThreadId = -1;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final long stackAfterNanos;
    private final List<String> stacks = new ArrayList<>();
    private volatile int count;                                         // pings posted
    private volatile int lastRun = -1;                                  // index of the last ping that ran
    private volatile boolean stop;
    private volatile Thread fxThread;
    private Thread watchdog;

    /**
     * @param periodMillis   time between pings
     * @param capacity       most pings recorded (posting stops after that)
     * @param poster         hands a ping to the FX thread ({@code Platform::runLater})
     * @param stackAfterMillis sample the FX thread's stack when a ping has waited this long (0: never)
     */
    FxStallMeter(double periodMillis, int capacity, Consumer<Runnable> poster, double stackAfterMillis) {
        this.periodNanos = (long) (periodMillis * 1e6);
        this.poster = poster;
        this.posted = new long[capacity];
        this.ran = new long[capacity];
        this.cpu = new long[capacity];
        this.renderCpu = new long[capacity];
        this.stackAfterNanos = (long) (stackAfterMillis * 1e6);
    }

    /** Starts the watchdog thread. */
    void start() {
        watchdog = new Thread(this::loop, "fx-stall-meter");
        watchdog.setDaemon(true);
        watchdog.setPriority(Thread.MAX_PRIORITY);
        watchdog.start();
    }

    /** Also records the CPU time of the first live thread whose name starts with {@code prefix} (the renderer). */
    void watchThread(String prefix) {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(prefix)) {
                renderThreadId = t.threadId();
                return;
            }
        }
    }

    /** Pings posted so far. */
    int posted() {
        return count;
    }

    /** A mark for {@link #stats}. */
    static long now() {
        return System.nanoTime();
    }

    private void loop() {
        long next = System.nanoTime();
        int sampledFor = -1;
        while (!stop && count < posted.length) {
            long now = System.nanoTime();
            if (now < next) {
                LockSupport.parkNanos(next - now);
                continue;
            }
            int i = count;
            posted[i] = now;
            count = i + 1;                                              // volatile write publishes posted[i]
            poster.accept(() -> {
                if (fxThread == null) {
                    fxThread = Thread.currentThread();
                }
                cpu[i] = threads.getCurrentThreadCpuTime();
                long render = renderThreadId;
                renderCpu[i] = render < 0 ? 0 : Math.max(0, threads.getThreadCpuTime(render));
                ran[i] = System.nanoTime();
                lastRun = i;                                            // volatile write publishes ran[i]
            });
            next += periodNanos;
            if (next < now) {
                next = now + periodNanos;                               // we were late: no burst of catch-up posts
            }
            int waiting = lastRun + 1;
            Thread fx = fxThread;
            if (stackAfterNanos > 0 && fx != null && waiting < i && waiting != sampledFor
                    && now - posted[waiting] > stackAfterNanos) {
                sampledFor = waiting;
                sampleStack(fx, (now - posted[waiting]) / 1e6);
            }
        }
    }

    private void sampleStack(Thread fx, double waitedMs) {
        var sb = new StringBuilder(String.format(Locale.ROOT, "FX thread, a ping waiting %.0f ms:%n", waitedMs));
        StackTraceElement[] st = fx.getStackTrace();
        for (int k = 0; k < Math.min(st.length, 40); k++) {
            sb.append("    at ").append(st[k]).append(System.lineSeparator());
        }
        synchronized (stacks) {
            stacks.add(sb.toString());
        }
    }

    /** The stacks sampled so far (cleared). */
    List<String> takeStacks() {
        synchronized (stacks) {
            var out = List.copyOf(stacks);
            stacks.clear();
            return out;
        }
    }

    /**
     * Figures over the pings posted in {@code [from, to)} (marks from {@link #now()}); waits up to 30 s
     * for those pings to run first.
     */
    Stats stats(long from, long to) throws InterruptedException {
        return stats(new long[][] {{from, to}});
    }

    /** Figures over the pings posted in several windows {@code {from, to}} (gaps only within a window). */
    Stats stats(long[][] windows) throws InterruptedException {
        long[][] parts = new long[4][0];
        Stats merged = null;
        for (long[] w : windows) {
            long[][] one = window(w[0], w[1]);
            Stats s = summarise(one[0], one[1], one[2], one[3]);
            for (int k = 0; k < 4; k++) {
                long[] joined = Arrays.copyOf(parts[k], parts[k].length + one[k].length);
                System.arraycopy(one[k], 0, joined, parts[k].length, one[k].length);
                parts[k] = joined;
            }
            merged = merged == null ? s : new Stats(0, 0, 0, 0, 0, 0, Math.max(merged.maxRunGap(), s.maxRunGap()),
                    Math.max(merged.maxPostGap(), s.maxPostGap()), Math.max(merged.maxCpuBetween(), s.maxCpuBetween()),
                    Math.max(merged.maxRenderCpuBetween(), s.maxRenderCpuBetween()));
        }
        Stats all = summarise(parts[0], parts[1], parts[2], parts[3]);   // latencies over every window
        return merged == null ? all : new Stats(all.pings(), all.p50(), all.p99(), all.p999(), all.max(), all.over100(),
                merged.maxRunGap(), merged.maxPostGap(), merged.maxCpuBetween(), merged.maxRenderCpuBetween());
    }

    /** {posted, ran, cpu, renderCpu} of the pings posted in [from, to), after they have run. */
    private long[][] window(long from, long to) throws InterruptedException {
        int n = count;
        int a = 0;
        while (a < n && posted[a] < from) {
            a++;
        }
        int b = a;
        while (b < n && posted[b] < to) {
            b++;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (lastRun < b - 1) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the FX thread did not run the meter's pings for 30 s");
            }
            Thread.sleep(5);
        }
        return new long[][] {Arrays.copyOfRange(posted, a, b), Arrays.copyOfRange(ran, a, b),
            Arrays.copyOfRange(cpu, a, b), Arrays.copyOfRange(renderCpu, a, b)};
    }

    /**
     * The figures of pings posted at {@code posted[i]} that ran at {@code ran[i]}, with the FX thread's
     * CPU time {@code cpu[i]} and the render thread's {@code renderCpu[i]} then (all in ns).
     */
    static Stats summarise(long[] posted, long[] ran, long[] cpu, long[] renderCpu) {
        int n = posted.length;
        if (n == 0) {
            return new Stats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        long renderGap = 0;
        long[] lat = new long[n];
        int over = 0;
        long runGap = 0;
        long postGap = 0;
        long cpuGap = 0;
        for (int i = 0; i < n; i++) {
            lat[i] = ran[i] - posted[i];
            if (lat[i] > 100_000_000L) {
                over++;
            }
            if (i > 0) {
                runGap = Math.max(runGap, ran[i] - ran[i - 1]);
                postGap = Math.max(postGap, posted[i] - posted[i - 1]);
                cpuGap = Math.max(cpuGap, cpu[i] - cpu[i - 1]);
                renderGap = Math.max(renderGap, renderCpu[i] - renderCpu[i - 1]);
            }
        }
        Arrays.sort(lat);
        return new Stats(n, quantile(lat, 0.5), quantile(lat, 0.99), quantile(lat, 0.999), lat[n - 1] / 1e6, over,
                runGap / 1e6, postGap / 1e6, cpuGap / 1e6, renderGap / 1e6);
    }

    /** The nearest-rank quantile q of sorted values, in ms. */
    static double quantile(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    /**
     * The stalls among pings posted in {@code [from, to)}: one line per run of consecutive pings that
     * waited more than {@code thresholdMs}, with the JVM uptime at its first post (to match GC logs and
     * JFR recordings) and the longest wait.
     */
    List<String> stalls(long from, long to, double thresholdMs) {
        long origin = System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
        var out = new ArrayList<String>();
        int n = Math.min(count, lastRun + 1);
        long limit = (long) (thresholdMs * 1e6);
        for (int i = 0; i < n; i++) {
            if (posted[i] < from || posted[i] >= to || ran[i] - posted[i] <= limit) {
                continue;
            }
            int j = i;
            long worst = 0;
            while (j < n && ran[j] - posted[j] > limit) {
                worst = Math.max(worst, ran[j] - posted[j]);
                j++;
            }
            int before = i > 0 ? i - 1 : i;
            out.add(String.format(Locale.ROOT, "stall at uptime %.3f s: waited up to %.1f ms (%d pings), CPU meanwhile:"
                    + " FX %.1f ms, renderer %.1f ms", (posted[i] - origin) / 1e9, worst / 1e6, j - i,
                    (cpu[j - 1] - cpu[before]) / 1e6, (renderCpu[j - 1] - renderCpu[before]) / 1e6));
            i = j;
        }
        return out;
    }

    /** Stops the watchdog (pings already posted still run). */
    @Override
    public void close() throws InterruptedException {
        stop = true;
        if (watchdog != null) {
            watchdog.join(1000);
        }
    }

    /** Waits until every ping posted so far has run (at most {@code seconds}). */
    void drain(int seconds) throws InterruptedException {
        var latch = new CountDownLatch(1);
        poster.accept(latch::countDown);
        if (!latch.await(seconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the FX thread did not answer for " + seconds + " s");
        }
    }
}
