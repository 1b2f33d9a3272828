package statescope.cli;

import java.io.IOException;
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
import statescope.experiment.ModelEvaluation;
import statescope.experiment.SweepFolder;
import statescope.lang.catalog.Sampling;
import statescope.ssm.Checkpoint;
import statescope.ssm.GateRange;
import statescope.ssm.SelectiveScanKernel;
import statescope.ssm.VectorSupport;
import statescope.ssm.gpu.Selection;

/** {@code statescope eval}: the paper's per-bin accuracy of one model or of a folder of models. */
@Command(name = "eval",
        header = "Score trained models the paper's way, per length bin.",
        description = {"Score trained models the paper's way (strict per-string accuracy per length bin; flip-flop",
            "on val / val-sparse; bounded Dyck closing-bracket accuracy on dev / test) and print the",
            "language x bin table as Markdown (default), CSV or JSON."},
        mixinStandardHelpOptions = true,
        footer = {"", "On the CPU the forward passes are the training forward, so the figures equal the manifests'.",
            "With a usable GPU (--backend auto or gpu) they run as batched scans on it; without one, on the CPU",
            "with a one-line notice.", "", "Examples:", "  statescope eval --model assets/models/parity-signed.safetensors",
            "  statescope eval --suite assets/models --csv", "  statescope eval --suite assets/models --backend gpu",
            "  statescope eval --model d-4.safetensors --words val_src_bin1.txt \\",
            "      --targets val_tgt_bin1.txt",
            "  statescope eval --suite assets/models --authors ssm_expressivity/generated_ds"})
public final class EvalCommand extends CommandBase implements Callable<Integer> {

    @Mixin
    ModelFiles target;

    @Mixin
    VocabOptions vocab;

    @Option(names = "--max-words", paramLabel = "N",
            description = "Words per split (default: the cap the model was trained with; 0 = protocol sizes).")
    Integer maxWords;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: cores).")
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    @Mixin
    BackendOption backend;

    @Option(names = "--language", paramLabel = "ID",
            description = "With --model: the catalog language the model is scored on (for a model whose manifest names "
                    + "none, e.g. one from Hugging Face, with --vocab); with --words, the language of the words "
                    + "(must be the model's; default: the model's).")
    String language;

    @Option(names = "--words", paramLabel = "FILE",
            description = "Score --model on these words (one a line, as the paper's val_src_binK.txt files).")
    Path words;

    @Option(names = "--targets", paramLabel = "FILE",
            description = "With --words: the per-position targets in the paper's format (val_tgt_binK.txt); checked "
                    + "against ours first, mismatches reported.")
    Path targetsFile;

    @Option(names = "--authors", paramLabel = "DIR",
            description = "Score on the paper's released evaluation files instead of our samplers: DIR is a local copy "
                    + "of their generated_ds folder (the 'on the authors' words' column of docs/reproduction.md).")
    Path authors;

    @Option(names = "--sampler", paramLabel = "KIND",
            description = "Score on the splits of this sampling (authors, uniform or mixed) instead of the one the model's "
                    + "manifest names (docs/reproduction.md: the pattern on both).")
    String sampler;

    @Option(names = "--csv", description = "Print CSV instead of Markdown.")
    boolean csv;

    @Option(names = "--json", description = "Print JSON instead of Markdown.")
    boolean json;

    @Option(names = "--over-seeds", negatable = true, paramLabel = "",
            description = "With --suite: mean, sd, min and max per language, gates, size and budget over the seeds, and "
                    + "how many models meet the paper's pattern (default: on for a sweep's folder, docs/sweeps.md).")
    Boolean overSeeds;

    /** {@code --max-words}, or -1: the cap each model was trained with. */
    int maxWordsOrModels() {
        return maxWords == null ? -1 : maxWords;
    }

    @Override
    public Integer call() throws Exception {
        vocab.checkUsage(spec.commandLine());
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        if (json && csv) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--json and --csv exclude each other");
        }
        OptionChecks.atLeast("--max-words", maxWords, 0);
        if (words != null || targetsFile != null || authors != null) {
            return new EvalWords(this).call();
        }
        Sampling sampling = sampler == null ? null : Sampling.parse(sampler);
        List<Path> files = target.files();
        List<ModelEvaluation.Row> rows = new ArrayList<>();
        int skipped = 0;
        // the one model is read (and its language checked) before the backend is chosen: a mistake is the only line
        Checkpoint one = target.model() == null ? null : vocab.load(target.model(), Checkpoint.Overrides.NONE, language, err());
        try (Selection backendSel = backend.select(VectorSupport.fastScan(threads), err())) {
            // the GPU runs batched scans; on the CPU the training forward keeps the figures equal to the manifests'
            SelectiveScanKernel gpu = backendSel.onGpu() ? backendSel.kernel() : null;
            if (one != null) {
                Path f = target.model();
                String name = f.getFileName().toString().replaceFirst("\\.(safetensors|json)$", "");
                rows.add(ModelEvaluation.evaluate(one, name, f, maxWordsOrModels(), threads, gpu, sampling));
            } else {
                if (vocab.vocab != null || language != null) {
                    throw new IllegalArgumentException("--vocab and --language go with --model, not --suite");
                }
                List<Path> scored = new ArrayList<>();
                for (Path f : files) {                                 // a bad file is named and skipped, the rest scored
                    String name = Checkpoint.weightsPath(f).getFileName().toString().replace(".safetensors", "");
                    Checkpoint cp;
                    try {
                        cp = Checkpoint.load(Checkpoint.weightsPath(f));
                    } catch (IOException | IllegalArgumentException e) {
                        String why = String.valueOf(e.getMessage());
                        err().println("statescope: skipped " + (why.startsWith(f.getFileName().toString()) ? why
                                : f.getFileName() + ": " + why));
                        err().flush();
                        continue;
                    }
                    rows.add(ModelEvaluation.evaluate(cp, name, f, maxWordsOrModels(), threads, gpu, sampling));
                    scored.add(f);
                }
                if (scored.isEmpty()) {
                    throw new IllegalArgumentException("no model in " + target.suite() + " could be read (each is named above)");
                }
                skipped = files.size() - scored.size();
                files = scored;
            }
        }
        int done = skipped > 0 ? ExitCodes.BAD_INPUT : ExitCodes.OK;       // the table of the rest, then the failure
        var out = out();
        if (target.suite() != null && (overSeeds != null ? overSeeds : SweepFolder.isSweep(target.suite()))) {
            out.print(SeedTable.render(SeedTable.groups(files, rows), csv, json));
            out.flush();
            return done;
        }
        if (json) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (var r : rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("model", r.model());
                m.put("language", r.language());
                m.put("layers", r.config().nLayer());
                m.put("dModel", r.config().dModel());
                m.put("gates", r.config().gates().name().toLowerCase(Locale.ROOT));
                m.put("step", r.step());
                m.put("seed", r.seed());
                m.put("accuracy", r.accuracy());
                list.add(m);
            }
            out.println(Json.pretty(list));
            out.flush();
            return done;
        }
        out.print(table(rows, csv));
        out.flush();
        return done;
    }

    /** The language × bin table (at most three evaluation splits per language). */
    static String table(List<ModelEvaluation.Row> rows, boolean csv) {
        var sb = new StringBuilder();
        String[] head = {"model", "language", "layers", "d_model", "gates", "step", "splits", "bin 1", "bin 2", "bin 3"};
        if (csv) {
            sb.append(String.join(",", head)).append('\n');
        } else {
            sb.append("| ").append(String.join(" | ", head)).append(" |\n");
            sb.append("|---|---|---|---|---|---|---|---|---|---|\n");
        }
        for (var r : rows) {
            List<String> cells = new ArrayList<>(List.of(r.model(), r.language(), Integer.toString(r.config().nLayer()),
                    Integer.toString(r.config().dModel()), r.config().gates() == GateRange.SIGNED
                            ? "signed" : "nonneg", Long.toString(r.step()), String.join(csv ? " " : ", ", r.accuracy().keySet())));
            for (double v : r.accuracy().values()) {
                cells.add(String.format(Locale.ROOT, "%.2f", v));
            }
            while (cells.size() < head.length) {
                cells.add(csv ? "" : "–");
            }
            if (csv) {
                sb.append(String.join(",", cells.subList(0, head.length))).append('\n');
            } else {
                sb.append("| ").append(String.join(" | ", cells.subList(0, head.length))).append(" |\n");
            }
        }
        return sb.toString();
    }
}
