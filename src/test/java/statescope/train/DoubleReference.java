package statescope.train;

import static statescope.ssm.WeightNames.*;

import statescope.ssm.GateRange;
import statescope.ssm.NormKind;
import statescope.ssm.SsmConfig;
import statescope.ssm.WeightNames;

/**
 * The whole model and its loss in double precision, written as plainly as possible from the
 * equations (research/paper.md §1.6), independently of {@link SequenceBackprop}: the oracle for
 * central finite differences. Parameters are read from a {@link ParamSet} with one entry optionally
 * replaced, so a finite difference never rounds the perturbed value to float.
 */
final class DoubleReference {

    private final ParamSet p;
    private final SsmConfig c;
    private int bumpTensor = -1;
    private int bumpIndex = -1;
    private double bumpValue;

    DoubleReference(ParamSet p) {
        this.p = p;
        this.c = p.config();
    }

    /** The loss with parameter {@code tensor[index]} replaced by {@code value}. */
    double lossWith(int tensor, int index, double value, int[][] tokens, int[][] targets, Loss loss) {
        bumpTensor = tensor;
        bumpIndex = index;
        bumpValue = value;
        try {
            return loss(tokens, targets, loss);
        } finally {
            bumpTensor = -1;
        }
    }

    private double[] get(String name) {
        float[] f = p.get(name);
        double[] v = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            v[i] = f[i];
        }
        if (bumpTensor >= 0 && p.name(bumpTensor).equals(name)) {
            v[bumpIndex] = bumpValue;
        }
        return v;
    }

    private double[] layer(int l, String s) {
        String name = layer(l, s, c);
        return name == null ? null : get(name);
    }

    private static String layer(int l, String s, SsmConfig c) {
        if (s.equals(NORM_BIAS) && c.norm() != NormKind.LAYER) {
            return null;
        }
        return WeightNames.layer(l, s);
    }

    /** Mean loss over the batch, as {@link Loss} defines it. */
    double loss(int[][] tokens, int[][] targets, Loss loss) {
        int o = c.outputSize();
        long positions = 0;
        for (int[] tg : targets) {
            for (int v : tg) {
                positions += v >= 0 ? 1 : 0;
            }
        }
        double total = 0;
        for (int s = 0; s < tokens.length; s++) {
            double[][] logits = forward(tokens[s]);
            for (int t = 0; t < tokens[s].length; t++) {
                int target = targets[s][t];
                if (target < 0) {
                    continue;
                }
                if (loss == Loss.MSE) {
                    for (int j = 0; j < o; j++) {
                        double diff = logits[t][j] - (j == target ? 1 : 0);
                        total += diff * diff;
                    }
                } else {
                    double z = 0;
                    for (int j = 0; j < o; j++) {
                        z += Math.exp(logits[t][j]);
                    }
                    total += Math.log(z) - logits[t][target];
                }
            }
        }
        return total / (loss == Loss.MSE ? (double) positions * o : positions);
    }

    /** Logits [T][O] of one sequence. */
    double[][] forward(int[] tokens) {
        int tl = tokens.length;
        int dm = c.dModel();
        int ed = c.dInner();
        int n = c.dState();
        int k = c.dConv();
        int r = c.dtRank();
        double[] emb = get(EMBEDDING);
        double[][] res = new double[tl][dm];
        for (int t = 0; t < tl; t++) {
            for (int i = 0; i < dm; i++) {
                res[t][i] = emb[tokens[t] * dm + i];
            }
        }
        for (int l = 0; l < c.nLayer(); l++) {
            double[] inProj = layer(l, IN_PROJ);
            double[] convW = layer(l, CONV_W);
            double[] convB = layer(l, CONV_B);
            double[] xProj = layer(l, X_PROJ);
            double[] dtW = layer(l, DT_W);
            double[] dtB = layer(l, DT_B);
            double[] aLog = layer(l, A_LOG);
            double[] dSkip = layer(l, D_SKIP);
            double[] outProj = layer(l, OUT_PROJ);
            double[][] xin = new double[tl][ed];
            double[][] z = new double[tl][ed];
            for (int t = 0; t < tl; t++) {
                double[] u = norm(res[t], layer(l, NORM), layer(l, NORM_BIAS));
                for (int i = 0; i < ed; i++) {
                    for (int j = 0; j < dm; j++) {
                        xin[t][i] += inProj[i * dm + j] * u[j];
                        z[t][i] += inProj[(ed + i) * dm + j] * u[j];
                    }
                }
            }
            double[][] h = new double[ed][n];
            for (int t = 0; t < tl; t++) {
                double[] x = new double[ed];
                for (int i = 0; i < ed; i++) {
                    double s = convB[i];
                    for (int j = 0; j < k; j++) {
                        int src = t - (k - 1) + j;
                        if (src >= 0) {
                            s += convW[i * k + j] * xin[src][i];
                        }
                    }
                    x[i] = s / (1 + Math.exp(-s));
                }
                double[] dbc = new double[r + 2 * n];
                for (int q = 0; q < dbc.length; q++) {
                    for (int i = 0; i < ed; i++) {
                        dbc[q] += xProj[q * ed + i] * x[i];
                    }
                }
                double[] g = new double[ed];
                for (int i = 0; i < ed; i++) {
                    double pre = dtB[i];
                    for (int j = 0; j < r; j++) {
                        pre += dtW[i * r + j] * dbc[j];
                    }
                    double delta = pre > 20 ? pre : Math.log1p(Math.exp(pre));
                    double y = dSkip[i] * x[i];
                    for (int s = 0; s < n; s++) {
                        double a = -Math.exp(aLog[i * n + s]);
                        double e = Math.exp(delta * a);
                        double ab = c.gates() == GateRange.NONNEGATIVE ? e : 2 * e - 1;
                        h[i][s] = ab * h[i][s] + delta * dbc[r + s] * x[i];
                        y += dbc[r + n + s] * h[i][s];
                    }
                    g[i] = y * z[t][i] / (1 + Math.exp(-z[t][i]));
                }
                for (int j = 0; j < dm; j++) {
                    for (int i = 0; i < ed; i++) {
                        res[t][j] += outProj[j * ed + i] * g[i];
                    }
                }
            }
        }
        double[] head = get(HEAD);
        double[] headB = c.outputSize() > 0 && p.hasHeadBias() ? get(HEAD_BIAS) : null;
        double[] nf = get(NORM_F);
        double[] nfb = c.norm() == NormKind.LAYER ? get(NORM_F_BIAS) : null;
        int o = c.outputSize();
        double[][] logits = new double[tl][o];
        for (int t = 0; t < tl; t++) {
            double[] u = norm(res[t], nf, nfb);
            for (int j = 0; j < o; j++) {
                double s = headB == null ? 0 : headB[j];
                for (int i = 0; i < dm; i++) {
                    s += head[j * dm + i] * u[i];
                }
                logits[t][j] = s;
            }
        }
        return logits;
    }

    private double[] norm(double[] x, double[] w, double[] b) {
        int dm = x.length;
        double mean = 0;
        if (c.norm() == NormKind.LAYER) {
            for (double v : x) {
                mean += v;
            }
            mean /= dm;
        }
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        double inv = 1 / Math.sqrt(ss / dm + c.normEps());
        double[] out = new double[dm];
        for (int i = 0; i < dm; i++) {
            out[i] = (x[i] - mean) * inv * w[i] + (b == null ? 0 : b[i]);
        }
        return out;
    }
}
