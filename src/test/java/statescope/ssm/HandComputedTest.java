package statescope.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A one-layer model small enough to run by hand: D = 1, ED = 1, N = 2, K = 2, R = 1, V = 2, O = 1.
 *
 * <pre>
 * Weights
 *   embedding       = [[2], [−0.5]]           RMSNorm weight 1, eps 1e-30 (negligible in float)
 *   in_proj         = [[1], [0]]              so x̃_t = u_t, z_t = 0
 *   conv1d          = taps [1, 1], bias 0     so pre_t = x̃_{t−1} + x̃_t
 *   x_proj          = [[0], [1], [2], [1], [−1]]  rows: δ; B = (1, 2)·x_t; C = (1, −1)·x_t
 *   dt_proj         = weight 0, bias 0       so Δ_t = softplus(0) = ln 2 = 0.6931472
 *   A_log           = [0, ln 2]               so A = (−1, −2), Ā = exp(Δ·A) = (1/2, 1/4)
 *   D               = 1
 *
 * Input tokens 0, 1, 1
 *   u = e/|e|                     = (1, −1, −1)
 *   pre                           = (1, 0, −2)
 *   x = SiLU(pre) = pre·σ(pre)    = (0.7310586, 0, −2/(1+e²) = −0.2384058)
 *   Δ·B_t·x_t = ln2·(x², 2x²):  t=1: x² = 0.5344466  → (0.3704502, 0.7409004)
 *                               t=2: 0 ;  t=3: x² = 0.0568373 → (0.0393966, 0.0787933)
 *   h_1 = (0.3704502, 0.7409004)
 *   h_2 = (h_1[0]/2, h_1[1]/4) = (0.1852251, 0.1852251)
 *   h_3 = (0.1852251/2 + 0.0393966, 0.1852251/4 + 0.0787933) = (0.1320092, 0.1250996)
 *   y_t = C_t·h_t + D·x_t = x_t·(h_t[0] − h_t[1]) + x_t
 *   y_1 = 0.7310586·(0.3704502 − 0.7409004) + 0.7310586 = 0.4602378
 *   y_2 = 0
 *   y_3 = −0.2384058·(0.1320092 − 0.1250996) − 0.2384058 = −0.2400531
 * With gates [−1, 1], Ā = 2·exp(Δ·A) − 1 = (0, −1/2):
 *   h_1 = (0.3704502, 0.7409004), h_2 = (0, −0.3704502), h_3 = (0·0 + 0.0393966, −½·(−0.3704502) + 0.0787933 = 0.2640184)
 *   y_3 = −0.2384058·(0.0393966 − 0.2640184) − 0.2384058 = 0.0535511 − 0.2384058 = −0.1848547
 * </pre>
 */
class HandComputedTest {

    static SsmWeights model(GateRange gates) {
        var cfg = new SsmConfig(1, 1, 2, 1, 2, 1, 2, 1, gates, true, NormKind.RMS, 1e-30f);
        Map<String, Tensor> t = new HashMap<>();
        t.put(WeightNames.EMBEDDING, new Tensor(new int[] {2, 1}, new float[] {2f, -0.5f}));
        t.put(WeightNames.layer(0, WeightNames.NORM), new Tensor(new int[] {1}, new float[] {1f}));
        t.put(WeightNames.layer(0, WeightNames.IN_PROJ), new Tensor(new int[] {2, 1}, new float[] {1f, 0f}));
        t.put(WeightNames.layer(0, WeightNames.CONV_W), new Tensor(new int[] {1, 1, 2}, new float[] {1f, 1f}));
        t.put(WeightNames.layer(0, WeightNames.CONV_B), new Tensor(new int[] {1}, new float[] {0f}));
        t.put(WeightNames.layer(0, WeightNames.X_PROJ), new Tensor(new int[] {5, 1}, new float[] {0f, 1f, 2f, 1f, -1f}));
        t.put(WeightNames.layer(0, WeightNames.DT_W), new Tensor(new int[] {1, 1}, new float[] {0f}));
        t.put(WeightNames.layer(0, WeightNames.DT_B), new Tensor(new int[] {1}, new float[] {0f}));
        t.put(WeightNames.layer(0, WeightNames.A_LOG), new Tensor(new int[] {1, 2}, new float[] {0f, (float) Math.log(2)}));
        t.put(WeightNames.layer(0, WeightNames.D_SKIP), new Tensor(new int[] {1}, new float[] {1f}));
        t.put(WeightNames.layer(0, WeightNames.OUT_PROJ), new Tensor(new int[] {1, 1}, new float[] {1f}));
        t.put(WeightNames.NORM_F, new Tensor(new int[] {1}, new float[] {1f}));
        t.put(WeightNames.HEAD, new Tensor(new int[] {1, 1}, new float[] {1f}));
        return SsmWeights.fromTensors(cfg, t);
    }

    static final int[] TOKENS = {0, 1, 1};
    static final float TOL = 1e-6f;

    @Test
    void referenceForwardMatchesHandArithmetic() {
        var layer = ReferenceForward.forward(model(GateRange.NONNEGATIVE), TOKENS).layers().get(0);
        assertHand(layer);
    }

    static void assertHand(Trace.LayerTrace layer) {
        assertEquals(0.7310586f, layer.x()[0], TOL);
        assertEquals(0f, layer.x()[1], TOL);
        assertEquals(-0.2384058f, layer.x()[2], TOL);
        for (int t = 0; t < 3; t++) {
            assertEquals(0.6931472f, layer.delta()[t], TOL);
            assertEquals(0.5f, layer.aBar()[t * 2], TOL);
            assertEquals(0.25f, layer.aBar()[t * 2 + 1], TOL);
        }
        assertEquals(0.3704502f, layer.h(0, 0, 0), TOL);
        assertEquals(0.7409004f, layer.h(0, 0, 1), TOL);
        assertEquals(0.1852251f, layer.h(1, 0, 0), TOL);
        assertEquals(0.1852251f, layer.h(1, 0, 1), TOL);
        assertEquals(0.1320092f, layer.h(2, 0, 0), TOL);
        assertEquals(0.1250996f, layer.h(2, 0, 1), TOL);
        assertEquals(0.4602378f, layer.y(0, 0), TOL);
        assertEquals(0f, layer.y(1, 0), TOL);
        assertEquals(-0.2400531f, layer.y(2, 0), TOL);
    }

    @Test
    void signedGatesMatchHandArithmetic() {
        var layer = ReferenceForward.forward(model(GateRange.SIGNED), TOKENS).layers().get(0);
        assertSigned(layer);
    }

    static void assertSigned(Trace.LayerTrace layer) {
        assertEquals(0f, layer.aBar()[0], TOL);
        assertEquals(-0.5f, layer.aBar()[1], TOL);
        assertEquals(0f, layer.h(1, 0, 0), TOL);
        assertEquals(-0.3704502f, layer.h(1, 0, 1), TOL);
        assertEquals(0.0393966f, layer.h(2, 0, 0), TOL);
        assertEquals(0.2640184f, layer.h(2, 0, 1), TOL);
        assertEquals(-0.1848547f, layer.y(2, 0), TOL);
    }
}
