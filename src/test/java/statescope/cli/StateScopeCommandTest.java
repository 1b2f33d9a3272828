package statescope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class StateScopeCommandTest {

    @Test
    void helpListsExitCodes() {
        var out = new StringWriter();
        int code = StateScopeCommand.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "--help");
        assertEquals(ExitCodes.OK, code);
        assertTrue(out.toString().contains("Exit codes"), out.toString());
    }

    /**
     * The top-level list shows each command by one whole sentence (its header): it showed the first line of
     * the description, cut mid-sentence ("whether its syntactic").
     */
    @Test
    void theCommandListSaysWhatEachCommandDoesInOneSentence() {
        var out = new StringWriter();
        StateScopeCommand.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "--help");
        String list = out.toString().substring(out.toString().indexOf("Commands:"), out.toString().indexOf("Exit codes"));
        int commands = 0;
        for (String line : list.lines().skip(1).toList()) {
            if (line.isBlank()) {
                continue;
            }
            assertTrue(line.startsWith("  ") && !line.startsWith("    "), "one line per command, no wrapped summary: " + line);
            assertTrue(line.endsWith("."), "a whole sentence: " + line);
            commands++;
        }
        assertTrue(commands >= 19, list);
    }

    @Test
    void unknownOptionIsAUsageError() {
        var err = new StringWriter();
        int code = StateScopeCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "--no-such-flag");
        assertEquals(ExitCodes.USAGE, code);
    }

    /** A command's help at {@code width} columns, as {@code statescope COMMAND --help} prints it. */
    private static String help(int width, String... command) {
        var cl = new CommandLine(new StateScopeCommand());
        HelpText.reflow(cl);
        for (String c : command) {
            cl = cl.getSubcommands().get(c);
        }
        cl.setUsageHelpWidth(width);
        var out = new StringWriter();
        cl.usage(new PrintWriter(out, true));
        return out.toString();
    }

    @Test
    void descriptionsAreParagraphsWrappedAtTheWidthNotAtTheSourcesLineEnds() {
        assertArrayEquals(new String[] {"One sentence written over two lines.", "", "  an example", "Next."},
                HelpText.paragraphs(new String[] {"One sentence written", "over two lines.", "", "  an example",
                    "Next."}));
        assertTrue(help(120, "languages").contains("List the languages of the catalog: the paper's 27-language suite, "
                + "flip-flop, bounded Dyck and counting mod k,"), help(120, "languages"));
        assertTrue(help(120, "bench").contains("selective-scan throughput"), help(120, "bench"));
        assertTrue(help(250, "counterexample").contains("(--lengths-max, --lengths-strings; it stops after two points"),
                "footers too");
        assertTrue(help(250, "bench-gpu").contains("\n  statescope bench-gpu --batch 256 --length 4096 --d-inner 256 "
                + "--d-state 16\n\nExit codes: 0 ok"), "examples stay lines of their own");
        var out = new StringWriter();
        StateScopeCommand.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "languages", "--help");
        assertTrue(out.toString().contains("\nbounded Dyck and counting mod k, with their family"), out.toString());
    }

    @Test
    void optionHelpSaysWhatTheOptionsTake() {
        String launcher = help(250, "sweep");
        assertTrue(launcher.contains("(default: this JDK with this jar, or this installed app; docs/sweeps.md has an "
                + "example)"), launcher);
        String train = help(250, "train");
        assertTrue(train.contains("or mixed (each word from either, a fair coin per word)"), train);
        assertTrue(train.contains("default: the recipe's name, e.g. parity-nonneg.safetensors"), train);
        assertTrue(help(250, "eval").contains("(authors, uniform or mixed)"));
        String check = help(250, "construct", "check");
        assertTrue(check.contains("--lengths=N[,N...]") && check.contains("--only=ID[,ID...]")
                && check.contains("--samples=N[,N...]") && !check.contains(",...["), check);
        for (String bench : new String[] {"bench-gpu", "bench-train"}) {
            String h = help(250, bench);
            assertTrue(h.contains("--batch=N") && !h.contains("=<"), h);
        }
        assertTrue(help(250, "starfree").contains("--construction-limit=N"));
        assertTrue(help(250, "sample").contains("Evaluation bin N, 1 to the language's number of bins"));
        assertTrue(help(250, "counterexample").contains("0 or not given: 10x the longest training length"));
    }
}
