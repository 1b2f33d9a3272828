package statescope.ssm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

class SsmWeightsTest {

    static final SsmConfig CFG = SsmConfig.defaults(16, 2, 5, 3);

    @Test
    void configValidatesWithNamedMessages() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new SsmConfig(0, 1, 16, 2, 4, 1, 3, 3, GateRange.NONNEGATIVE, true, NormKind.RMS, 1e-5f));
        assertTrue(e.getMessage().contains("dModel"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CFG.withNorm(NormKind.RMS, Float.NaN));
        assertTrue(e.getMessage().contains("normEps"), e.getMessage());
        assertEquals(32, CFG.dInner());
        assertEquals(1, CFG.dtRank());
        assertEquals(4, SsmConfig.defaultDtRank(64));
    }

    @Test
    void initHasReferenceShapesAndValues() {
        var w = SsmWeights.init(CFG, 7);
        var t = w.tensors();
        assertArrayEquals(new int[] {5, 16}, t.get("backbone.embedding.weight").shape());
        assertArrayEquals(new int[] {64, 16}, t.get("backbone.layers.1.mixer.in_proj.weight").shape());
        assertArrayEquals(new int[] {32, 1, 4}, t.get("backbone.layers.0.mixer.conv1d.weight").shape());
        assertArrayEquals(new int[] {33, 32}, t.get("backbone.layers.0.mixer.x_proj.weight").shape());
        assertArrayEquals(new int[] {3, 16}, t.get("lm_head.weight").shape());
        assertTrue(t.containsKey("lm_head.bias"));
        float[] aLog = t.get("backbone.layers.0.mixer.A_log").data();
        assertEquals((float) Math.log(16), aLog[15], 0f);
        assertEquals(0f, aLog[16], 0f);
        for (float v : t.get("backbone.layers.0.mixer.D").data()) {
            assertEquals(1f, v);
        }
        for (float b : t.get("backbone.layers.1.mixer.dt_proj.bias").data()) {
            float dt = Activations.softplus(b);
            assertTrue(dt >= 0.99e-3 && dt <= 0.101, "softplus(dt bias) = " + dt);
        }
        float bound = 1f / (float) Math.sqrt(16);
        for (float v : t.get("backbone.layers.0.mixer.in_proj.weight").data()) {
            assertTrue(Math.abs(v) <= bound);
        }
        assertEquals(w.parameterCount(), t.values().stream().mapToLong(Tensor::size).sum());
    }

    @Test
    void sameSeedSameWeightsOtherSeedOther() {
        assertTrue(SsmWeights.init(CFG, 3).contentEquals(SsmWeights.init(CFG, 3)));
        assertFalse(SsmWeights.init(CFG, 3).contentEquals(SsmWeights.init(CFG, 4)));
    }

    @Test
    void aScaledInitChangesOnlyA() {
        var mamba = SsmWeights.init(CFG, 3, true);
        assertTrue(mamba.contentEquals(SsmWeights.init(CFG, 3, true, 1.0)), "scale 1 is Mamba's initialisation");
        var slow = SsmWeights.init(CFG, 3, true, 1.0 / 4096);
        for (String name : mamba.tensors().keySet()) {
            float[] a = mamba.tensor(name).data();
            float[] b = slow.tensor(name).data();
            if (name.endsWith("A_log")) {
                for (int i = 0; i < a.length; i++) {
                    assertEquals((float) Math.log((i % 16 + 1) / 4096.0), b[i], 1e-6f, name + "[" + i + "]");
                }
            } else {
                assertArrayEquals(a, b, name);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> SsmWeights.init(CFG, 3, true, 0));
        assertThrows(IllegalArgumentException.class, () -> SsmWeights.init(CFG, 3, true, Double.NaN));
    }

    @Test
    void tensorsRoundTripAndAreCopies() {
        var w = SsmWeights.init(CFG.withNorm(NormKind.LAYER, 1e-5f), 1, false);
        var t = w.tensors();
        assertTrue(t.containsKey("backbone.layers.0.norm.bias"));
        assertFalse(t.containsKey("lm_head.bias"));
        t.get("backbone.embedding.weight").data()[0] = 1234f; // must not leak into w
        var back = SsmWeights.fromTensors(w.config(), w.tensors());
        assertTrue(back.contentEquals(w));
        assertEquals(w.tensor("backbone.embedding.weight").data()[0], back.tensor("backbone.embedding.weight").data()[0]);
    }

    @Test
    void fromTensorsNamesTheBadTensor() {
        var t = new LinkedHashMap<>(SsmWeights.init(CFG, 1).tensors());
        t.put("backbone.layers.0.mixer.D", new Tensor(new int[] {31}, new float[31]));
        var e = assertThrows(IllegalArgumentException.class, () -> SsmWeights.fromTensors(CFG, t));
        assertTrue(e.getMessage().contains("backbone.layers.0.mixer.D") && e.getMessage().contains("[31]"), e.getMessage());

        var t2 = new LinkedHashMap<>(SsmWeights.init(CFG, 1).tensors());
        t2.get("backbone.norm_f.weight").data()[3] = Float.NaN;
        e = assertThrows(IllegalArgumentException.class, () -> SsmWeights.fromTensors(CFG, t2));
        assertTrue(e.getMessage().contains("backbone.norm_f.weight") && e.getMessage().contains("NaN"), e.getMessage());

        var t3 = new LinkedHashMap<>(SsmWeights.init(CFG, 1).tensors());
        t3.remove("lm_head.weight");
        e = assertThrows(IllegalArgumentException.class, () -> SsmWeights.fromTensors(CFG, t3));
        assertTrue(e.getMessage().contains("lm_head.weight") && e.getMessage().contains("missing"), e.getMessage());

        var t4 = new LinkedHashMap<>(SsmWeights.init(CFG, 1).tensors());
        t4.put("backbone.layers.9.mixer.D", new Tensor(new int[] {32}, new float[32]));
        e = assertThrows(IllegalArgumentException.class, () -> SsmWeights.fromTensors(CFG, t4));
        assertTrue(e.getMessage().contains("backbone.layers.9.mixer.D"), e.getMessage());
    }

    @Test
    void nonSelectiveXProjReadsTheConstantOne() {
        var cfg = CFG.withSelective(false);
        var w = SsmWeights.init(cfg, 2);
        assertArrayEquals(new int[] {33, 1}, w.tensor("backbone.layers.0.mixer.x_proj.weight").shape());
        var tr = ReferenceForward.forward(w, new int[] {0, 4, 2, 1});
        var l = tr.layers().get(0);
        // Δ, B and C are the same at every position
        for (int t = 1; t < 4; t++) {
            for (int d = 0; d < 32; d++) {
                assertEquals(l.delta()[d], l.delta()[t * 32 + d]);
            }
            for (int n = 0; n < 16; n++) {
                assertEquals(l.b()[n], l.b()[t * 16 + n]);
                assertEquals(l.c()[n], l.c()[t * 16 + n]);
            }
        }
    }
}
