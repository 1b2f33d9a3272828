package statescope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code statescope language}: the group of commands about one catalog language. */
@Command(name = "language",
        description = "Commands about one language of the catalog.",
        mixinStandardHelpOptions = true,
        subcommands = {LanguageShowCommand.class, CommandLine.HelpCommand.class})
public final class LanguageCommand extends CommandBase implements Runnable {

    @Override
    public void run() {
        spec.commandLine().usage(out());
    }
}
