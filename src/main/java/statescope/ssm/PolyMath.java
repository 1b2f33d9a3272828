package statescope.ssm;

import java.util.Arrays;

/**
 * Float {@code exp}, {@code log1p} and lane sums built only from IEEE-exact operations (add, mul, fma,
 * min, max, integer bit tricks), so that they give the same bits wherever they run: in the interpreter,
 * in C1 and in C2 code, on any CPU. This class is the scalar twin of {@link VectorPolyMath}: every
 * function performs the very same operations in the same order, so a vector lane and this scalar
 * function return identical bits (tested), and a kernel's scalar tail agrees with its vector body.
 *
 * <p>Why: the Vector API's {@code VectorOperators.EXP} / {@code LOG1P} are computed by a Java fallback
 * in the interpreter and C1 but by SVML intrinsics in C2, and the two round differently (by an ulp), as
 * does {@code reduceLanes(ADD)}, whose C2 summation order differs from the fallback's. That made two
 * training runs with the same seed differ in their last bits depending on when the JIT compiled what.
 * (HotSpot's {@link Math#exp}, {@link Math#log}, {@link Math#pow} use the same stubs in every tier and
 * {@link Math#log1p} / {@link Math#expm1} are plain Java, so the scalar reference kernels were never
 * affected; {@code CrossJvmReproducibilityTest} and {@code PolyMathTest} check both.)
 *
 * <p>Accuracy against {@link StrictMath}, over every 7th float: {@link #exp} within 0.96 ulp on
 * [−104, 88.72] (99.5% correctly rounded; subnormal results included; 0 below −103.98, +∞ above
 * 88.72), {@link #log1p} within 0.85 ulp on [−1, +∞). {@code PolyMathTest} asserts 1 ulp on dense sweeps.
 */
public final class PolyMath {

    /** log2(e) rounded to float. */
    static final float LOG2E = 1.44269502f;
    /** 1.5 · 2^23: adding it rounds a float of magnitude below 2^22 to an integer, kept in the low bits. */
    static final float ROUND_MAGIC = 12582912f;
    static final int ROUND_MAGIC_BITS = Float.floatToRawIntBits(ROUND_MAGIC);
    /** ln 2 = LN2_HI + LN2_LO; LN2_HI = 355/512 has 9 significant bits, so k·LN2_HI is exact. */
    static final float LN2_HI = 0.693359375f;
    static final float LN2_LO = -2.12194442e-4f;
    /** exp's arguments are clamped to [EXP_MIN, EXP_MAX]: exp(−104) rounds to 0, exp(89) overflows. */
    static final float EXP_MIN = -104f;
    static final float EXP_MAX = 89f;
    /**
     * q(r) ≈ (e^r − 1 − r) / r² on |r| ≤ ln2/2, degree 4, Chebyshev fit (relative error of 1 + r + r²q
     * below 1.2e-8, a tenth of an ulp).
     */
    static final float E0 = 0.5f;
    static final float E1 = 0.16666577f;
    static final float E2 = 0.041666555f;
    static final float E3 = 0.008363173f;
    static final float E4 = 0.0013926176f;
    /** Bits of √½: subtracting them from a float's bits splits it as 2^e · m with m in [√½, √2). */
    static final int SQRT_HALF_BITS = 0x3f3504f3;
    /**
     * P(z) ≈ (2·atanh(s) − 2s) / s³ with z = s², |s| ≤ (√2−1)/(√2+1), degree 2, Chebyshev fit (error of
     * log(1+f) below 1e-9).
     */
    static final float L0 = 0.66666685f;
    static final float L1 = 0.39988780f;
    static final float L2 = 0.29579950f;

    private PolyMath() {
    }

    /**
     * e^x in float: x = k·ln2 + r with |r| ≤ ln2/2 (Cody–Waite), a degree-6 polynomial in r, times
     * 2^k applied as two exact powers of two (so results in the subnormal range round once, correctly).
     * NaN gives NaN, −∞ gives 0, +∞ gives +∞.
     */
    public static float exp(float x) {
        float xc = Math.min(Math.max(x, EXP_MIN), EXP_MAX);
        float t = Math.fma(xc, LOG2E, ROUND_MAGIC);
        float k = t - ROUND_MAGIC;                          // round(x · log2 e), exact
        float r = Math.fma(k, -LN2_HI, xc);                 // exact
        r = Math.fma(k, -LN2_LO, r);
        float q = Math.fma(E4, r, E3);
        q = Math.fma(q, r, E2);
        q = Math.fma(q, r, E1);
        q = Math.fma(q, r, E0);
        float p = Math.fma(Math.fma(q, r, 1f), r, 1f);     // 1 + r·(1 + r·q)
        int ki = Float.floatToRawIntBits(t) - ROUND_MAGIC_BITS;
        int k1 = ki >> 1;
        int k2 = ki - k1;
        float s1 = Float.intBitsToFloat((k1 + 127) << 23);
        float s2 = Float.intBitsToFloat((k2 + 127) << 23);
        return p * s1 * s2;
    }

    /**
     * log(1 + u) in float: w = 1 + u with its rounding error c recovered exactly (Fast2Sum), w = 2^e · m
     * with m in [√½, √2), log m = f − f²/2 + s·(f²/2 + z·P(z)) with f = m − 1, s = f / (2 + f), z = s²;
     * the result is e·ln2 + log m + c / w. −1 gives −∞, below −1 or NaN gives NaN, +∞ gives +∞, ±0
     * gives ±0.
     */
    public static float log1p(float u) {
        float w = u + 1f;
        float errSmall = u - (w - 1f);
        float errBig = 1f - (w - u);
        float err = Math.abs(u) > 1f ? errBig : errSmall;   // exact rounding error of 1 + u
        int ib = Float.floatToRawIntBits(w) - SQRT_HALF_BITS;
        int e = ib >> 23;
        float m = Float.intBitsToFloat((ib & 0x007fffff) + SQRT_HALF_BITS);
        float f = m - 1f;
        float s = f / (f + 2f);
        float z = s * s;
        float pz = Math.fma(Math.fma(L2, z, L1), z, L0);
        float rz = z * pz;
        float hfsq = 0.5f * f * f;
        float ef = (float) e;
        float lo = Math.fma(ef, LN2_LO, err / w);
        float t = Math.fma(s, hfsq + rz, lo);
        float res = Math.fma(ef, LN2_HI, (t - hfsq) + f);
        res = u == 0f || w == Float.POSITIVE_INFINITY || u != u ? u : res;
        res = w == 0f ? Float.NEGATIVE_INFINITY : res;
        return w < 0f ? Float.NaN : res;
    }

    /** softplus(x) = log(1 + e^x), returning x itself above PyTorch's threshold 20 (same ops as the lanes). */
    public static float softplus(float x) {
        float sp = log1p(exp(Math.min(x, 20f)));
        return x > 20f ? x : sp;
    }

    /** SiLU(x) = x / (1 + e^−x) (same ops as the lanes). */
    public static float silu(float x) {
        return x / (exp(-x) + 1f);
    }

    /** σ(x) = 1 / (1 + e^−x) (same ops as the lanes). */
    public static float sigmoid(float x) {
        return 1f / (exp(-x) + 1f);
    }

    /**
     * The sum of {@code v[off .. off+n)} for n a power of two, pairwise in the order of
     * {@link VectorPolyMath#sum}: lane i is added to lane i + n/2, then i + n/4, and so on.
     */
    public static float sum(float[] v, int off, int n) {
        float[] a = Arrays.copyOfRange(v, off, off + n);
        for (int h = n / 2; h >= 1; h /= 2) {
            for (int i = 0; i < h; i++) {
                a[i] = a[i] + a[i + h];
            }
        }
        return a[0];
    }
}
