package statescope.lang.catalog;

/**
 * An inclusive range of word lengths, {@code [min, max]}, as in "lengths 51-100".
 *
 * @param min the shortest length, at least 0
 * @param max the longest length, at least {@code min}
 */
public record LengthWindow(int min, int max) {

    public LengthWindow {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("length window [" + min + ", " + max + "] is empty or negative");
        }
    }

    /** The window holding exactly one length. */
    public static LengthWindow exactly(int length) {
        return new LengthWindow(length, length);
    }

    public boolean contains(int length) {
        return length >= min && length <= max;
    }

    /** Number of lengths in the window. */
    public int size() {
        return max - min + 1;
    }

    /** {@code "51-100"}, or {@code "512"} for a single length. */
    @Override
    public String toString() {
        return min == max ? Integer.toString(min) : min + "-" + max;
    }
}
