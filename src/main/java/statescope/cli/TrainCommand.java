package statescope.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import statescope.experiment.LanguageTask;
import statescope.lang.catalog.Sampling;
import statescope.ssm.Checkpoint;
import statescope.ssm.GateRange;
import statescope.ssm.NormKind;
import statescope.ssm.SsmConfig;
import statescope.experiment.CellLock;
import statescope.experiment.Recipes;
import statescope.experiment.TrainingRun;
import statescope.train.LrSchedule;
import statescope.train.TrainOptions;
import statescope.train.TrainingMemory;

/** {@code statescope train}: trains a model on a catalog language with the hand-written backward pass. */
@Command(name = "train",
        header = "Train a Mamba model on a catalog language.",
        description = {"Train a Mamba model on a catalog language (the paper's protocol: its splits, target classes,",
            "loss and strict per-string accuracy). Unset options take the language's recipe (see docs/reproduction.md).",
            "Checkpoints are written atomically; --resume continues after a kill; Ctrl-C saves and exits (130)."},
        mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  statescope train --language parity --d-model 16 --gates signed --seed 1",
            "  statescope train --language flip-flop --out flip-flop.safetensors --resume",
            "  statescope train --language d-12 --out d-12.safetensors --resume --steps 8000"})
public final class TrainCommand extends CommandBase implements Callable<Integer> {

    @Option(names = "--language", required = true, paramLabel = "NAME", description = "A catalog language id or alias.")
    String language;

    @Option(names = "--layers", paramLabel = "L", description = "Mamba blocks.")
    Integer layers;

    @Option(names = "--d-model", paramLabel = "D", description = "Width of the residual stream.")
    Integer dModel;

    @Option(names = "--d-state", paramLabel = "N", description = "State size per channel.")
    Integer dState;

    @Option(names = "--gates", paramLabel = "RANGE", description = "nonneg ([0,1], Mamba) or signed ([-1,1]).")
    GateRange gates;

    @Option(names = "--norm", paramLabel = "KIND", description = "layer (the paper's MixerModel) or rms.")
    String norm;

    @Option(names = "--lr", paramLabel = "LR", description = "AdamW learning rate.")
    Double lr;

    @Option(names = "--lr-schedule", paramLabel = "KIND",
            description = "constant (the paper) or cosine (decay to 0 over --steps); default: the recipe's.")
    String lrSchedule;

    @Option(names = "--weight-decay", paramLabel = "WD", description = "AdamW weight decay (default: the recipe's, 0.1 for most).")
    Double weightDecay;

    @Option(names = "--clip", paramLabel = "NORM", description = "Global gradient-norm clip, 0 = off (default: ${DEFAULT-VALUE}).")
    double clip = 1.0;

    @Option(names = "--select", paramLabel = "SPLIT",
            description = "Checkpoint kept: the best by mean quick accuracy over the evaluation splits (mean) or by one "
                    + "split's, e.g. bin1; default: the recipe's (bin1 for counter languages, else mean).")
    String select;

    @Option(names = "--decay", paramLabel = "WHICH",
            description = "Weight decay on: all (the reference) or matrices (not norms, biases, A_log, D).")
    String decay;

    @Option(names = "--mix", paramLabel = "SPLIT",
            description = "Also train on words from this split's sampler (flip-flop recipe: val-sparse); none = off.")
    String mix;

    @Option(names = "--batch", paramLabel = "B", description = "Sequences per step.")
    Integer batch;

    @Option(names = "--steps", paramLabel = "S", description = "Optimiser steps.")
    Long steps;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: cores).")
    Integer threads;

    @Option(names = "--max-words", paramLabel = "N", description = "Cap on the words per split (0 = protocol sizes).")
    Integer maxWords;

    @Option(names = "--eval-every", paramLabel = "S", description = "Steps between quick evaluations.")
    Integer evalEvery;

    @Option(names = "--out", paramLabel = "FILE", description = "Model file, NAME.safetensors or NAME (the manifest "
            + "goes beside it as NAME.json); default: the recipe's name, e.g. parity-nonneg.safetensors.")
    Path out;

    @Option(names = "--init-seed", paramLabel = "SEED",
            description = "Seed of the initialisation and the batch order only (default: --seed); "
                    + "the words come from --seed, so runs with several init seeds share their training and test words.")
    Long initSeed;

    @Option(names = "--a-init-scale", paramLabel = "S", converter = Fraction.class,
            description = "Initialise A = -S*(n+1) for state n, S a number or a fraction like 1/4096 (default: the "
                    + "recipe's; 1 = Mamba's S4D-real init). A smaller S starts every channel with a longer memory "
                    + "(the D_12 recipe: 1/4096).")
    Double aInitScale;

    /** A number, or a fraction {@code P/Q} of two numbers. */
    static final class Fraction implements picocli.CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            int slash = text.indexOf('/');
            try {
                return slash < 0 ? Double.parseDouble(text.strip())
                        : Double.parseDouble(text.substring(0, slash).strip())
                                / Double.parseDouble(text.substring(slash + 1).strip());
            } catch (NumberFormatException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + text + "' is not a number or a fraction like 1/4096");
            }
        }
    }

    @Option(names = "--sampler", paramLabel = "KIND",
            description = "How the words are drawn: authors (as the paper's generators; default), uniform (a uniform "
                    + "length, then a uniform word of it) or mixed (each word from either, a fair coin per word).")
    String sampler;

    @Option(names = "--resume", description = "Continue from the saved state of --out when there is one; a finished "
            + "model is trained further when --steps is above the step its run reached.")
    boolean resume;

    @Option(names = "--force", description = "Train anew even when --out holds a finished model or a partly trained "
            + "run's saved state (replaced at the first evaluation); without it such files are kept and the command "
            + "stops (exit 3). Not with --resume.")
    boolean force;

    @Mixin
    TrainRunOptions run;

    @Option(names = "--lock", description = "Hold FILE's run lock (NAME.run.lock) while training, and do nothing when "
            + "another process holds it: sweeps train their cells so (docs/sweeps.md).")
    boolean lock;

    @Override
    public Integer call() throws Exception {
        if (force && resume) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--force and --resume contradict each other: --resume continues the run at --out, --force starts anew");
        }
        TrainingRun.Spec s = runSpec();
        Path file = OutputPaths.modelFile(out != null ? out
                : Path.of(Recipes.forLanguage(language, gates).fileStem() + ".safetensors"));
        OutputPaths.check(file, true);
        if (!lock) {
            return train(s, file);
        }
        var held = CellLock.tryAcquire(file);
        if (held.isEmpty()) {
            err().printf(Locale.ROOT, "%s is being trained by %s; not training it twice.%n", file,
                    CellLock.holder(file).orElse("another process"));
            return ExitCodes.OK;
        }
        try (CellLock l = held.get()) {
            return train(s, file);
        }
    }

    /** The run these options ask for: the language's recipe with every given option in place of the recipe's. */
    TrainingRun.Spec runSpec() {
        checkDecay(decay);
        checkValues();
        Recipes.Recipe r = Recipes.forLanguage(language, gates);
        TrainingRun.Spec s = r.spec(run.seed);
        TrainOptions o = s.options();
        o = new TrainOptions(lr != null ? lr : o.lr(), weightDecay != null ? weightDecay : o.weightDecay(), decay != null ? decay.equals("all") : o.decayAll(), clip, batch != null ? batch : o.batch(),
                steps != null ? steps : o.steps(), threads != null ? threads : o.threads(), run.seed,
                lrSchedule != null ? LrSchedule.parse(lrSchedule) : o.schedule());
        s = new TrainingRun.Spec(s.language(), layers != null ? layers : s.layers(), dModel != null ? dModel : s.dModel(),
                dState != null ? dState : s.dState(), gates != null ? gates : s.gates(),
                norm != null ? parseNorm(norm) : s.norm(), o, maxWords != null ? maxWords : s.maxWords(),
                evalEvery != null ? evalEvery : s.evalEvery(), s.quickEval(), s.saveEvery(), s.stopAt(),
                mix != null ? (mix.equals("none") ? null : mix) : s.mixSplit(),
                select != null ? (select.equals("mean") ? null : select) : s.selectOn(),
                initSeed != null ? initSeed : s.initSeed(), aInitScale != null ? aInitScale : s.aInitScale(),
                sampler != null ? Sampling.parse(sampler) : s.sampling());
        checkMemory(s);
        return s;
    }

    private int train(TrainingRun.Spec s, Path file) throws Exception {
        if (!force) {
            checkReadable(file);
        }
        OutputPaths.checkOwnFile(Checkpoint.manifestPath(file), force, "a StateScope manifest",
                Checkpoint::readManifestFile);
        if (!resume && !force && TrainingRun.finished(file)) {
            throw new IllegalArgumentException(file + " holds a finished model; pass --resume to train it further, "
                    + "--force to replace it, or another --out");
        }
        if (!resume && !force && TrainingRun.resumable(file)) {
            var step = TrainingRun.resumeStep(file);
            throw new IllegalArgumentException(file + " has a partly trained run" + (step.isPresent() ? " (step "
                    + step.getAsLong() + ")" : "") + ": pass --resume to continue it or --force to start anew; "
                    + "nothing was written");
        }
        if (resume && !TrainingRun.resumable(file)) {
            var done = TrainCommandLine.finishedRun(file);
            if (done.isPresent() && !furtherTraining(file, done.get(), s.options().steps())) {
                return ExitCodes.OK;
            }
        }
        return runWithInterrupt(s, file, resume, spec, run);
    }

    /**
     * Says what {@code --resume} does with a finished model: trains it further when {@code steps} is
     * above the step its run reached (true), else says plainly that there is nothing to do (false).
     */
    private boolean furtherTraining(Path file, TrainCommandLine.Finished done, long steps) throws Exception {
        if (steps > done.reachedStep()) {
            err().printf(Locale.ROOT, "%s is finished (its run reached step %d%s); training it "
                    + "further to step %d, from its checkpoint of step %d with fresh AdamW moments.%n", file,
                    done.reachedStep(), done.budget() > 0 ? " of " + done.budget() : "", steps, done.checkpointStep());
            return true;
        }
        var out = out();
        if (run.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", file.toString());
            m.put("state", "finished");
            m.put("reachedStep", done.reachedStep());
            m.put("steps", steps);
            m.put("trained", false);
            out.println(Json.pretty(m));
        } else {
            out.printf(Locale.ROOT, "%s is already trained: its run reached step %d, and --steps %d is not larger, so there"
                    + " is nothing to do. Pass --steps above %d to train it further, or another --out to train anew.%n",
                    file, done.reachedStep(), steps, done.reachedStep());
        }
        return false;
    }

    /**
     * Refuses an {@code --out} that holds a file which is not a readable checkpoint (random bytes, a
     * truncated model, weights without their manifest): training would replace it, with or without
     * {@code --resume}. A run's own resume state is left to the run.
     */
    static void checkReadable(Path file) {
        Path w = Checkpoint.weightsPath(file);
        if (!Files.exists(w) || TrainingRun.resumable(file)) {
            return;
        }
        try {
            Checkpoint.load(w);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(w + " is not a readable checkpoint (" + e.getMessage() + "); nothing was "
                    + "written: move it away, give another --out, or pass --force to replace it");
        }
    }

    /** Refuses a configuration whose training would not fit the heap, before anything is allocated. */
    static void checkMemory(TrainingRun.Spec s) {
        var task = LanguageTask.of(s.language());
        long maxLength = task.language().splits().stream().mapToLong(x -> x.window().max()).max().orElse(1) + 2;
        TrainingMemory.check(TrainingRun.config(s, task), true, s.options().batch(), maxLength,
                s.options().threads(), Runtime.getRuntime().maxMemory());
    }

    /** Refuses a given size, count or rate out of its range, naming the option (the recipe's own are in range). */
    void checkValues() {
        OptionChecks.notNegative("--clip", clip, "off");
        OptionChecks.inRange("--layers", layers, 1, SsmConfig.MAX_DIM);
        OptionChecks.inRange("--d-model", dModel, 1, SsmConfig.MAX_DIM);
        OptionChecks.inRange("--d-state", dState, 1, SsmConfig.MAX_DIM);
        OptionChecks.atLeast("--batch", batch, 1);
        OptionChecks.atLeast("--threads", threads, 1);
        OptionChecks.atLeast("--eval-every", evalEvery, 1);
        OptionChecks.atLeast("--steps", steps, 1);
        OptionChecks.atLeast("--max-words", maxWords, 0);
        OptionChecks.positive("--lr", lr);
        OptionChecks.notNegative("--weight-decay", weightDecay, "off");
        OptionChecks.positive("--a-init-scale", aInitScale);
    }

    static void checkDecay(String d) {
        if (d != null && !d.equals("all") && !d.equals("matrices")) {
            throw new IllegalArgumentException("--decay must be all or matrices, got '" + d + "'");
        }
    }

    static NormKind parseNorm(String n) {
        return switch (n.toLowerCase(Locale.ROOT)) {
            case "layer", "layernorm" -> NormKind.LAYER;
            case "rms", "rmsnorm" -> NormKind.RMS;
            default -> throw new IllegalArgumentException("--norm must be layer or rms, got '" + n + "'");
        };
    }

    /** Runs one training run with a Ctrl-C hook that saves the state; returns the exit code. */
    static int runWithInterrupt(TrainingRun.Spec s, Path file, boolean resume, CommandSpec spec, TrainRunOptions run)
            throws Exception {
        TrainingRun.Outcome outcome;
        try (var stop = new TrainRunOptions.SaveOnExit("statescope-train-save")) {
            outcome = TrainingRun.run(s, TrainCommandLine.of(s), file, resume, run.progress(spec.commandLine().getErr(), ""),
                    stop::requested);
        }
        report(spec, s, outcome, run.json);
        return outcome.interrupted() ? ExitCodes.INTERRUPTED : ExitCodes.OK;
    }

    static void report(CommandSpec spec, TrainingRun.Spec s, TrainingRun.Outcome o, boolean json) throws Exception {
        var out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("language", s.language());
            m.put("steps", o.steps());
            m.put("stoppedEarly", o.stoppedEarly());
            m.put("interrupted", o.interrupted());
            m.put("seconds", o.seconds());
            m.put("accuracy", o.accuracy());
            m.put("model", o.model().toString());
            out.println(Json.pretty(m));
            return;
        }
        spec.commandLine().getErr().println();
        if (o.interrupted()) {
            out.printf(Locale.ROOT, "interrupted at step %d; state saved to %s (continue with --resume)%n", o.steps(), o.model());
            return;
        }
        var sb = new StringBuilder();
        o.accuracy().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %s %.2f%%", k, v)));
        out.printf(Locale.ROOT, "%s: %d steps in %s%s; model %s;%s%n", s.language(), o.steps(),
                ConsoleProgress.duration((long) o.seconds()), o.stoppedEarly() ? " (target reached)" : "", o.model(), sb);
    }
}
