package statescope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import statescope.analysis.extract.Extraction;
import statescope.analysis.extract.ExtractionResult;
import statescope.analysis.extract.MealyText;
import statescope.analysis.extract.ModelOutputs;
import statescope.analysis.extract.OutputQueries;
import statescope.analysis.extract.ReferenceOutputs;
import statescope.analysis.extract.SearchOracle;

/** {@code statescope extract}: the machine a model computes, learned with LearnLib, against the reference. */
@Command(name = "extract",
        header = "Learn the Mealy machine a model computes.",
        description = {"Learn the Mealy machine a model computes on its language's domain (each prefix -> its",
            "predicted output class; prefixes the reference can no longer complete -> the sink ⊥) with",
            "LearnLib's TTT, queries answered by the batched scan, and compare it with the reference:",
            "equivalent within the equivalence oracle's stated reach, or the separating word, confirmed by",
            "stepping the model."},
        mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  statescope extract --model assets/models/parity-nonneg.safetensors",
            "  statescope extract --model assets/models/tomita-3.safetensors --dot",
            "  statescope extract --suite assets/models --time 60"})
public final class ExtractCommand extends CommandBase implements Callable<Integer> {

    @Mixin
    ModelFiles models;

    @Option(names = "--language", paramLabel = "ID", description = "The language (default: the manifest's).")
    String language;

    @Option(names = "--time", paramLabel = "S", defaultValue = "60",
            description = "Time budget per model in seconds. Default: ${DEFAULT-VALUE}.")
    double time;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Oracle seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--json", description = "Print JSON (with the machine's transitions).")
    boolean json;

    @Option(names = "--dot", description = "Print the extracted machine as Graphviz DOT (one model).")
    boolean dot;

    @Override
    public Integer call() throws Exception {
        if (!(time > 0) || time > 86_400) {
            throw new IllegalArgumentException("--time must be in (0, 86400] seconds, got " + time);
        }
        if (dot && models.model() == null) {
            throw usage("--dot prints one machine: give --model, not --suite");
        }
        if (dot && json) {
            throw usage("--dot and --json exclude each other");
        }
        PrintWriter out = out();
        var all = new ArrayList<Map<String, Object>>();
        boolean header = true;
        for (Path f : models.files()) {
            AnalysedModel m = AnalysedModel.loadScored(f, language);
            ModelOutputs target;
            try {
                target = new ModelOutputs(m.weights(), m.language());
            } catch (IllegalArgumentException e) {
                if (models.model() != null) {
                    throw e;
                }
                if (!json) {
                    out.println("| " + m.name() + " | " + m.language().id() + " | – | – | – | – | – | n/a: "
                            + e.getMessage() + " |");
                }
                continue;
            }
            var ref = new ReferenceOutputs(m.language().machine(), m.language().targets());
            ExtractionResult r;
            try {
                r = Extraction.run(target, ref, SearchOracle.of(m.weights(), m.name(), m.language(), seed), time);
            } catch (RuntimeException e) {
                if (models.model() != null) {
                    throw e;
                }
                if (!json) {                                    // one model's failure is its row, not the suite's end
                    out.println("| " + m.name() + " | " + m.language().id() + " | – | – | – | – | – | error: "
                            + e.getMessage() + " |");
                }
                continue;
            }
            if (dot) {
                out.print(MealyText.dot(r.machine(), target));
                out.flush();
                continue;
            }
            if (json) {
                all.add(json(m, r, target));
                continue;
            }
            if (header) {
                out.println("| model | language | states | reference states | queries | time s | verdict |"
                        + " separating word (model / reference at its end) |");
                out.println("|---|---|---|---|---|---|---|---|");
                header = false;
            }
            out.println("| " + String.join(" | ", m.name(), m.language().id(), r.states() + (r.complete() ? "" : " (partial)"),
                    r.referenceStates() < 0 ? "not finite" : Integer.toString(r.referenceStates()),
                    String.format(Locale.ROOT, "%,d", r.queries()), String.format(Locale.ROOT, "%.1f", r.seconds()),
                    r.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' '), separating(r, target)) + " |");
            out.flush();
            if (models.model() != null) {
                out.println();
                out.println("oracle reach: " + r.reach());
            }
        }
        if (json) {
            out.println(Json.pretty(models.oneOrAll(all)));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String separating(ExtractionResult r, OutputQueries names) {
        if (r.separating() == null) {
            return "–";
        }
        int last = r.separating().length() - 1;
        String w = r.separating().toString();
        if (w.length() > 60) {
            w = w.substring(0, 28) + "…" + w.substring(w.length() - 28) + " (" + r.separating().length() + " symbols)";
        }
        return "`" + w + "` (" + names.outputName(r.modelOutputs()[last]) + " / "
                + names.outputName(r.referenceOutputs()[last]) + ")";
    }

    private static Map<String, Object> json(AnalysedModel m, ExtractionResult r, OutputQueries names) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("model", m.name());
        o.put("language", m.language().id());
        o.put("states", r.states());
        o.put("referenceStates", r.referenceStates());
        o.put("queries", r.queries());
        o.put("querySymbols", r.querySymbols());
        o.put("rounds", r.rounds());
        o.put("seconds", r.seconds());
        o.put("verdict", r.verdict().name().toLowerCase(Locale.ROOT));
        o.put("complete", r.complete());
        o.put("oracleReach", r.reach());
        if (r.separating() != null) {
            o.put("separatingWord", r.separating().toString());
            o.put("separatingLength", r.separating().length());
            o.put("modelOutputs", Arrays.stream(r.modelOutputs()).mapToObj(names::outputName).toList());
            o.put("referenceOutputs", Arrays.stream(r.referenceOutputs()).mapToObj(names::outputName).toList());
        }
        o.put("outputs", names.outputNames());
        o.put("transitions", MealyText.transitions(r.machine(), names));
        return o;
    }
}
