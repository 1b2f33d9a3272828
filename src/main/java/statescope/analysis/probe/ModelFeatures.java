package statescope.analysis.probe;

import java.util.ArrayList;
import java.util.List;
import statescope.ssm.FastForward;
import statescope.ssm.Norms;
import statescope.ssm.SsmConfig;
import statescope.ssm.SsmWeights;
import statescope.ssm.Trace;
import statescope.ssm.WeightNames;

/**
 * Reads the probe features of a model over many token strings with the batched scan
 * ({@link FastForward}, every h_t emitted): per position the embedding (layer 0), and per block its
 * state h_t and its block output, the residual stream after the block (rebuilt from the scan's y_t:
 * r += out_proj·(y ⊙ SiLU(z)), z = the second half of in_proj·norm(r)).
 */
public final class ModelFeatures {

    private static final int BATCH = 64;

    private final SsmWeights weights;
    private final SsmConfig c;
    private final FastForward forward;

    public ModelFeatures(SsmWeights weights) {
        this.weights = weights;
        this.c = weights.config();
        this.forward = new FastForward(weights);
    }

    /** The feature sets' names in order: L0 embedding, then per layer h and block. */
    public List<String> labels() {
        var out = new ArrayList<String>();
        out.add("L0 embedding");
        for (int l = 1; l <= c.nLayer(); l++) {
            out.add("L" + l + " h");
            out.add("L" + l + " block");
        }
        return out;
    }

    /**
     * Features of every position of {@code tokens} (strings in order, positions in order).
     *
     * @param tokens the strings, each [T_b]; their lengths sum to R
     * @return one set per entry of {@link #labels()}
     */
    public List<FeatureSet> read(List<int[]> tokens) {
        int dm = c.dModel();
        int ed = c.dInner();
        int n = c.dState();
        int layers = c.nLayer();
        int rows = 0;
        for (int[] t : tokens) {
            rows += t.length;
        }
        float[] emb = new float[rows * dm];                              // [R, D]
        float[][] h = new float[layers][rows * ed * n];                  // [L][R, ED·N]
        float[][] block = new float[layers][rows * dm];                  // [L][R, D]
        float[] embW = weights.tensor(WeightNames.EMBEDDING).data();    // [V, D]
        float[][] inProj = new float[layers][];                          // [L][2·ED, D]
        float[][] outProj = new float[layers][];                         // [L][D, ED]
        float[][] normW = new float[layers][];
        float[][] normB = new float[layers][];
        for (int l = 0; l < layers; l++) {
            inProj[l] = weights.tensor(WeightNames.layer(l, WeightNames.IN_PROJ)).data();
            outProj[l] = weights.tensor(WeightNames.layer(l, WeightNames.OUT_PROJ)).data();
            normW[l] = weights.tensor(WeightNames.layer(l, WeightNames.NORM)).data();
            normB[l] = WeightNames.shapes(c, weights.hasHeadBias()).containsKey(WeightNames.layer(l, WeightNames.NORM_BIAS))
                    ? weights.tensor(WeightNames.layer(l, WeightNames.NORM_BIAS)).data() : null;
        }
        int row = 0;
        float[] resid = new float[dm];
        float[] u = new float[dm];
        float[] g = new float[ed];
        for (int from = 0; from < tokens.size(); from += BATCH) {
            List<int[]> batch = tokens.subList(from, Math.min(tokens.size(), from + BATCH));
            int[][] arr = batch.stream().filter(t -> t.length > 0).toArray(int[][]::new);
            if (arr.length == 0) {
                continue;
            }
            FastForward.Result r = forward.forward(arr, FastForward.Options.FULL);
            for (int b = 0; b < arr.length; b++) {
                Trace tr = r.trace(b);
                for (int t = 0; t < arr[b].length; t++, row++) {
                    System.arraycopy(embW, arr[b][t] * dm, resid, 0, dm);
                    System.arraycopy(resid, 0, emb, row * dm, dm);
                    for (int l = 0; l < layers; l++) {
                        Trace.LayerTrace lt = tr.layers().get(l);
                        System.arraycopy(lt.h(), t * ed * n, h[l], row * ed * n, ed * n);
                        Norms.forward(c.norm(), c.normEps(), resid, 0, dm, normW[l], normB[l], u, 0);
                        for (int d = 0; d < ed; d++) {
                            double z = 0;
                            for (int j = 0; j < dm; j++) {
                                z += inProj[l][(ed + d) * dm + j] * u[j];
                            }
                            float zf = (float) z;
                            g[d] = lt.y(t, d) * zf / (1f + (float) Math.exp(-zf));
                        }
                        for (int j = 0; j < dm; j++) {
                            double s = 0;
                            for (int d = 0; d < ed; d++) {
                                s += outProj[l][j * ed + d] * g[d];
                            }
                            resid[j] += (float) s;
                        }
                        System.arraycopy(resid, 0, block[l], row * dm, dm);
                    }
                }
            }
        }
        var out = new ArrayList<FeatureSet>();
        out.add(new FeatureSet("embedding", 0, dm, rows, emb));
        for (int l = 0; l < layers; l++) {
            out.add(new FeatureSet("h", l + 1, ed * n, rows, h[l]));
            out.add(new FeatureSet("block", l + 1, dm, rows, block[l]));
        }
        return out;
    }
}
