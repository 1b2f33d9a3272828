package statescope.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import statescope.experiment.TrainingRun;
import statescope.ssm.GateRange;
import statescope.ssm.Manifest;
import statescope.ssm.NormKind;
import statescope.train.TrainOptions;

/**
 * How the {@code statescope train} command of a training run is spelled: written from a spec (a run
 * records it at the start of its manifests' notes, so {@code reproduce} can tell whether a model was
 * made by today's recipe), and read back from a finished model's manifest.
 */
public final class TrainCommandLine {

    private static final Pattern STEPS = Pattern.compile("--steps (\\d+)");

    private TrainCommandLine() {
    }

    /**
     * How far a finished model's run went.
     *
     * @param checkpointStep the step of the saved (best) checkpoint
     * @param reachedStep    the step the run reached (metric {@code last_step}; for models finished before
     *                       that metric existed, the budget, or the checkpoint step when no budget is known)
     * @param budget         the run's step budget ({@code --steps} in the manifest's notes; -1 when unknown)
     * @param recipe         the run's training command from the manifest's notes, {@link #withoutBudget
     *                       without its budget}; null for a model whose notes hold no command
     */
    public record Finished(long checkpointStep, long reachedStep, long budget, String recipe) {
    }

    /** The {@code statescope train} command that makes the model of a spec, every option spelled out. */
    public static String of(TrainingRun.Spec spec) {
        TrainOptions o = spec.options();
        return String.format(Locale.ROOT,
                "statescope train --language %s --layers %d --d-model %d --d-state %d --gates %s --norm %s --seed %d "
                        + "--lr %s --lr-schedule %s --batch %d --steps %d --clip %s --weight-decay %s --threads %d "
                        + "--max-words %d%s%s%s%s%s",
                spec.language(), spec.layers(), spec.dModel(), spec.dState(),
                spec.gates() == GateRange.SIGNED ? "signed" : "nonneg", spec.norm() == NormKind.RMS ? "rms" : "layer",
                o.seed(), o.lr(), o.schedule().optionName(), o.batch(), o.steps(), o.clip(), o.weightDecay(),
                o.threads(), spec.maxWords(), o.decayAll() ? "" : " --decay matrices",
                spec.mixSplit() == null ? "" : " --mix " + spec.mixSplit(),
                spec.selectOn() == null ? "" : " --select " + spec.selectOn(),
                spec.initSeed() == null ? "" : " --init-seed " + spec.initSeed(),
                spec.aInitScale() == 1.0 ? "" : " --a-init-scale " + spec.aInitScale());
    }

    /**
     * A training command without its {@code --steps} and {@code --threads} options (what may differ for
     * the same recipe: a budget that grew, another core count), and without {@code --lr-schedule
     * constant} (the default, which commands from before that option leave out).
     */
    public static String withoutBudget(String command) {
        return command.replaceAll(" --(steps|threads) \\d+", "").replace(" --lr-schedule constant", "").strip();
    }

    /** How far the run of the finished model at {@code out} went, or empty when it is not finished. */
    public static Optional<Finished> finishedRun(Path out) {
        return TrainingRun.finishedManifest(out).map(TrainCommandLine::finished);
    }

    private static Finished finished(Manifest m) {
        String notes = m.notes() == null ? "" : m.notes();
        var steps = STEPS.matcher(notes);
        long budget = steps.find() ? Long.parseLong(steps.group(1)) : -1;
        long reached = TrainingRun.lastStep(m).orElse(Math.max(budget, m.trainingStep()));
        String recipe = null;
        if (notes.startsWith("statescope train ")) {
            int end = notes.indexOf(';');
            recipe = withoutBudget(end < 0 ? notes : notes.substring(0, end));
        }
        return new Finished(m.trainingStep(), reached, budget, recipe);
    }
}
