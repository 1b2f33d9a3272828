package statescope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import statescope.ssm.GateRange;
import statescope.ssm.NormKind;
import statescope.ssm.SsmConfig;
import statescope.ssm.SsmWeights;

/** AdamW and clipping against values computed by hand from PyTorch's update rule. */
class AdamWTest {

    static final SsmConfig C = new SsmConfig(4, 1, 2, 2, 2, 1, 3, 2, GateRange.NONNEGATIVE, true, NormKind.RMS, 1e-5f);

    @Test
    void twoStepsMatchTheHandComputedUpdate() {
        ParamSet p = ParamSet.of(SsmWeights.init(C, 1));
        ParamSet g = p.zerosLike();
        float p0 = p.get(0)[0];
        g.get(0)[0] = 0.5f;
        AdamW adam = new AdamW(p, 0.9, 0.999, 1e-8, 0.1, AdamW.DECAY_ALL);
        adam.step(p, g, 0.01);
        // step 1: m = 0.05, v = 0.00025; m̂ = 0.5, v̂ = 0.25 → update 0.01 · 0.5 / (0.5 + 1e-8)
        double expect1 = p0 * (1 - 0.01 * 0.1) - 0.01 * 0.5 / (0.5 + 1e-8);
        assertEquals(expect1, p.get(0)[0], 1e-6);
        g.get(0)[0] = -1f;
        adam.step(p, g, 0.01);
        double m = 0.9 * 0.05 - 0.1;
        double v = 0.999 * 0.00025 + 0.001;
        double mh = m / (1 - 0.81);
        double vh = v / (1 - 0.998001);
        double expect2 = expect1 * (1 - 0.001) - 0.01 * mh / (Math.sqrt(vh) + 1e-8);
        assertEquals(expect2, p.get(0)[0], 1e-6);
        assertEquals(2, adam.steps());
    }

    @Test
    void decayPredicateSparesNormsBiasesALogAndD() {
        assertFalse(AdamW.DECAY_MATRICES.test("backbone.layers.0.norm.weight"));
        assertFalse(AdamW.DECAY_MATRICES.test("backbone.norm_f.weight"));
        assertFalse(AdamW.DECAY_MATRICES.test("backbone.layers.0.mixer.dt_proj.bias"));
        assertFalse(AdamW.DECAY_MATRICES.test("backbone.layers.0.mixer.A_log"));
        assertFalse(AdamW.DECAY_MATRICES.test("backbone.layers.0.mixer.D"));
        assertTrue(AdamW.DECAY_MATRICES.test("backbone.layers.0.mixer.in_proj.weight"));
        assertTrue(AdamW.DECAY_MATRICES.test("backbone.embedding.weight"));
        ParamSet p = ParamSet.of(SsmWeights.init(C, 1));
        float aLog = p.get("backbone.layers.0.mixer.A_log")[1];
        float emb = p.get("backbone.embedding.weight")[0];
        new AdamW(p, 0.9, 0.999, 1e-8, 0.5, AdamW.DECAY_MATRICES).step(p, p.zerosLike(), 0.1);
        assertEquals(aLog, p.get("backbone.layers.0.mixer.A_log")[1]);
        assertEquals(emb * 0.95f, p.get("backbone.embedding.weight")[0], 1e-7);
    }

    @Test
    void clippingScalesToTheMaximumGlobalNorm() {
        ParamSet g = ParamSet.zeros(C, true);
        g.get(0)[0] = 3f;
        g.get(1)[0] = 4f;
        assertEquals(5.0, AdamW.clipGlobalNorm(g, 1.0), 1e-9);
        assertEquals(1.0, g.norm(), 1e-5);
        assertEquals(0.6f, g.get(0)[0], 1e-5);
        assertEquals(1.0, AdamW.clipGlobalNorm(g, 0), 1e-5);
    }

    @Test
    void strictAccuracyIgnoresPaddingAndNeedsEveryPosition() {
        float[] logits = {1, 0, 0, 1, 5, 0}; // [T=3, O=2] argmax 0, 1, 0
        assertTrue(Metrics.strictCorrect(logits, 2, new int[] {0, 1, -1}));
        assertTrue(Metrics.strictCorrect(logits, 2, new int[] {0, 1, 0}));
        assertFalse(Metrics.strictCorrect(logits, 2, new int[] {0, 0, 0}));
    }
}
