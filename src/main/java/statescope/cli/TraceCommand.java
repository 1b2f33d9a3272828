package statescope.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import statescope.export.StreamedFiles;
import statescope.export.TraceData;
import statescope.export.TraceFiles;
import statescope.export.TraceJson;
import statescope.ssm.Checkpoint;
import statescope.ssm.GateRange;
import statescope.ssm.NormKind;
import statescope.ssm.SsmConfig;
import statescope.ssm.SsmStepper;
import statescope.ssm.Trace;

/**
 * {@code statescope trace}: runs a checkpoint over one input, token by token (the recurrent step the
 * app uses), and prints the logits and, per layer, h, Δ and y (the SSM output before the gate).
 */
@Command(name = "trace",
        header = "Run a model over one input and print what each token did.",
        description = {"Run a model over one input and print what it computed at every token:",
            "logits, and per layer the state h [T][d_inner][d_state], Δ [T][d_inner] and",
            "y [T][d_inner] (the SSM output C·h + D·x, before the SiLU(z) gate)."},
        mixinStandardHelpOptions = true,
        footer = {"", "Examples:",
            "  statescope trace --model parity.safetensors --input abba",
            "  statescope trace --model model.safetensors --tokens 0,3,1 --json > trace.json",
            "  statescope trace --model parity.safetensors --input 0110 -o trace.npz",
            "  statescope trace --model hf-mamba/ --vocab 0=5,1=6 --input 0110",
            "",
            "--model also takes a Hugging Face save_pretrained folder (config.json + model.safetensors)",
            "or a mamba_ssm state dict saved as safetensors (docs/interop.md). Without a NAME.json",
            "manifest or a config.json, the config is inferred from the tensor shapes (RMSNorm unless",
            "the norms have a bias, eps 1e-5, gates [0,1]); --gates, --norm and --norm-eps override it.",
            "--input needs a vocabulary: the manifest's, --vocab, or a map saved with --save-vocab."})
public final class TraceCommand extends CommandBase implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "FILE",
            description = "The checkpoint: NAME.safetensors (or its manifest NAME.json), or a Hugging Face folder.")
    Path model;

    @Option(names = "--language", paramLabel = "ID",
            description = "With --vocab: the catalog language whose symbols and outputs it maps (orders them "
                    + "as the language does, and is saved with --save-vocab).")
    String language;

    @Mixin
    VocabOptions vocab;

    static final class Input {
        @Option(names = "--input", paramLabel = "STRING",
                description = "The input as a string of symbols of the model's vocabulary.")
        String input;

        @Option(names = "--tokens", paramLabel = "IDS", split = ",",
                description = "The input as comma-separated token ids, e.g. 0,3,1.")
        int[] tokens;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    @Option(names = "--gates", paramLabel = "RANGE", description = "Override the gate range: nonneg ([0,1], Mamba) or signed ([-1,1]).")
    GateRange gates;

    @Option(names = "--norm", paramLabel = "KIND", description = "Override the norm: ${COMPLETION-CANDIDATES}.")
    NormKind norm;

    @Option(names = "--norm-eps", paramLabel = "EPS", description = "Override the norms' epsilon.")
    Float normEps;

    @Option(names = "--json", description = "Print the full trace as JSON.")
    boolean json;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "Write the full trace to FILE, as its extension says: .csv (long format: t, token, layer, "
                    + "channel, n, h, delta, abar, y, logit), .json (as --json) or .npz (NumPy, one array per quantity).")
    Path out;

    @Override
    public Integer call() throws IOException {
        vocab.checkUsage(spec.commandLine());
        OptionChecks.positive("--norm-eps", normEps);
        if (out != null) {
            OutputPaths.check(out, false);
        }
        Checkpoint ck = vocab.load(model, new Checkpoint.Overrides(gates, norm, normEps), language,
                err());
        int[] tokens = input.tokens != null ? input.tokens : ck.manifest().encode(input.input);
        if (tokens.length == 0) {
            throw new IllegalArgumentException("the input is empty");
        }
        checkTraceSize(ck.weights().config(), tokens.length);
        var stepper = new SsmStepper(ck.weights());
        Trace trace = stepper.run(stepper.newState(), tokens);
        PrintWriter out = out();
        if (this.out != null) {
            writeFile(ck, tokens, trace, stepper.backend());
            out.println("wrote " + this.out);
            out.flush();
            return ExitCodes.OK;
        }
        if (json) {
            writeJson(out, ck, tokens, trace, stepper.backend());
        } else {
            writeText(out, ck, tokens, trace);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Most values a trace may hold (200 MB of floats; as JSON, about a gigabyte). */
    static final long MAX_TRACE_VALUES = TraceData.MAX_TRACE_VALUES;

    /** Refuses an input whose trace (h [T, ED, N], Δ and y [T, ED] per layer, logits [T, O]) would exceed the cap. */
    static void checkTraceSize(SsmConfig c, int tokens) {
        TraceData.checkSize(c, tokens);
    }

    private void writeJson(PrintWriter out, Checkpoint ck, int[] tokens, Trace tr, String backend) throws IOException {
        TraceJson.write(new TraceData(model.toString(), backend, ck.weights().config(), tokens, symbols(ck, tokens),
                ck.manifest().outputClasses(), tr), out);
    }

    private void writeFile(Checkpoint ck, int[] tokens, Trace tr, String backend) throws IOException {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        String kind = name.endsWith(".csv") ? "csv" : name.endsWith(".json") ? "json" : name.endsWith(".npz") ? "npz"
                : null;
        if (kind == null) {
            throw new IllegalArgumentException("--out must end in .csv, .json or .npz, not " + out.getFileName());
        }
        var d = new TraceData(model.toString(), backend, ck.weights().config(), tokens, symbols(ck, tokens),
                ck.manifest().outputClasses(), tr);
        StreamedFiles.write(out, os -> {
            switch (kind) {
                case "csv" -> TraceFiles.writeCsv(d, os);
                case "npz" -> TraceFiles.writeNpz(d, os);
                default -> {
                    var w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
                    TraceJson.write(d, w);
                    w.flush();
                }
            }
        });
    }

    private static List<String> symbols(Checkpoint ck, int[] tokens) {
        var voc = ck.manifest().vocabulary();
        return Arrays.stream(tokens).mapToObj(id -> voc.isEmpty() ? Integer.toString(id) : voc.get(id)).toList();
    }

    private void writeText(PrintWriter out, Checkpoint ck, int[] tokens, Trace tr) {
        SsmConfig c = ck.weights().config();
        var classes = ck.manifest().outputClasses();
        out.printf("model   %s%n", model);
        out.printf("config  d_model %d, %d layers, d_inner %d, d_state %d, gates %s%s, %s%n", c.dModel(), c.nLayer(),
                c.dInner(), c.dState(), c.gates() == GateRange.SIGNED ? "[-1,1]" : "[0,1]",
                c.selective() ? "" : ", time-invariant", c.norm());
        var syms = symbols(ck, tokens);
        int o = c.outputSize();
        StringBuilder head = new StringBuilder(String.format("%4s %-6s %-10s", "t", "token", "argmax"));
        for (int l = 0; l < c.nLayer(); l++) {
            head.append(String.format(" | L%d mean Δ  max|h|   max|y|", l));
        }
        out.println(head);
        for (int t = 0; t < tr.tokens(); t++) {
            int best = 0;
            for (int i = 1; i < o; i++) {
                if (tr.logits()[t * o + i] > tr.logits()[t * o + best]) {
                    best = i;
                }
            }
            String arg = classes.isEmpty() ? Integer.toString(best) : classes.get(best);
            StringBuilder row = new StringBuilder(String.format("%4d %-6s %-10s", t, syms.get(t), arg));
            for (Trace.LayerTrace l : tr.layers()) {
                row.append(String.format(" | %9.4f %8.4f %8.4f", mean(l.delta(), t, c.dInner()),
                        maxAbs(l.h(), t, c.dInner() * c.dState()), maxAbs(l.y(), t, c.dInner())));
            }
            out.println(row);
        }
        out.println("(use --json for the full logits, h, Δ and y)");
    }

    private static double mean(float[] v, int t, int width) {
        double s = 0;
        for (int i = 0; i < width; i++) {
            s += v[t * width + i];
        }
        return s / width;
    }

    private static double maxAbs(float[] v, int t, int width) {
        double m = 0;
        for (int i = 0; i < width; i++) {
            m = Math.max(m, Math.abs(v[t * width + i]));
        }
        return m;
    }
}
