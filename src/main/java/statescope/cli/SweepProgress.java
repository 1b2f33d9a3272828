package statescope.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import statescope.experiment.SweepCell;
import statescope.experiment.TrainingRun;
import statescope.ssm.SsmConfig;
import statescope.train.Trainer;

/**
 * The terminal progress of a local sweep: on a terminal, a bar per running cell and an overall bar
 * below them, redrawn in place at most five times a second, with a full line per evaluation and per
 * finished cell above them; elsewhere (a log, a pipe) only the full lines.
 */
final class SweepProgress {

    /** A running cell's figures. */
    private static final class Slot {
        final String label;
        long total;
        long from;
        long step;
        long startNanos;
        double loss = Double.NaN;

        Slot(String label) {
            this.label = label;
        }
    }

    private final PrintWriter err;
    private final boolean quiet;
    private final boolean ansi;
    private final int cells;
    private final long totalSteps;
    private final long startNanos = System.nanoTime();
    private final Map<String, Slot> running = new LinkedHashMap<>();
    private long stepsDone;
    private int ended;
    private int drawn;
    private long lastDraw;

    /**
     * @param cells      the cells this run trains
     * @param totalSteps their step budgets summed (the overall bar)
     * @param ansi       redraw bars in place (a terminal)
     */
    SweepProgress(PrintWriter err, boolean quiet, boolean ansi, int cells, long totalSteps) {
        this.err = err;
        this.quiet = quiet;
        this.ansi = ansi;
        this.cells = cells;
        this.totalSteps = Math.max(1, totalSteps);
    }

    /** The listener of one cell's run; {@code index} counts from 1. */
    TrainingRun.Listener cell(SweepCell cell, int index) {
        String label = String.format(Locale.ROOT, "[%d/%d %s]", index, cells, cell.name());
        return new TrainingRun.Listener() {
            @Override
            public void started(TrainingRun.Spec spec, SsmConfig c, long fromStep, int trainWords, String kernels) {
                synchronized (SweepProgress.this) {
                    Slot s = new Slot(label);
                    s.total = spec.options().steps();
                    s.from = fromStep;
                    s.step = fromStep;
                    s.startNanos = System.nanoTime();
                    running.put(label, s);
                    stepsDone += Math.min(fromStep, s.total);
                    line(String.format(Locale.ROOT, "%s started: %d training words, %s, %d thread(s)%s", label, trainWords,
                            kernels, spec.options().threads(), fromStep > 0 ? "; resuming at step " + fromStep : ""));
                }
            }

            @Override
            public void step(Trainer.StepResult r) {
                synchronized (SweepProgress.this) {
                    Slot s = running.get(label);
                    if (s != null) {
                        stepsDone += Math.max(0, r.step() - s.step);
                        s.step = r.step();
                        s.loss = Double.isNaN(s.loss) ? r.loss() : 0.95 * s.loss + 0.05 * r.loss();
                        redraw(false);
                    }
                }
            }

            @Override
            public void evaluated(long step, Map<String, Double> quick, boolean best) {
                var sb = new StringBuilder();
                quick.forEach((k, v) -> sb.append(String.format(Locale.ROOT, " %s %.1f%%", k, v)));
                synchronized (SweepProgress.this) {
                    line(label + " step " + step + " eval:" + sb + (best ? "  (best so far, saved)" : ""));
                }
            }
        };
    }

    /** A cell ended (trained, interrupted, skipped or failed): one line, and its budget counts as done. */
    synchronized void ended(SweepCell cell, int index, String what) {
        Slot s = running.remove(String.format(Locale.ROOT, "[%d/%d %s]", index, cells, cell.name()));
        long budget = cell.spec().options().steps();
        stepsDone += s == null ? budget : Math.max(0, budget - s.step);
        ended++;
        line(String.format(Locale.ROOT, "[%d/%d %s] %s", index, cells, cell.name(), what));
        if (!quiet && !ansi) {
            err.println(overall());
            err.flush();
        }
    }

    /** Prints a full line above the bars. */
    private void line(String text) {
        if (quiet) {
            return;
        }
        erase();
        err.println(text);
        err.flush();
        redraw(true);
    }

    private String overall() {
        double frac = Math.min(1, stepsDone / (double) totalSteps);
        double secs = (System.nanoTime() - startNanos) / 1e9;
        long eta = frac > 0 ? (long) (secs / frac * (1 - frac)) : 0;
        return String.format(Locale.ROOT, "sweep: %d of %d cells ended, %d running %s %3.0f%%  %s%s", ended, cells,
                running.size(), bar(frac), 100 * frac, ConsoleProgress.duration((long) secs),
                frac > 0 && frac < 1 ? "  ETA " + ConsoleProgress.duration(eta) : "");
    }

    private void redraw(boolean force) {
        if (quiet || !ansi) {
            return;
        }
        long now = System.nanoTime();
        if (!force && now - lastDraw < 200_000_000L) {
            return;
        }
        lastDraw = now;
        erase();
        for (Slot s : running.values()) {
            double perStep = s.step > s.from ? (now - s.startNanos) / 1e9 / (s.step - s.from) : 0;
            err.printf(Locale.ROOT, "\033[2K%s step %d/%d %s loss %.4g  ETA %s%n", s.label, s.step, s.total,
                    bar(s.step / (double) Math.max(1, s.total)), s.loss, ConsoleProgress.duration((long) (perStep * (s.total - s.step))));
        }
        err.print("\033[2K" + overall() + "\n");
        drawn = running.size() + 1;
        err.flush();
    }

    /** Moves the cursor back over the bars drawn last and clears them. */
    private void erase() {
        if (ansi && drawn > 0) {
            err.print("\033[" + drawn + "F\033[J");
            drawn = 0;
        }
    }

    private static String bar(double frac) {
        int width = 20;
        int filled = (int) Math.round(width * Math.max(0, Math.min(1, frac)));
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
    }

    /** Clears the bars (before the summary). */
    synchronized void close() {
        erase();
        err.flush();
    }
}
