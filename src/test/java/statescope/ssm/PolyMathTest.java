package statescope.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntToDoubleFunction;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;

/**
 * {@link PolyMath} and {@link VectorPolyMath}: accuracy against {@link StrictMath} over dense sweeps of
 * float bit patterns and at the edges, and that every vector lane returns the scalar function's bits.
 */
class PolyMathTest {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    /** Every {@code stride}-th float from {@code lo} to {@code hi} (walking bit patterns, both signs), and both ends. */
    static float[] sweep(float lo, float hi, int stride) {
        long posFrom = Float.floatToRawIntBits(Math.max(lo, 0f));
        long posTo = hi > 0 ? Float.floatToRawIntBits(hi) : posFrom - 1;
        long negFrom = Float.floatToRawIntBits(Math.min(hi, -0f)) & 0x7fffffffL;   // magnitudes
        long negTo = lo < 0 ? Float.floatToRawIntBits(lo) & 0x7fffffffL : negFrom - 1;
        int nPos = (int) Math.max(0, (posTo - posFrom) / stride + 1);
        int nNeg = (int) Math.max(0, (negTo - negFrom) / stride + 1);
        float[] v = new float[nPos + nNeg + 2];
        for (int i = 0; i < nPos; i++) {
            v[i] = Float.intBitsToFloat((int) (posFrom + (long) i * stride));
        }
        for (int i = 0; i < nNeg; i++) {
            v[nPos + i] = -Float.intBitsToFloat((int) (negFrom + (long) i * stride));
        }
        v[nPos + nNeg] = lo;
        v[nPos + nNeg + 1] = hi;
        return v;
    }

    /** |got − want| in units of the ulp of the correctly rounded result (subnormal ulp below 2^-126). */
    static double ulps(float got, double exact) {
        float want = (float) exact;
        if (Float.isInfinite(want) || want == 0f) {
            return got == want ? 0 : Double.POSITIVE_INFINITY;
        }
        return Math.abs(got - exact) / Math.ulp(want);
    }

    static double worstUlps(float[] xs, IntToDoubleFunction err) {
        double worst = 0;
        for (int i = 0; i < xs.length; i++) {
            worst = Math.max(worst, err.applyAsDouble(i));
        }
        return worst;
    }

    @Test
    void expIsWithinOneUlpOverTheWholeRange() {
        float[] xs = sweep(-103.9f, 88.72f, 401);                      // 5.6 million arguments
        double worst = worstUlps(xs, i -> ulps(PolyMath.exp(xs[i]), StrictMath.exp(xs[i])));
        assertTrue(worst <= 1.0, "exp: worst error " + worst + " ulp");
        assertTrue(worst > 0.5, "not correctly rounded everywhere, so the sweep must see more than half an ulp: "
                + worst);
    }

    @Test
    void expOfTheScanGatesIsWithinOneUlp() {
        // Ā = exp(Δ·A): Δ·A ≤ 0, mostly in [−20, 0]: 4.4 million arguments there
        float[] xs = sweep(-20f, 0f, 251);
        double worst = worstUlps(xs, i -> ulps(PolyMath.exp(xs[i]), StrictMath.exp(xs[i])));
        assertTrue(worst <= 1.0, "exp on [-20, 0]: worst " + worst + " ulp");
    }

    @Test
    void expEdges() {
        assertEquals(1f, PolyMath.exp(0f));
        assertEquals(1f, PolyMath.exp(-0f));
        assertEquals(0f, PolyMath.exp(-104f));
        assertEquals(0f, PolyMath.exp(-1e4f), "a very negative Δ·A gives Ā = 0 exactly");
        assertEquals(0f, PolyMath.exp(-3.4e38f));
        assertEquals(0f, PolyMath.exp(Float.NEGATIVE_INFINITY));
        assertEquals(Float.POSITIVE_INFINITY, PolyMath.exp(88.73f));
        assertEquals(Float.POSITIVE_INFINITY, PolyMath.exp(1e4f));
        assertEquals(Float.POSITIVE_INFINITY, PolyMath.exp(Float.POSITIVE_INFINITY));
        assertTrue(Float.isNaN(PolyMath.exp(Float.NaN)));
        assertEquals((float) StrictMath.exp(88.72f), PolyMath.exp(88.72f), Math.ulp((float) StrictMath.exp(88.72f)));
        // gradual underflow: the subnormal results are the correctly rounded ones
        for (float x = -87.4f; x >= -103.98f; x -= 0.37f) {
            float want = (float) StrictMath.exp(x);
            assertTrue(ulps(PolyMath.exp(x), StrictMath.exp(x)) <= 1.0, "exp(" + x + ") = " + PolyMath.exp(x)
                    + ", want " + want);
        }
        assertEquals(Float.MIN_VALUE, PolyMath.exp(-103.2789f));       // 2^-149 ≈ e^-103.2789
        assertEquals(1f + 1e-7f, PolyMath.exp(1e-7f), Math.ulp(1f));
        assertEquals(Float.MIN_VALUE, Float.MIN_VALUE * PolyMath.exp(Float.MIN_VALUE));
    }

    @Test
    void log1pIsWithinOneUlpOnItsWholeDomain() {
        float[] pos = sweep(0f, Float.MAX_VALUE, 509);                 // 4.2 million, subnormals included
        float[] neg = sweep(-0.99999994f, -0f, 251);                   // 4.2 million of (−1, 0]
        DoubleUnaryOperator ref = StrictMath::log1p;
        double worst = Math.max(worstUlps(pos, i -> ulps(PolyMath.log1p(pos[i]), ref.applyAsDouble(pos[i]))),
                worstUlps(neg, i -> ulps(PolyMath.log1p(neg[i]), ref.applyAsDouble(neg[i]))));
        assertTrue(worst <= 1.0, "log1p: worst " + worst + " ulp");
        assertTrue(worst > 0.5, "the sweep must see rounding: " + worst);
    }

    @Test
    void log1pEdges() {
        assertEquals(Float.floatToRawIntBits(0f), Float.floatToRawIntBits(PolyMath.log1p(0f)));
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(PolyMath.log1p(-0f)));
        assertEquals(Float.MIN_VALUE, PolyMath.log1p(Float.MIN_VALUE));
        assertEquals(1e-30f, PolyMath.log1p(1e-30f));
        assertEquals(-1e-30f, PolyMath.log1p(-1e-30f));
        assertEquals(Float.NEGATIVE_INFINITY, PolyMath.log1p(-1f));
        assertTrue(Float.isNaN(PolyMath.log1p(-1.0000001f)));
        assertTrue(Float.isNaN(PolyMath.log1p(Float.NEGATIVE_INFINITY)));
        assertTrue(Float.isNaN(PolyMath.log1p(Float.NaN)));
        assertEquals(Float.POSITIVE_INFINITY, PolyMath.log1p(Float.POSITIVE_INFINITY));
        assertEquals((float) StrictMath.log1p(Float.MAX_VALUE), PolyMath.log1p(Float.MAX_VALUE), 1e-5f);
        assertEquals((float) Math.log(2), PolyMath.log1p(1f));
    }

    @Test
    void softplusSiluAndSigmoidFollowTheDoubleFormulas() {
        float[] xs = sweep(-60f, 60f, 2003);
        double worstSp = 0;
        double worstSilu = 0;
        double worstSig = 0;
        for (float x : xs) {
            double sp = x > 20f ? x : StrictMath.log1p(StrictMath.exp(x));
            worstSp = Math.max(worstSp, ulps(PolyMath.softplus(x), sp));
            worstSilu = Math.max(worstSilu, ulps(PolyMath.silu(x), x / (1 + StrictMath.exp(-x))));
            worstSig = Math.max(worstSig, ulps(PolyMath.sigmoid(x), 1 / (1 + StrictMath.exp(-x))));
        }
        assertTrue(worstSp <= 3, "softplus " + worstSp);
        assertTrue(worstSilu <= 3, "silu " + worstSilu);
        assertTrue(worstSig <= 3, "sigmoid " + worstSig);
        assertEquals(25f, PolyMath.softplus(25f));
    }

    static float[] edgesAndRandom() {
        float[] edges = {0f, -0f, 1f, -1f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
            Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE, -104f, -103.98f,
            -87.34f, 88.72f, 88.73f, 89f, 20f, 20.000002f, -0.99999994f, -1.0000001f, 1e-8f, -1e-8f, 0.34657359f};
        SplittableRandom r = new SplittableRandom(3);
        int n = ((edges.length + 4000) / S.length() + 1) * S.length();
        float[] v = new float[n];
        System.arraycopy(edges, 0, v, 0, edges.length);
        for (int i = edges.length; i < n; i++) {
            v[i] = switch (i % 3) {
                case 0 -> (float) (r.nextDouble() * 240 - 120);
                case 1 -> Float.intBitsToFloat(r.nextInt());
                default -> (float) (r.nextDouble() * 2 - 1);
            };
        }
        return v;
    }

    @Test
    void everyLaneReturnsTheScalarFunctionsBits() {
        float[] v = edgesAndRandom();
        for (int i = 0; i < v.length; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, v, i);
            float[] exp = VectorPolyMath.exp(x).toArray();
            float[] log1p = VectorPolyMath.log1p(x).toArray();
            float[] silu = VectorPolyMath.silu(x).toArray();
            float[] sig = VectorPolyMath.sigmoid(x).toArray();
            for (int j = 0; j < S.length(); j++) {
                float a = v[i + j];
                assertEquals(Float.floatToIntBits(PolyMath.exp(a)), Float.floatToIntBits(exp[j]), "exp(" + a + ")");
                assertEquals(Float.floatToIntBits(PolyMath.log1p(a)), Float.floatToIntBits(log1p[j]), "log1p(" + a + ")");
                assertEquals(Float.floatToIntBits(PolyMath.silu(a)), Float.floatToIntBits(silu[j]), "silu(" + a + ")");
                assertEquals(Float.floatToIntBits(PolyMath.sigmoid(a)), Float.floatToIntBits(sig[j]), "sigmoid(" + a + ")");
            }
        }
    }

    @Test
    void softplusLoopGivesTheScalarBitsInBodyAndTail() {
        float[] v = edgesAndRandom();
        float[] bias = new float[v.length];
        for (int i = 0; i < bias.length; i++) {
            bias[i] = (i % 7 - 3) * 0.37f;
        }
        int len = v.length - 3;                                        // a scalar tail too
        float[] out = new float[v.length];
        VectorPolyMath.softplus(v, 1, null, out, 0, len);
        float[] outBias = new float[v.length];
        VectorPolyMath.softplus(v, 1, bias, outBias, 0, len);
        float[] inPlace = v.clone();                                   // src and dst the same range
        VectorPolyMath.softplus(inPlace, 1, bias, inPlace, 1, len);
        for (int i = 0; i < len; i++) {
            assertEquals(Float.floatToIntBits(outBias[i]), Float.floatToIntBits(inPlace[1 + i]), "in place, " + i);
            float a = v[1 + i];
            assertEquals(Float.floatToIntBits(PolyMath.softplus(a)), Float.floatToIntBits(out[i]), "softplus(" + a + ")");
            assertEquals(Float.floatToIntBits(PolyMath.softplus(a + bias[i])), Float.floatToIntBits(outBias[i]),
                    "softplus(" + a + " + " + bias[i] + ")");
        }
        assertEquals(0f, out[len]);
    }

    @Test
    void laneSumIsPairwiseAndEqualsTheScalarOrder() {
        float[] v = new float[S.length()];
        for (int i = 0; i < v.length; i++) {
            v[i] = i == 0 ? 1f : 1e-8f * (i + 1);
        }
        float sum = VectorPolyMath.sum(FloatVector.fromArray(S, v, 0));
        assertEquals(Float.floatToIntBits(PolyMath.sum(v, 0, v.length)), Float.floatToIntBits(sum));
        // hand-computed pairwise order for 4 values: (a + c) + (b + d)
        assertEquals((1f + 3f) + (2f + 4f), PolyMath.sum(new float[] {1f, 2f, 3f, 4f}, 0, 4));
        assertEquals(2f, PolyMath.sum(new float[] {1e8f, 1f, -1e8f, 1f}, 0, 4));   // in order it would be 1
        SplittableRandom r = new SplittableRandom(9);
        for (int k = 0; k < 200; k++) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) r.nextGaussian();
            }
            assertEquals(Float.floatToIntBits(PolyMath.sum(v, 0, v.length)),
                    Float.floatToIntBits(VectorPolyMath.sum(FloatVector.fromArray(S, v, 0))));
        }
    }
}
