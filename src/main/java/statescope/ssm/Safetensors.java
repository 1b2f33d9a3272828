package statescope.ssm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.TreeMap;

/**
 * Reads and writes the safetensors format: an 8-byte little-endian header length, a JSON header
 * mapping each tensor name to {@code {dtype, shape, data_offsets: [begin, end]}} (plus an optional
 * {@code __metadata__} string map), then the raw little-endian data.
 *
 * <p>Reading accepts F32, F16, BF16 and F64 (all converted to float) and validates everything before
 * allocating: header length ≤ {@link #MAX_HEADER_BYTES} and within the file, valid JSON without
 * duplicate keys, known dtype, non-negative shape, byte length = elements × dtype size, offsets in
 * range, non-overlapping and covering the data without holes, file ≤ {@link #MAX_FILE_BYTES}.
 * Any problem is one {@link CheckpointException} naming the tensor. Writing produces F32, atomically.
 */
public final class Safetensors {

    /** Largest accepted JSON header (16 MiB: ample for thousands of tensors). */
    public static final long MAX_HEADER_BYTES = 16L << 20;
    /** Largest accepted file: tensors are read into Java arrays. */
    public static final long MAX_FILE_BYTES = 1L << 31;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private Safetensors() {
    }

    /** The tensors of a file, in file order, and its {@code __metadata__}. */
    public record Contents(SequencedMap<String, Tensor> tensors, Map<String, String> metadata) {
    }

    /** Reads a file; problems are {@link CheckpointException}s prefixed by the file name. */
    public static Contents read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new CheckpointException(file + ": file of " + size + " bytes exceeds the " + MAX_FILE_BYTES + "-byte cap");
        }
        try {
            return parse(Files.readAllBytes(file));
        } catch (CheckpointException e) {
            throw new CheckpointException(file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Parses the bytes of a safetensors file. Never throws anything but {@link CheckpointException}. */
    public static Contents parse(byte[] bytes) throws CheckpointException {
        if (bytes.length < 8) {
            throw new CheckpointException("truncated: " + bytes.length + " bytes, shorter than the 8-byte header length");
        }
        long headerLen = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (headerLen < 2 || headerLen > MAX_HEADER_BYTES) {
            throw new CheckpointException("header length " + Long.toUnsignedString(headerLen)
                    + " outside 2.." + MAX_HEADER_BYTES + " (not a safetensors file, or oversized header)");
        }
        if (8 + headerLen > bytes.length) {
            throw new CheckpointException("truncated: header says " + headerLen + " bytes but the file has "
                    + (bytes.length - 8) + " after the length");
        }
        JsonNode root;
        try {
            root = JSON.readTree(new String(bytes, 8, (int) headerLen, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new CheckpointException("invalid JSON header: " + e.getOriginalMessage());
        } catch (RuntimeException e) { // Jackson's limits (nesting, number length)
            throw new CheckpointException("invalid JSON header: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new CheckpointException("header is not a JSON object");
        }
        int dataStart = 8 + (int) headerLen;
        long dataLen = bytes.length - dataStart;
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
        var tensors = new LinkedHashMap<String, Tensor>();
        for (Entry e : entries) {
            tensors.put(e.name, new Tensor(e.shape, decode(e, bytes, dataStart)));
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

    private static float[] decode(Entry e, byte[] bytes, int dataStart) {
        int n = (int) ((e.end - e.begin) / e.dtype.size);
        float[] out = new float[n];
        ByteBuffer buf = ByteBuffer.wrap(bytes, dataStart + (int) e.begin, (int) (e.end - e.begin)).order(ByteOrder.LITTLE_ENDIAN);
        switch (e.dtype) {
            case F32 -> buf.asFloatBuffer().get(out);
            case F16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Float.float16ToFloat(buf.getShort());
                }
            }
            case BF16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = bf16ToFloat(buf.getShort());
                }
            }
            case F64 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (float) buf.getDouble();
                }
            }
            default -> throw new AssertionError(e.dtype);
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
