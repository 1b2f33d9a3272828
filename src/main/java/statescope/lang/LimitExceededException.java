package statescope.lang;

/** A size cap of {@link Limits} was exceeded; the message names the cap and how to raise it. */
public class LimitExceededException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public LimitExceededException(String message) {
        super(message);
    }
}
