package statescope.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import statescope.lang.Dfa;
import statescope.lang.DfaJson;
import statescope.lang.DotExport;
import statescope.lang.catalog.Catalog;
import statescope.lang.catalog.Language;

/** {@code statescope dfa export NAME}: the reference DFA of a catalog language as Graphviz DOT or DFA JSON. */
@Command(name = "export",
        header = "Write the reference DFA of a regular catalog language.",
        description = {"Write the reference DFA of a regular catalog language (with its readable state labels)",
            "as Graphviz DOT or as StateScope DFA JSON, to standard output or to a file."},
        mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  statescope dfa export tomita-3 --format dot | dot -Tsvg > t3.svg",
            "  statescope dfa export d-4 --format json -o d4.json"})
public final class DfaExportCommand extends CommandBase implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "A language id or alias (see 'statescope languages').")
    String name;

    @Option(names = "--format", paramLabel = "FORMAT", description = "dot or json (default: ${DEFAULT-VALUE}).")
    String format = "dot";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to this file instead of standard output.")
    Path output;

    @Option(names = "--hide-dead", description = "DOT only: leave out the dead state and the edges into it.")
    boolean hideDead;

    @Option(names = "--json", description = "Report as JSON: what was written (with -o), or the export wrapped in JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!fmt.equals("dot") && !fmt.equals("json")) {
            throw new IllegalArgumentException("unknown format '" + format + "'; use dot or json");
        }
        if (hideDead && fmt.equals("json")) {
            throw usage("--hide-dead applies to --format dot only: drop it for JSON");
        }
        Language l = Catalog.standard().get(name);
        Dfa dfa = l.dfa().orElseThrow(() -> new IllegalArgumentException("language " + l.id() + " has no DFA: "
                + (l.family().isRegular() ? l.dfaNote() : "it is not regular; its reference machine is a "
                        + l.machine().kind())));
        String text = fmt.equals("dot") ? DotExport.toDot(dfa, hideDead) : DfaJson.write(dfa);
        var out = out();
        if (output != null) {
            write(output, text);
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("language", l.id());
            m.put("format", fmt);
            m.put("states", dfa.numStates());
            if (output != null) {
                m.put("file", output.toString());
                m.put("bytes", text.getBytes(StandardCharsets.UTF_8).length);
            } else {
                m.put("content", text);
            }
            out.println(Json.pretty(m));
        } else if (output != null) {
            out.printf("wrote the %d-state DFA of %s as %s to %s%n", dfa.numStates(), l.id(), fmt.toUpperCase(Locale.ROOT),
                    output);
        } else {
            out.print(text.endsWith("\n") ? text : text + "\n");
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Writes atomically: a temporary file beside the target, then a rename. */
    static void write(Path file, String text) throws IOException {
        OutputPaths.check(file, false);                                // a move would replace an empty folder
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = Files.createTempFile(dir, ".statescope-", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
