package statescope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import statescope.ssm.GateRange;
import statescope.ssm.NormKind;
import statescope.ssm.SsmConfig;
import statescope.ssm.WeightNames;

/**
 * ND4J SameDiff as an independent gradient oracle: the same tiny model (2 layers, RMSNorm, signed
 * and nonnegative gates) unrolled over T = 4 tokens as a SameDiff graph, differentiated by SameDiff,
 * and compared with the hand-written backward for every parameter tensor. One graph per gate range
 * in one test keeps SameDiff's warm-up paid once.
 */
class SameDiffOracleTest {

    static final int[] TOKENS = {1, 3, 0, 2};
    static final int[] TARGETS = {2, 0, 1, 1};

    @Test
    void handWrittenGradientsMatchSameDiff() {
        for (GateRange gates : GateRange.values()) {
            ParamSet p = GradientCheckTest.tinyModel(gates, NormKind.RMS, 23);
            ParamSet ours = p.zerosLike();
            double lossOurs;
            try (Backprop bp = new Backprop(p.config(), true, 1)) {
                lossOurs = bp.lossAndGradient(p, new int[][] {TOKENS}, new int[][] {TARGETS}, Loss.MSE, ours).loss();
            }
            SameDiff sd = SameDiff.create();
            Map<String, SDVariable> vars = new HashMap<>();
            for (int i = 0; i < p.size(); i++) {
                int[] s = p.shape(i);
                long[] shape = s.length == 1 ? new long[] {1, s[0]}
                        : s.length == 3 ? new long[] {s[0], s[2]} : new long[] {s[0], s[1]};
                vars.put(p.name(i), sd.var(key(p.name(i)), Nd4j.create(p.get(i).clone(), shape)));
            }
            SDVariable loss = build(sd, p.config(), vars);
            sd.setLossVariables(loss);
            Map<String, INDArray> grads = quietly(() -> sd.calculateGradients(Map.of(), vars.values().stream()
                    .map(SDVariable::name).toList()));
            double lossSd = sd.output(Map.<String, INDArray>of(), loss.name()).get(loss.name()).getDouble(0);
            assertEquals(lossSd, lossOurs, 1e-5 * Math.abs(lossSd), "loss (" + gates + ")");
            for (int i = 0; i < p.size(); i++) {
                float[] want = grads.get(key(p.name(i))).dup().data().asFloat();
                float[] got = ours.get(i);
                double scale = 1e-6;
                for (float v : want) {
                    scale = Math.max(scale, Math.abs(v));
                }
                for (int j = 0; j < got.length; j++) {
                    assertTrue(Math.abs(got[j] - want[j]) <= 2e-3 * scale + 1e-6, p.name(i) + "[" + j + "] ("
                            + gates + "): ours " + got[j] + ", SameDiff " + want[j]);
                }
            }
        }
    }

    /** SameDiff prints a line to System.out for every op it differentiates (about 500 per graph); not here. */
    private static <T> T quietly(Supplier<T> work) {
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            return work.get();
        } finally {
            System.setOut(out);
        }
    }

    private static String key(String name) {
        return name.replace('.', '_');
    }

    private static SDVariable build(SameDiff sd, SsmConfig c, Map<String, SDVariable> v) {
        int dm = c.dModel();
        int ed = c.dInner();
        int n = c.dState();
        int r = c.dtRank();
        int k = c.dConv();
        int o = c.outputSize();
        int tl = TOKENS.length;
        SDVariable[] res = new SDVariable[tl];
        for (int t = 0; t < tl; t++) {
            float[] oh = new float[c.vocabSize()];
            oh[TOKENS[t]] = 1f;
            res[t] = sd.constant(Nd4j.create(oh, new long[] {1, c.vocabSize()})).mmul(v.get(WeightNames.EMBEDDING));
        }
        SDVariable onesN = sd.constant(Nd4j.ones(1, n));
        for (int l = 0; l < c.nLayer(); l++) {
            final int li = l;
            Function<String, SDVariable> w = s -> v.get(WeightNames.layer(li, s));
            SDVariable[] xin = new SDVariable[tl];
            SDVariable[] z = new SDVariable[tl];
            for (int t = 0; t < tl; t++) {
                SDVariable u = rms(sd, res[t], w.apply(WeightNames.NORM), c.normEps());
                SDVariable xz = u.mmul(w.apply(WeightNames.IN_PROJ).permute(1, 0));        // [1, 2ED]
                xin[t] = xz.mmul(select(sd, 2 * ed, 0, ed));
                z[t] = xz.mmul(select(sd, 2 * ed, ed, ed));
            }
            SDVariable h = sd.constant(Nd4j.zeros(ed, n));
            SDVariable aNeg = sd.math().exp(w.apply(WeightNames.A_LOG)).neg();              // [ED, N]
            for (int t = 0; t < tl; t++) {
                SDVariable xc = w.apply(WeightNames.CONV_B);
                for (int j = 0; j < k; j++) {
                    int src = t - (k - 1) + j;
                    if (src >= 0) {
                        SDVariable tap = w.apply(WeightNames.CONV_W).mmul(select(sd, k, j, 1))
                                .permute(1, 0);                                               // [1, ED]
                        xc = xc.add(tap.mul(xin[src]));
                    }
                }
                SDVariable x = xc.mul(sd.nn().sigmoid(xc));                                   // [1, ED]
                SDVariable dbc = x.mmul(w.apply(WeightNames.X_PROJ).permute(1, 0));        // [1, W]
                SDVariable dlt = dbc.mmul(select(sd, r + 2 * n, 0, r));
                SDVariable bv = dbc.mmul(select(sd, r + 2 * n, r, n));
                SDVariable cv = dbc.mmul(select(sd, r + 2 * n, r + n, n));
                SDVariable dtp = dlt.mmul(w.apply(WeightNames.DT_W).permute(1, 0)).add(w.apply(WeightNames.DT_B));
                SDVariable delta = sd.math().log(sd.math().exp(dtp).add(1.0));              // [1, ED]
                SDVariable e = sd.math().exp(delta.permute(1, 0).mmul(onesN).mul(aNeg));   // [ED, N]
                SDVariable ab = c.gates() == GateRange.NONNEGATIVE ? e : e.mul(2.0).sub(1.0);
                SDVariable inc = delta.mul(x).permute(1, 0).mmul(bv);                         // [ED, N]
                h = ab.mul(h).add(inc);
                SDVariable y = h.mmul(cv.permute(1, 0)).permute(1, 0).add(w.apply(WeightNames.D_SKIP).mul(x));
                SDVariable g = y.mul(z[t].mul(sd.nn().sigmoid(z[t])));
                res[t] = res[t].add(g.mmul(w.apply(WeightNames.OUT_PROJ).permute(1, 0)));
            }
        }
        SDVariable total = null;
        for (int t = 0; t < tl; t++) {
            SDVariable u = rms(sd, res[t], v.get(WeightNames.NORM_F), c.normEps());
            SDVariable logits = u.mmul(v.get(WeightNames.HEAD).permute(1, 0)).add(v.get(WeightNames.HEAD_BIAS));
            float[] oh = new float[o];
            oh[TARGETS[t]] = 1f;
            SDVariable diff = logits.sub(sd.constant(Nd4j.create(oh, new long[] {1, o})));
            SDVariable sq = diff.mul(diff).sum();
            total = total == null ? sq : total.add(sq);
        }
        return total.div((double) tl * o);
    }

    /** A constant [rows, len] matrix that picks columns from..from+len of a row vector (slicing without strided_slice). */
    private static SDVariable select(SameDiff sd, int rows, int from, int len) {
        float[] m = new float[rows * len];
        for (int i = 0; i < len; i++) {
            m[(from + i) * len + i] = 1f;
        }
        return sd.constant(Nd4j.create(m, new long[] {rows, len}));
    }

    private static SDVariable rms(SameDiff sd, SDVariable x, SDVariable w, float eps) {
        SDVariable ms = x.mul(x).mean(true, 1);                                               // [1, 1]
        return x.mul(sd.math().sqrt(ms.add(eps)).rdiv(1.0)).mul(w);
    }
}
