package statescope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import statescope.analysis.probe.ProbeTarget;
import statescope.analysis.probe.Probing;
import statescope.analysis.probe.RidgeFitter;
import statescope.lang.catalog.DfaMachine;

/** {@code statescope probe}: per layer, a linear probe from the model's states to the automaton's state. */
@Command(name = "probe",
        header = "Fit linear probes for the automaton's state per layer.",
        description = {"Per layer (the embedding as layer 0, then each block's state h_t and its output), fit a",
            "linear probe (ridge least squares, one-vs-rest) to the reference automaton's state or to the",
            "counters of a counter language on one sample of the language, and score it on a held-out one",
            "beside the majority-class baseline."},
        mixinStandardHelpOptions = true,
        footer = {"", "The fit's products run on ND4J (BLAS) and, with --fitter both, in plain Java beside it:",
            "both times are printed and the first fitter's probe is scored.", "", "Examples:",
            "  statescope probe --model assets/models/tomita-3.safetensors",
            "  statescope probe --suite assets/models --fitter nd4j --rows 5000"})
public final class ProbeCommand extends CommandBase implements Callable<Integer> {

    @Mixin
    ModelFiles models;

    @Option(names = "--language", paramLabel = "ID", description = "The language (default: the manifest's).")
    String language;

    @Option(names = "--layers", paramLabel = "LIST", defaultValue = "all",
            description = "Layers to probe: all, or numbers such as 0,2 (0 = embedding). Default: ${DEFAULT-VALUE}.")
    String layers;

    @Option(names = "--target", paramLabel = "WHAT",
            description = "state or counter (default: state when the language has a DFA, else counter).")
    String target;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "20000",
            description = "Positions in each of the fit and held-out samples. Default: ${DEFAULT-VALUE}.")
    int rows;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Sample seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--fitter", paramLabel = "WHICH", defaultValue = "both",
            description = "nd4j, java, or both (ND4J scored, plain Java timed and compared). Default: ${DEFAULT-VALUE}.")
    String fitter;

    @Option(names = "--confusion", description = "Also print the confusion table of each state probe.")
    boolean confusion;

    @Option(names = "--json", description = "Print JSON instead of a Markdown table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (rows < 10 || rows > 200_000) {
            throw new IllegalArgumentException("--rows must be in 10..200000, got " + rows);
        }
        Set<Integer> layerSet = parseLayers(layers);
        List<RidgeFitter> fitters = switch (fitter) {
            case "both" -> List.of(RidgeFitter.nd4j(), RidgeFitter.java());
            case "nd4j", "java" -> List.of(RidgeFitter.named(fitter));
            default -> throw new IllegalArgumentException("--fitter must be nd4j, java or both, not '" + fitter + "'");
        };
        PrintWriter out = out();
        var all = new ArrayList<Map<String, Object>>();
        boolean header = true;
        for (Path f : models.files()) {
            AnalysedModel m = AnalysedModel.load(f, language);
            ProbeTarget t = target != null ? parseTarget(target)
                    : m.language().dfa().isPresent() ? ProbeTarget.STATE : ProbeTarget.COUNTER;
            checkLayersAndTarget(m, layerSet, t);
            Probing.Report r = Probing.run(m.weights(), m.language(), new Probing.Spec(t, rows, seed, layerSet, fitters));
            if (json) {
                all.add(json(m, r));
                continue;
            }
            if (header) {
                out.println("| model | language | target | classes | probe | features | held-out % | baseline % | "
                        + String.join(" | ", fitters.stream().map(x -> "fit " + x.name() + " ms").toList())
                        + (fitters.size() > 1 ? " | fitters agree %" : "") + " |");
                out.println("|---|---|---|---|---|---|---|---|" + "---|".repeat(fitters.size() + (fitters.size() > 1 ? 1 : 0)));
                header = false;
            }
            for (Probing.LayerResult l : r.layers()) {
                var cells = new ArrayList<>(List.of(m.name(), m.language().id(), t.name().toLowerCase(Locale.ROOT),
                        Integer.toString(r.classes().size()), l.label(), Integer.toString(l.width()),
                        fmt(l.accuracy()), fmt(l.baseline())));
                l.fitMillis().values().forEach(v -> cells.add(String.format(Locale.ROOT, "%.0f", v)));
                if (fitters.size() > 1) {
                    cells.add(fmt(l.agreement()));
                }
                out.println("| " + String.join(" | ", cells) + " |");
            }
            if (confusion) {
                for (Probing.LayerResult l : r.layers()) {
                    printConfusion(out, m.name() + " " + l.label(), r.classes(), l.confusion());
                }
            }
            out.flush();
        }
        if (json) {
            out.println(Json.pretty(models.oneOrAll(all)));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static Map<String, Object> json(AnalysedModel m, Probing.Report r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("model", m.name());
        o.put("language", m.language().id());
        o.put("target", r.target().name().toLowerCase(Locale.ROOT));
        o.put("classes", r.classes());
        o.put("fitRows", r.fitRows());
        o.put("heldOutRows", r.heldOutRows());
        var layers = new ArrayList<Map<String, Object>>();
        for (Probing.LayerResult l : r.layers()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("probe", l.label());
            x.put("layer", l.layer());
            x.put("features", l.width());
            x.put("accuracy", l.accuracy());
            x.put("baseline", l.baseline());
            x.put("fitMillis", l.fitMillis());
            if (!Double.isNaN(l.agreement())) {
                x.put("fittersAgreePercent", l.agreement());
            }
            x.put("confusion", l.confusion());
            layers.add(x);
        }
        o.put("probes", layers);
        return o;
    }

    private static void printConfusion(PrintWriter out, String title, List<String> classes, int[][] c) {
        if (c.length == 0) {
            return;
        }
        out.println();
        out.println("confusion of " + title + " (rows: true state, columns: decoded)");
        out.println("| true \\ decoded | " + String.join(" | ", classes) + " |");
        out.println("|---|" + "---|".repeat(classes.size()));
        for (int i = 0; i < c.length; i++) {
            var cells = new ArrayList<String>();
            for (int v : c[i]) {
                cells.add(Integer.toString(v));
            }
            out.println("| " + classes.get(i) + " | " + String.join(" | ", cells) + " |");
        }
    }

    /**
     * Refuses layers the model does not have (the table came out empty) and counters a language does not
     * have (a DFA's state was probed as one register: "1 class", 100%).
     */
    static void checkLayersAndTarget(AnalysedModel m, Set<Integer> layerSet, ProbeTarget t) {
        int last = m.weights().config().nLayer();
        for (int l : layerSet) {
            if (l > last) {
                throw new IllegalArgumentException("--layers " + l + ": " + m.name() + " has layers 0.." + last
                        + " (0 = embedding)");
            }
        }
        if (t == ProbeTarget.COUNTER && (m.language().machine() instanceof DfaMachine
                || m.language().machine().registerNames().isEmpty())) {
            throw new IllegalArgumentException("--target counter: " + m.language().id() + " has no counters (its "
                    + "reference machine is a " + m.language().machine().kind() + "); use --target state");
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static ProbeTarget parseTarget(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "state" -> ProbeTarget.STATE;
            case "counter", "counters" -> ProbeTarget.COUNTER;
            default -> throw new IllegalArgumentException("--target must be state or counter, not '" + s + "'");
        };
    }

    static Set<Integer> parseLayers(String s) {
        if (s.equalsIgnoreCase("all")) {
            return Set.of();
        }
        var out = new LinkedHashSet<Integer>();
        for (String p : s.split(",")) {
            try {
                int l = Integer.parseInt(p.strip());
                if (l < 0) {
                    throw new NumberFormatException();
                }
                out.add(l);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--layers takes all or layer numbers such as 0,2; not '" + s + "'");
            }
        }
        return out;
    }
}
