package statescope.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Reads .npy and .npz back as NumPy would (for the tests): dtype, shape and values from the file. */
final class NpyReader {

    /** One array: its dtype string, shape and values (floats, or ints widened). */
    record Array(String dtype, int[] shape, double[] values) {
    }

    private static final Pattern DESCR = Pattern.compile("'descr': '([<>|][a-z][0-9])'");
    private static final Pattern SHAPE = Pattern.compile("'shape': \\(([0-9, ]*)\\)");

    private NpyReader() {
    }

    static Array read(byte[] b) {
        if ((b[0] & 0xff) != 0x93 || !new String(b, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY") || b[6] != 1) {
            throw new IllegalArgumentException("not an .npy 1.x file");
        }
        int len = ByteBuffer.wrap(b, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffff;
        if ((10 + len) % 64 != 0) {
            throw new IllegalArgumentException("header not padded to 64 bytes: " + (10 + len));
        }
        String header = new String(b, 10, len, StandardCharsets.US_ASCII);
        if (!header.endsWith("\n") || !header.contains("'fortran_order': False")) {
            throw new IllegalArgumentException("header: " + header);
        }
        Matcher d = DESCR.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !s.find()) {
            throw new IllegalArgumentException("header: " + header);
        }
        int[] shape = Arrays.stream(s.group(1).split(",")).map(String::strip).filter(x -> !x.isEmpty())
                .mapToInt(Integer::parseInt).toArray();
        long n = 1;
        for (int x : shape) {
            n *= x;
        }
        var data = ByteBuffer.wrap(b, 10 + len, b.length - 10 - len).order(ByteOrder.LITTLE_ENDIAN);
        if (data.remaining() != 4 * n) {
            throw new IllegalArgumentException(data.remaining() + " bytes of data for " + n + " values");
        }
        double[] v = new double[(int) n];
        for (int i = 0; i < n; i++) {
            v[i] = d.group(1).equals("<f4") ? data.getFloat() : data.getInt();
        }
        return new Array(d.group(1), shape, v);
    }

    static Map<String, Array> readNpz(byte[] zip) throws IOException {
        Map<String, Array> out = new LinkedHashMap<>();
        try (var z = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                out.put(e.getName().replaceFirst("\\.npy$", ""), read(z.readAllBytes()));
            }
        }
        return out;
    }
}
