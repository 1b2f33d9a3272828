package statescope.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import statescope.construct.Compiler;
import statescope.construct.Constructed;
import statescope.construct.ConstructedFiles;
import statescope.construct.ConstructedModels;
import statescope.construct.CounterLimit;
import statescope.lang.Alphabet;
import statescope.lang.DfaJson;
import statescope.lang.catalog.Catalog;
import statescope.ssm.Checkpoint;
import statescope.ssm.GateRange;

/**
 * {@code statescope construct}: writes an exact constructed model, the paper's hand construction of a
 * catalog language or a compiled holonomy cascade of a star-free regex or DFA. The logic is in
 * {@code statescope.construct}.
 */
@Command(name = "construct",
        header = "Write an exact SSM built from a language, not trained.",
        description = {"Write an exact SSM built from a language's definition, not trained: the paper's construction of a "
                + "catalog language (--language), or the holonomy cascade of a star-free language compiled into one "
                + "Mamba layer per level (--regex, --dfa, --language with --cascade). A language that is not star-free "
                + "is refused with its witness; parity is built with --gates signed."},
        mixinStandardHelpOptions = true,
        subcommands = {ConstructCheckCommand.class},
        footer = {"", "Examples:", "  statescope construct --language bounded-dyck-8-10 --out dyck.safetensors",
            "  statescope construct --language d-40 --out d40.safetensors",
            "  statescope construct --regex '0*1*0*1*' --out t7.safetensors",
            "  statescope construct --language tomita-4 --cascade --out t4.safetensors",
            "  statescope construct --shipped --out assets/models/constructed --force",
            "  statescope construct check assets/models/constructed/d-12.safetensors"})
public final class ConstructCommand extends CommandBase implements Callable<Integer> {

    static final class Source {
        @Option(names = "--language", paramLabel = "ID", description = "A catalog language (d-N for any N).")
        String language;

        @Option(names = "--regex", paramLabel = "REGEX", description = "A star-free regex (compiled).")
        String regex;

        @Option(names = "--dfa", paramLabel = "FILE", description = "A DFA file, DFA JSON or JFLAP .jff (compiled).")
        Path dfa;

        @Option(names = "--shipped", description = "Every hand construction shipped with the app, into the --out folder.")
        boolean shipped;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Source source;

    @Option(names = "--out", paramLabel = "MODEL", description = "The model file (or folder with --shipped).")
    Path out;

    @Option(names = "--gates", paramLabel = "RANGE", description = "nonneg ([0,1], Mamba) or signed ([-1,1]); default: nonneg.")
    GateRange gates = GateRange.NONNEGATIVE;

    @Option(names = "--cascade", description = "With --language: compile its DFA instead of the hand construction.")
    boolean cascade;

    @Option(names = {"-a", "--alphabet"}, paramLabel = "SYMBOLS", description = "With --regex: the alphabet, e.g. 01.")
    String alphabet;

    @Option(names = "--max-states", paramLabel = "N", description = "Largest minimal DFA to compile (default: ${DEFAULT-VALUE}).")
    int maxStates = Compiler.DEFAULT_MAX_STATES;

    @Option(names = "--force", description = "Replace a model at --out (and the NAME.json and NAME.dfa.json beside it, "
            + "whatever they hold); without it an existing model is kept and the command stops (exit 3).")
    boolean force;

    @Override
    public Integer call() throws Exception {
        if (source == null || out == null) {
            throw new ParameterException(spec.commandLine(),
                    "give one of --language, --regex, --dfa, --shipped, and --out (or the check command)");
        }
        boolean signed = gates == GateRange.SIGNED;
        PrintWriter o = out();
        if (source.shipped) {
            // the --out folder itself may be new; the folder it is in must exist
            OutputPaths.check(Files.isDirectory(out) ? out.resolve(ConstructedModels.SHIPPED.get(0) + ".safetensors")
                    : out, false);
            for (String id : ConstructedModels.SHIPPED) {
                checkReplaceable(out.resolve(id + ".safetensors"));
            }
            for (String id : ConstructedModels.SHIPPED) {
                Path p = ConstructedFiles.save(ConstructedModels.get(id), out.resolve(id + ".safetensors"));
                o.println("wrote " + p);
            }
            o.flush();
            return ExitCodes.OK;
        }
        Path file = OutputPaths.modelFile(out);
        OutputPaths.check(file, false);
        checkReplaceable(file);
        Constructed model;
        if (source.language != null && !cascade) {
            model = ConstructedModels.forLanguage(source.language, signed, maxStates);
        } else {
            Compiler.Result r;
            if (source.language != null) {
                r = Compiler.language(Catalog.standard().get(source.language), maxStates, signed);
            } else if (source.regex != null) {
                r = Compiler.regex(source.regex, alphabet == null ? null : Alphabet.ofChars(alphabet.replaceAll("\\s+", "")),
                        maxStates, signed);
            } else {
                r = Compiler.dfaFile(source.dfa, maxStates, signed);
            }
            r.decomposition().lines().forEach(o::println);
            model = r.model();
        }
        if (signed && model.checkpoint().weights().config().gates() == GateRange.NONNEGATIVE) {
            o.println("note: the language is star-free; the model needs no signed gates and uses nonnegative ones");
        }
        var c = model.checkpoint().weights().config();
        o.printf("model          %s%n", model.summary());
        o.printf("size           %d layers, d_model %d, d_inner %d, %,d parameters (%s gates)%n", c.nLayer(), c.dModel(),
                c.dInner(), model.parameters(), c.gates().name().toLowerCase(Locale.ROOT));
        for (int l = 0; l < model.channels().size(); l++) {
            o.printf("layer %-8d %s%n", l, String.join(", ", model.channels().get(l)));
        }
        if ("anbn".equals(model.languageId()) && !cascade) {
            long c0 = 1L << 23;                                        // where 2c ± 1 leave the float32 integers
            long wrong = CounterLimit.firstWrongCount(model, c0 - 64, c0 + 64);
            o.printf("float32        exact while the count #a − #b stays below %,d (2^23 + %d): a^n b^n with n at least"
                    + " that (%,d symbols and more) is read wrong where the count reaches it%n", wrong, wrong - c0, 2 * wrong);
        }
        o.println("wrote          " + ConstructedFiles.save(model, file));
        o.flush();
        return ExitCodes.OK;
    }

    /**
     * Refuses, unless {@code --force}, to replace a model at {@code weights}, or a {@code NAME.json} or
     * {@code NAME.dfa.json} beside it that is not a StateScope manifest or DFA file; nothing is written.
     */
    private void checkReplaceable(Path weights) {
        if (!force && Files.exists(weights)) {
            throw new IllegalArgumentException(weights + " exists; pass --force to replace it, or give another --out; "
                    + "nothing was written");
        }
        OutputPaths.checkOwnFile(Checkpoint.manifestPath(weights), force, "a StateScope manifest",
                Checkpoint::readManifestFile);
        OutputPaths.checkOwnFile(ConstructedFiles.dfaPath(weights), force, "a StateScope DFA file", DfaJson::read);
    }
}
