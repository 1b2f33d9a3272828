package statescope.cli;

/**
 * Checks of option values made before any work: each refuses a value with an
 * {@link IllegalArgumentException} whose message names the option, what it takes and what was given, which
 * {@link StateScopeCommand} prints as one line with exit code 3 ({@link ExitCodes#BAD_INPUT}). A number
 * that is not a number ({@code NaN}) or infinite is refused wherever a range is asked for.
 */
final class OptionChecks {

    private OptionChecks() {
    }

    /** {@code value} at least {@code min}. */
    static void atLeast(String option, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(option + " must be at least " + min + ", got " + value);
        }
    }

    /** {@code value} at least {@code min}, when the option was given (null: not given, the default applies). */
    static void atLeast(String option, Number value, long min) {
        if (value != null) {
            atLeast(option, value.longValue(), min);
        }
    }

    /** {@code value} in {@code min..max}, when the option was given (null: not given). */
    static void inRange(String option, Number value, long min, long max) {
        if (value != null) {
            inRange(option, value.longValue(), min, max);
        }
    }

    /** {@code value} in {@code min..max}. */
    static void inRange(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be in " + min + ".." + max + ", got " + value);
        }
    }

    /**
     * A finite {@code value} of at least 0; {@code zeroMeans} says what 0 stands for (such as "no limit"),
     * or is null.
     */
    static void notNegative(String option, double value, String zeroMeans) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(option + " must be a number of at least 0" + (zeroMeans == null ? ""
                    : " (0: " + zeroMeans + ")") + ", got " + value);
        }
    }

    /** A finite {@code value} above 0, when the option was given (null: not given). */
    static void positive(String option, Number value) {
        if (value != null) {
            positive(option, value.doubleValue());
        }
    }

    /** A finite {@code value} of at least 0, when the option was given (null: not given). */
    static void notNegative(String option, Number value, String zeroMeans) {
        if (value != null) {
            notNegative(option, value.doubleValue(), zeroMeans);
        }
    }

    /** A finite {@code value} above 0. */
    static void positive(String option, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(option + " must be a number above 0, got " + value);
        }
    }

    /** A {@code value} in {@code [min, max]}. */
    static void between(String option, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(option + " must be a number from " + format(min) + " to " + format(max)
                    + ", got " + value);
        }
    }

    /** A time limit in seconds: 0 (no limit) up to a day, as extract's {@code --time} (which takes no 0). */
    static void timeLimit(String option, double seconds) {
        if (!(seconds >= 0) || seconds > 86_400) {
            throw new IllegalArgumentException(option + " must be in [0, 86400] seconds (0: no limit), got " + seconds);
        }
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
