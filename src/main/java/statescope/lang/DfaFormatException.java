package statescope.lang;

/**
 * An automaton file (DFA JSON or JFLAP .jff) that is malformed or inconsistent. The message names
 * the field or element at fault, e.g. {@code transitions[3].symbol: unknown symbol 'x'}.
 */
public class DfaFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public DfaFormatException(String message) {
        super(message);
    }

    public DfaFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
