package statescope.ssm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SafetensorsTest {

    /** A file with the given JSON header and raw data bytes. */
    static byte[] file(String header, byte[] data) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h).put(data);
        return b.array();
    }

    static byte[] le16(int... v) {
        ByteBuffer b = ByteBuffer.allocate(2 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int x : v) {
            b.putShort((short) x);
        }
        return b.array();
    }

    static String msg(byte[] bytes) {
        return assertThrows(CheckpointException.class, () -> Safetensors.parse(bytes)).getMessage();
    }

    @Test
    void f16KnownBitPatterns() throws Exception {
        // 0x3C00 = 1, 0xC000 = −2, 0x3555 = 0.333251953125, 0x7BFF = 65504 (max), 0x0001 = 2^−24, 0x7C00 = +inf
        var c = Safetensors.parse(file("{\"w\":{\"dtype\":\"F16\",\"shape\":[6],\"data_offsets\":[0,12]}}",
                le16(0x3C00, 0xC000, 0x3555, 0x7BFF, 0x0001, 0x7C00)));
        assertArrayEquals(new float[] {1f, -2f, 0.333251953125f, 65504f, (float) Math.pow(2, -24), Float.POSITIVE_INFINITY},
                c.tensors().get("w").data());
    }

    @Test
    void bf16KnownBitPatterns() throws Exception {
        // 0x3F80 = 1, 0xC040 = −3, 0x3EAB = 0.333984375, 0x7F7F = 3.3895314e38, 0x0001 = 2^−133 (subnormal)
        var c = Safetensors.parse(file("{\"w\":{\"dtype\":\"BF16\",\"shape\":[5],\"data_offsets\":[0,10]}}",
                le16(0x3F80, 0xC040, 0x3EAB, 0x7F7F, 0x0001)));
        assertArrayEquals(new float[] {1f, -3f, 0.333984375f, 3.3895314e38f, Float.intBitsToFloat(0x10000)},
                c.tensors().get("w").data());
    }

    @Test
    void roundTripIsExactAndKeepsOrderAndMetadata() throws Exception {
        var t = new LinkedHashMap<String, Tensor>();
        t.put("b", new Tensor(new int[] {2, 3}, new float[] {1, -0f, Float.MIN_VALUE, 3.5f, -1e30f, 7}));
        t.put("a", new Tensor(new int[] {}, new float[] {42}));
        t.put("empty", new Tensor(new int[] {0, 4}, new float[0]));
        var c = Safetensors.parse(Safetensors.toBytes(t, Map.of("k", "v")));
        assertEquals(List.of("b", "a", "empty"), List.copyOf(c.tensors().keySet()));
        for (var e : t.entrySet()) {
            assertTrue(e.getValue().contentEquals(c.tensors().get(e.getKey())), e.getKey());
        }
        assertEquals("v", c.metadata().get("k"));
    }

    @Test
    void truncatedFileNamesTheTensor() {
        byte[] ok = Safetensors.toBytes(new LinkedHashMap<>(Map.of("layer.w", new Tensor(new int[] {4}, new float[4]))), null);
        String m = msg(Arrays.copyOf(ok, ok.length - 3));
        assertTrue(m.contains("layer.w") && m.contains("truncated"), m);
        m = msg(Arrays.copyOf(ok, 12));
        assertTrue(m.contains("truncated"), m);
        m = msg(new byte[5]);
        assertTrue(m.contains("truncated"), m);
    }

    @Test
    void oversizedHeaderOrDataIsRejected() {
        byte[] huge = new byte[16];
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 40);
        assertTrue(msg(huge).contains("header length"), msg(huge));
        // 4 bytes more data than the header describes
        String m = msg(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[8]));
        assertTrue(m.contains("oversized"), m);
        // a tensor whose byte range is larger than its shape needs
        m = msg(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,8]}}", new byte[8]));
        assertTrue(m.contains("tensor w") && m.contains("needs 4"), m);
    }

    @Test
    void wrongDtypeNamesTheTensor() {
        String m = msg(file("{\"step\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}}", new byte[8]));
        assertTrue(m.contains("tensor step") && m.contains("I64"), m);
    }

    @Test
    void overlappingOrHoleyOffsetsAreRejected() {
        String m = msg(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", new byte[8]));
        assertTrue(m.contains("overlap"), m);
        m = msg(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", new byte[8]));
        assertTrue(m.contains("tensor a") && m.contains("unindexed"), m);
    }

    @Test
    void malformedHeadersGiveOneMessage() {
        assertTrue(msg(file("{\"a\":", new byte[0])).contains("JSON"));
        assertTrue(msg(file("[1,2]", new byte[0])).contains("not a JSON object"));
        assertTrue(msg(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,0]}}", new byte[0])).contains("tensor a"));
        assertTrue(msg(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,0]},\"a\":{}}", new byte[0])).contains("JSON"));
        assertTrue(msg(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[65536,65536],\"data_offsets\":[0,4]}}", new byte[4])).contains("tensor a"));
    }
}
