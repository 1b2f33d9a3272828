package statescope.cli;

/**
 * Exit codes of every {@code statescope} command.
 *
 * <table>
 *   <caption>exit codes</caption>
 *   <tr><th>code</th><th>meaning</th></tr>
 *   <tr><td>0</td><td>success</td></tr>
 *   <tr><td>1</td><td>internal error (a bug: please report it with {@code --debug} output)</td></tr>
 *   <tr><td>2</td><td>usage error: unknown option, missing option or argument (the message and the usage)</td></tr>
 *   <tr><td>3</td><td>bad input (one line): an option value out of range, not a number or not one of the names;
 *       malformed regex, DFA or checkpoint, unknown language or symbol</td></tr>
 *   <tr><td>4</td><td>I/O error: a file could not be read or written</td></tr>
 *   <tr><td>5</td><td>a check failed (for example a benchmark or evaluation target was missed)</td></tr>
 *   <tr><td>130</td><td>interrupted (Ctrl-C); work done so far was saved where the command says so</td></tr>
 * </table>
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int USAGE = 2;
    public static final int BAD_INPUT = 3;
    public static final int IO = 4;
    public static final int CHECK_FAILED = 5;
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
