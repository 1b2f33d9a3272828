package statescope.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * NumPy's {@code .npy} format, version 1.0: the magic, a header dict (dtype, order, shape) padded to a
 * multiple of 64 bytes, then the values little-endian in C order. Float32 ({@code <f4}) and int32
 * ({@code <i4}) arrays.
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};

    private Npy() {
    }

    /** The header of an array of {@code dtype} and {@code shape}, magic included. */
    static byte[] header(String dtype, int[] shape) {
        String dims = Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        String dict = "{'descr': '" + dtype + "', 'fortran_order': False, 'shape': (" + dims
                + (shape.length == 1 ? "," : "") + "), }";
        int unpadded = MAGIC.length + 2 + dict.length() + 1;
        int pad = (64 - unpadded % 64) % 64;
        String text = dict + " ".repeat(pad) + "\n";
        var b = ByteBuffer.allocate(MAGIC.length + 2 + text.length()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).putShort((short) text.length()).put(text.getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    private static long count(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** Writes {@code values} as a float32 array of {@code shape} (their product must be values.length). */
    public static void write(OutputStream out, float[] values, int[] shape) throws IOException {
        if (count(shape) != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + count(shape)
                    + " values, not " + values.length);
        }
        out.write(header("<f4", shape));
        var b = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            if (!b.hasRemaining()) {
                out.write(b.array(), 0, b.position());
                b.clear();
            }
            b.putFloat(v);
        }
        out.write(b.array(), 0, b.position());
    }

    /** Writes {@code values} as an int32 array of {@code shape}. */
    public static void write(OutputStream out, int[] values, int[] shape) throws IOException {
        if (count(shape) != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + count(shape)
                    + " values, not " + values.length);
        }
        out.write(header("<i4", shape));
        var b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putInt(v);
        }
        out.write(b.array());
    }
}
