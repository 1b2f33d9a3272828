package statescope.train;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import statescope.ssm.GateRange;
import statescope.ssm.PolyMath;
import statescope.ssm.VectorPolyMath;

/**
 * {@link TrainMath} on the Java Vector API: register-blocked GEMM (4 rows × one vector of columns),
 * SIMD activations, and scan kernels whose lanes run over channels. Every transcendental and every
 * lane sum goes through {@link VectorPolyMath}, never {@code VectorOperators.EXP} or
 * {@code reduceLanes}, so a run gives the same bits whichever JIT tier runs it (same seed and threads:
 * byte-identical checkpoints across JVM processes). Its reference twin is {@link ScalarTrainMath}; it
 * uses scalar loops for tails. Only loaded through {@link TrainMath#best()} ({@code VectorSupport}).
 */
final class VectorTrainMath implements TrainMath {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = S.length();
    private final ScalarTrainMath scalar = new ScalarTrainMath();

    @Override
    public String name() {
        return "cpu-vector (" + S.vectorBitSize() + "-bit)";
    }

    @Override
    public void gemm(int m, int n, int k, float[] a, int aOff, int aRow, int aCol, float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc, boolean accumulate) {
        int nv = n - n % LANES;
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int a0 = aOff + i * aRow;
            int a1 = a0 + aRow;
            int a2 = a1 + aRow;
            int a3 = a2 + aRow;
            int c0 = cOff + i * ldc;
            for (int j = 0; j < nv; j += LANES) {
                FloatVector s0;
                FloatVector s1;
                FloatVector s2;
                FloatVector s3;
                if (accumulate) {
                    s0 = FloatVector.fromArray(S, c, c0 + j);
                    s1 = FloatVector.fromArray(S, c, c0 + ldc + j);
                    s2 = FloatVector.fromArray(S, c, c0 + 2 * ldc + j);
                    s3 = FloatVector.fromArray(S, c, c0 + 3 * ldc + j);
                } else {
                    s0 = FloatVector.zero(S);
                    s1 = s0;
                    s2 = s0;
                    s3 = s0;
                }
                int bp = bOff + j;
                for (int p = 0; p < k; p++, bp += ldb) {
                    FloatVector bv = FloatVector.fromArray(S, b, bp);
                    int ap = p * aCol;
                    s0 = bv.fma(FloatVector.broadcast(S, a[a0 + ap]), s0);
                    s1 = bv.fma(FloatVector.broadcast(S, a[a1 + ap]), s1);
                    s2 = bv.fma(FloatVector.broadcast(S, a[a2 + ap]), s2);
                    s3 = bv.fma(FloatVector.broadcast(S, a[a3 + ap]), s3);
                }
                s0.intoArray(c, c0 + j);
                s1.intoArray(c, c0 + ldc + j);
                s2.intoArray(c, c0 + 2 * ldc + j);
                s3.intoArray(c, c0 + 3 * ldc + j);
            }
            for (int j = nv; j < n; j++) {
                for (int q = 0; q < 4; q++) {
                    int arow = aOff + (i + q) * aRow;
                    float s = accumulate ? c[c0 + q * ldc + j] : 0f;
                    for (int p = 0; p < k; p++) {
                        s += a[arow + p * aCol] * b[bOff + p * ldb + j];
                    }
                    c[c0 + q * ldc + j] = s;
                }
            }
        }
        for (; i < m; i++) {
            int ar = aOff + i * aRow;
            int ci = cOff + i * ldc;
            for (int j = 0; j < nv; j += LANES) {
                FloatVector s0 = accumulate ? FloatVector.fromArray(S, c, ci + j) : FloatVector.zero(S);
                int bp = bOff + j;
                for (int p = 0; p < k; p++, bp += ldb) {
                    s0 = FloatVector.fromArray(S, b, bp).fma(FloatVector.broadcast(S, a[ar + p * aCol]), s0);
                }
                s0.intoArray(c, ci + j);
            }
            for (int j = nv; j < n; j++) {
                float s = accumulate ? c[ci + j] : 0f;
                for (int p = 0; p < k; p++) {
                    s += a[ar + p * aCol] * b[bOff + p * ldb + j];
                }
                c[ci + j] = s;
            }
        }
    }

    @Override
    public void silu(float[] src, int srcOff, float[] dst, int dstOff, int len) {
        VectorPolyMath.silu(src, srcOff, dst, dstOff, len);
    }

    @Override
    public void siluBackward(float[] pre, int preOff, float[] dOut, int dOff, float[] g, int gOff, int len) {
        int i = 0;
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (; i + LANES <= len; i += LANES) {
            FloatVector v = FloatVector.fromArray(S, pre, preOff + i);
            FloatVector s = VectorPolyMath.sigmoid(v);
            FloatVector ds = s.mul(v.mul(one.sub(s)).add(1f));                   // σ · (1 + v·(1 − σ))
            FloatVector.fromArray(S, dOut, dOff + i).mul(ds).intoArray(g, gOff + i);
        }
        for (; i < len; i++) {                                                   // the same operations as a lane
            float v = pre[preOff + i];
            float s = PolyMath.sigmoid(v);
            g[gOff + i] = dOut[dOff + i] * (s * (v * (1f - s) + 1f));
        }
    }

    @Override
    public void softplus(float[] src, int srcOff, float[] dst, int dstOff, int len) {
        VectorPolyMath.softplus(src, srcOff, null, dst, dstOff, len);
    }

    @Override
    public void softplusBackward(float[] pre, int preOff, float[] dOut, int dOff, float[] g, int gOff, int len) {
        int i = 0;
        for (; i + LANES <= len; i += LANES) {
            FloatVector v = FloatVector.fromArray(S, pre, preOff + i);
            FloatVector s = VectorPolyMath.sigmoid(v).blend(1f, v.compare(VectorOperators.GT, 20f));
            FloatVector.fromArray(S, dOut, dOff + i).mul(s).intoArray(g, gOff + i);
        }
        for (; i < len; i++) {
            float v = pre[preOff + i];
            float s = PolyMath.sigmoid(v);
            g[gOff + i] = dOut[dOff + i] * (v > 20f ? 1f : s);
        }
    }

    @Override
    public void scanForward(int tLen, int ed, int n, int r, GateRange gates, float[] aT, float[] x, float[] delta,
                            float[] dbc, float[] dSkip, float[] hs, float[] y) {
        if (ed % LANES != 0) {
            scalar.scanForward(tLen, ed, n, r, gates, aT, x, delta, dbc, dSkip, hs, y);
            return;
        }
        int w = r + 2 * n;
        boolean signed = gates == GateRange.SIGNED;
        for (int t = 0; t < tLen; t++) {
            int row = t * ed;
            for (int d = 0; d < ed; d += LANES) {
                FloatVector.fromArray(S, dSkip, d).mul(FloatVector.fromArray(S, x, row + d)).intoArray(y, row + d);
            }
            for (int s = 0; s < n; s++) {
                float bn = dbc[t * w + r + s];
                float cn = dbc[t * w + r + n + s];
                int cur = (t * n + s) * ed;
                int prev = cur - n * ed;
                for (int d = 0; d < ed; d += LANES) {
                    FloatVector dt = FloatVector.fromArray(S, delta, row + d);
                    FloatVector ab = VectorPolyMath.exp(dt.mul(FloatVector.fromArray(S, aT, s * ed + d)));
                    if (signed) {
                        ab = ab.mul(2f).sub(1f);
                    }
                    FloatVector inc = dt.mul(bn).mul(FloatVector.fromArray(S, x, row + d));
                    FloatVector h = t > 0 ? ab.fma(FloatVector.fromArray(S, hs, prev + d), inc) : inc;
                    h.intoArray(hs, cur + d);
                    h.fma(FloatVector.broadcast(S, cn), FloatVector.fromArray(S, y, row + d)).intoArray(y, row + d);
                }
            }
        }
    }

    @Override
    public void scanBackward(int tLen, int ed, int n, int r, GateRange gates, float[] aT, float[] x, float[] delta,
                             float[] dbc, float[] dSkip, float[] hs, float[] dy, float[] dx, float[] dDelta,
                             float[] ddbc, float[] dAT, float[] dD, float[] dh) {
        if (ed % LANES != 0) {
            scalar.scanBackward(tLen, ed, n, r, gates, aT, x, delta, dbc, dSkip, hs, dy, dx, dDelta, ddbc, dAT, dD, dh);
            return;
        }
        int w = r + 2 * n;
        boolean signed = gates == GateRange.SIGNED;
        float scale = signed ? 2f : 1f;
        Arrays.fill(dh, 0, n * ed, 0f);
        for (int t = tLen - 1; t >= 0; t--) {
            int row = t * ed;
            for (int d = 0; d < ed; d += LANES) {
                FloatVector dyv = FloatVector.fromArray(S, dy, row + d);
                dyv.mul(FloatVector.fromArray(S, dSkip, d)).intoArray(dx, row + d);
                dyv.fma(FloatVector.fromArray(S, x, row + d), FloatVector.fromArray(S, dD, d)).intoArray(dD, d);
                FloatVector.zero(S).intoArray(dDelta, row + d);
            }
            for (int s = 0; s < n; s++) {
                float bn = dbc[t * w + r + s];
                float cn = dbc[t * w + r + n + s];
                int cur = (t * n + s) * ed;
                int prev = cur - n * ed;
                FloatVector dbv = FloatVector.zero(S);
                FloatVector dcv = FloatVector.zero(S);
                for (int d = 0; d < ed; d += LANES) {
                    FloatVector dt = FloatVector.fromArray(S, delta, row + d);
                    FloatVector a = FloatVector.fromArray(S, aT, s * ed + d);
                    FloatVector xv = FloatVector.fromArray(S, x, row + d);
                    FloatVector dyv = FloatVector.fromArray(S, dy, row + d);
                    dcv = dyv.fma(FloatVector.fromArray(S, hs, cur + d), dcv);
                    FloatVector g = dyv.fma(FloatVector.broadcast(S, cn), FloatVector.fromArray(S, dh, s * ed + d));
                    FloatVector e = VectorPolyMath.exp(dt.mul(a));
                    FloatVector ab = signed ? e.mul(2f).sub(1f) : e;
                    FloatVector dtx = dt.mul(xv);
                    FloatVector ddel = g.mul(bn).mul(xv);
                    if (t > 0) {
                        FloatVector de = g.mul(FloatVector.fromArray(S, hs, prev + d)).mul(e).mul(scale);
                        ddel = de.fma(a, ddel);
                        de.fma(dt, FloatVector.fromArray(S, dAT, s * ed + d)).intoArray(dAT, s * ed + d);
                    }
                    ddel.add(FloatVector.fromArray(S, dDelta, row + d)).intoArray(dDelta, row + d);
                    dbv = g.fma(dtx, dbv);
                    g.mul(dt).fma(FloatVector.broadcast(S, bn), FloatVector.fromArray(S, dx, row + d)).intoArray(dx, row + d);
                    g.mul(ab).intoArray(dh, s * ed + d);
                }
                ddbc[t * w + r + s] = VectorPolyMath.sum(dbv);
                ddbc[t * w + r + n + s] = VectorPolyMath.sum(dcv);
            }
        }
    }

    @Override
    public void axpy(float a, float[] x, int xOff, float[] y, int yOff, int len) {
        int i = 0;
        for (; i + LANES <= len; i += LANES) {
            FloatVector.fromArray(S, x, xOff + i).fma(FloatVector.broadcast(S, a), FloatVector.fromArray(S, y, yOff + i)).intoArray(y, yOff + i);
        }
        for (; i < len; i++) {
            y[yOff + i] += a * x[xOff + i];
        }
    }

    @Override
    public float dot(float[] x, int xOff, float[] y, int yOff, int len) {
        int i = 0;
        FloatVector acc = FloatVector.zero(S);
        for (; i + LANES <= len; i += LANES) {
            acc = FloatVector.fromArray(S, x, xOff + i).fma(FloatVector.fromArray(S, y, yOff + i), acc);
        }
        float s = VectorPolyMath.sum(acc);
        for (; i < len; i++) {
            s += x[xOff + i] * y[yOff + i];
        }
        return s;
    }
}
