package statescope.ssm;

import java.util.Arrays;

/**
 * The weights of one Mamba block, in PyTorch layouts, plus layouts derived once for the fast paths.
 * Package-private and never mutated after construction; outside code sees {@link SsmWeights#tensors()}.
 */
final class LayerWeights {
    // ---- as in the state dict ----
    final float[] normW;    // [D]
    final float[] normB;    // [D] or null (RMSNorm)
    final float[] inProj;   // [2·ED, D]
    final float[] convW;    // [ED, K]   (the state dict's [ED, 1, K])
    final float[] convB;    // [ED]
    final float[] xProj;    // [R+2N, ED] (or [R+2N, 1] when not selective)
    final float[] dtW;      // [ED, R]
    final float[] dtB;      // [ED]
    final float[] aLog;     // [ED, N]
    final float[] dSkip;    // [ED]
    final float[] outProj;  // [D, ED]

    // ---- derived ----
    final float[] a;        // [ED, N]  A = −exp(A_log)
    final float[] aT;       // [N, ED]  A transposed (lanes run over channels)
    final float[] convWT;   // [K, ED]  conv taps, tap-major
    final float[] inProjT;  // [D, 2·ED]
    final float[] xProjT;   // [ED, P] (or [1, P]), P = pad16(R+2N) columns, zero beyond R+2N
    final float[] dtWT;     // [R, ED]
    final float[] outProjT; // [ED, D]
    /** Δ, B, C of the time-invariant ablation (null when selective): [ED], [N], [N]. */
    final float[] constDelta;
    final float[] constB;
    final float[] constC;

    LayerWeights(SsmConfig c, float[] normW, float[] normB, float[] inProj, float[] convW, float[] convB,
                 float[] xProj, float[] dtW, float[] dtB, float[] aLog, float[] dSkip, float[] outProj) {
        int d = c.dModel();
        int ed = c.dInner();
        int n = c.dState();
        int k = c.dConv();
        int r = c.dtRank();
        this.normW = normW;
        this.normB = normB;
        this.inProj = inProj;
        this.convW = convW;
        this.convB = convB;
        this.xProj = xProj;
        this.dtW = dtW;
        this.dtB = dtB;
        this.aLog = aLog;
        this.dSkip = dSkip;
        this.outProj = outProj;
        this.a = Activations.stateMatrix(aLog);
        this.aT = Layouts.transpose(a, ed, n);
        this.convWT = Layouts.transpose(convW, ed, k);
        this.inProjT = Layouts.transpose(inProj, 2 * ed, d);
        this.xProjT = Layouts.transposePadded(xProj, c.xProjRows(), c.xProjCols(), Layouts.pad16(c.xProjRows()));
        this.dtWT = Layouts.transpose(dtW, ed, r);
        this.outProjT = Layouts.transpose(outProj, d, ed);
        if (c.selective()) {
            constDelta = null;
            constB = null;
            constC = null;
        } else {
            // (δ, B, C) = x_proj.weight[:, 0]; Δ = softplus(dt_proj(δ) + bias)
            constDelta = new float[ed];
            for (int i = 0; i < ed; i++) {
                float s = dtB[i];
                for (int j = 0; j < r; j++) {
                    s += dtW[i * r + j] * xProj[j];
                }
                constDelta[i] = Activations.softplus(s);
            }
            constB = Arrays.copyOfRange(xProj, r, r + n);
            constC = Arrays.copyOfRange(xProj, r + n, r + 2 * n);
        }
    }
}
