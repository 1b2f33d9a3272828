package statescope;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-input budget of the fuzz targets (issue 18: a slow or greedy input is a finding): the body
 * must return within {@code maxMillis} and allocate at most {@code maxBytes} on its thread, else an
 * {@link AssertionError} names what was exceeded. The clock is generous (a loaded machine and a cold JIT
 * slow the first inputs); the allocation count does not depend on the machine. The first input of each
 * target in a JVM is not measured: it pays for loading and instrumenting the classes it reaches.
 */
public final class FuzzBudget {

    /** The default budget: 10 s and 512 MiB per input. */
    public static final long MILLIS = 10_000;
    public static final long BYTES = 512L << 20;

    private FuzzBudget() {
    }

    /** A fuzz body that may throw anything. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    /** Runs {@code body} under the default budget. */
    public static void run(Body body) throws Exception {
        run(MILLIS, BYTES, body);
    }

    private static final Set<String> WARM = ConcurrentHashMap.newKeySet();

    /** Runs {@code body} and checks its time and allocation afterwards (also when it throws). */
    public static void run(long maxMillis, long maxBytes, Body body) throws Exception {
        String target = StackWalker.getInstance().walk(frames -> frames
                .filter(f -> !f.getClassName().equals(FuzzBudget.class.getName()))
                .findFirst().map(f -> f.getClassName() + "#" + f.getMethodName()).orElse("?"));
        if (WARM.add(target)) {
            body.run();
            return;
        }
        var bean = ManagementFactory.getThreadMXBean() instanceof ThreadMXBean b
                && b.isThreadAllocatedMemorySupported() && b.isThreadAllocatedMemoryEnabled() ? b : null;
        long bytes0 = bean == null ? 0 : bean.getCurrentThreadAllocatedBytes();
        long t0 = System.nanoTime();
        try {
            body.run();
        } finally {
            long millis = (System.nanoTime() - t0) / 1_000_000;
            long bytes = bean == null ? 0 : bean.getCurrentThreadAllocatedBytes() - bytes0;
            if (millis > maxMillis) {
                throw new AssertionError("slow input: " + millis + " ms, more than the budget of " + maxMillis + " ms");
            }
            if (bytes > maxBytes) {
                throw new AssertionError("greedy input: " + bytes + " bytes allocated, more than the budget of "
                        + maxBytes);
            }
        }
    }
}
