package statescope.ssm;

import java.util.Arrays;
import java.util.Objects;

/**
 * A named-by-its-map float tensor: a shape and its row-major data. A plain carrier used for
 * checkpoints, for the optimiser and for gradients; it does not copy, so whoever hands one over gives
 * up the right to mutate its array ({@link SsmWeights} copies on the way in and out).
 *
 * @param shape dimensions, outermost first (PyTorch order)
 * @param data  row-major values, {@code data.length == product(shape)}
 */
public record Tensor(int[] shape, float[] data) {

    public Tensor {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(data, "data");
        long n = numel(shape);
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n
                    + " elements but the data has " + data.length);
        }
    }

    /** A zero tensor of the given shape. */
    public static Tensor zeros(int... shape) {
        return new Tensor(shape.clone(), new float[Math.toIntExact(numel(shape))]);
    }

    /** Number of elements of a shape (1 for a scalar); rejects negative dimensions. */
    public static long numel(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n *= d;
        }
        return n;
    }

    /** Number of elements. */
    public int size() {
        return data.length;
    }

    /** A deep copy. */
    public Tensor copy() {
        return new Tensor(shape.clone(), data.clone());
    }

    /** Whether both shapes and all values (bit for bit, NaN included) are equal. */
    public boolean contentEquals(Tensor other) {
        return Arrays.equals(shape, other.shape) && Arrays.equals(data, other.data);
    }

    /** The shape as {@code [a, b, c]}. */
    public String shapeString() {
        return Arrays.toString(shape);
    }

    @Override
    public String toString() {
        return "Tensor" + shapeString();
    }
}
