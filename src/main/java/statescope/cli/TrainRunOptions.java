package statescope.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Option;

/**
 * What {@code train} and {@code reproduce} share: the options {@code --seed}, {@code --quiet} and
 * {@code --json} (mix in with {@code @Mixin TrainRunOptions run;}), the progress line, and saving on
 * Ctrl-C ({@link SaveOnExit}).
 */
public final class TrainRunOptions {

    @Option(names = "--seed", paramLabel = "SEED",
            description = "Seed of the data, and of the initialisation unless train's --init-seed is given (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--quiet", description = "No progress line.")
    boolean quiet;

    @Option(names = "--json", description = "Print the outcome as JSON.")
    boolean json;

    /** The progress listener of a run, drawing on {@code err} unless {@code --quiet}. */
    ConsoleProgress progress(PrintWriter err, String prefix) {
        return new ConsoleProgress(err, quiet, prefix);
    }

    /**
     * Ctrl-C (or SIGTERM) while training: a shutdown hook sets {@link #requested()}, which the run polls
     * every step, and then holds the JVM's exit (up to two minutes) until {@link #close()} says the run
     * has saved its state. Use in try-with-resources around the training.
     */
    static final class SaveOnExit implements AutoCloseable {

        private final AtomicBoolean stop = new AtomicBoolean();
        private final CountDownLatch finished = new CountDownLatch(1);
        private final Thread hook;

        SaveOnExit(String threadName) {
            hook = new Thread(() -> {
                stop.set(true);
                try {
                    finished.await(120, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, threadName);
            Runtime.getRuntime().addShutdownHook(hook);
        }

        /** Whether the user asked to stop. */
        boolean requested() {
            return stop.get();
        }

        @Override
        public void close() {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is running and has been released
            }
        }
    }
}
