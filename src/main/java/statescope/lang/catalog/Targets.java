package statescope.lang.catalog;

import java.util.Arrays;

/**
 * The per-position targets of one word: a bit vector per position ({@code [T, W]}) and the class id of
 * each position's pattern ({@code [T]}; -1 where the pattern is no class of the encoding, which only
 * happens for prefixes outside the language). Immutable.
 */
public final class Targets {

    private final int length;
    private final int width;
    private final boolean[] bits; // [T * W]
    private final int[] classes;  // [T]

    Targets(int length, int width, boolean[] bits, int[] classes) {
        this.length = length;
        this.width = width;
        this.bits = bits;
        this.classes = classes;
    }

    /** Number of positions T (the word length). */
    public int length() {
        return length;
    }

    /** Number of target bits W per position. */
    public int width() {
        return width;
    }

    /** Target bit {@code j} at position {@code t}. */
    public boolean bit(int t, int j) {
        return bits[t * width + j];
    }

    /** The bits at position {@code t} as a string of {@code 0}/{@code 1}. */
    public String pattern(int t) {
        var sb = new StringBuilder(width);
        for (int j = 0; j < width; j++) {
            sb.append(bits[t * width + j] ? '1' : '0');
        }
        return sb.toString();
    }

    /** The class id at position {@code t}, or -1. */
    public int classId(int t) {
        return classes[t];
    }

    /** A copy of the class ids, {@code [T]}. */
    public int[] classIds() {
        return classes.clone();
    }

    /** The bits as floats, {@code [T, W]}. */
    public float[][] bitMatrix() {
        float[][] m = new float[length][width]; // [T, W]
        for (int t = 0; t < length; t++) {
            for (int j = 0; j < width; j++) {
                m[t][j] = bits[t * width + j] ? 1f : 0f;
            }
        }
        return m;
    }

    /** The class ids as one-hot rows, {@code [T, C]}; a row is all zero where the class id is -1. */
    public float[][] oneHot(int numClasses) {
        float[][] m = new float[length][numClasses]; // [T, C]
        for (int t = 0; t < length; t++) {
            if (classes[t] >= 0) {
                m[t][classes[t]] = 1f;
            }
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Targets t && t.width == width && Arrays.equals(t.bits, bits)
                && Arrays.equals(t.classes, classes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bits) + Arrays.hashCode(classes);
    }

    @Override
    public String toString() {
        var sb = new StringBuilder();
        for (int t = 0; t < length; t++) {
            if (t > 0) {
                sb.append(' ');
            }
            sb.append(pattern(t));
        }
        return sb.toString();
    }
}
