package statescope.train;

import java.util.function.LongSupplier;

/**
 * When a run should save its resume state: every {@code everySteps} steps, and also once
 * {@code everyNanos} have passed since the last save, so that a kill loses at most that much work
 * however slow the steps are. Reading the clock costs one {@link System#nanoTime} call per step.
 */
public final class SaveClock {

    /** The default time between resume saves: 30 seconds. */
    public static final long DEFAULT_NANOS = 30_000_000_000L;

    private final long everyNanos;
    private final LongSupplier clock;
    private long last;

    /** A clock on {@link System#nanoTime} that is due every {@code everyNanos} (≤ 0: never by time). */
    public SaveClock(long everyNanos) {
        this(everyNanos, System::nanoTime);
    }

    /** A clock on the given time source (tests pass a fake one). */
    public SaveClock(long everyNanos, LongSupplier clock) {
        this.everyNanos = everyNanos;
        this.clock = clock;
        this.last = clock.getAsLong();
    }

    /** Whether a save is due at {@code step}: a multiple of {@code everySteps} (≥ 1), or time is up. */
    public boolean due(long step, int everySteps) {
        return (everySteps > 0 && step % everySteps == 0) || (everyNanos > 0 && clock.getAsLong() - last >= everyNanos);
    }

    /** Records that a save happened now. */
    public void saved() {
        last = clock.getAsLong();
    }
}
