package statescope.ssm;

/**
 * The array layouts the kernels share, written once: transposes (weights are stored [out, in] as in
 * PyTorch and used [in, out], so that products run along contiguous rows) and the padding of row
 * lengths to whole vectors. Used by the inference path (ssm) and the training path (train) alike.
 */
public final class Layouts {

    private Layouts() {
    }

    /** n rounded up to a multiple of 16 (the widest float vector), so products need no masked tail. */
    public static int pad16(int n) {
        return (n + 15) & ~15;
    }

    /** [rows, cols] → [cols, rows]. */
    public static float[] transpose(float[] m, int rows, int cols) {
        return transposeInto(m, 0, rows, cols, new float[rows * cols], 0);
    }

    /** {@code m[off ..]} as [rows, cols] → [cols, rows] into {@code out[outOff ..]}; returns {@code out}. */
    public static float[] transposeInto(float[] m, int off, int rows, int cols, float[] out, int outOff) {
        for (int i = 0; i < rows; i++) {
            int from = off + i * cols;
            for (int j = 0; j < cols; j++) {
                out[outOff + j * rows + i] = m[from + j];
            }
        }
        return out;
    }

    /** [rows, cols] → [cols, padRows], zero-filled beyond rows (padRows ≥ rows). */
    public static float[] transposePadded(float[] m, int rows, int cols, int padRows) {
        float[] t = new float[cols * padRows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * padRows + i] = m[i * cols + j];
            }
        }
        return t;
    }
}
