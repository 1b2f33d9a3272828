package statescope.ssm;

import static statescope.ssm.PolyMath.E0;
import static statescope.ssm.PolyMath.E1;
import static statescope.ssm.PolyMath.E2;
import static statescope.ssm.PolyMath.E3;
import static statescope.ssm.PolyMath.E4;
import static statescope.ssm.PolyMath.EXP_MAX;
import static statescope.ssm.PolyMath.EXP_MIN;
import static statescope.ssm.PolyMath.L0;
import static statescope.ssm.PolyMath.L1;
import static statescope.ssm.PolyMath.L2;
import static statescope.ssm.PolyMath.LN2_HI;
import static statescope.ssm.PolyMath.LN2_LO;
import static statescope.ssm.PolyMath.LOG2E;
import static statescope.ssm.PolyMath.ROUND_MAGIC;
import static statescope.ssm.PolyMath.ROUND_MAGIC_BITS;
import static statescope.ssm.PolyMath.SQRT_HALF_BITS;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Lane-wise exp, log1p and sums of {@link FloatVector}s that give the same bits in every JIT tier: the
 * lanes of {@link PolyMath}, built from lane-wise add, mul, fma, min, max, compare/blend and integer
 * bit tricks only, each of which IEEE 754 or the Java language defines exactly. The kernels use these
 * instead of {@code VectorOperators.EXP}, {@code LOG1P} and {@code reduceLanes(ADD)}, whose results
 * depend on whether the interpreter, C1 or C2 runs them (see {@link PolyMath}). Only for
 * {@link FloatVector#SPECIES_PREFERRED}; loaded only by the Vector API kernels.
 */
public final class VectorPolyMath {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** shuffles i → i xor h for h = L/2, L/4, …, 1 (the pairwise sum's partners). */
    private static final VectorShuffle<Float>[] PARTNERS = partners();

    private VectorPolyMath() {
    }

    @SuppressWarnings("unchecked")
    private static VectorShuffle<Float>[] partners() {
        int n = Integer.numberOfTrailingZeros(S.length());
        VectorShuffle<Float>[] p = new VectorShuffle[n];
        for (int j = 0; j < n; j++) {
            int h = S.length() >> (j + 1);
            p[j] = VectorShuffle.fromOp(S, i -> i ^ h);
        }
        return p;
    }

    /** e^x lane-wise; the lanes of {@link PolyMath#exp}. */
    public static FloatVector exp(FloatVector x) {
        FloatVector xc = x.max(EXP_MIN).min(EXP_MAX);
        FloatVector t = xc.fma(LOG2E, ROUND_MAGIC);
        FloatVector k = t.sub(ROUND_MAGIC);
        FloatVector r = k.fma(FloatVector.broadcast(S, -LN2_HI), xc);
        r = k.fma(FloatVector.broadcast(S, -LN2_LO), r);
        FloatVector q = r.fma(E4, E3);
        q = q.fma(r, FloatVector.broadcast(S, E2));
        q = q.fma(r, FloatVector.broadcast(S, E1));
        q = q.fma(r, FloatVector.broadcast(S, E0));
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector p = q.fma(r, one).fma(r, one);
        IntVector ki = t.reinterpretAsInts().sub(ROUND_MAGIC_BITS);
        IntVector k1 = ki.lanewise(VectorOperators.ASHR, 1);
        IntVector k2 = ki.sub(k1);
        FloatVector s1 = k1.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector s2 = k2.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        return p.mul(s1).mul(s2);
    }

    /** log(1 + u) lane-wise; the lanes of {@link PolyMath#log1p}. */
    public static FloatVector log1p(FloatVector u) {
        FloatVector w = u.add(1f);
        FloatVector res = log1pFinite(u, w, u.abs());
        // special cases: u = ±0, +∞ or NaN give u itself; u = −1 gives −∞; u < −1 gives NaN
        res = res.blend(u, u.compare(VectorOperators.EQ, 0f).or(w.compare(VectorOperators.EQ, Float.POSITIVE_INFINITY))
                .or(u.compare(VectorOperators.NE, u)));
        res = res.blend(Float.NEGATIVE_INFINITY, w.compare(VectorOperators.EQ, 0f));
        return res.blend(Float.NaN, w.compare(VectorOperators.LT, 0f));
    }

    /**
     * log(1 + u) for w = 1 + u and {@code mag} = |u|, without {@link #log1p}'s special cases: right for
     * every finite u > −1 except −0 (so for every u = e^x with x finite, where +0 comes out as +0), NaN for NaN.
     */
    private static FloatVector log1pFinite(FloatVector u, FloatVector w, FloatVector mag) {
        FloatVector errSmall = u.sub(w.sub(1f));
        FloatVector errBig = FloatVector.broadcast(S, 1f).sub(w.sub(u));
        FloatVector err = errSmall.blend(errBig, mag.compare(VectorOperators.GT, 1f));
        IntVector ib = w.reinterpretAsInts().sub(SQRT_HALF_BITS);
        IntVector e = ib.lanewise(VectorOperators.ASHR, 23);
        FloatVector m = ib.and(0x007fffff).add(SQRT_HALF_BITS).reinterpretAsFloats();
        FloatVector f = m.sub(1f);
        FloatVector s = f.div(f.add(2f));
        FloatVector z = s.mul(s);
        FloatVector pz = z.fma(L2, L1).fma(z, FloatVector.broadcast(S, L0));
        FloatVector rz = z.mul(pz);
        FloatVector hfsq = f.mul(0.5f).mul(f);
        FloatVector ef = (FloatVector) e.convert(VectorOperators.I2F, 0);
        FloatVector lo = ef.fma(FloatVector.broadcast(S, LN2_LO), err.div(w));
        FloatVector t = s.fma(hfsq.add(rz), lo);
        return ef.fma(FloatVector.broadcast(S, LN2_HI), t.sub(hfsq).add(f));
    }

    /**
     * dst[i] = softplus(src[i] + bias[i]) (bias may be null; src and dst may be the same range), x itself
     * above PyTorch's threshold 20; every element equals {@link PolyMath#softplus} of it (a NaN as a NaN).
     * Two passes, each a loop of its own method: the first writes e^min(x, 20), or −x where x > 20, the
     * second log(1 + u), or the −x back. In one loop, exp and log1p together outgrew what C2 inlines into
     * one compilation: it compiled log1p's last operations as calls to their per-lane Java fallbacks, and
     * softplus took 46% of the CPU of a forward pass (JFR of {@code construct check} on a 13-layer model).
     * e^x is never negative, infinite or −0, so log1p's special-case blends are left out too.
     */
    public static void softplus(float[] src, int srcOff, float[] bias, float[] dst, int dstOff, int len) {
        int body = S.loopBound(len);
        expOrPassThrough(src, srcOff, bias, dst, dstOff, body);
        log1pOrPassThrough(dst, dstOff, body);
        for (int i = body; i < len; i++) {
            dst[dstOff + i] = PolyMath.softplus(bias == null ? src[srcOff + i] : src[srcOff + i] + bias[i]);
        }
    }

    /** softplus's first pass over whole vectors: dst = e^min(x, 20), or −x where x > 20. */
    private static void expOrPassThrough(float[] src, int srcOff, float[] bias, float[] dst, int dstOff, int body) {
        for (int i = 0; i < body; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, src, srcOff + i);
            if (bias != null) {
                x = x.add(FloatVector.fromArray(S, bias, i));
            }
            exp(x.min(20f)).blend(x.neg(), x.compare(VectorOperators.GT, 20f)).intoArray(dst, dstOff + i);
        }
    }

    /** softplus's second pass: u ≥ 0 (or NaN) becomes log(1 + u), a negative −x becomes x. */
    private static void log1pOrPassThrough(float[] dst, int dstOff, int body) {
        for (int i = 0; i < body; i += S.length()) {
            FloatVector u = FloatVector.fromArray(S, dst, dstOff + i);
            log1pFinite(u, u.add(1f), u).blend(u.neg(), u.compare(VectorOperators.LT, 0f)).intoArray(dst, dstOff + i);
        }
    }

    /** SiLU lane-wise, x / (1 + e^−x); the lanes of {@link PolyMath#silu}. */
    public static FloatVector silu(FloatVector x) {
        return x.div(exp(x.neg()).add(1f));
    }

    /**
     * dst[i] = SiLU(src[i]) over arrays (src and dst may be the same range); every element equals
     * {@link PolyMath#silu} of it, the tail included. The one SiLU loop of the step, the batched
     * forward and training.
     */
    public static void silu(float[] src, int srcOff, float[] dst, int dstOff, int len) {
        int i = 0;
        for (int up = S.loopBound(len); i < up; i += S.length()) {
            silu(FloatVector.fromArray(S, src, srcOff + i)).intoArray(dst, dstOff + i);
        }
        for (; i < len; i++) {
            dst[dstOff + i] = PolyMath.silu(src[srcOff + i]);
        }
    }

    /** σ lane-wise, 1 / (1 + e^−x); the lanes of {@link PolyMath#sigmoid}. */
    public static FloatVector sigmoid(FloatVector x) {
        return FloatVector.broadcast(S, 1f).div(exp(x.neg()).add(1f));
    }

    /**
     * The sum of the lanes in a fixed pairwise order (lane i plus lane i + L/2, then + L/4, …), the
     * same in every tier, unlike {@code reduceLanes(ADD)}; equals {@link PolyMath#sum} of the lanes.
     */
    public static float sum(FloatVector v) {
        for (VectorShuffle<Float> p : PARTNERS) {
            v = v.add(v.rearrange(p));
        }
        return v.lane(0);
    }
}
