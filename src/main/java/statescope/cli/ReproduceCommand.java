package statescope.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import statescope.experiment.Recipes;
import statescope.experiment.TrainingRun;

/**
 * {@code statescope reproduce}: regenerates every shipped model from its seed, model by model. Finished
 * models are skipped unless their recipe's step budget grew since (then they are trained further from
 * their checkpoint) or its other options changed (then they are trained again from the seed), a partly
 * trained one resumes from its saved state, so the command can be stopped (Ctrl-C saves) and started
 * again at any point.
 */
@Command(name = "reproduce",
        header = "Train every shipped model from its recipe and seed.",
        description = {"Train every shipped model from its recipe and seed (docs/reproduction.md), skipping finished",
            "ones (unless the recipe's step budget grew: then they are trained further; or its other options",
            "changed: then they are trained again) and resuming a partly trained one. Ctrl-C saves the current",
            "model's state; run again to continue."},
        mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  statescope reproduce --out assets/models",
            "  statescope reproduce --languages flip-flop,parity-signed,parity-nonneg"})
public final class ReproduceCommand extends CommandBase implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", description = "Folder of the models (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("assets", "models");

    @Option(names = "--languages", split = ",", paramLabel = "NAME",
            description = "Only these models (file stems such as parity-signed, or language ids).")
    List<String> only;

    @Option(names = "--list", description = "List the models and their state, train nothing.")
    boolean list;

    @Option(names = "--force", description = "Replace a finished model in --out that was trained from another seed "
            + "than --seed; without it such a model is kept and the command stops (exit 3).")
    boolean force;

    @Mixin
    TrainRunOptions run;

    /**
     * Refuses to train a model again from {@code --seed} where a finished model in {@code --out} came from
     * another seed (the shipped models, with {@code --seed 2}): it would be replaced. Nothing is trained.
     */
    private void checkSeeds(List<Recipes.Recipe> todo) {
        for (Recipes.Recipe r : todo) {
            Path file = out.resolve(r.fileStem() + ".safetensors");
            var done = TrainingRun.finishedManifest(file);
            if (done.isPresent() && done.get().seed() != run.seed) {
                throw new IllegalArgumentException(file + " was trained from seed " + done.get().seed() + ", not --seed "
                        + run.seed + ": reproducing it would replace it; give another --out, or pass --force to replace "
                        + "it; nothing was trained");
            }
        }
    }

    /** What reproduce does with one model. */
    enum State {
        NOT_STARTED("not started"),
        PARTLY_TRAINED("partly trained"),
        FINISHED("finished"),
        BUDGET_GREW("budget grew"),
        RECIPE_CHANGED("recipe changed");

        final String label;

        State(String label) {
            this.label = label;
        }
    }

    /** A model file's state, with its finished run when there is one (read once, for the messages too). */
    record Status(State state, TrainCommandLine.Finished finished) {
    }

    /**
     * The state of a recipe's model file: a finished model trained with other options than the recipe's
     * (its manifest's command, {@code --steps} and {@code --threads} aside) is RECIPE_CHANGED, one whose
     * recipe now asks for more steps is BUDGET_GREW.
     */
    static Status stateOf(TrainingRun.Spec recipe, Path file) {
        if (TrainingRun.resumable(file)) {
            return new Status(State.PARTLY_TRAINED, null);
        }
        var done = TrainCommandLine.finishedRun(file);
        if (done.isEmpty()) {
            return new Status(State.NOT_STARTED, null);
        }
        TrainCommandLine.Finished f = done.get();
        if (f.recipe() != null && !f.recipe().equals(TrainCommandLine.withoutBudget(TrainCommandLine.of(recipe)))) {
            return new Status(State.RECIPE_CHANGED, f);
        }
        long budget = f.budget() > 0 ? f.budget() : f.reachedStep();
        return new Status(recipe.options().steps() > budget ? State.BUDGET_GREW : State.FINISHED, f);
    }

    private static String listLabel(State state, Recipes.Recipe r) {
        return switch (state) {
            case BUDGET_GREW -> "finished, budget grew to " + r.steps() + " steps: to train further";
            case RECIPE_CHANGED -> "finished with another recipe: to train again from the seed";
            default -> state.label;
        };
    }

    @Override
    public Integer call() throws Exception {
        List<Recipes.Recipe> todo = new ArrayList<>();
        for (Recipes.Recipe r : Recipes.all()) {
            if (only == null || only.contains(r.fileStem()) || only.contains(r.language())) {
                todo.add(r);
            }
        }
        if (only != null) {
            List<String> unknown = only.stream().filter(n -> Recipes.all().stream()
                    .noneMatch(r -> r.fileStem().equals(n) || r.language().equals(n))).toList();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("--languages: no shipped model '" + String.join("', '", unknown)
                        + "'; statescope reproduce --list names them");
            }
        }
        if (!list && !todo.isEmpty()) {
            OutputPaths.check(out.resolve(todo.get(0).fileStem() + ".safetensors"), true);
            if (!force) {
                checkSeeds(todo);
            }
        }
        var err = err();
        var outW = out();
        List<Map<String, Object>> rows = new ArrayList<>();
        boolean interrupted = false;
        try (var stop = new TrainRunOptions.SaveOnExit("statescope-reproduce-save")) {
            int i = 0;
            for (Recipes.Recipe r : todo) {
                i++;
                Path file = out.resolve(r.fileStem() + ".safetensors");
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("model", r.fileStem());
                row.put("file", file.toString());
                TrainingRun.Spec recipe = r.spec(run.seed);
                Status status = stateOf(recipe, file);
                State state = status.state();
                String prefix = String.format(Locale.ROOT, "[%d/%d %s] ", i, todo.size(), r.fileStem());
                if (state == State.FINISHED) {
                    row.put("state", state.label);
                } else if (list || stop.requested()) {
                    row.put("state", listLabel(state, r));
                } else {
                    if (state == State.BUDGET_GREW) {
                        var done = status.finished();
                        err.printf(Locale.ROOT, "%sfinished at step %d of %d, the recipe now says %d steps: training it "
                                + "further from its checkpoint of step %d with fresh AdamW moments%n", prefix,
                                done.reachedStep(), done.budget(), r.steps(), done.checkpointStep());
                    } else if (state == State.RECIPE_CHANGED) {
                        err.printf(Locale.ROOT, "%strained with another recipe (%s); training it again from seed %d "
                                + "(it is replaced at the new run's first evaluation)%n", prefix,
                                status.finished().recipe(), run.seed);
                    }
                    TrainingRun.Outcome o = TrainingRun.run(recipe, TrainCommandLine.of(recipe), file,
                            state != State.RECIPE_CHANGED, run.progress(err, prefix), stop::requested);
                    if (!run.quiet) {
                        err.println();
                    }
                    row.put("state", o.interrupted() ? "partly trained" : "finished");
                    row.put("seconds", o.seconds());
                    row.put("accuracy", o.accuracy());
                    interrupted |= o.interrupted();
                }
                rows.add(row);
                if (!run.json) {
                    outW.printf(Locale.ROOT, "%-28s %-15s %s%n", r.fileStem(), row.get("state"),
                            row.containsKey("accuracy") ? row.get("accuracy") : "");
                    outW.flush();
                }
            }
        }
        if (run.json) {
            outW.println(Json.pretty(rows));
        }
        return interrupted ? ExitCodes.INTERRUPTED : ExitCodes.OK;
    }
}
