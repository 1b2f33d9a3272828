package statescope.ssm.gpu;

import java.util.Locale;

/** Which backend runs the selective scan: {@code --backend auto|cpu|gpu} and the UI's setting. */
public enum BackendChoice {
    /** The GPU when one can be used, else the CPU, with a one-line notice saying why. */
    AUTO,
    /** The CPU kernel; the GPU is not probed. */
    CPU,
    /** The GPU; when it cannot be used the CPU runs anyway, and the notice is a warning. */
    GPU;

    /** The lower-case name used on the command line and in settings files. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code auto}, {@code cpu} or {@code gpu} (any case).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static BackendChoice parse(String text) {
        for (BackendChoice c : values()) {
            if (c.label().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown backend '" + text + "': expected auto, cpu or gpu");
    }
}
