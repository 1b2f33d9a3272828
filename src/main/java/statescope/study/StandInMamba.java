package statescope.study;

import java.util.OptionalDouble;
import java.util.SplittableRandom;
import statescope.ssm.GateRange;

/**
 * A plain-Java Mamba-1 block stack with seeded random weights, so the UI runs before (or without) a
 * trained checkpoint. It follows DESIGN.md "The model": embedding; per layer RMSNorm + residual;
 * in_proj to (x, z); depthwise causal conv1d (k = 4) + SiLU; x_proj to (δ, B, C); Δ = softplus(dt_proj δ);
 * A = −exp(A_log); Ā = gate(ΔA); h = Ā h + Δ B x; y = C·h + D x; y · SiLU(z); out_proj; final norm; head.
 *
 * <p>Two paths: {@link #step} (one token, recurrent) and {@link #scanStates} (whole sequence: causal
 * convolution over the sequence, then the scan), compared by {@link #stepScanDeviation}.
 * Symbols: L layers, M d_model, D d_inner = 2M, N d_state, R dt_rank, K conv width, V vocab, O outputs.
 */
public final class StandInMamba implements TraceModel {

    static final int K = 4;

    private final ModelInfo info;
    private final int m;
    private final int d;
    private final int n;
    private final int r;
    private final float[] embedding;   // [V, M]
    private final Layer[] layers;      // [L]
    private final float[] normF;       // [M]
    private final float[] head;        // [O, M]

    private record Layer(float[] norm, float[] inProj, float[] convW, float[] convB, float[] xProj,
                         float[] dtW, float[] dtB, float[] a, float[] dSkip, float[] outProj) {
        // norm [M], inProj [2D, M], convW [D, K], convB [D], xProj [R + 2N, D], dtW [D, R], dtB [D],
        // a [D, N] = -exp(A_log), dSkip [D], outProj [M, D]
    }

    /** A random model; {@code seed} fixes every weight. */
    public StandInMamba(int vocab, int outputs, int numLayers, int dModel, int dState, GateRange gates, long seed) {
        this.m = dModel;
        this.d = 2 * dModel;
        this.n = dState;
        this.r = Math.max(1, (dModel + 15) / 16);
        this.info = new ModelInfo("random init (seed " + seed + ")", numLayers, dModel, d, dState, vocab, outputs,
                gates, "cpu-java", false);
        var rng = new SplittableRandom(seed);
        this.embedding = gaussian(rng, vocab * m, 1f);
        this.layers = new Layer[numLayers];
        for (int l = 0; l < numLayers; l++) {
            float[] a = new float[d * n];
            for (int i = 0; i < d; i++) {
                for (int s = 0; s < n; s++) {
                    a[i * n + s] = -(s + 1);                     // A_log = log(1..N)
                }
            }
            float[] dtB = new float[d];
            for (int i = 0; i < d; i++) {
                double dt = Math.exp(Math.log(1e-3) + rng.nextDouble() * (Math.log(0.1) - Math.log(1e-3)));
                dtB[i] = (float) (dt + Math.log(-Math.expm1(-dt)));  // inverse softplus
            }
            float[] ones = new float[d];
            java.util.Arrays.fill(ones, 1f);
            float[] norm = new float[m];
            java.util.Arrays.fill(norm, 1f);
            layers[l] = new Layer(norm, uniform(rng, 2 * d * m, m), uniform(rng, d * K, K), uniform(rng, d, K),
                    uniform(rng, (r + 2 * n) * d, d), uniform(rng, d * r, r), dtB, a, ones, uniform(rng, m * d, d));
        }
        this.normF = new float[m];
        java.util.Arrays.fill(normF, 1f);
        this.head = uniform(rng, outputs * m, m);
    }

    private static float[] uniform(SplittableRandom rng, int size, int fanIn) {
        float bound = (float) (1 / Math.sqrt(fanIn));
        float[] w = new float[size];
        for (int i = 0; i < size; i++) {
            w[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
        }
        return w;
    }

    private static float[] gaussian(SplittableRandom rng, int size, float std) {
        float[] w = new float[size];
        for (int i = 0; i < size; i += 2) {
            double u1 = Math.max(rng.nextDouble(), 1e-12);
            double u2 = rng.nextDouble();
            double rad = Math.sqrt(-2 * Math.log(u1));
            w[i] = (float) (std * rad * Math.cos(2 * Math.PI * u2));
            if (i + 1 < size) {
                w[i + 1] = (float) (std * rad * Math.sin(2 * Math.PI * u2));
            }
        }
        return w;
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    /** Recurrent state: h [L][D * N] and the last K−1 conv inputs [L][D * (K−1)]. */
    static final class State implements ModelState {
        final float[][] h;
        final float[][] conv;

        State(float[][] h, float[][] conv) {
            this.h = h;
            this.conv = conv;
        }

        @Override
        public ModelState copy() {
            float[][] h2 = new float[h.length][];
            float[][] c2 = new float[conv.length][];
            for (int l = 0; l < h.length; l++) {
                h2[l] = h[l].clone();
                c2[l] = conv[l].clone();
            }
            return new State(h2, c2);
        }

        @Override
        public float[] hiddenState(int layer) {
            return h[layer].clone();
        }
    }

    @Override
    public ModelState newState() {
        return new State(new float[layers.length][d * n], new float[layers.length][d * (K - 1)]);
    }

    @Override
    public StepTrace step(ModelState state, int token) {
        if (token < 0 || token >= info.vocabSize()) {
            throw new IllegalArgumentException("token " + token + " outside the vocabulary 0.." + (info.vocabSize() - 1));
        }
        State st = (State) state;
        float[] resid = new float[m];                                   // [M]
        System.arraycopy(embedding, token * m, resid, 0, m);
        var traces = new StepTrace.LayerTrace[layers.length];
        for (int l = 0; l < layers.length; l++) {
            Layer w = layers[l];
            float[] u = rmsNorm(resid, w.norm);                         // [M]
            float[] xz = matVec(w.inProj, u, 2 * d, m);                 // [2D]
            float[] x = new float[d];                                   // [D]
            float[] buf = st.conv[l];                                   // [D, K-1], oldest first
            for (int i = 0; i < d; i++) {
                float acc = w.convB[i];
                for (int k = 0; k < K - 1; k++) {
                    acc += w.convW[i * K + k] * buf[i * (K - 1) + k];
                }
                acc += w.convW[i * K + K - 1] * xz[i];
                for (int k = 0; k < K - 2; k++) {
                    buf[i * (K - 1) + k] = buf[i * (K - 1) + k + 1];
                }
                buf[i * (K - 1) + K - 2] = xz[i];
                x[i] = silu(acc);
            }
            traces[l] = ssmStep(w, x, xz, st.h[l]);
            float[] out = matVec(w.outProj, gated(traces[l].y(), xz), m, d);  // [M]
            for (int i = 0; i < m; i++) {
                resid[i] += out[i];
            }
        }
        float[] logits = matVec(head, rmsNorm(resid, normF), info.outputWidth(), m);  // [O]
        return new StepTrace(traces, logits);
    }

    /** Discretisation + recurrence + output for one token; updates {@code h} [D * N] in place. */
    private StepTrace.LayerTrace ssmStep(Layer w, float[] x, float[] xz, float[] h) {
        float[] dbc = matVec(w.xProj, x, r + 2 * n, d);                 // [R + 2N]
        float[] b = java.util.Arrays.copyOfRange(dbc, r, r + n);       // [N]
        float[] c = java.util.Arrays.copyOfRange(dbc, r + n, r + 2 * n); // [N]
        float[] delta = new float[d];                                   // [D]
        float[] aBar = new float[d * n];                                // [D, N]
        float[] y = new float[d];                                       // [D]
        for (int i = 0; i < d; i++) {
            float t = w.dtB[i];
            for (int k = 0; k < r; k++) {
                t += w.dtW[i * r + k] * dbc[k];
            }
            float dt = softplus(t);
            delta[i] = dt;
            float acc = 0f;
            for (int s = 0; s < n; s++) {
                float g = info.gates().gate(dt * w.a[i * n + s]);
                aBar[i * n + s] = g;
                float hv = g * h[i * n + s] + dt * b[s] * x[i];
                h[i * n + s] = hv;
                acc += c[s] * hv;
            }
            y[i] = acc + w.dSkip[i] * x[i];
        }
        return new StepTrace.LayerTrace(x, delta, aBar, b, c, h.clone(), y);
    }

    private float[] gated(float[] y, float[] xz) {
        float[] g = new float[d];
        for (int i = 0; i < d; i++) {
            g[i] = y[i] * silu(xz[d + i]);
        }
        return g;
    }

    /** The other path: per layer, the whole sequence's conv, then the scan; returns h_t [T][L][D * N]. */
    float[][][] scanStates(int[] tokens) {
        int t = tokens.length;
        float[][] resid = new float[t][];                               // [T, M]
        for (int i = 0; i < t; i++) {
            resid[i] = java.util.Arrays.copyOfRange(embedding, tokens[i] * m, tokens[i] * m + m);
        }
        float[][][] states = new float[t][layers.length][];
        for (int l = 0; l < layers.length; l++) {
            Layer w = layers[l];
            float[][] xz = new float[t][];                              // [T, 2D]
            for (int i = 0; i < t; i++) {
                xz[i] = matVec(w.inProj, rmsNorm(resid[i], w.norm), 2 * d, m);
            }
            float[] h = new float[d * n];
            for (int i = 0; i < t; i++) {
                float[] x = new float[d];
                for (int ch = 0; ch < d; ch++) {
                    float acc = w.convB[ch];
                    for (int k = 0; k < K; k++) {
                        int src = i - (K - 1) + k;                     // causal, zero-padded
                        acc += src >= 0 ? w.convW[ch * K + k] * xz[src][ch] : 0f;
                    }
                    x[ch] = silu(acc);
                }
                var tr = ssmStep(w, x, xz[i], h);
                states[i][l] = tr.h();
                float[] out = matVec(w.outProj, gated(tr.y(), xz[i]), m, d);
                for (int k = 0; k < m; k++) {
                    resid[i][k] += out[k];
                }
            }
        }
        return states;
    }

    @Override
    public OptionalDouble stepScanDeviation(int[] tokens) {
        float[][][] scan = scanStates(tokens);
        ModelState st = newState();
        double max = 0;
        for (int i = 0; i < tokens.length; i++) {
            StepTrace tr = step(st, tokens[i]);
            for (int l = 0; l < layers.length; l++) {
                float[] a = tr.layers()[l].h();
                float[] b = scan[i][l];
                for (int k = 0; k < a.length; k++) {
                    max = Math.max(max, Math.abs(a[k] - b[k]));
                }
            }
        }
        return OptionalDouble.of(max);
    }

    static float[] matVec(float[] w, float[] v, int rows, int cols) {
        float[] out = new float[rows];
        for (int i = 0; i < rows; i++) {
            float acc = 0f;
            int base = i * cols;
            for (int k = 0; k < cols; k++) {
                acc += w[base + k] * v[k];
            }
            out[i] = acc;
        }
        return out;
    }

    private static float[] rmsNorm(float[] v, float[] weight) {
        double ss = 0;
        for (float x : v) {
            ss += x * x;
        }
        float inv = (float) (1 / Math.sqrt(ss / v.length + 1e-5));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * inv * weight[i];
        }
        return out;
    }

    private static float silu(float v) {
        return v / (1f + (float) Math.exp(-v));
    }

    private static float softplus(float v) {
        return v > 20f ? v : (float) Math.log1p(Math.exp(v));
    }
}
