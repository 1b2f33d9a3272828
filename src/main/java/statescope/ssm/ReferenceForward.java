package statescope.ssm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The slow, obvious forward pass over one sequence: plain Java loops that read like the equations of
 * Mamba-1 (research/paper.md §1.6). It is the oracle every fast path is tested against. Per layer,
 * with r the residual stream and t = 0..T−1:
 *
 * <pre>
 *   u_t      = norm(r_t)                                        [D]
 *   (x̃_t, z_t) = in_proj · u_t                                  [ED], [ED]
 *   x_t[d]   = SiLU(conv_b[d] + Σ_k conv_w[d,k] · x̃_{t−K+1+k}[d])  (x̃ = 0 before the start)
 *   (δ_t, B_t, C_t) = x_proj · x_t      (x_proj · 1 when not selective)   [R], [N], [N]
 *   Δ_t[d]   = softplus(dt_b[d] + Σ_j dt_w[d,j] · δ_t[j])
 *   Ā_t[d,n] = gate(Δ_t[d] · A[d,n]),  A = −exp(A_log)
 *   h_t[d,n] = Ā_t[d,n] · h_{t−1}[d,n] + Δ_t[d] · B_t[n] · x_t[d],   h_{−1} = 0
 *   y_t[d]   = Σ_n C_t[n] · h_t[d,n] + D[d] · x_t[d]
 *   r_t     += out_proj · (y_t ⊙ SiLU(z_t))
 * </pre>
 * and finally logits_t = lm_head · norm_f(r_t) (+ bias).
 */
public final class ReferenceForward {

    private ReferenceForward() {
    }

    /** Runs the model over {@code tokens} from the zero state and returns every intermediate. */
    public static Trace forward(SsmWeights w, int[] tokens) {
        SsmConfig c = w.config();
        int tLen = tokens.length;
        int dm = c.dModel();
        int ed = c.dInner();
        int n = c.dState();
        int k = c.dConv();
        int r = c.dtRank();
        checkTokens(tokens, c.vocabSize());

        float[][] resid = new float[tLen][];                            // [T][D]
        for (int t = 0; t < tLen; t++) {
            resid[t] = Arrays.copyOfRange(w.embedding, tokens[t] * dm, (tokens[t] + 1) * dm);
        }
        List<Trace.LayerTrace> traces = new ArrayList<>();
        for (LayerWeights lw : w.layers) {
            float[][] xIn = new float[tLen][ed];                        // [T][ED] conv input x̃
            float[][] z = new float[tLen][ed];                          // [T][ED] gate branch
            float[] u = new float[dm];                                  // [D]
            for (int t = 0; t < tLen; t++) {
                Norms.forward(c.norm(), c.normEps(), resid[t], 0, dm, lw.normW, lw.normB, u, 0);
                for (int i = 0; i < ed; i++) {
                    xIn[t][i] = dot(lw.inProj, i * dm, u, dm);
                    z[t][i] = dot(lw.inProj, (ed + i) * dm, u, dm);
                }
            }
            float[] x = new float[tLen * ed];                           // [T, ED]
            float[] delta = new float[tLen * ed];                       // [T, ED]
            float[] bAll = new float[tLen * n];                         // [T, N]
            float[] cAll = new float[tLen * n];                         // [T, N]
            for (int t = 0; t < tLen; t++) {
                for (int d = 0; d < ed; d++) {
                    float s = lw.convB[d];
                    for (int j = 0; j < k; j++) {
                        int src = t - (k - 1) + j;
                        if (src >= 0) {
                            s += lw.convW[d * k + j] * xIn[src][d];
                        }
                    }
                    x[t * ed + d] = Activations.silu(s);
                }
                float[] in = c.selective() ? Arrays.copyOfRange(x, t * ed, (t + 1) * ed) : new float[] {1f};
                float[] dbc = new float[r + 2 * n];                     // [R+2N]
                for (int i = 0; i < r + 2 * n; i++) {
                    dbc[i] = dot(lw.xProj, i * in.length, in, in.length);
                }
                for (int d = 0; d < ed; d++) {
                    float s = lw.dtB[d];
                    for (int j = 0; j < r; j++) {
                        s += lw.dtW[d * r + j] * dbc[j];
                    }
                    delta[t * ed + d] = Activations.softplus(s);
                }
                System.arraycopy(dbc, r, bAll, t * n, n);
                System.arraycopy(dbc, r + n, cAll, t * n, n);
            }
            float[] aBar = new float[tLen * ed * n];                    // [T, ED, N]
            float[] h = new float[tLen * ed * n];                       // [T, ED, N]
            float[] y = new float[tLen * ed];                           // [T, ED]
            float[] hPrev = new float[ed * n];                          // [ED, N]
            for (int t = 0; t < tLen; t++) {
                for (int d = 0; d < ed; d++) {
                    float dt = delta[t * ed + d];
                    float xt = x[t * ed + d];
                    float yt = 0f;
                    for (int s = 0; s < n; s++) {
                        float ab = c.gates().gate(dt * lw.a[d * n + s]);
                        float ht = ab * hPrev[d * n + s] + dt * bAll[t * n + s] * xt;
                        hPrev[d * n + s] = ht;
                        aBar[(t * ed + d) * n + s] = ab;
                        h[(t * ed + d) * n + s] = ht;
                        yt += cAll[t * n + s] * ht;
                    }
                    y[t * ed + d] = yt + lw.dSkip[d] * xt;
                }
            }
            float[] g = new float[ed];                                  // [ED]
            for (int t = 0; t < tLen; t++) {
                for (int d = 0; d < ed; d++) {
                    g[d] = y[t * ed + d] * Activations.silu(z[t][d]);
                }
                for (int i = 0; i < dm; i++) {
                    resid[t][i] += dot(lw.outProj, i * ed, g, ed);
                }
            }
            traces.add(new Trace.LayerTrace(tLen, ed, n, x, delta, aBar, bAll, cAll, h, y));
        }
        int o = c.outputSize();
        float[] logits = new float[tLen * o];                           // [T, O]
        float[] u = new float[dm];
        for (int t = 0; t < tLen; t++) {
            Norms.forward(c.norm(), c.normEps(), resid[t], 0, dm, w.normF, w.normFBias, u, 0);
            for (int i = 0; i < o; i++) {
                logits[t * o + i] = dot(w.head, i * dm, u, dm) + (w.headBias == null ? 0f : w.headBias[i]);
            }
        }
        return new Trace(tLen, logits, traces);
    }

    static float dot(float[] m, int off, float[] v, int len) {
        float s = 0f;
        for (int i = 0; i < len; i++) {
            s += m[off + i] * v[i];
        }
        return s;
    }

    static void checkTokens(int[] tokens, int vocab) {
        for (int t = 0; t < tokens.length; t++) {
            if (tokens[t] < 0 || tokens[t] >= vocab) {
                throw new IllegalArgumentException("token id " + tokens[t] + " at position " + t
                        + " is outside the vocabulary 0.." + (vocab - 1));
            }
        }
    }
}
