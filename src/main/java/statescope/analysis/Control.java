package statescope.analysis;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * How a long analysis is steered from outside: a cancel flag (the app's Cancel button), a deadline
 * (the CLI's {@code --time}) and where progress goes (a fraction in [0, 1] with a short message).
 */
public record Control(BooleanSupplier cancelled, Consumer<Progress> progress, long deadlineNanos) {

    /** A progress report: how far the current phase is, and what it is doing. */
    public record Progress(double fraction, String message) {
    }

    /** No cancel, no deadline, progress ignored. */
    public static Control none() {
        return new Control(() -> false, p -> { }, Long.MAX_VALUE);
    }

    /** A control with a time limit of {@code seconds} from now (≤ 0: none). */
    public static Control within(double seconds, BooleanSupplier cancelled, Consumer<Progress> progress) {
        long deadline = seconds <= 0 ? Long.MAX_VALUE : System.nanoTime() + (long) (seconds * 1e9);
        return new Control(cancelled, progress, deadline);
    }

    /** Whether cancel was asked for. */
    public boolean isCancelled() {
        return cancelled.getAsBoolean();
    }

    /** Whether the deadline has passed. */
    public boolean timeIsUp() {
        return deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0;
    }

    /** Cancelled or out of time. */
    public boolean shouldStop() {
        return isCancelled() || timeIsUp();
    }

    void report(double fraction, String message) {
        progress.accept(new Progress(Math.max(0, Math.min(1, fraction)), message));
    }
}
