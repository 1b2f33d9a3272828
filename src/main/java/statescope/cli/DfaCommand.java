package statescope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code statescope dfa}: the group of commands about the reference DFAs of the catalog. */
@Command(name = "dfa",
        description = "Commands about the reference DFA of a catalog language.",
        mixinStandardHelpOptions = true,
        subcommands = {DfaExportCommand.class, CommandLine.HelpCommand.class})
public final class DfaCommand extends CommandBase implements Runnable {

    @Override
    public void run() {
        spec.commandLine().usage(out());
    }
}
