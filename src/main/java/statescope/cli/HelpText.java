package statescope.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * The descriptions and footers of the commands as paragraphs: the lines a description is written in are joined, so
 * that picocli wraps each paragraph at the terminal's width rather than at the source's line ends (which
 * broke sentences in the middle). An empty line starts a new paragraph, and a line that starts with a
 * space stays a line of its own (a list or an example).
 */
final class HelpText {

    private HelpText() {
    }

    /** Reflows the description and the footer of {@code commandLine} and of all its subcommands. */
    static void reflow(CommandLine commandLine) {
        var usage = commandLine.getCommandSpec().usageMessage();
        usage.description(paragraphs(usage.description()));
        usage.footer(paragraphs(usage.footer()));
        commandLine.getSubcommands().values().forEach(HelpText::reflow);
    }

    /** The lines joined into paragraphs. */
    static String[] paragraphs(String[] lines) {
        List<String> out = new ArrayList<>();
        boolean open = false;
        for (String line : lines) {
            boolean own = line.isBlank() || line.startsWith(" ");
            if (open && !own) {
                out.set(out.size() - 1, out.get(out.size() - 1) + " " + line.strip());
            } else {
                out.add(line);
            }
            open = !line.isBlank() && !line.startsWith(" ");
        }
        return out.toArray(String[]::new);
    }
}
