package statescope.train;

import java.util.Arrays;
import statescope.ssm.Activations;
import statescope.ssm.GateRange;

/**
 * Plain-loop {@link TrainMath}: the reference twin of {@code VectorTrainMath}, which is tested against it
 * ({@code KernelAgreementTest}). Activations are {@link Activations}, as in the inference path.
 */
final class ScalarTrainMath implements TrainMath {

    @Override
    public String name() {
        return "cpu-scalar";
    }

    @Override
    public void gemm(int m, int n, int k, float[] a, int aOff, int aRow, int aCol, float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            if (!accumulate) {
                Arrays.fill(c, ci, ci + n, 0f);
            }
            for (int p = 0; p < k; p++) {
                float av = a[aOff + i * aRow + p * aCol];
                if (av == 0f) {
                    continue;
                }
                int bp = bOff + p * ldb;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += av * b[bp + j];
                }
            }
        }
    }

    @Override
    public void silu(float[] src, int srcOff, float[] dst, int dstOff, int len) {
        Activations.silu(src, srcOff, dst, dstOff, len);
    }

    @Override
    public void siluBackward(float[] pre, int preOff, float[] dOut, int dOff, float[] g, int gOff, int len) {
        for (int i = 0; i < len; i++) {
            double v = pre[preOff + i];
            double s = 1.0 / (1.0 + Math.exp(-v));
            g[gOff + i] = (float) (dOut[dOff + i] * s * (1.0 + v * (1.0 - s)));
        }
    }

    @Override
    public void softplus(float[] src, int srcOff, float[] dst, int dstOff, int len) {
        Activations.softplus(src, srcOff, null, dst, dstOff, len);
    }

    @Override
    public void softplusBackward(float[] pre, int preOff, float[] dOut, int dOff, float[] g, int gOff, int len) {
        for (int i = 0; i < len; i++) {
            float v = pre[preOff + i];
            float s = v > 20f ? 1f : Activations.sigmoid(v);
            g[gOff + i] = dOut[dOff + i] * s;
        }
    }

    @Override
    public void scanForward(int tLen, int ed, int n, int r, GateRange gates, float[] aT, float[] x, float[] delta,
                            float[] dbc, float[] dSkip, float[] hs, float[] y) {
        int w = r + 2 * n;
        for (int t = 0; t < tLen; t++) {
            int row = t * ed;
            for (int d = 0; d < ed; d++) {
                y[row + d] = dSkip[d] * x[row + d];
            }
            for (int s = 0; s < n; s++) {
                float bn = dbc[t * w + r + s];
                float cn = dbc[t * w + r + n + s];
                int cur = (t * n + s) * ed;
                int prev = cur - n * ed;
                for (int d = 0; d < ed; d++) {
                    float dt = delta[row + d];
                    float e = (float) Math.exp(dt * aT[s * ed + d]);
                    float ab = gates == GateRange.NONNEGATIVE ? e : 2f * e - 1f;
                    float hp = t > 0 ? hs[prev + d] : 0f;
                    float h = ab * hp + dt * bn * x[row + d];
                    hs[cur + d] = h;
                    y[row + d] += cn * h;
                }
            }
        }
    }

    @Override
    public void scanBackward(int tLen, int ed, int n, int r, GateRange gates, float[] aT, float[] x, float[] delta,
                             float[] dbc, float[] dSkip, float[] hs, float[] dy, float[] dx, float[] dDelta,
                             float[] ddbc, float[] dAT, float[] dD, float[] dh) {
        int w = r + 2 * n;
        float scale = gates == GateRange.NONNEGATIVE ? 1f : 2f; // dĀ/d(ΔA) = scale · exp(ΔA)
        Arrays.fill(dh, 0, n * ed, 0f);
        for (int t = tLen - 1; t >= 0; t--) {
            int row = t * ed;
            for (int d = 0; d < ed; d++) {
                dx[row + d] = dy[row + d] * dSkip[d];
                dD[d] += dy[row + d] * x[row + d];
                dDelta[row + d] = 0f;
            }
            for (int s = 0; s < n; s++) {
                float bn = dbc[t * w + r + s];
                float cn = dbc[t * w + r + n + s];
                int cur = (t * n + s) * ed;
                int prev = cur - n * ed;
                float dbn = 0f;
                float dcn = 0f;
                for (int d = 0; d < ed; d++) {
                    float dt = delta[row + d];
                    float a = aT[s * ed + d];
                    float xv = x[row + d];
                    dcn += dy[row + d] * hs[cur + d];
                    float g = dh[s * ed + d] + dy[row + d] * cn;      // dL/dh_t
                    float e = (float) Math.exp(dt * a);
                    float ab = gates == GateRange.NONNEGATIVE ? e : 2f * e - 1f;
                    float hp = t > 0 ? hs[prev + d] : 0f;
                    float dab = g * hp;                               // dL/dĀ
                    float de = dab * scale * e;                       // dL/d(ΔA)
                    dDelta[row + d] += g * bn * xv + de * a;
                    dAT[s * ed + d] += de * dt;
                    dbn += g * dt * xv;
                    dx[row + d] += g * dt * bn;
                    dh[s * ed + d] = g * ab;
                }
                ddbc[t * w + r + s] = dbn;
                ddbc[t * w + r + n + s] = dcn;
            }
        }
    }

    @Override
    public void axpy(float a, float[] x, int xOff, float[] y, int yOff, int len) {
        for (int i = 0; i < len; i++) {
            y[yOff + i] += a * x[xOff + i];
        }
    }

    @Override
    public float dot(float[] x, int xOff, float[] y, int yOff, int len) {
        float s = 0f;
        for (int i = 0; i < len; i++) {
            s += x[xOff + i] * y[yOff + i];
        }
        return s;
    }
}
