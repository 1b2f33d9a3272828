package statescope.ssm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The recurrent path: one token at a time over an {@link SsmState}, as the UI steps a string.
 * {@link #step(SsmState, int, float[])} allocates nothing and runs on the Vector API when available;
 * {@link #stepTraced} also returns every intermediate (Δ, Ā, B, C, h, y per layer, and the logits).
 *
 * <p>A stepper owns scratch buffers, so one instance serves one thread at a time; states are separate
 * objects and many can share a stepper. Per token and layer, with r the residual stream:
 * <pre>
 *   u = norm(r);  (x̃, z) = in_proj·u;  x = SiLU(conv_b + Σ_k conv_w[:,k]·x̃_{t−K+1+k})
 *   (δ, B, C) = x_proj·x;  Δ = softplus(dt_proj·δ + dt_b);  h = gate(Δ·A)·h + Δ·B·x
 *   y = C·h + D·x;  r += out_proj·(y ⊙ SiLU(z))
 * </pre>
 */
public final class SsmStepper {

    private final SsmWeights w;
    private final SsmConfig c;
    private final CpuMath math;
    // scratch, reused for every token
    private final float[] resid;    // [D]
    private final float[] u;        // [D]
    private final float[] xz;       // [2·ED]  x̃ then z
    private final float[] g;        // [ED]    y ⊙ SiLU(z)
    private final float[][] x;      // [L][ED] conv + SiLU output
    private final float[][] delta;  // [L][ED]
    private final float[][] dbc;    // [L][pad16(R+2N)]
    private final float[] logitsPad; // [pad16(O)]
    private final float[][] y;      // [L][ED]

    /** A stepper on the fastest available kernels (Vector API, else scalar). */
    public SsmStepper(SsmWeights weights) {
        this(weights, VectorSupport.math());
    }

    SsmStepper(SsmWeights weights, CpuMath math) {
        this.w = Objects.requireNonNull(weights, "weights");
        this.c = weights.config();
        this.math = math;
        int ed = c.dInner();
        int layers = c.nLayer();
        resid = new float[c.dModel()];
        u = new float[c.dModel()];
        xz = new float[2 * ed];
        g = new float[ed];
        x = new float[layers][ed];
        delta = new float[layers][ed];
        dbc = new float[layers][Layouts.pad16(c.xProjRows())];
        logitsPad = new float[Layouts.pad16(c.outputSize())];
        y = new float[layers][ed];
    }

    /** A stepper on the plain scalar kernels (the reference the fast step is measured against). */
    public static SsmStepper scalar(SsmWeights weights) {
        return new SsmStepper(weights, new ScalarMath());
    }

    /** Name of the kernels in use, e.g. {@code cpu-vector} or {@code cpu-scalar}. */
    public String backend() {
        return math.name();
    }

    /** The weights. */
    public SsmWeights weights() {
        return w;
    }

    /** A fresh zero state for this model. */
    public SsmState newState() {
        return new SsmState(c);
    }

    /** Consumes one token: updates {@code state} and writes the head's [O] outputs into {@code logits}. */
    public void step(SsmState state, int token, float[] logits) {
        if (state.config() != c && !state.config().equals(c)) {
            throw new IllegalArgumentException("state of a different model config");
        }
        if (token < 0 || token >= c.vocabSize()) {
            throw new IllegalArgumentException("token id " + token + " is outside the vocabulary 0.."
                    + (c.vocabSize() - 1));
        }
        if (logits.length < c.outputSize()) {
            throw new IllegalArgumentException("logits buffer has " + logits.length + " slots, need " + c.outputSize());
        }
        int dm = c.dModel();
        int ed = c.dInner();
        int n = c.dState();
        int k = c.dConv();
        int r = c.dtRank();
        System.arraycopy(w.embedding, token * dm, resid, 0, dm);
        for (int l = 0; l < c.nLayer(); l++) {
            LayerWeights lw = w.layers[l];
            Norms.forward(c.norm(), c.normEps(), resid, 0, dm, lw.normW, lw.normB, u, 0);
            math.matvec(u, 0, dm, lw.inProjT, 2 * ed, xz, 0, false);          // [2·ED]
            float[] xl = x[l];
            float[] buf = state.conv[l];                                       // [K-1, ED]
            System.arraycopy(lw.convB, 0, xl, 0, ed);
            for (int j = 0; j < k - 1; j++) {
                math.mulAdd(lw.convWT, j * ed, buf, j * ed, xl, 0, ed);
            }
            math.mulAdd(lw.convWT, (k - 1) * ed, xz, 0, xl, 0, ed);
            if (k > 1) {                                                       // shift in x̃_t
                System.arraycopy(buf, ed, buf, 0, (k - 2) * ed);
                System.arraycopy(xz, 0, buf, (k - 2) * ed, ed);
            }
            math.silu(xl, 0, xl, 0, ed);                                       // x [ED]
            float[] dl = delta[l];
            float[] p = dbc[l];                                                // [R+2N]
            if (c.selective()) {
                math.matvec(xl, 0, ed, lw.xProjT, p.length, p, 0, false);
                math.matvec(p, 0, r, lw.dtWT, ed, dl, 0, false);               // [ED]
                math.softplusBias(dl, 0, lw.dtB, ed);
            } else {
                System.arraycopy(lw.xProj, 0, p, 0, r + 2 * n);
                System.arraycopy(lw.constDelta, 0, dl, 0, ed);
            }
            math.scanStep(state.hT[l], lw.aT, xl, 0, dl, 0, p, r, p, r + n, lw.dSkip, ed, n, c.gates(), y[l], 0);
            math.mulSilu(y[l], 0, xz, ed, g, 0, ed);
            math.matvec(g, 0, ed, lw.outProjT, dm, resid, 0, true);            // r += out_proj·g
        }
        Norms.forward(c.norm(), c.normEps(), resid, 0, dm, w.normF, w.normFBias, u, 0);
        int o = c.outputSize();
        math.matvec(u, 0, dm, w.headT, logitsPad.length, logitsPad, 0, false);
        for (int i = 0; i < o; i++) {
            logits[i] = w.headBias == null ? logitsPad[i] : logitsPad[i] + w.headBias[i];
        }
        state.position++;
    }

    /** {@link #step(SsmState, int, float[])} returning a fresh logits array. */
    public float[] step(SsmState state, int token) {
        float[] logits = new float[c.outputSize()];
        step(state, token, logits);
        return logits;
    }

    /** One token with every intermediate, as a {@link Trace} of length 1. */
    public Trace stepTraced(SsmState state, int token) {
        float[] logits = step(state, token);
        int ed = c.dInner();
        int n = c.dState();
        int r = c.dtRank();
        List<Trace.LayerTrace> layers = new ArrayList<>(c.nLayer());
        for (int l = 0; l < c.nLayer(); l++) {
            float[] aBar = new float[ed * n];                                  // [ED, N]
            float[] a = w.layers[l].a;
            for (int d = 0; d < ed; d++) {
                for (int s = 0; s < n; s++) {
                    aBar[d * n + s] = c.gates().gate(delta[l][d] * a[d * n + s]);
                }
            }
            layers.add(new Trace.LayerTrace(1, ed, n, x[l].clone(), delta[l].clone(), aBar,
                    Arrays.copyOfRange(dbc[l], r, r + n),
                    Arrays.copyOfRange(dbc[l], r + n, r + 2 * n),
                    state.h(l), y[l].clone()));
        }
        return new Trace(1, logits, layers);
    }

    /** Steps through {@code tokens} from {@code state} (which advances) and concatenates the traces. */
    public Trace run(SsmState state, int[] tokens) {
        List<Trace> steps = new ArrayList<>(tokens.length);
        for (int tok : tokens) {
            steps.add(stepTraced(state, tok));
        }
        return Traces.concat(c, steps);
    }
}
