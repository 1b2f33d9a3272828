package statescope.train;

import java.util.Locale;

/**
 * How the learning rate moves over a run. The paper's runs keep it constant (paper.md §3.1); the
 * paper's bounded-Dyck runs lower it on plateaus. A cosine decay lets our much shorter CPU runs settle
 * the last per-position errors that strict accuracy punishes (docs/reproduction.md, deviation 1).
 */
public enum LrSchedule {
    /** The base rate at every step. */
    CONSTANT,
    /** {@code base · ½(1 + cos(π·s/S))} at step s of S: from the base rate down to 0 at the last step. */
    COSINE;

    /**
     * The learning rate of step {@code step} (0-based) of a run of {@code steps} steps.
     *
     * @param base  the base (peak) rate
     * @param step  the step about to be taken, 0-based
     * @param steps the run's step budget; steps at or past it get the final rate
     */
    public double at(double base, long step, long steps) {
        return switch (this) {
            case CONSTANT -> base;
            case COSINE -> {
                if (steps <= 0) {
                    yield base;
                }
                double f = Math.min(1.0, Math.max(0.0, (double) step / steps));
                yield base * 0.5 * (1.0 + Math.cos(Math.PI * f));
            }
        };
    }

    /** The option spelling ({@code constant}, {@code cosine}). */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses an option value; the message names the valid ones. */
    public static LrSchedule parse(String s) {
        for (LrSchedule v : values()) {
            if (v.optionName().equalsIgnoreCase(s.strip())) {
                return v;
            }
        }
        throw new IllegalArgumentException("--lr-schedule must be constant or cosine, got '" + s + "'");
    }
}
