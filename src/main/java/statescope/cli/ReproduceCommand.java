package statescope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import statescope.study.Recipes;
import statescope.study.TrainingRun;

/**
 * {@code statescope reproduce}: regenerates every shipped model from its seed, model by model. Finished
 * models are skipped, a partly trained one resumes from its saved state, so the command can be stopped
 * (Ctrl-C saves) and started again at any point.
 */
@Command(name = "reproduce",
        description = {"Train every shipped model from its recipe and seed (docs/reproduction.md), skipping finished",
            "ones and resuming a partly trained one. Ctrl-C saves the current model's state; run again to continue."},
        mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  statescope reproduce --out assets/models",
            "  statescope reproduce --languages flip-flop,parity-signed,parity-nonneg"})
public final class ReproduceCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", description = "Folder of the models (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("assets", "models");

    @Option(names = "--languages", split = ",", paramLabel = "NAME",
            description = "Only these models (file stems such as parity-signed, or language ids).")
    List<String> only;

    @Option(names = "--seed", paramLabel = "SEED", description = "Seed of every run (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--list", description = "List the models and their state, train nothing.")
    boolean list;

    @Option(names = "--quiet", description = "No progress line.")
    boolean quiet;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Recipes.Recipe> todo = new ArrayList<>();
        for (Recipes.Recipe r : Recipes.all()) {
            if (only == null || only.contains(r.fileStem()) || only.contains(r.language())) {
                todo.add(r);
            }
        }
        if (only != null && todo.isEmpty()) {
            throw new IllegalArgumentException("no model matches --languages " + String.join(",", only)
                    + "; see statescope reproduce --list");
        }
        var err = spec.commandLine().getErr();
        var outW = spec.commandLine().getOut();
        List<Map<String, Object>> rows = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.set(true);
            try {
                finished.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "statescope-reproduce-save");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean interrupted = false;
        try {
            int i = 0;
            for (Recipes.Recipe r : todo) {
                i++;
                Path file = out.resolve(r.fileStem() + ".safetensors");
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("model", r.fileStem());
                row.put("file", file.toString());
                if (TrainingRun.finished(file)) {
                    row.put("state", "finished");
                } else if (list) {
                    row.put("state", TrainingRun.resumable(file) ? "partly trained" : "not started");
                } else if (stop.get()) {
                    row.put("state", "not started");
                } else {
                    String prefix = String.format(Locale.ROOT, "[%d/%d %s] ", i, todo.size(), r.fileStem());
                    TrainingRun.Outcome o = TrainingRun.run(r.spec(seed), file, true, new Progress(err, quiet, prefix),
                            stop::get);
                    if (!quiet) {
                        err.println();
                    }
                    row.put("state", o.interrupted() ? "partly trained" : "finished");
                    row.put("seconds", o.seconds());
                    row.put("accuracy", o.accuracy());
                    interrupted |= o.interrupted();
                }
                rows.add(row);
                if (!json) {
                    outW.printf(Locale.ROOT, "%-28s %-15s %s%n", r.fileStem(), row.get("state"),
                            row.containsKey("accuracy") ? row.get("accuracy") : "");
                    outW.flush();
                }
            }
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down already
            }
        }
        if (json) {
            outW.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
        }
        return interrupted ? ExitCodes.INTERRUPTED : ExitCodes.OK;
    }
}
