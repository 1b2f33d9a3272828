package statescope.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import statescope.lang.catalog.Catalog;
import statescope.lang.catalog.Dataset;
import statescope.lang.catalog.Language;
import statescope.lang.catalog.Sampling;
import statescope.ssm.Checkpoint;
import statescope.ssm.GateRange;
import statescope.ssm.Manifest;
import statescope.ssm.NormKind;
import statescope.ssm.SsmConfig;
import statescope.ssm.SsmWeights;
import statescope.train.ParamSet;
import statescope.train.TrainOptions;
import statescope.train.Trainer;
import statescope.train.TrainingSet;

/**
 * One training run of a catalog language, end to end: data from the catalog's seeded splits, the
 * model, the trainer, periodic evaluation, atomic checkpoints and resumption.
 *
 * <p>Files, for {@code out = DIR/NAME.safetensors}: {@code NAME.safetensors + NAME.json} hold the best
 * model so far (by the mean quick-evaluation accuracy over the evaluation splits, or by one split's,
 * {@link Spec#selectOn}; the paper keeps the best accuracy per bin over epochs);
 * {@code NAME.resume.safetensors/.json} and {@code NAME.resume.opt.safetensors} hold the latest state (weights, AdamW moments, step) and are
 * deleted when the run finishes. A finished model's manifest has metric {@code done = 1} and
 * {@code last_step}, the step its run reached (the best checkpoint may be older).
 *
 * <p>A finished model can be trained further: {@link #run} with {@code resume} and a larger step budget
 * continues from the finished model's checkpoint (its weights and step) with fresh AdamW moments (the
 * moments are not kept once a run finishes), keeps it unless a later evaluation beats it, and
 * finishes again at the new budget. {@link #finishedRun} says how far a finished run went.
 */
public final class TrainingRun {

    /**
     * What to train.
     *
     * @param maxWords   cap on the words per split drawn from the catalog (0 = the protocol's sizes)
     * @param evalEvery  steps between quick evaluations (and early-stop checks)
     * @param quickEval  examples per split in a quick evaluation
     * @param saveEvery  steps between resume checkpoints
     * @param stopAt     stop early once the mean quick accuracy over all evaluation splits reaches this (percent)
     * @param mixSplit   null, or a split whose sampler supplies a further {@code maxWords} training words, drawn
     *                   with another seed than the evaluation words (flip-flop: {@code val-sparse}, FFL(0.98))
     * @param selectOn   null to keep the checkpoint with the best mean quick accuracy over the evaluation
     *                   splits, or the name of the one split whose quick accuracy selects it (counter
     *                   languages: {@code bin1}, the held-out words of the training lengths)
     * @param initSeed   null, or the seed of the initialisation and the batch order when it differs from
     *                   {@code options().seed()}, which then seeds only the data: runs with several init
     *                   seeds share their training and test words (and their manifests' {@code seed})
     * @param aInitScale the scale of A at initialisation, A = −aInitScale·(n+1) (1: Mamba's S4D-real;
     *                   {@link SsmWeights#init(SsmConfig, long, boolean, double)})
     * @param sampling   how the words are drawn: as the authors' generators do (the default) or uniformly
     *                   within each window (ADR 0008)
     */
    public record Spec(String language, int layers, int dModel, int dState, GateRange gates, NormKind norm,
                       TrainOptions options, int maxWords, int evalEvery, int quickEval, int saveEvery,
                       double stopAt, String mixSplit, String selectOn, Long initSeed, double aInitScale,
                       Sampling sampling) {

        public Spec {
            if (initSeed != null && initSeed == options.seed()) {
                initSeed = null; // the same run as without it, and the same command
            }
            if (!(aInitScale > 0) || !Double.isFinite(aInitScale)) {
                throw new IllegalArgumentException("--a-init-scale must be a finite number > 0, got " + aInitScale);
            }
            if (sampling == null) {
                sampling = Sampling.AUTHORS;
            }
        }

        /** A spec with Mamba's initialisation, seeded by the data seed. */
        public Spec(String language, int layers, int dModel, int dState, GateRange gates, NormKind norm,
                    TrainOptions options, int maxWords, int evalEvery, int quickEval, int saveEvery,
                    double stopAt, String mixSplit, String selectOn) {
            this(language, layers, dModel, dState, gates, norm, options, maxWords, evalEvery, quickEval, saveEvery,
                    stopAt, mixSplit, selectOn, null, 1.0, Sampling.AUTHORS);
        }

        /** This spec with another checkpoint selection (null: the mean over the evaluation splits). */
        public Spec withSelectOn(String split) {
            return new Spec(language, layers, dModel, dState, gates, norm, options, maxWords, evalEvery, quickEval,
                    saveEvery, stopAt, mixSplit, split, initSeed, aInitScale, sampling);
        }

        /** This spec with another init seed (null: the data seed). */
        public Spec withInitSeed(Long seed) {
            return new Spec(language, layers, dModel, dState, gates, norm, options, maxWords, evalEvery, quickEval,
                    saveEvery, stopAt, mixSplit, selectOn, seed, aInitScale, sampling);
        }

        /** This spec with its words drawn by another sampling. */
        public Spec withSampling(Sampling s) {
            return new Spec(language, layers, dModel, dState, gates, norm, options, maxWords, evalEvery, quickEval,
                    saveEvery, stopAt, mixSplit, selectOn, initSeed, aInitScale, s);
        }

        /** The options the trainer runs with: the spec's, seeded by the init seed when there is one. */
        TrainOptions trainerOptions() {
            TrainOptions o = options;
            return initSeed == null ? o : new TrainOptions(o.lr(), o.weightDecay(), o.decayAll(), o.clip(), o.batch(),
                    o.steps(), o.threads(), initSeed, o.schedule());
        }
    }

    /** Progress callbacks (called on the training thread); each does nothing unless overridden. */
    public interface Listener {
        default void started(Spec spec, SsmConfig config, long fromStep, int trainWords, String kernels) {
        }

        default void step(Trainer.StepResult r) {
        }

        default void evaluated(long step, Map<String, Double> quick, boolean best) {
        }

        default void saved(Path file, long step) {
        }
    }

    /** How a run ended. */
    public record Outcome(long steps, boolean stoppedEarly, boolean interrupted, Map<String, Double> accuracy,
                          double seconds, Path model) {
    }

    private TrainingRun() {
    }

    /** The model config of a spec. */
    public static SsmConfig config(Spec spec, LanguageTask task) {
        return new SsmConfig(spec.dModel(), spec.layers(), spec.dState(), 2, 4, SsmConfig.defaultDtRank(spec.dModel()),
                task.vocabSize(), task.outputSize(), spec.gates(), true, spec.norm(), 1e-5f);
    }

    static Path sibling(Path out, String suffix) {
        String n = Checkpoint.weightsPath(out).getFileName().toString();
        String stem = n.endsWith(".safetensors") ? n.substring(0, n.length() - ".safetensors".length()) : n;
        return out.resolveSibling(stem + suffix);
    }

    /** Whether {@code out} holds a finished model. */
    public static boolean finished(Path out) {
        return finishedManifest(out) != null;
    }

    /** The manifest of the finished model at {@code out}, or null when there is none (or it cannot be read). */
    private static Manifest finishedManifest(Path out) {
        try {
            Path w = Checkpoint.weightsPath(out);
            if (!Files.exists(w) || !Files.exists(Checkpoint.manifestPath(w))) {
                return null;
            }
            Manifest m = Checkpoint.load(w).manifest();
            Double done = m.metrics().get("done");
            return done != null && done == 1.0 ? m : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Whether a resumable state exists for {@code out}. */
    public static boolean resumable(Path out) {
        return Files.exists(sibling(out, ".resume.safetensors"));
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

    private static final Pattern STEPS = Pattern.compile("--steps (\\d+)");

    /** How far the run of the finished model at {@code out} went, or empty when it is not finished. */
    public static Optional<Finished> finishedRun(Path out) {
        Manifest m = finishedManifest(out);
        if (m == null) {
            return Optional.empty();
        }
        String notes = m.notes() == null ? "" : m.notes();
        var steps = STEPS.matcher(notes);
        long budget = steps.find() ? Long.parseLong(steps.group(1)) : -1;
        Double last = m.metrics().get("last_step");
        long reached = last != null ? last.longValue() : Math.max(budget, m.trainingStep());
        String recipe = null;
        if (notes.startsWith("statescope train ")) {
            int end = notes.indexOf(';');
            recipe = withoutBudget(end < 0 ? notes : notes.substring(0, end));
        }
        return Optional.of(new Finished(m.trainingStep(), reached, budget, recipe));
    }

    /**
     * Trains (or resumes) and evaluates; saves the best model at {@code out}.
     *
     * @param resume continue from the resume state when one exists, else from the finished model at
     *               {@code out} when there is one (up to the spec's budget; see the class comment)
     * @param stop   polled every step; when true the run saves its state and returns (interrupted)
     */
    public static Outcome run(Spec spec, Path out, boolean resume, Listener listener, BooleanSupplier stop)
            throws IOException {
        LanguageTask task = LanguageTask.of(spec.language(), spec.sampling());
        SsmConfig config = config(spec, task);
        TrainOptions o = spec.options();              // o.seed() draws the words
        TrainOptions trainerOptions = spec.trainerOptions(); // its seed draws the initialisation and batch order
        if (spec.selectOn() != null && !task.evaluationSplits().contains(spec.selectOn())) {
            throw new IllegalArgumentException("--select must be mean or one of the evaluation splits of "
                    + spec.language() + " (" + String.join(", ", task.evaluationSplits()) + "), got '"
                    + spec.selectOn() + "'");
        }
        Dataset ds = Dataset.generate(task.language(), o.seed(), spec.maxWords());
        var train = new java.util.ArrayList<>(task.encode(ds.split(task.language().trainingSplit().name())));
        if (spec.mixSplit() != null) {
            var split = task.language().split(spec.mixSplit());
            train.addAll(task.encode(task.language().sample(split, Math.max(1, spec.maxWords()),
                    o.seed() + 1_000_003L, java.util.Set.of())));
        }
        var evalSplits = new LinkedHashMap<String, List<LanguageTask.Example>>();
        var quickSplits = new LinkedHashMap<String, List<LanguageTask.Example>>();
        for (String s : task.evaluationSplits()) {
            List<LanguageTask.Example> ex = task.encode(ds.split(s));
            evalSplits.put(s, ex);
            quickSplits.put(s, ex.subList(0, Math.min(spec.quickEval(), ex.size())));
        }
        int[][] toks = new int[train.size()][];
        int[][] tgs = new int[train.size()][];
        for (int i = 0; i < train.size(); i++) {
            toks[i] = train.get(i).tokens();
            tgs[i] = train.get(i).targets();
        }
        Path resumeW = sibling(out, ".resume.safetensors");
        Path resumeOpt = sibling(out, ".resume.opt.safetensors");
        ParamSet params;
        long fromStep = 0;
        double best = Double.NEGATIVE_INFINITY;
        double secondsBefore = 0;
        Checkpoint resumed = null;
        boolean continued = false;
        if (resume && Files.exists(resumeW)) {
            resumed = Checkpoint.load(resumeW);
            if (!resumed.manifest().config().equals(config)) {
                throw new IllegalArgumentException("the resume state " + resumeW + " was trained with config "
                        + resumed.manifest().config() + ", not " + config + "; pass the same options or delete it");
            }
            params = ParamSet.of(resumed.weights());
            fromStep = resumed.manifest().trainingStep();
            best = resumed.manifest().metrics().getOrDefault("best_quick", Double.NEGATIVE_INFINITY);
            secondsBefore = resumed.manifest().metrics().getOrDefault("train_seconds", 0.0);
        } else if (resume && finished(out)) {
            Checkpoint done = Checkpoint.load(Checkpoint.weightsPath(out));
            if (!done.manifest().config().equals(config)) {
                throw new IllegalArgumentException("the finished model " + out + " was trained with config "
                        + done.manifest().config() + ", not " + config + "; pass the same options to train it further");
            }
            params = ParamSet.of(done.weights());
            fromStep = done.manifest().trainingStep();
            continued = true;
            secondsBefore = done.manifest().metrics().getOrDefault("train_seconds", 0.0);
        } else {
            params = ParamSet.of(SsmWeights.init(config, trainerOptions.seed(), true, spec.aInitScale()));
        }
        long t0 = System.nanoTime();
        boolean early = false;
        boolean interrupted = false;
        try (Trainer trainer = new Trainer(params, trainerOptions, task.paperLoss(), TrainingSet.of(toks, tgs))) {
            if (resumed != null) {
                trainer.resume(fromStep, resumeOpt);
            } else if (continued) {
                trainer.continueFrom(fromStep);
                // the finished model stays unless a later evaluation beats its own quick accuracy
                best = score(Evaluation.evaluate(task, quickSplits, trainer::logits, 64), spec);
            }
            listener.started(spec, config, fromStep, train.size(), trainer.kernelName());
            while (trainer.step() < o.steps()) {
                if (stop.getAsBoolean()) {
                    interrupted = true;
                    break;
                }
                listener.step(trainer.trainStep());
                long s = trainer.step();
                boolean last = s == o.steps();
                if (s % spec.evalEvery() == 0 || last) {
                    Map<String, Double> q = Evaluation.evaluate(task, quickSplits, trainer::logits, 64);
                    double mean = mean(q);
                    double score = score(q, spec);
                    boolean isBest = score >= best;
                    if (isBest) {
                        best = score;
                        save(out, trainer.weights(), task, spec, s, q, secondsBefore + seconds(t0), -1);
                    }
                    listener.evaluated(s, q, isBest);
                    if (mean >= spec.stopAt()) {
                        early = true;
                        break;
                    }
                }
                if (s % spec.saveEvery() == 0) {
                    saveResume(trainer, resumeW, resumeOpt, task, spec, best, secondsBefore + seconds(t0));
                    listener.saved(resumeW, s);
                }
            }
            double secs = secondsBefore + seconds(t0);
            if (interrupted) {
                saveResume(trainer, resumeW, resumeOpt, task, spec, best, secs);
                listener.saved(resumeW, trainer.step());
                return new Outcome(trainer.step(), false, true, Map.of(), secs, resumeW);
            }
            if (!Files.exists(Checkpoint.weightsPath(out))) {
                save(out, trainer.weights(), task, spec, trainer.step(), Map.of(), secs, -1);
            }
            Checkpoint bestModel = Checkpoint.load(Checkpoint.weightsPath(out));
            ParamSet bestParams = ParamSet.of(bestModel.weights());
            try (var bp = new statescope.train.Backprop(config, true, o.threads())) {
                Map<String, Double> full = Evaluation.evaluate(task, evalSplits, t -> bp.logits(bestParams, t), 64);
                save(out, bestModel.weights(), task, spec, bestModel.manifest().trainingStep(), full, secs, trainer.step());
                Files.deleteIfExists(resumeW);
                Files.deleteIfExists(Checkpoint.manifestPath(resumeW));
                Files.deleteIfExists(resumeOpt);
                return new Outcome(trainer.step(), early, false, full, secs, Checkpoint.weightsPath(out));
            }
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** What selects the checkpoint: the quick accuracy of the spec's split, or the mean over all. */
    private static double score(Map<String, Double> quick, Spec spec) {
        return spec.selectOn() == null ? mean(quick) : quick.get(spec.selectOn());
    }

    private static double mean(Map<String, Double> accuracy) {
        return accuracy.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    /** @param lastStep the step the run reached when it is done, else -1 (not done) */
    private static void save(Path out, SsmWeights w, LanguageTask task, Spec spec, long step, Map<String, Double> acc,
                             double seconds, long lastStep) throws IOException {
        var metrics = new LinkedHashMap<String, Double>();
        for (var e : acc.entrySet()) {
            metrics.put("acc_" + e.getKey(), e.getValue() / 100.0);
        }
        metrics.put("train_seconds", seconds);
        metrics.put("done", lastStep >= 0 ? 1.0 : 0.0);
        if (lastStep >= 0) {
            metrics.put("last_step", (double) lastStep);
        }
        new Checkpoint(w, manifest(w, task, spec, step, metrics)).save(Checkpoint.weightsPath(out));
    }

    private static void saveResume(Trainer trainer, Path resumeW, Path resumeOpt, LanguageTask task, Spec spec,
                                   double best, double seconds) throws IOException {
        trainer.saveOptimizerState(resumeOpt);
        var metrics = new LinkedHashMap<String, Double>();
        if (Double.isFinite(best)) {
            metrics.put("best_quick", best);
        }
        metrics.put("train_seconds", seconds);
        SsmWeights w = trainer.weights();
        new Checkpoint(w, manifest(w, task, spec, trainer.step(), metrics)).save(resumeW);
    }

    private static Manifest manifest(SsmWeights w, LanguageTask task, Spec spec, long step, Map<String, Double> metrics) {
        String notes = command(spec) + "; loss " + task.paperLoss() + ", objective " + task.objective();
        return new Manifest(Manifest.FORMAT_VERSION, w.config(), task.vocabulary(), task.outputClasses(),
                task.language().id(), spec.options().seed(), step, metrics, notes);
    }

    /**
     * The {@code statescope train} command that makes the model of a spec, every option spelled out; a
     * model's manifest notes start with it.
     */
    public static String command(Spec spec) {
        TrainOptions o = spec.options();
        return String.format(java.util.Locale.ROOT,
                "statescope train --language %s --layers %d --d-model %d --d-state %d --gates %s --norm %s --seed %d "
                        + "--lr %s --lr-schedule %s --batch %d --steps %d --clip %s --weight-decay %s --threads %d "
                        + "--max-words %d%s%s%s%s%s%s",
                spec.language(), spec.layers(), spec.dModel(), spec.dState(),
                spec.gates() == GateRange.SIGNED ? "signed" : "nonneg", spec.norm() == NormKind.RMS ? "rms" : "layer",
                o.seed(), o.lr(), o.schedule().optionName(), o.batch(), o.steps(), o.clip(), o.weightDecay(),
                o.threads(), spec.maxWords(), o.decayAll() ? "" : " --decay matrices",
                spec.mixSplit() == null ? "" : " --mix " + spec.mixSplit(),
                spec.selectOn() == null ? "" : " --select " + spec.selectOn(),
                spec.initSeed() == null ? "" : " --init-seed " + spec.initSeed(),
                spec.aInitScale() == 1.0 ? "" : " --a-init-scale " + spec.aInitScale(),
                samplerOption(spec));
    }

    /**
     * {@code --sampler authors|uniform}, for a language whose two samplings draw different words (a
     * command without it, from before the option, trained on the uniform sampling); empty otherwise.
     */
    private static String samplerOption(Spec spec) {
        boolean differs = Catalog.standard().find(spec.language()).map(Language::samplingsDiffer).orElse(false);
        return differs ? " --sampler " + spec.sampling().optionName() : "";
    }

    private static final Pattern SAMPLER = Pattern.compile("--sampler (\\w+)");

    /**
     * The sampling a model's manifest notes name ({@code --sampler}); a command without the option is
     * from before it, when every split was drawn uniformly.
     */
    public static Sampling samplingOf(String notes) {
        var m = SAMPLER.matcher(notes == null ? "" : notes);
        return m.find() ? Sampling.parse(m.group(1)) : Sampling.UNIFORM;
    }

    /**
     * A training command without its {@code --steps} and {@code --threads} options (what may differ for
     * the same recipe: a budget that grew, another core count), and without {@code --lr-schedule
     * constant} (the default, which commands from before that option leave out).
     */
    public static String withoutBudget(String command) {
        return command.replaceAll(" --(steps|threads) \\d+", "").replace(" --lr-schedule constant", "").strip();
    }
}
