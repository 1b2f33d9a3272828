package statescope.ssm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.TreeMap;
import statescope.io.BoundedFiles;
import statescope.io.JsonErrors;

/**
 * Reads and writes the safetensors format: an 8-byte little-endian header length, a JSON header
 * mapping each tensor name to {@code {dtype, shape, data_offsets: [begin, end]}} (plus an optional
 * {@code __metadata__} string map), then the raw little-endian data.
 *
 * <p>Reading accepts F32, F16, BF16 and F64 (all converted to float) and validates everything before
 * allocating: a file's size ≤ {@link #MAX_FILE_BYTES} before anything is read, then its 8-byte header
 * length (≤ {@link #MAX_HEADER_BYTES} and within the file) before the header is read, valid JSON
 * without duplicate keys, known dtype, non-negative shape, byte length = elements × dtype size, offsets
 * in range, non-overlapping and covering the data without holes. A file is then read tensor by tensor
 * through a small buffer, so its bytes are never held whole. Any problem is one
 * {@link CheckpointException} naming the tensor. Writing produces F32, atomically.
 */
public final class Safetensors {

    /** Largest accepted JSON header (16 MiB: ample for thousands of tensors). */
    public static final long MAX_HEADER_BYTES = 16L << 20;
    /** Largest accepted file (1 GiB: 256 million F32 weights, read into Java float arrays). */
    public static final long MAX_FILE_BYTES = 1L << 30;

    private static final int CHUNK = 1 << 20;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private Safetensors() {
    }

    /** The tensors of a file, in file order, and its {@code __metadata__}. */
    public record Contents(SequencedMap<String, Tensor> tensors, Map<String, String> metadata) {
    }

    /** Contents with the SHA-256 of every byte they were read from (hex, lower case). */
    public record Hashed(Contents contents, String sha256) {
    }

    /** Where the bytes come from: an array or a file, read at absolute positions. */
    private interface Source {
        long size();

        /** Fills {@code dst} from {@code position}; the range is known to be inside the source. */
        void read(long position, ByteBuffer dst) throws IOException;
    }

    /** Reads a file; problems are {@link CheckpointException}s prefixed by the file name. */
    public static Contents read(Path file) throws IOException {
        return readHashed(file).contents();
    }

    /** {@link #read} and the SHA-256 of the file's bytes (computed while reading them, once). */
    public static Hashed readHashed(Path file) throws IOException {
        long size = BoundedFiles.checkRegular(file);
        if (size > MAX_FILE_BYTES) {
            throw new CheckpointException(file + ": file of " + size + " bytes exceeds the cap of " + MAX_FILE_BYTES
                    + " bytes");
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long actual = ch.size();
            if (actual > MAX_FILE_BYTES) {
                throw new CheckpointException(file + ": file of " + actual + " bytes exceeds the cap of " + MAX_FILE_BYTES
                        + " bytes");
            }
            MessageDigest sha = sha256();
            Source src = new Source() {
                @Override
                public long size() {
                    return actual;
                }

                @Override
                public void read(long position, ByteBuffer dst) throws IOException {
                    int start = dst.position();
                    long pos = position;
                    while (dst.hasRemaining()) {
                        int n = ch.read(dst, pos);
                        if (n < 0) {
                            throw new CheckpointException("truncated: the file shrank while it was read");
                        }
                        pos += n;
                    }
                    sha.update(dst.duplicate().flip().position(start));
                }
            };
            Contents c = parse(src);
            return new Hashed(c, hex(sha.digest()));
        } catch (CheckpointException e) {
            throw new CheckpointException(file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** A fresh SHA-256 digest. */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Lower-case hex of bytes. */
    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    /** The SHA-256 of bytes, in hex. */
    public static String sha256(byte[] bytes) {
        return hex(sha256().digest(bytes));
    }

    /** Parses the bytes of a safetensors file. Never throws anything but {@link CheckpointException}. */
    public static Contents parse(byte[] bytes) throws CheckpointException {
        Source src = new Source() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public void read(long position, ByteBuffer dst) {
                dst.put(bytes, (int) position, dst.remaining());
            }
        };
        try {
            return parse(src);
        } catch (CheckpointException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException(e);                     // an array source cannot fail
        }
    }

    /** Reads the sequential regions of the source in order (the SHA-256 of a file source needs that). */
    private static Contents parse(Source src) throws IOException {
        long size = src.size();
        if (size < 8) {
            throw new CheckpointException("truncated: " + size + " bytes, shorter than the 8-byte header length");
        }
        ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        src.read(0, lenBuf);
        long headerLen = lenBuf.getLong(0);
        if (headerLen < 2 || headerLen > MAX_HEADER_BYTES) {
            throw new CheckpointException("not a safetensors file (or its header is oversized): header length "
                    + Long.toUnsignedString(headerLen) + " outside 2.." + MAX_HEADER_BYTES);
        }
        if (8 + headerLen > size) {
            throw new CheckpointException("truncated: header says " + headerLen + " bytes but the file has "
                    + (size - 8) + " after the length");
        }
        ByteBuffer headerBuf = ByteBuffer.allocate((int) headerLen);
        src.read(8, headerBuf);
        JsonNode root;
        try {
            root = JSON.readTree(new String(headerBuf.array(), StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new CheckpointException("invalid JSON header: " + JsonErrors.reason(e));
        } catch (RuntimeException e) { // Jackson's limits (nesting, number length)
            throw new CheckpointException("invalid JSON header: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new CheckpointException("header is not a JSON object");
        }
        long dataStart = 8 + headerLen;
        long dataLen = size - dataStart;
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (var it = root.properties().iterator(); it.hasNext(); ) {
            var f = it.next();
            String name = f.getKey();
            JsonNode v = f.getValue();
            if (name.equals("__metadata__")) {
                if (!v.isObject()) {
                    throw new CheckpointException("__metadata__ is not an object");
                }
                for (var m = v.properties().iterator(); m.hasNext(); ) {
                    var e = m.next();
                    if (!e.getValue().isTextual()) {
                        throw new CheckpointException("__metadata__." + e.getKey() + " is not a string");
                    }
                    metadata.put(e.getKey(), e.getValue().asText());
                }
                continue;
            }
            entries.add(entry(name, v, dataLen));
        }
        // offsets must tile [0, dataLen) exactly: sorted, non-overlapping, no holes
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long pos = 0;
        for (Entry e : sorted) {
            if (e.begin < pos) {
                throw new CheckpointException("tensor " + e.name + ": data_offsets [" + e.begin + ", " + e.end
                        + "] overlap another tensor's data");
            }
            if (e.begin > pos) {
                throw new CheckpointException("tensor " + e.name + ": " + (e.begin - pos)
                        + " unindexed bytes before its data at offset " + pos);
            }
            pos = e.end;
        }
        if (pos != dataLen) {
            throw new CheckpointException(pos < dataLen
                    ? (dataLen - pos) + " bytes of data after the last tensor (oversized file)"
                    : "truncated: data ends at " + dataLen + " bytes, tensors need " + pos);
        }
        Map<String, float[]> data = new HashMap<>();
        ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(CHUNK, Math.max(8, dataLen))).order(ByteOrder.LITTLE_ENDIAN);
        for (Entry e : sorted) {                                     // in file order
            data.put(e.name, decode(e, src, dataStart, chunk));
        }
        var tensors = new LinkedHashMap<String, Tensor>();
        for (Entry e : entries) {
            tensors.put(e.name, new Tensor(e.shape, data.get(e.name)));
        }
        return new Contents(tensors, metadata);
    }

    private record Entry(String name, Dtype dtype, int[] shape, long begin, long end) {
    }

    private enum Dtype {
        F32(4), F16(2), BF16(2), F64(8);
        final int size;

        Dtype(int size) {
            this.size = size;
        }
    }

    private static Entry entry(String name, JsonNode v, long dataLen) throws CheckpointException {
        String where = "tensor " + name + ": ";
        if (!v.isObject()) {
            throw new CheckpointException(where + "header entry is not an object");
        }
        JsonNode dt = v.get("dtype");
        JsonNode sh = v.get("shape");
        JsonNode off = v.get("data_offsets");
        if (dt == null || !dt.isTextual()) {
            throw new CheckpointException(where + "missing or non-string dtype");
        }
        Dtype dtype;
        try {
            dtype = Dtype.valueOf(dt.asText());
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(where + "dtype " + dt.asText() + " is not supported (F32, F16, BF16, F64)");
        }
        if (sh == null || !sh.isArray() || sh.size() > 8) {
            throw new CheckpointException(where + "shape is missing or not an array of at most 8 dimensions");
        }
        int[] shape = new int[sh.size()];
        long numel = 1;
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = sh.get(i);
            if (!d.isIntegralNumber() || !d.canConvertToInt() || d.intValue() < 0) {
                throw new CheckpointException(where + "shape " + sh + " has an invalid dimension");
            }
            shape[i] = d.intValue();
            numel *= shape[i];                                      // ≤ 2^31 · 2^31: no overflow
            if (numel > Integer.MAX_VALUE - 8) {
                throw new CheckpointException(where + "shape " + sh + " has too many elements");
            }
        }
        if (off == null || !off.isArray() || off.size() != 2) {
            throw new CheckpointException(where + "data_offsets must be [begin, end]");
        }
        long[] be = new long[2];
        for (int i = 0; i < 2; i++) {
            JsonNode o = off.get(i);
            if (!o.isIntegralNumber() || !o.canConvertToLong() || o.longValue() < 0) {
                throw new CheckpointException(where + "data_offsets " + off + " are not non-negative integers");
            }
            be[i] = o.longValue();
        }
        if (be[1] < be[0]) {
            throw new CheckpointException(where + "data_offsets " + off + " end before they begin");
        }
        if (be[1] > dataLen) {
            throw new CheckpointException(where + "truncated: data_offsets " + off + " reach beyond the "
                    + dataLen + " bytes of data");
        }
        long want = numel * dtype.size;
        if (be[1] - be[0] != want) {
            throw new CheckpointException(where + "holds " + (be[1] - be[0]) + " bytes but shape "
                    + Arrays.toString(shape) + " of " + dtype + " needs " + want);
        }
        return new Entry(name, dtype, shape, be[0], be[1]);
    }

    /** Reads one tensor's bytes through {@code chunk} (a multiple of 8 bytes) and converts them to floats. */
    private static float[] decode(Entry e, Source src, long dataStart, ByteBuffer chunk) throws IOException {
        int n = (int) ((e.end - e.begin) / e.dtype.size);
        float[] out = new float[n];
        int done = 0;
        long pos = dataStart + e.begin;
        int per = chunk.capacity() / 8 * 8 / e.dtype.size;          // elements per chunk
        while (done < n) {
            int count = Math.min(per, n - done);
            chunk.clear().limit(count * e.dtype.size);
            src.read(pos, chunk);
            chunk.flip();
            pos += (long) count * e.dtype.size;
            switch (e.dtype) {
                case F32 -> chunk.asFloatBuffer().get(out, done, count);
                case F16 -> {
                    for (int i = 0; i < count; i++) {
                        out[done + i] = Float.float16ToFloat(chunk.getShort());
                    }
                }
                case BF16 -> {
                    for (int i = 0; i < count; i++) {
                        out[done + i] = bf16ToFloat(chunk.getShort());
                    }
                }
                case F64 -> {
                    for (int i = 0; i < count; i++) {
                        out[done + i] = (float) chunk.getDouble();
                    }
                }
                default -> throw new AssertionError(e.dtype);
            }
            done += count;
        }
        return out;
    }

    /** bfloat16 (the top 16 bits of a float32) to float. */
    public static float bf16ToFloat(short bits) {
        return Float.intBitsToFloat((bits & 0xffff) << 16);
    }

    /** Serialises tensors as F32 safetensors bytes (in the given order) with optional metadata. */
    public static byte[] toBytes(SequencedMap<String, Tensor> tensors, Map<String, String> metadata) {
        var header = new LinkedHashMap<String, Object>();
        if (metadata != null && !metadata.isEmpty()) {
            header.put("__metadata__", new TreeMap<>(metadata));
        }
        long offset = 0;
        for (var e : tensors.entrySet()) {
            if (e.getKey().equals("__metadata__")) {
                throw new IllegalArgumentException("__metadata__ is reserved and cannot name a tensor");
            }
            long len = 4L * e.getValue().size();
            var m = new LinkedHashMap<String, Object>();
            m.put("dtype", "F32");
            m.put("shape", e.getValue().shape());
            m.put("data_offsets", new long[] {offset, offset + len});
            header.put(e.getKey(), m);
            offset += len;
        }
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(header);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        int padded = (json.length + 7) / 8 * 8;                     // data 8-byte aligned
        long total = 8L + padded + offset;
        if (total > MAX_FILE_BYTES) {
            throw new IllegalArgumentException("checkpoint of " + total + " bytes exceeds " + MAX_FILE_BYTES);
        }
        ByteBuffer out = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(padded);
        out.put(json);
        for (int i = json.length; i < padded; i++) {
            out.put((byte) ' ');
        }
        for (Tensor t : tensors.values()) {
            out.asFloatBuffer().put(t.data());
            out.position(out.position() + 4 * t.size());
        }
        return out.array();
    }

    /** Writes tensors as an F32 safetensors file, atomically (temp file in the same folder + rename). */
    public static void write(Path file, SequencedMap<String, Tensor> tensors, Map<String, String> metadata)
            throws IOException {
        AtomicFiles.write(file, toBytes(tensors, metadata));
    }
}
