package statescope.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import javafx.application.Platform;

/**
 * {@link TaskRunner} on one daemon worker thread; callbacks go through {@link Platform#runLater}, and
 * progress is posted at most once per pulse-sized interval (so a job calling update() a million times
 * cannot flood the FX queue).
 */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {

    private static final long PROGRESS_NANOS = 30_000_000L;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "statescope-worker");
        t.setDaemon(true);
        return t;
    });

    @Override
    public <T> Job start(Work<T> work, DoubleConsumer onProgress, Consumer<T> onDone, Consumer<Throwable> onError) {
        var cancelled = new AtomicBoolean();
        var done = new AtomicBoolean();
        var lastPost = new AtomicLong();
        Runnable job = () -> {
            try {
                T result = work.run(new Progress() {
                    @Override
                    public void update(double fraction) {
                        long now = System.nanoTime();
                        if (now - lastPost.get() > PROGRESS_NANOS) {
                            lastPost.set(now);
                            Platform.runLater(() -> onProgress.accept(fraction));
                        }
                    }

                    @Override
                    public boolean cancelled() {
                        return cancelled.get();
                    }
                });
                Platform.runLater(() -> {
                    done.set(true);
                    onDone.accept(result);
                });
            } catch (Exception | Error e) {
                Platform.runLater(() -> {
                    done.set(true);
                    onError.accept(e);
                });
            }
        };
        try {
            worker.execute(job);
        } catch (RejectedExecutionException e) {   // the app is closing: a callback asked for more work; none runs
            done.set(true);
        }
        return new Job() {
            @Override
            public void cancel() {
                cancelled.set(true);
            }

            @Override
            public boolean isDone() {
                return done.get();
            }
        };
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
