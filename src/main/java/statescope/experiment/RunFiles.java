package statescope.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import statescope.ssm.Checkpoint;
import statescope.ssm.Manifest;
import statescope.ssm.SsmWeights;
import statescope.train.Trainer;

/**
 * The files of one training run at {@code out = DIR/NAME.safetensors} ({@link TrainingRun} says what
 * each holds): the best model {@code NAME.safetensors + NAME.json}, and the resume state
 * {@code NAME.resume.safetensors/.json} with the AdamW moments in {@code NAME.resume.opt.safetensors}.
 * Every manifest's notes are the run's command followed by its loss and objective.
 */
final class RunFiles {

    private final Path out;
    private final Path resumeWeights;
    private final Path resumeOptimizer;
    private final LanguageTask task;
    private final TrainingRun.Spec spec;
    private final String command;

    RunFiles(Path out, LanguageTask task, TrainingRun.Spec spec, String command) {
        this.out = out;
        this.resumeWeights = sibling(out, ".resume.safetensors");
        this.resumeOptimizer = sibling(out, ".resume.opt.safetensors");
        this.task = task;
        this.spec = spec;
        this.command = command;
    }

    static Path sibling(Path out, String suffix) {
        String n = Checkpoint.weightsPath(out).getFileName().toString();
        String stem = n.endsWith(".safetensors") ? n.substring(0, n.length() - ".safetensors".length()) : n;
        return out.resolveSibling(stem + suffix);
    }

    /** The best model's weights file. */
    Path model() {
        return Checkpoint.weightsPath(out);
    }

    /** The resume state's weights file. */
    Path resumeWeights() {
        return resumeWeights;
    }

    /** The resume state's AdamW moments. */
    Path resumeOptimizer() {
        return resumeOptimizer;
    }

    /** Whether a resumable state exists for {@code out}. */
    static boolean resumable(Path out) {
        return Files.exists(sibling(out, ".resume.safetensors"));
    }

    /** The manifest of the finished model at {@code out}; empty when there is none (or it cannot be read). */
    static Optional<Manifest> finishedManifest(Path out) {
        try {
            Path w = Checkpoint.weightsPath(out);
            if (!Files.exists(w) || !Files.exists(Checkpoint.manifestPath(w))) {
                return Optional.empty();
            }
            Manifest m = Checkpoint.load(w).manifest();
            Double done = m.metrics().get("done");
            return done != null && done == 1.0 ? Optional.of(m) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Saves a model as the run's best.
     *
     * @param lastStep the step the run reached when it is done, else -1 (not done)
     */
    void saveModel(SsmWeights w, long step, Map<String, Double> accuracy, double seconds, long lastStep)
            throws IOException {
        var metrics = new LinkedHashMap<String, Double>();
        for (var e : accuracy.entrySet()) {
            metrics.put("acc_" + e.getKey(), e.getValue() / 100.0);
        }
        metrics.put("train_seconds", seconds);
        metrics.put("done", lastStep >= 0 ? 1.0 : 0.0);
        if (lastStep >= 0) {
            metrics.put("last_step", (double) lastStep);
        }
        new Checkpoint(w, manifest(w, step, metrics)).save(model());
    }

    /** Saves the trainer's weights and AdamW moments as the resume state. */
    void saveResume(Trainer trainer, double best, double seconds) throws IOException {
        trainer.saveOptimizerState(resumeOptimizer);
        var metrics = new LinkedHashMap<String, Double>();
        if (Double.isFinite(best)) {
            metrics.put("best_quick", best);
        }
        metrics.put("train_seconds", seconds);
        SsmWeights w = trainer.weights();
        new Checkpoint(w, manifest(w, trainer.step(), metrics)).save(resumeWeights);
    }

    /** Removes the resume state (the run is finished). */
    void deleteResume() throws IOException {
        Files.deleteIfExists(resumeWeights);
        Files.deleteIfExists(Checkpoint.manifestPath(resumeWeights));
        Files.deleteIfExists(resumeOptimizer);
    }

    private Manifest manifest(SsmWeights w, long step, Map<String, Double> metrics) {
        String notes = command + "; loss " + task.paperLoss() + ", objective " + task.objective();
        return new Manifest(Manifest.FORMAT_VERSION, w.config(), task.vocabulary(), task.outputClasses(),
                task.language().id(), spec.options().seed(), step, metrics, notes);
    }
}
