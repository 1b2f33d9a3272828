package statescope.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import statescope.lang.catalog.Dataset;
import statescope.lang.catalog.Sampling;
import statescope.ssm.Checkpoint;
import statescope.ssm.CheckpointLock;
import statescope.ssm.GateRange;
import statescope.ssm.Manifest;
import statescope.ssm.NormKind;
import statescope.ssm.SsmConfig;
import statescope.ssm.SsmWeights;
import statescope.train.Backprop;
import statescope.train.ParamSet;
import statescope.train.SaveClock;
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
 * finishes again at the new budget. {@link #finishedManifest} and {@link #lastStep} say how far a
 * finished run went.
 *
 * <p>A run does not know how a command line is spelled: its caller passes the command that made it,
 * and every manifest's notes start with that command ({@link RunFiles}).
 *
 * <p>{@link #run} goes through its phases in order: {@link #prepareData prepare the data},
 * {@link #buildOrResume build or resume the model}, {@link #trainLoop train} (quick evaluations keep
 * the best model, resume states are saved on the way), then {@link #evaluateAndWrite evaluate} the
 * best model on the full splits and write it.
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

    /** The encoded words of a run: the training words, and per evaluation split all its examples and the quick prefix. */
    private record Data(int[][] tokens, int[][] targets, Map<String, List<LanguageTask.Example>> evaluation,
                        Map<String, List<LanguageTask.Example>> quick) {
        int words() {
            return tokens.length;
        }
    }

    /** What the model starts from. */
    private enum From { INIT, RESUME_STATE, FINISHED_MODEL }

    /** Where training starts: the parameters, their step, the best quick score so far, the seconds trained before. */
    private record Start(From from, ParamSet params, long step, double best, double secondsBefore) {
    }

    /** How the training loop ended. */
    private enum End { BUDGET, TARGET, INTERRUPTED }

    /** The running figures of the loop: the best quick score so far and the training time. */
    private static final class Tally {
        double best;
        private final double secondsBefore;
        private final long t0;

        Tally(double best, double secondsBefore, long t0) {
            this.best = best;
            this.secondsBefore = secondsBefore;
            this.t0 = t0;
        }

        /** Seconds trained, this run and before it. */
        double seconds() {
            return secondsBefore + (System.nanoTime() - t0) / 1e9;
        }
    }

    private final Spec spec;
    private final LanguageTask task;
    private final SsmConfig config;
    private final TrainOptions trainerOptions;   // its seed draws the initialisation and batch order
    private final Path out;
    private final RunFiles files;
    private final Listener listener;

    private TrainingRun(Spec spec, String command, Path out, Listener listener) {
        this.spec = spec;
        this.task = LanguageTask.of(spec.language(), spec.sampling());
        this.config = config(spec, task);
        this.trainerOptions = spec.trainerOptions();
        this.out = out;
        this.files = new RunFiles(out, task, spec, command);
        this.listener = listener;
    }

    /** The model config of a spec. */
    public static SsmConfig config(Spec spec, LanguageTask task) {
        return new SsmConfig(spec.dModel(), spec.layers(), spec.dState(), 2, 4, SsmConfig.defaultDtRank(spec.dModel()),
                task.vocabSize(), task.outputSize(), spec.gates(), true, spec.norm(), 1e-5f);
    }

    /** Whether {@code out} holds a finished model. */
    public static boolean finished(Path out) {
        return RunFiles.finishedManifest(out).isPresent();
    }

    /** Whether a resumable state exists for {@code out}. */
    public static boolean resumable(Path out) {
        return RunFiles.resumable(out);
    }

    /**
     * The step of the resume state of {@code out} (an interrupted run's), read from its manifest; empty
     * when there is none or its manifest cannot be read.
     */
    public static OptionalLong resumeStep(Path out) {
        Path m = Checkpoint.manifestPath(RunFiles.sibling(out, ".resume.safetensors"));
        try {
            return Files.isRegularFile(m) ? OptionalLong.of(Checkpoint.readManifestFile(m).manifest().trainingStep())
                    : OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * The manifest of the finished model at {@code out} (its training step is the step of the saved, best
     * checkpoint; its notes start with the command of the run); empty when it is not finished.
     */
    public static Optional<Manifest> finishedManifest(Path out) {
        return RunFiles.finishedManifest(out);
    }

    /** The step the run of a finished model reached (metric {@code last_step}); empty for models finished before runs recorded it. */
    public static OptionalLong lastStep(Manifest finished) {
        Double last = finished.metrics().get("last_step");
        return last == null ? OptionalLong.empty() : OptionalLong.of(last.longValue());
    }

    /**
     * Trains (or resumes) and evaluates; saves the best model at {@code out}.
     *
     * @param command the command that makes this run, recorded at the start of every manifest's notes
     * @param resume  continue from the resume state when one exists, else from the finished model at
     *                {@code out} when there is one (up to the spec's budget; see the class comment)
     * @param stop    polled every step; when true the run saves its state and returns (interrupted)
     */
    public static Outcome run(Spec spec, String command, Path out, boolean resume, Listener listener,
                              BooleanSupplier stop) throws IOException {
        var run = new TrainingRun(spec, command, out, listener);
        run.checkSelection();
        Data data = run.prepareData();
        Start start = run.buildOrResume(resume);
        return run.train(data, start, stop);
    }

    private void checkSelection() {
        if (spec.selectOn() != null && !task.evaluationSplits().contains(spec.selectOn())) {
            throw new IllegalArgumentException("--select must be mean or one of the evaluation splits of "
                    + spec.language() + " (" + String.join(", ", task.evaluationSplits()) + "), got '"
                    + spec.selectOn() + "'");
        }
    }

    /** Phase 1: the catalog's seeded splits, encoded (the spec's data seed draws the words). */
    private Data prepareData() {
        TrainOptions o = spec.options();
        Dataset ds = Dataset.generate(task.language(), o.seed(), spec.maxWords());
        var train = new ArrayList<>(task.encode(ds.split(task.language().trainingSplit().name())));
        if (spec.mixSplit() != null) {
            var split = task.language().split(spec.mixSplit());
            train.addAll(task.encode(task.language().sample(split, Math.max(1, spec.maxWords()),
                    o.seed() + 1_000_003L, Set.of())));
        }
        var evaluation = new LinkedHashMap<String, List<LanguageTask.Example>>();
        var quick = new LinkedHashMap<String, List<LanguageTask.Example>>();
        for (String s : task.evaluationSplits()) {
            List<LanguageTask.Example> ex = task.encode(ds.split(s));
            evaluation.put(s, ex);
            quick.put(s, ex.subList(0, Math.min(spec.quickEval(), ex.size())));
        }
        int[][] tokens = new int[train.size()][];
        int[][] targets = new int[train.size()][];
        for (int i = 0; i < train.size(); i++) {
            tokens[i] = train.get(i).tokens();
            targets[i] = train.get(i).targets();
        }
        return new Data(tokens, targets, evaluation, quick);
    }

    /** Phase 2: the model from the resume state, from the finished model (to train it further), or initialised. */
    private Start buildOrResume(boolean resume) throws IOException {
        Path resumeW = files.resumeWeights();
        if (resume && Files.exists(resumeW)) {
            Checkpoint resumed = Checkpoint.load(resumeW);
            requireConfig(resumed, "the resume state " + resumeW, "pass the same options or delete it");
            Manifest m = resumed.manifest();
            return new Start(From.RESUME_STATE, ParamSet.of(resumed.weights()), m.trainingStep(),
                    m.metrics().getOrDefault("best_quick", Double.NEGATIVE_INFINITY),
                    m.metrics().getOrDefault("train_seconds", 0.0));
        }
        if (resume && finished(out)) {
            Checkpoint done = Checkpoint.load(files.model());
            requireConfig(done, "the finished model " + out, "pass the same options to train it further");
            return new Start(From.FINISHED_MODEL, ParamSet.of(done.weights()), done.manifest().trainingStep(),
                    Double.NEGATIVE_INFINITY, done.manifest().metrics().getOrDefault("train_seconds", 0.0));
        }
        return new Start(From.INIT, ParamSet.of(SsmWeights.init(config, trainerOptions.seed(), true, spec.aInitScale())),
                0, Double.NEGATIVE_INFINITY, 0);
    }

    private void requireConfig(Checkpoint c, String what, String advice) {
        if (!c.manifest().config().equals(config)) {
            throw new IllegalArgumentException(what + " was trained with " + configDifference(c.manifest().config(), config)
                    + "; " + advice);
        }
    }

    /**
     * What differs between the config of a saved run and the one asked for, by the train options that set
     * it ({@code --layers 1000, not 1}), the others by their names; empty when they are equal.
     */
    static String configDifference(SsmConfig saved, SsmConfig asked) {
        List<String> d = new ArrayList<>();
        differs(d, "--d-model", saved.dModel(), asked.dModel());
        differs(d, "--layers", saved.nLayer(), asked.nLayer());
        differs(d, "--d-state", saved.dState(), asked.dState());
        differs(d, "--gates", saved.gates().name().toLowerCase(Locale.ROOT),
                asked.gates().name().toLowerCase(Locale.ROOT));
        differs(d, "--norm", saved.norm().name().toLowerCase(Locale.ROOT),
                asked.norm().name().toLowerCase(Locale.ROOT));
        differs(d, "expand", saved.expand(), asked.expand());
        differs(d, "conv width", saved.dConv(), asked.dConv());
        if (saved.dModel() == asked.dModel()) {                  // else the rank follows from --d-model
            differs(d, "dt rank", saved.dtRank(), asked.dtRank());
        }
        differs(d, "input vocabulary size", saved.vocabSize(), asked.vocabSize());
        differs(d, "output classes", saved.outputSize(), asked.outputSize());
        differs(d, "selective", saved.selective(), asked.selective());
        differs(d, "norm epsilon", saved.normEps(), asked.normEps());
        return String.join(", ", d);
    }

    private static void differs(List<String> out, String name, Object saved, Object asked) {
        if (!saved.equals(asked)) {
            out.add(name + " " + saved + ", not " + asked);
        }
    }

    /** Phases 3 and 4: trains from the start, then saves the resume state (interrupted) or evaluates and writes. */
    private Outcome train(Data data, Start start, BooleanSupplier stop) throws IOException {
        long t0 = System.nanoTime();
        try (var lock = CheckpointLock.acquire(files.model(), files.resumeWeights(), files.resumeOptimizer());
             Trainer trainer = new Trainer(start.params(), trainerOptions, task.paperLoss(),
                     TrainingSet.of(data.tokens(), data.targets()))) {
            double best = start.best();
            if (start.from() == From.RESUME_STATE) {
                trainer.resume(start.step(), files.resumeOptimizer());
            } else if (start.from() == From.FINISHED_MODEL) {
                trainer.continueFrom(start.step());
                // the finished model stays unless a later evaluation beats its own quick accuracy
                best = score(Evaluation.evaluate(task, data.quick(), trainer::logits, 64));
            }
            listener.started(spec, config, start.step(), data.words(), trainer.kernelName());
            var tally = new Tally(best, start.secondsBefore(), t0);
            End end = trainLoop(trainer, data, tally, stop);
            double secs = tally.seconds();
            if (end == End.INTERRUPTED) {
                files.saveResume(trainer, tally.best, secs);
                listener.saved(files.resumeWeights(), trainer.step());
                return new Outcome(trainer.step(), false, true, Map.of(), secs, files.resumeWeights());
            }
            return evaluateAndWrite(trainer, data, secs, end == End.TARGET);
        }
    }

    /** Phase 3: steps up to the budget, with a quick evaluation every {@code evalEvery} steps and at the last. */
    private End trainLoop(Trainer trainer, Data data, Tally tally, BooleanSupplier stop) throws IOException {
        long steps = spec.options().steps();
        var saveClock = new SaveClock(SaveClock.DEFAULT_NANOS); // resume saves by time too
        while (trainer.step() < steps) {
            if (stop.getAsBoolean()) {
                return End.INTERRUPTED;
            }
            listener.step(trainer.trainStep());
            long s = trainer.step();
            if ((s % spec.evalEvery() == 0 || s == steps) && quickEvaluation(trainer, data, tally, s)) {
                return End.TARGET;
            }
            if (saveClock.due(s, spec.saveEvery())) {
                files.saveResume(trainer, tally.best, tally.seconds());
                saveClock.saved();
                listener.saved(files.resumeWeights(), s);
            }
        }
        return End.BUDGET;
    }

    /** A quick evaluation at step {@code s}: saves the model when it is the best so far; true once the target is reached. */
    private boolean quickEvaluation(Trainer trainer, Data data, Tally tally, long s) throws IOException {
        Map<String, Double> q = Evaluation.evaluate(task, data.quick(), trainer::logits, 64);
        double score = score(q);
        boolean isBest = score >= tally.best;
        if (isBest) {
            tally.best = score;
            files.saveModel(trainer.weights(), s, q, tally.seconds(), -1);
        }
        listener.evaluated(s, q, isBest);
        return mean(q) >= spec.stopAt();
    }

    /** Phase 4: the best model, evaluated on the full evaluation splits, written as finished; the resume state goes. */
    private Outcome evaluateAndWrite(Trainer trainer, Data data, double secs, boolean early) throws IOException {
        if (!Files.exists(files.model())) {
            files.saveModel(trainer.weights(), trainer.step(), Map.of(), secs, -1);
        }
        Checkpoint bestModel = Checkpoint.load(files.model());
        ParamSet bestParams = ParamSet.of(bestModel.weights());
        Map<String, Double> full;
        try (var bp = new Backprop(config, true, spec.options().threads())) {
            full = Evaluation.evaluate(task, data.evaluation(), t -> bp.logits(bestParams, t), 64);
        }
        files.saveModel(bestModel.weights(), bestModel.manifest().trainingStep(), full, secs, trainer.step());
        files.deleteResume();
        return new Outcome(trainer.step(), early, false, full, secs, files.model());
    }

    /** What selects the checkpoint: the quick accuracy of the spec's split, or the mean over all. */
    private double score(Map<String, Double> quick) {
        return spec.selectOn() == null ? mean(quick) : quick.get(spec.selectOn());
    }

    private static double mean(Map<String, Double> accuracy) {
        return accuracy.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
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
}
