package statescope.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every {@code statescope} command has: picocli's model of it, injected, and the standard output
 * and error it writes to (those of the root {@code CommandLine}, which tests capture). The empty
 * {@code @Command} only tells picocli's annotation processor that the spec belongs to a command; each
 * subclass's own {@code @Command} says everything else.
 */
@Command
abstract class CommandBase {

    @Spec
    CommandSpec spec;

    /** Where results go. */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /**
     * A usage error (exit 2, with the usage): options that exclude each other, one that needs another,
     * a missing argument.
     */
    CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** Whether {@code option} was given on the command line (not its default). */
    boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /** Where notices, progress and errors go. */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
