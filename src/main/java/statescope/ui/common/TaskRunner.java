package statescope.ui.common;

import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

/**
 * Runs long work off the JavaFX thread and hands results back on it (JabRef's TaskExecutor idea).
 * The FX implementation uses one background thread; tests use {@link #immediate()}, which runs
 * everything on the calling thread so ViewModels can be tested without the toolkit.
 */
public interface TaskRunner {

    /**
     * Starts {@code work}. {@code onProgress}, {@code onDone} and {@code onError} are called on the UI
     * thread; a cancelled job reports a {@link java.util.concurrent.CancellationException} to
     * {@code onError}.
     */
    <T> Job start(Work<T> work, DoubleConsumer onProgress, Consumer<T> onDone, Consumer<Throwable> onError);

    /** A runner that does the work at once on the calling thread. */
    static TaskRunner immediate() {
        return new TaskRunner() {
            @Override
            public <T> Job start(Work<T> work, DoubleConsumer onProgress, Consumer<T> onDone,
                                 Consumer<Throwable> onError) {
                boolean[] cancelled = {false};
                Job job = new Job() {
                    @Override
                    public void cancel() {
                        cancelled[0] = true;
                    }

                    @Override
                    public boolean isDone() {
                        return true;
                    }
                };
                try {
                    T result = work.run(new Progress() {
                        @Override
                        public void update(double fraction) {
                            onProgress.accept(fraction);
                        }

                        @Override
                        public boolean cancelled() {
                            return cancelled[0];
                        }
                    });
                    onDone.accept(result);
                } catch (Exception | Error e) {
                    onError.accept(e);
                }
                return job;
            }
        };
    }
}
