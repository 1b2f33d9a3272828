package statescope.train;

import static statescope.ssm.Layouts.transpose;
import static statescope.ssm.WeightNames.*;

import statescope.ssm.Activations;
import statescope.ssm.SsmConfig;

/**
 * A read-only view of a {@link ParamSet} for one optimiser step: live references to the parameter
 * arrays plus the layouts derived from them (transposes, A = −exp(A_log)). Rebuilt after every update.
 */
final class PreparedModel {

    final SsmConfig c;
    final ParamSet p;
    final float[] emb;        // [V, D]
    final float[][] normW;    // [L][D]
    final float[][] normB;    // [L][D]       or null
    final float[][] inProj;   // [L][2·ED, D]
    final float[][] inProjT;  // [L][D, 2·ED]
    final float[][] convW;    // [L][ED, K]
    final float[][] convB;    // [L][ED]
    final float[][] xProj;    // [L][W, ED], W = R+2N
    final float[][] xProjT;   // [L][ED, W]
    final float[][] dtW;      // [L][ED, R]
    final float[][] dtWT;     // [L][R, ED]
    final float[][] dtB;      // [L][ED]
    final float[][] aT;       // [L][N, ED]   A = −exp(A_log), transposed
    final float[][] dSkip;    // [L][ED]
    final float[][] outProj;  // [L][D, ED]
    final float[][] outProjT; // [L][ED, D]
    final float[] normF;      // [D]
    final float[] normFB;     // [D] or null
    final float[] head;       // [O, D]
    final float[] headT;      // [D, O]
    final float[] headB;      // [O] or null

    PreparedModel(ParamSet p) {
        this.c = p.config();
        this.p = p;
        if (!c.selective()) {
            throw new IllegalArgumentException("training supports selective models only "
                    + "(the time-invariant ablation has no backward pass yet)");
        }
        int layers = c.nLayer();
        int d = c.dModel();
        int ed = c.dInner();
        int n = c.dState();
        int r = c.dtRank();
        int w = c.xProjRows();
        emb = p.global(EMBEDDING);
        normW = new float[layers][];
        normB = new float[layers][];
        inProj = new float[layers][];
        inProjT = new float[layers][];
        convW = new float[layers][];
        convB = new float[layers][];
        xProj = new float[layers][];
        xProjT = new float[layers][];
        dtW = new float[layers][];
        dtWT = new float[layers][];
        dtB = new float[layers][];
        aT = new float[layers][];
        dSkip = new float[layers][];
        outProj = new float[layers][];
        outProjT = new float[layers][];
        for (int l = 0; l < layers; l++) {
            normW[l] = p.layer(l, NORM);
            normB[l] = p.layer(l, NORM_BIAS);
            inProj[l] = p.layer(l, IN_PROJ);
            inProjT[l] = transpose(inProj[l], 2 * ed, d);
            convW[l] = p.layer(l, CONV_W);
            convB[l] = p.layer(l, CONV_B);
            xProj[l] = p.layer(l, X_PROJ);
            xProjT[l] = transpose(xProj[l], w, ed);
            dtW[l] = p.layer(l, DT_W);
            dtWT[l] = transpose(dtW[l], ed, r);
            dtB[l] = p.layer(l, DT_B);
            aT[l] = transpose(Activations.stateMatrix(p.layer(l, A_LOG)), ed, n);
            dSkip[l] = p.layer(l, D_SKIP);
            outProj[l] = p.layer(l, OUT_PROJ);
            outProjT[l] = transpose(outProj[l], d, ed);
        }
        normF = p.global(NORM_F);
        normFB = p.global(NORM_F_BIAS);
        head = p.global(HEAD);
        headT = transpose(head, c.outputSize(), d);
        headB = p.global(HEAD_BIAS);
    }
}
