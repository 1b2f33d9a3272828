package statescope.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import statescope.experiment.CellLock;
import statescope.experiment.SweepCell;
import statescope.experiment.SweepFolder;
import statescope.experiment.TrainingRun;

/**
 * The local executor: the cells on this machine, {@code parallel} at a time, each under its lock
 * ({@link CellLock}: a cell another sweep is training is skipped) and each the run its {@code train}
 * command makes ({@link CellCommand}). A stop request (Ctrl-C) makes every running cell save its state;
 * cells not started stay untouched, finished ones are only files and stay as they are.
 */
final class LocalSweep {

    /** How a cell ended in this run. */
    enum End { TRAINED, INTERRUPTED, NOT_STARTED, DONE_MEANWHILE, HELD, FAILED }

    /** One cell's end, with its outcome when it trained. */
    record Result(SweepCell cell, End end, String detail, TrainingRun.Outcome outcome) {
    }

    private LocalSweep() {
    }

    /** Trains the cells and returns how each ended, in the cells' order. */
    static List<Result> run(SweepFolder folder, List<CellStates.Status> todo, int parallel, SweepProgress progress,
                            BooleanSupplier stop) throws InterruptedException {
        var n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(parallel,
                r -> new Thread(r, "statescope-sweep-" + n.incrementAndGet()));
        var futures = new ArrayList<Future<Result>>();
        try {
            for (int i = 0; i < todo.size(); i++) {
                CellStates.Status s = todo.get(i);
                int index = i + 1;
                futures.add(pool.submit(() -> cell(folder, s, index, progress, stop)));
            }
            var out = new ArrayList<Result>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    out.add(new Result(todo.get(i).cell(), End.FAILED, String.valueOf(e.getCause()), null));
                }
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    private static Result cell(SweepFolder folder, CellStates.Status status, int index, SweepProgress progress,
                               BooleanSupplier stop) {
        SweepCell cell = status.cell();
        if (stop.getAsBoolean()) {
            return new Result(cell, End.NOT_STARTED, "stopped before it started", null);
        }
        Path file = cell.file(folder.dir());
        try {
            Optional<CellLock> lock = CellLock.tryAcquire(file);
            if (lock.isEmpty()) {
                String who = CellLock.holder(file).orElse("another process");
                progress.ended(cell, index, "skipped: " + who + " is training it");
                return new Result(cell, End.HELD, who, null);
            }
            try (CellLock held = lock.get()) {
                // read again under the lock: another sweep may have finished it since the plan was read
                ReproduceCommand.Status files = ReproduceCommand.stateOf(cell.spec(), file);
                if (files.state() == ReproduceCommand.State.FINISHED) {
                    progress.ended(cell, index, "done (by another sweep meanwhile)");
                    return new Result(cell, End.DONE_MEANWHILE, "", null);
                }
                boolean resume = files.state() != ReproduceCommand.State.RECIPE_CHANGED;
                List<String> args = CellCommand.args(cell, folder.dir(), resume, false);
                TrainingRun.Spec spec = CellCommand.parse(args);
                if (!spec.equals(cell.spec())) {
                    throw new IllegalStateException("cell " + cell.name() + ": its train command makes another run ("
                            + spec + ") than the plan's (" + cell.spec() + ")");
                }
                TrainingRun.Outcome o = TrainingRun.run(spec, TrainCommandLine.of(spec), file, resume,
                        progress.cell(cell, index), stop);
                if (o.interrupted()) {
                    progress.ended(cell, index, "interrupted at step " + o.steps() + ", state saved");
                    return new Result(cell, End.INTERRUPTED, "", o);
                }
                var sb = new StringBuilder();
                o.accuracy().forEach((k, v) -> sb.append(String.format(Locale.ROOT, " %s %.2f%%", k, v)));
                progress.ended(cell, index, String.format(Locale.ROOT, "done: %d steps in %s;%s", o.steps(),
                        ConsoleProgress.duration((long) o.seconds()), sb));
                return new Result(cell, End.TRAINED, "", o);
            }
        } catch (Exception e) {
            progress.ended(cell, index, "failed: " + e.getMessage());
            return new Result(cell, End.FAILED, e.getMessage(), null);
        }
    }
}
