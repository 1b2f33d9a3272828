package statescope.train;

import static statescope.ssm.WeightNames.*;

import java.util.Arrays;
import statescope.ssm.NormKind;
import statescope.ssm.Norms;
import statescope.ssm.SsmConfig;

/**
 * Forward with caches and hand-written backward of the whole model over one sequence: embedding,
 * per layer norm → in_proj → causal depthwise conv1d + SiLU → x_proj → dt_proj + softplus → selective
 * scan → y·SiLU(z) → out_proj → residual, then norm_f and the head. One instance is one thread's
 * workspace (buffers grow to the longest sequence seen); not thread-safe.
 *
 * <p>Symbols of the {@code statescope.ssm} legend: T sequence length, D d_model, ED d_inner, N d_state,
 * L layers, R dt_rank, W = R+2N, K d_conv, O head outputs.
 */
final class SequenceBackprop {

    private final TrainMath m;
    private final SsmConfig c;
    private final int layers;
    private final int d;
    private final int ed;
    private final int n;
    private final int r;
    private final int w;
    private final int k;
    private final int o;
    private int cap;

    // ---- caches, per layer ----
    private float[][] resIn;  // [L+1][T, D]   residual entering layer l (index L: final)
    private float[][] u;      // [L+1][T, D]   normalised input (index L: norm_f output)
    private float[][] rstd;   // [L+1][T]
    private float[][] xz;     // [L][T, 2·ED]  in_proj output (x̃ | z)
    private float[][] xc;     // [L][T, ED]    conv pre-activation
    private float[][] xs;     // [L][T, ED]    SiLU(conv): the scan input
    private float[][] dbc;    // [L][T, W]     (δ | B | C)
    private float[][] dtp;    // [L][T, ED]    dt_proj pre-activation
    private float[][] delta;  // [L][T, ED]
    private float[][] hs;     // [L][T, N, ED]
    private float[][] y;      // [L][T, ED]    scan output before the gate
    private float[][] sz;     // [L][T, ED]    SiLU(z)
    private float[] logits;   // [T, O]

    // ---- backward scratch ----
    private float[] g;        // [T, ED]
    private float[] dres;     // [T, D]
    private float[] du;       // [T, D]
    private float[] dlogits;  // [T, O]
    private float[] dg;       // [T, ED]
    private float[] dy;       // [T, ED]
    private float[] dxz;      // [T, 2·ED]
    private float[] dxs;      // [T, ED]
    private float[] dxc;      // [T, ED]
    private float[] dDelta;   // [T, ED]
    private float[] ddtp;     // [T, ED]
    private float[] ddbc;     // [T, W]
    private final float[] dh; // [N, ED]
    private final float[] tmpD; // [D]

    SequenceBackprop(TrainMath m, SsmConfig c) {
        this.m = m;
        this.c = c;
        this.layers = c.nLayer();
        this.d = c.dModel();
        this.ed = c.dInner();
        this.n = c.dState();
        this.r = c.dtRank();
        this.w = c.xProjRows();
        this.k = c.dConv();
        this.o = c.outputSize();
        this.dh = new float[n * ed];
        this.tmpD = new float[d];
    }

    private void ensure(int t) {
        if (t <= cap) {
            return;
        }
        cap = Math.max(t, cap * 2);
        resIn = new float[layers + 1][cap * d];
        u = new float[layers + 1][cap * d];
        rstd = new float[layers + 1][cap];
        xz = new float[layers][cap * 2 * ed];
        xc = new float[layers][cap * ed];
        xs = new float[layers][cap * ed];
        dbc = new float[layers][cap * w];
        dtp = new float[layers][cap * ed];
        delta = new float[layers][cap * ed];
        hs = new float[layers][cap * n * ed];
        y = new float[layers][cap * ed];
        sz = new float[layers][cap * ed];
        logits = new float[cap * o];
        g = new float[cap * ed];
        dres = new float[cap * d];
        du = new float[cap * d];
        dlogits = new float[cap * o];
        dg = new float[cap * ed];
        dy = new float[cap * ed];
        dxz = new float[cap * 2 * ed];
        dxs = new float[cap * ed];
        dxc = new float[cap * ed];
        dDelta = new float[cap * ed];
        ddtp = new float[cap * ed];
        ddbc = new float[cap * w];
    }

    /** The logits of the last {@link #forward} call, [T, O] (live buffer, valid until the next call). */
    float[] logits() {
        return logits;
    }

    /** Forward over one sequence; fills every cache and the logits [T, O]. */
    void forward(PreparedModel pm, int[] tokens, int tLen) {
        ensure(tLen);
        float[] res = resIn[0];
        for (int t = 0; t < tLen; t++) {
            int tok = tokens[t];
            if (tok < 0 || tok >= c.vocabSize()) {
                throw new IllegalArgumentException("token id " + tok + " at position " + t
                        + " is outside the vocabulary 0.." + (c.vocabSize() - 1));
            }
            System.arraycopy(pm.emb, tok * d, res, t * d, d);
        }
        for (int l = 0; l < layers; l++) {
            float[] in = resIn[l];
            normForward(in, tLen, pm.normW[l], pm.normB[l], u[l], rstd[l]);
            m.gemm(tLen, 2 * ed, d, u[l], 0, d, 1, pm.inProjT[l], 0, 2 * ed, xz[l], 0, 2 * ed, false);
            float[] xzl = xz[l];
            float[] xcl = xc[l];
            float[] cw = pm.convW[l];
            float[] cb = pm.convB[l];
            for (int t = 0; t < tLen; t++) {
                int row = t * ed;
                System.arraycopy(cb, 0, xcl, row, ed);
                for (int j = 0; j < k; j++) {
                    int src = t - (k - 1) + j;
                    if (src < 0) {
                        continue;
                    }
                    int srow = src * 2 * ed;
                    for (int i = 0; i < ed; i++) {
                        xcl[row + i] += cw[i * k + j] * xzl[srow + i];
                    }
                }
            }
            m.silu(xcl, 0, xs[l], 0, tLen * ed);
            m.gemm(tLen, w, ed, xs[l], 0, ed, 1, pm.xProjT[l], 0, w, dbc[l], 0, w, false);
            float[] dtpl = dtp[l];
            for (int t = 0; t < tLen; t++) {
                System.arraycopy(pm.dtB[l], 0, dtpl, t * ed, ed);
            }
            m.gemm(tLen, ed, r, dbc[l], 0, w, 1, pm.dtWT[l], 0, ed, dtpl, 0, ed, true);
            m.softplus(dtpl, 0, delta[l], 0, tLen * ed);
            m.scanForward(tLen, ed, n, r, c.gates(), pm.aT[l], xs[l], delta[l], dbc[l], pm.dSkip[l], hs[l], y[l]);
            float[] szl = sz[l];
            float[] yl = y[l];
            for (int t = 0; t < tLen; t++) {
                m.silu(xzl, t * 2 * ed + ed, szl, t * ed, ed);
            }
            for (int i = 0; i < tLen * ed; i++) {
                g[i] = yl[i] * szl[i];
            }
            float[] next = resIn[l + 1];
            System.arraycopy(in, 0, next, 0, tLen * d);
            m.gemm(tLen, d, ed, g, 0, ed, 1, pm.outProjT[l], 0, d, next, 0, d, true);
        }
        normForward(resIn[layers], tLen, pm.normF, pm.normFB, u[layers], rstd[layers]);
        if (pm.headB != null) {
            for (int t = 0; t < tLen; t++) {
                System.arraycopy(pm.headB, 0, logits, t * o, o);
            }
        }
        m.gemm(tLen, o, d, u[layers], 0, d, 1, pm.headT, 0, o, logits, 0, o, pm.headB != null);
    }

    /**
     * Loss of the last forward pass plus its gradient, accumulated into {@code grad} (and dA, transposed,
     * into {@code dAT}, one [N, ED] per layer; the caller converts it to dA_log).
     *
     * @param targets class id per position, −1 = no target
     * @param norm    the batch's loss normaliser ({@link Loss#normaliser})
     * @return the unnormalised loss of this sequence
     */
    double backward(PreparedModel pm, int[] tokens, int[] targets, int tLen, Loss loss, double norm,
                    ParamSet grad, float[][] dAT) {
        double total = 0;
        Arrays.fill(dlogits, 0, tLen * o, 0f);
        for (int t = 0; t < tLen; t++) {
            if (targets[t] >= 0) {
                total += loss.position(logits, t * o, o, targets[t], norm, dlogits);
            }
        }
        // head: logits = u_L · headᵀ + b
        m.gemm(o, d, tLen, dlogits, 0, 1, o, u[layers], 0, d, grad.global(HEAD), 0, d, true);
        float[] gHeadB = grad.global(HEAD_BIAS);
        if (gHeadB != null) {
            for (int t = 0; t < tLen; t++) {
                for (int j = 0; j < o; j++) {
                    gHeadB[j] += dlogits[t * o + j];
                }
            }
        }
        m.gemm(tLen, d, o, dlogits, 0, o, 1, pm.head, 0, d, du, 0, d, false);
        Arrays.fill(dres, 0, tLen * d, 0f);
        normBackward(resIn[layers], u[layers], rstd[layers], tLen, pm.normF, pm.normFB, du,
                grad.global(NORM_F), grad.global(NORM_F_BIAS), dres);
        for (int l = layers - 1; l >= 0; l--) {
            layerBackward(pm, l, tLen, grad, dAT[l]);
        }
        float[] gEmb = grad.global(EMBEDDING);
        for (int t = 0; t < tLen; t++) {
            m.axpy(1f, dres, t * d, gEmb, tokens[t] * d, d);
        }
        return total;
    }

    /** dres holds dL/d(resIn[l+1]) on entry and dL/d(resIn[l]) on exit. */
    private void layerBackward(PreparedModel pm, int l, int tLen, ParamSet grad, float[] dATl) {
        int te = tLen * ed;
        float[] yl = y[l];
        float[] szl = sz[l];
        for (int i = 0; i < te; i++) {
            g[i] = yl[i] * szl[i];
        }
        // out_proj: res += g · out_projᵀ
        m.gemm(d, ed, tLen, dres, 0, 1, d, g, 0, ed, grad.layer(l, OUT_PROJ), 0, ed, true);
        m.gemm(tLen, ed, d, dres, 0, d, 1, pm.outProj[l], 0, ed, dg, 0, ed, false);
        // gate: g = y · SiLU(z)
        for (int i = 0; i < te; i++) {
            dy[i] = dg[i] * szl[i];
            dg[i] *= yl[i];
        }
        float[] xzl = xz[l];
        for (int t = 0; t < tLen; t++) {
            m.siluBackward(xzl, t * 2 * ed + ed, dg, t * ed, dxz, t * 2 * ed + ed, ed);
        }
        // selective scan
        float[] gD = grad.layer(l, D_SKIP);
        m.scanBackward(tLen, ed, n, r, c.gates(), pm.aT[l], xs[l], delta[l], dbc[l], pm.dSkip[l], hs[l], dy,
                dxs, dDelta, ddbc, dATl, gD, dh);
        // Δ = softplus(dt_proj(δ) + b)
        m.softplusBackward(dtp[l], 0, dDelta, 0, ddtp, 0, te);
        float[] gDtB = grad.layer(l, DT_B);
        for (int t = 0; t < tLen; t++) {
            m.axpy(1f, ddtp, t * ed, gDtB, 0, ed);
        }
        m.gemm(ed, r, tLen, ddtp, 0, 1, ed, dbc[l], 0, w, grad.layer(l, DT_W), 0, r, true);
        m.gemm(tLen, r, ed, ddtp, 0, ed, 1, pm.dtW[l], 0, r, ddbc, 0, w, false);
        // x_proj: dbc = xs · x_projᵀ
        m.gemm(w, ed, tLen, ddbc, 0, 1, w, xs[l], 0, ed, grad.layer(l, X_PROJ), 0, ed, true);
        m.gemm(tLen, ed, w, ddbc, 0, w, 1, pm.xProj[l], 0, ed, dxs, 0, ed, true);
        // SiLU after the conv
        m.siluBackward(xc[l], 0, dxs, 0, dxc, 0, te);
        // causal depthwise conv1d
        float[] gCw = grad.layer(l, CONV_W);
        float[] gCb = grad.layer(l, CONV_B);
        float[] cw = pm.convW[l];
        for (int t = 0; t < tLen; t++) {
            Arrays.fill(dxz, t * 2 * ed, t * 2 * ed + ed, 0f);
        }
        for (int t = 0; t < tLen; t++) {
            int row = t * ed;
            for (int i = 0; i < ed; i++) {
                gCb[i] += dxc[row + i];
            }
            for (int j = 0; j < k; j++) {
                int src = t - (k - 1) + j;
                if (src < 0) {
                    continue;
                }
                int srow = src * 2 * ed;
                for (int i = 0; i < ed; i++) {
                    float gv = dxc[row + i];
                    gCw[i * k + j] += gv * xzl[srow + i];
                    dxz[srow + i] += gv * cw[i * k + j];
                }
            }
        }
        // in_proj: xz = u · in_projᵀ
        m.gemm(2 * ed, d, tLen, dxz, 0, 1, 2 * ed, u[l], 0, d, grad.layer(l, IN_PROJ), 0, d, true);
        m.gemm(tLen, d, 2 * ed, dxz, 0, 2 * ed, 1, pm.inProj[l], 0, d, du, 0, d, false);
        normBackward(resIn[l], u[l], rstd[l], tLen, pm.normW[l], pm.normB[l], du, grad.layer(l, NORM),
                grad.layer(l, NORM_BIAS), dres);
    }

    /** out = norm(x) · w (+ b) per row ({@link Norms#forward}); keeps 1/σ per row. */
    private void normForward(float[] x, int tLen, float[] wt, float[] b, float[] out, float[] rs) {
        for (int t = 0; t < tLen; t++) {
            rs[t] = Norms.forward(c.norm(), c.normEps(), x, t * d, d, wt, b, out, t * d);
        }
    }

    /**
     * Backward of {@link #normForward}: adds dL/dx into {@code dx}, and dL/dw, dL/db into gw, gb.
     *
     * @param dOut dL/d(out) [T, D]
     */
    private void normBackward(float[] x, float[] out, float[] rs, int tLen, float[] wt, float[] b, float[] dOut,
                              float[] gw, float[] gb, float[] dx) {
        boolean layer = c.norm() == NormKind.LAYER;
        float[] xhat = tmpD;
        for (int t = 0; t < tLen; t++) {
            int off = t * d;
            float inv = rs[t];
            float mean = 0f;
            if (layer) {
                for (int i = 0; i < d; i++) {
                    mean += x[off + i];
                }
                mean /= d;
            }
            float sumG = 0f;
            float sumGx = 0f;
            for (int i = 0; i < d; i++) {
                xhat[i] = (x[off + i] - mean) * inv;
                float gh = dOut[off + i] * wt[i];          // dL/dx̂
                gw[i] += dOut[off + i] * xhat[i];
                if (gb != null) {
                    gb[i] += dOut[off + i];
                }
                sumG += gh;
                sumGx += gh * xhat[i];
            }
            float mg = layer ? sumG / d : 0f;
            float mgx = sumGx / d;
            for (int i = 0; i < d; i++) {
                float gh = dOut[off + i] * wt[i];
                dx[off + i] += inv * (gh - mg - xhat[i] * mgx);
            }
        }
    }
}
