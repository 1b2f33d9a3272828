package statescope.construct;

import static statescope.ssm.WeightNames.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import statescope.ssm.SsmConfig;
import statescope.ssm.Tensor;

/** The reference-named tensors of one {@link LayerBuilder}, on physical residual dimensions. */
final class LayerTensors {

    private final LayerBuilder layer;
    private final SsmConfig c;
    private final int[] phys;

    LayerTensors(LayerBuilder layer, SsmConfig config, int[] phys) {
        if (layer.channels.size() > config.dInner()) {
            throw new IllegalStateException("layer has " + layer.channels.size() + " channels, d_inner " + config.dInner());
        }
        this.layer = layer;
        this.c = config;
        this.phys = phys;
    }

    /** Channel names, one per ED channel ("" for unused ones). */
    List<String> names() {
        var out = new ArrayList<String>();
        for (int d = 0; d < c.dInner(); d++) {
            out.add(d < layer.channels.size() ? layer.channels.get(d).name : "");
        }
        return out;
    }

    void put(Map<String, Tensor> t, int li, float[] normW) {
        int dm = c.dModel();
        int ed = c.dInner();
        int k = c.dConv();
        int r = c.dtRank();
        float[] inProj = new float[2 * ed * dm];   // [2·ED, D]: x rows, then z rows
        float[] convW = new float[ed * k];         // [ED, 1, K]
        float[] convB = new float[ed];             // [ED]
        float[] xProj = new float[(r + 2) * ed];   // [R+2N, ED], N = 1: δ rows, B, C
        float[] dtW = new float[ed * r];           // [ED, R]
        float[] dtB = new float[ed];               // [ED]
        float[] aLog = new float[ed];              // [ED, N]
        float[] dSkip = new float[ed];             // [ED]
        float[] outProj = new float[dm * ed];      // [D, ED]
        Arrays.fill(dtB, ModelBuilder.S_HOLD);
        Arrays.fill(aLog, ModelBuilder.A_LOG_RESET);
        for (int d = 0; d < layer.channels.size(); d++) {
            LayerBuilder.Channel ch = layer.channels.get(d);
            row(inProj, d, ch.xForm);
            row(inProj, ed + d, ch.zForm);
            System.arraycopy(ch.taps, 0, convW, d * k, k);
            convB[d] = ch.convBias;
            for (var e : ch.xProj.entrySet()) {
                int rowIdx = e.getKey() == ModelBuilder.B_ROW ? r : e.getKey() == ModelBuilder.C_ROW ? r + 1 : e.getKey();
                xProj[rowIdx * ed + d] += exact(e.getValue(), "x_proj");
            }
            for (var e : ch.dtW.entrySet()) {
                dtW[d * r + e.getKey()] = e.getValue();
            }
            dtB[d] = ch.dtBias;
            aLog[d] = ch.aLog;
            dSkip[d] = ch.dSkip;
            for (var e : ch.out.entrySet()) {
                outProj[phys[e.getKey()] * ed + d] += exact(e.getValue(), "out_proj");
            }
        }
        t.put(layer(li, NORM), new Tensor(new int[] {dm}, normW.clone()));
        t.put(layer(li, IN_PROJ), new Tensor(new int[] {2 * ed, dm}, inProj));
        t.put(layer(li, CONV_W), new Tensor(new int[] {ed, 1, k}, convW));
        t.put(layer(li, CONV_B), new Tensor(new int[] {ed}, convB));
        t.put(layer(li, X_PROJ), new Tensor(new int[] {r + 2, ed}, xProj));
        t.put(layer(li, DT_W), new Tensor(new int[] {ed, r}, dtW));
        t.put(layer(li, DT_B), new Tensor(new int[] {ed}, dtB));
        t.put(layer(li, A_LOG), new Tensor(new int[] {ed, 1}, aLog));
        t.put(layer(li, D_SKIP), new Tensor(new int[] {ed}, dSkip));
        t.put(layer(li, OUT_PROJ), new Tensor(new int[] {dm, ed}, outProj));
    }

    private void row(float[] inProj, int rowIdx, Form f) {
        int dm = c.dModel();
        for (var e : f.coefficients().entrySet()) {
            inProj[rowIdx * dm + phys[e.getKey()]] += exact(e.getValue(), "in_proj");
        }
    }

    /** The coefficient as a float, which must be exact (a construction uses dyadic numbers only). */
    private static float exact(double v, String where) {
        float f = (float) v;
        if (f != v) {
            throw new IllegalStateException(where + " coefficient " + v + " is not exact in float32");
        }
        return f;
    }
}
