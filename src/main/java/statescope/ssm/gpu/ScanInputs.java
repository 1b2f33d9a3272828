package statescope.ssm.gpu;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import statescope.ssm.GateRange;
import statescope.ssm.ScanBatch;

/**
 * Seeded random scan batches shaped like a Mamba layer at initialisation, for the GPU equivalence
 * check and the benchmark: A = −(1..N) per channel (S4D-real) times a factor in [0.8, 1.2];
 * Δ = softplus(bias_d + 0.5·ε) with softplus(bias_d) log-uniform in [0.001, 0.1] (dt_min..dt_max);
 * x ~ N(0, 1); B ~ N(0, 1); C ~ N(0, 1)/4; D = 1; h0 ~ N(0, 0.5²).
 */
public final class ScanInputs {

    private ScanInputs() {
    }

    /**
     * A batch.
     *
     * @param padded strings of different lengths: string 0 has length T, string 1 (if B &gt; 1) length 0,
     *               string 2 length 1, the others uniform in [T/2, T]; otherwise every string has length T
     * @param withH0 whether to give an initial state
     */
    public static ScanBatch mambaLike(long seed, int batch, int maxLen, int dInner, int dState, GateRange gates,
                                      boolean padded, boolean withH0) {
        var rnd = new SplittableRandom(seed);
        int[] lengths = new int[batch];
        Arrays.fill(lengths, maxLen);
        if (padded) {
            for (int b = 1; b < batch; b++) {
                lengths[b] = b == 1 ? 0 : b == 2 ? Math.min(1, maxLen) : maxLen / 2 + rnd.nextInt(maxLen - maxLen / 2 + 1);
            }
        }
        float[] a = new float[dInner * dState];                              // [ED, N]
        float[] bias = new float[dInner];                                    // [ED]
        for (int d = 0; d < dInner; d++) {
            double dt = Math.exp(Math.log(1e-3) + rnd.nextDouble() * (Math.log(0.1) - Math.log(1e-3)));
            bias[d] = (float) Math.log(Math.expm1(dt));
            double scale = 0.8 + 0.4 * rnd.nextDouble();
            for (int n = 0; n < dState; n++) {
                a[d * dState + n] = (float) (-(n + 1) * scale);
            }
        }
        float[] x = new float[batch * maxLen * dInner];                       // [B, T, ED]
        float[] delta = new float[x.length];                                  // [B, T, ED]
        float[] bm = new float[batch * maxLen * dState];                      // [B, T, N]
        float[] cm = new float[bm.length];                                    // [B, T, N]
        // each string from its own stream (seeded by seed and b), filled in parallel: same numbers always
        IntStream.range(0, batch).parallel().forEach(b -> {
            var r = new SplittableRandom(seed * 1_000_003L + b + 1);
            int td = maxLen * dInner;
            for (int i = b * td; i < (b + 1) * td; i++) {
                x[i] = (float) r.nextGaussian();
                double pre = bias[i % dInner] + 0.5 * r.nextGaussian();
                delta[i] = (float) (pre > 20 ? pre : Math.log1p(Math.exp(pre)));
            }
            int tn = maxLen * dState;
            for (int i = b * tn; i < (b + 1) * tn; i++) {
                bm[i] = (float) r.nextGaussian();
                cm[i] = (float) (r.nextGaussian() / 4);
            }
        });
        float[] dSkip = new float[dInner];                                   // [ED]
        Arrays.fill(dSkip, 1f);
        float[] h0 = null;
        if (withH0) {
            h0 = new float[batch * dInner * dState];                         // [B, ED, N]
            for (int i = 0; i < h0.length; i++) {
                h0[i] = (float) (0.5 * rnd.nextGaussian());
            }
        }
        return new ScanBatch(batch, maxLen, dInner, dState, lengths, x, delta, a, bm, cm, dSkip, h0, gates);
    }
}
