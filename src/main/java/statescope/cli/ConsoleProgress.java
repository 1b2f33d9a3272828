package statescope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import statescope.ssm.SsmConfig;
import statescope.experiment.TrainingRun;
import statescope.train.Trainer;

/**
 * The terminal progress of a training run: one redrawn line (step, bar, loss, batch accuracy, tokens/s,
 * ETA) at most five times a second, and a full line per evaluation and checkpoint.
 */
final class ConsoleProgress implements TrainingRun.Listener {

    private final PrintWriter err;
    private final boolean quiet;
    private final String prefix;
    private long total;
    private long from;
    private long start;
    private long lastDraw;
    private long tokens;
    private double ema = Double.NaN;
    private double emaAcc = Double.NaN;

    ConsoleProgress(PrintWriter err, boolean quiet, String prefix) {
        this.err = err;
        this.quiet = quiet;
        this.prefix = prefix;
    }

    @Override
    public void started(TrainingRun.Spec spec, SsmConfig c, long fromStep, int trainWords, String kernels) {
        total = spec.options().steps();
        from = fromStep;
        start = System.nanoTime();
        if (!quiet) {
            err.printf(Locale.ROOT, "%s%s: %d layer(s), d_model %d, d_state %d, %s gates, %s norm; %d training words; "
                            + "%s, %d thread(s)%s%n", prefix, spec.language(), c.nLayer(), c.dModel(), c.dState(),
                    c.gates().name().toLowerCase(Locale.ROOT), c.norm().name().toLowerCase(Locale.ROOT), trainWords,
                    kernels, spec.options().threads(), fromStep > 0 ? "; resuming at step " + fromStep : "");
            err.flush();
        }
    }

    @Override
    public void step(Trainer.StepResult r) {
        tokens += r.tokens();
        ema = Double.isNaN(ema) ? r.loss() : 0.95 * ema + 0.05 * r.loss();
        emaAcc = Double.isNaN(emaAcc) ? r.accuracy() : 0.95 * emaAcc + 0.05 * r.accuracy();
        long now = System.nanoTime();
        if (quiet || (now - lastDraw < 200_000_000L && r.step() != total)) {
            return;
        }
        lastDraw = now;
        double secs = (now - start) / 1e9;
        long done = r.step() - from;
        double perStep = done > 0 ? secs / done : 0;
        long eta = (long) (perStep * (total - r.step()));
        int width = 24;
        int filled = (int) (width * r.step() / Math.max(1, total));
        String bar = "#".repeat(filled) + ".".repeat(width - filled);
        err.printf(Locale.ROOT, "\r%sstep %d/%d [%s] loss %.4g  acc %5.1f%%  %.1fk tok/s  ETA %s   ", prefix, r.step(), total,
                bar, ema, 100 * emaAcc, tokens / Math.max(secs, 1e-9) / 1000, duration(eta));
        err.flush();
    }

    @Override
    public void evaluated(long step, Map<String, Double> quick, boolean best) {
        if (quiet) {
            return;
        }
        var sb = new StringBuilder();
        quick.forEach((k, v) -> sb.append(String.format(Locale.ROOT, " %s %.1f%%", k, v)));
        err.printf(Locale.ROOT, "\r%sstep %d eval:%s%s%s%n", prefix, step, sb, best ? "  (best so far, saved)" : "",
                " ".repeat(20));
        err.flush();
    }

    @Override
    public void saved(Path file, long step) {
        // the resume state is saved silently; the final line reports where everything went
    }

    static String duration(long s) {
        if (s >= 3600) {
            return s / 3600 + "h" + String.format(Locale.ROOT, "%02dm", (s % 3600) / 60);
        }
        if (s >= 60) {
            return s / 60 + "m" + String.format(Locale.ROOT, "%02ds", s % 60);
        }
        return s + "s";
    }
}
