package statescope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import statescope.io.BoundedFiles;
import statescope.ssm.CheckpointException;
import statescope.ssm.GateRange;

/**
 * The root {@code statescope} command. Subcommands are listed here; each lives in its own class.
 * Errors are reported as one line on standard error and mapped to the codes of {@link ExitCodes}
 * (with {@code --debug} the stack trace is printed too).
 */
@Command(name = "statescope",
        mixinStandardHelpOptions = true,
        version = StateScopeCommand.VERSION,
        description = "A lab for watching a selective state space model (Mamba) track state.%n"
                + "Run without a command to open the desktop app.",
        subcommands = {
            CommandLine.HelpCommand.class,
            StarFreeCommand.class,
            LanguagesCommand.class,
            LanguageCommand.class,
            SampleCommand.class,
            DfaCommand.class,
            TraceCommand.class,
            BenchCommand.class,
            BenchGpuCommand.class,
            TrainCommand.class,
            ReproduceCommand.class,
            SweepCommand.class,
            EvalCommand.class,
            ProbeCommand.class,
            ExtractCommand.class,
            ProfileCommand.class,
            BenchTrainCommand.class,
            ConstructCommand.class,
            CounterexampleCommand.class,
            LengthsCommand.class,
        },
        footer = {"", "Exit codes: 0 ok, 1 internal error, 2 usage, 3 bad input, 4 I/O error,",
            "5 check failed, 130 interrupted."})
public final class StateScopeCommand implements Runnable {

    /** What {@code -V} prints, in every command that has it. */
    static final String VERSION = "StateScope 0.1.0";

    @Option(names = "--debug", description = "Print stack traces of errors.", scope = CommandLine.ScopeType.INHERIT)
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the CLI with the process's standard streams and returns the exit code. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /**
     * Runs the CLI with the given streams (tests capture them) and returns the exit code. Enum option
     * values are case-insensitive. Whatever a command throws, an {@link OutOfMemoryError} included,
     * becomes one line on {@code err} (the stack trace only with {@code --debug}); output that could not
     * be written (a full disk, a closed pipe) is exit code 4.
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        var root = new StateScopeCommand();
        var cl = new CommandLine(root);
        cl.registerConverter(GateRange.class, new GateRangeConverter()); // every subcommand's --gates
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        HelpText.reflow(cl);
        var usage = cl.getParameterExceptionHandler();
        cl.setParameterExceptionHandler((ex, arguments) -> valueError(ex)
                ? report(new IllegalArgumentException(ex.getMessage(), ex), ex.getCommandLine().getErr(), false)
                : usage.handleParseException(ex, arguments));
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean debug = parseResult.hasMatchedOption("--debug") || root.debug;
            return report(ex, commandLine.getErr(), debug);
        });
        int code;
        try {
            code = cl.execute(args);
        } catch (Throwable t) {  // errors (OutOfMemoryError, StackOverflowError) pass through picocli
            code = report(t, err, root.debug || Arrays.asList(args).contains("--debug"));
        }
        if (out.checkError()) {
            err.println("statescope: I/O error: the output could not be written (a full disk or a closed pipe)");
            err.flush();
            return code == ExitCodes.OK ? ExitCodes.IO : code;
        }
        return code;
    }

    /**
     * Whether picocli refused a value it could not convert (not a number, not one of an enum's or a
     * converter's names): that is bad input, exit 3 in one line, as every value a command itself refuses.
     * Unknown options, missing options or arguments and options that exclude each other stay usage errors
     * (exit 2, with the usage).
     */
    static boolean valueError(CommandLine.ParameterException ex) {
        return ex.getClass() == CommandLine.ParameterException.class && ex.getCause() != null;
    }

    /**
     * An error met outside any command (the launcher's check of {@code present FILE}), said as a command
     * says it: one line on standard error; returns its exit code.
     */
    public static int report(Throwable ex) {
        return report(ex, new PrintWriter(System.err, true), false);
    }

    static int report(Throwable ex, PrintWriter err, boolean debug) {
        Throwable cause = ex;
        if (cause instanceof UncheckedIOException u) {
            cause = u.getCause();
        }
        int code;
        String kind;
        if (cause instanceof IllegalArgumentException || cause instanceof CheckpointException
                || cause instanceof BoundedFiles.TooLargeException || cause instanceof BoundedFiles.NotUtf8Exception) {
            code = ExitCodes.BAD_INPUT;                               // a malformed checkpoint too, in every command
            kind = "error";
        } else if (cause instanceof OutOfMemoryError) {
            code = ExitCodes.INTERNAL;
            kind = "out of memory (" + cause.getMessage() + "); give Java more memory (java -Xmx…) or use smaller "
                    + "sizes";
            err.println("statescope: " + kind);
            if (debug) {
                cause.printStackTrace(err);
            } else {
                err.println("Run again with --debug for the stack trace.");
            }
            err.flush();
            return code;
        } else if (cause instanceof IOException) {
            code = ExitCodes.IO;
            kind = "I/O error";
        } else if (cause instanceof InterruptedException) {
            code = ExitCodes.INTERRUPTED;
            kind = "interrupted";
        } else {
            code = ExitCodes.INTERNAL;
            kind = "internal error (" + cause.getClass().getSimpleName() + ")";
        }
        err.println("statescope: " + kind + ": " + (cause instanceof IOException io ? OutputPaths.describe(io)
                : cause.getMessage()));
        if (debug) {
            cause.printStackTrace(err);
        } else if (code == ExitCodes.INTERNAL) {
            err.println("Run again with --debug for the stack trace.");
        }
        err.flush();
        return code;
    }
}
