package statescope.lang.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import statescope.lang.Alphabet;

/**
 * D_n the way the paper's generator builds it: a target length T = ⌊M·r·(1 + 0.1·z)⌋ (M the window's
 * top, r the mean ratio, z standard normal); D_n(T) appends blocks {@code a D_{n-1}(T') b}, each with
 * its own T' = ⌊T·r·(1 + 0.1·z)⌋, until it holds at least T symbols; D_0 and a target of 0 are empty.
 * Nesting at 3/4 of the length per level fills most words with long stretches at the top depth
 * ({@code aaaa…abababab…bbbb}).
 *
 * <p>The authors' {@code generate_list} lowers r from 0.75 by 0.02 after every 20,000 rejected draws
 * (too long, or a duplicate), so a corpus mixes several ratios. Which ratios depends on how hard the
 * window is to fill; the released files show it (docs/decisions/0008): we draw r from a fixed mixture
 * per split that reproduces their statistics (top-depth share, words reaching depth n, length profile,
 * blocks per word), measured with {@code statescope profile}.
 */
final class DnSampler extends GeneratorSampler {

    private final int depth;
    private final double spread;
    private final double[] ratios;
    private final double[] cumulative;

    /**
     * @param spread  the standard deviation of the relative length noise (the generator's 0.1)
     * @param ratios  the mean ratios r of the mixture
     * @param weights their weights (any positive scale)
     */
    DnSampler(Alphabet al, int depth, LengthWindow generator, double spread, double[] ratios, double[] weights) {
        super(al, generator);
        this.spread = spread;
        if (ratios.length == 0 || ratios.length != weights.length) {
            throw new IllegalArgumentException("a mixture needs as many weights as ratios");
        }
        this.depth = depth;
        this.ratios = ratios.clone();
        this.cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
        for (int i = 0; i < weights.length; i++) {
            cumulative[i] /= sum;
        }
    }

    /** The training split, bin 1 and bin 2 of D_n, with the mixtures fitted to the released files. */
    static List<WordSampler> splits(Alphabet al, int n) {
        LengthWindow train = new LengthWindow(2, 100);
        LengthWindow bin2 = new LengthWindow(2, 200);
        // D_2's files vary the block lengths within a word far more (their spread is 0.53 of the mean,
        // against 0.12-0.13 for D_3 and D_4): they fit a noise of 0.5 around ratios near 1/2. D_4's hold
        // 12,000 distinct words at ratios near 0.72, more than a noise of 0.1 there yields: 0.12 does
        double spread = n == 2 ? 0.5 : n == 4 ? 0.12 : 0.1;
        double[] t = switch (n) {
            case 2 -> new double[] {0.55, 0.45};
            case 3 -> new double[] {0.75, 0.05};
            case 4 -> new double[] {0.75, 0.69};
            default -> new double[] {0.75, 0.75};
        };
        double[] b = switch (n) {
            case 2 -> new double[] {0.75, 0.45};
            case 3 -> new double[] {0.75, 0.67};
            case 4 -> new double[] {0.75, 0.73};
            default -> new double[] {0.75, 0.75};
        };
        WordSampler ts = new DnSampler(al, n, train, spread, sweep(t[0], t[1]), flat(t[0], t[1]));
        WordSampler bs = new DnSampler(al, n, bin2, spread, sweep(b[0], b[1]), flat(b[0], b[1]));
        return List.of(ts, ts, bs);
    }

    /** The ratios top, top − 0.02, ... down to {@code floor}, as the authors' schedule steps them. */
    static double[] sweep(double top, double floor) {
        int k = (int) Math.round((top - floor) / 0.02) + 1;
        double[] r = new double[k];
        for (int i = 0; i < k; i++) {
            r[i] = top - 0.02 * i;
        }
        return r;
    }

    private static double[] flat(double top, double floor) {
        double[] w = new double[sweep(top, floor).length];
        Arrays.fill(w, 1.0);
        return w;
    }

    @Override
    int[] attempt(SplittableRandom r) {
        double u = r.nextDouble();
        int i = 0;
        while (i < cumulative.length - 1 && u >= cumulative[i]) {
            i++;
        }
        double ratio = ratios[i];
        int target = (int) (generator.max() * ratio * (spread * r.nextGaussian() + 1));
        var s = new Ints();
        return build(depth, target, ratio, s, r) ? s.toArray() : null;
    }

    /** Appends D_level(target) to {@code s}; false once {@code s} is past the window's top (rejected anyway). */
    private boolean build(int level, int target, double ratio, Ints s, SplittableRandom r) {
        if (level == 0 || target == 0) {
            return true;
        }
        int start = s.length();
        while (s.length() - start < target) {
            int inner = (int) (target * ratio * (spread * r.nextGaussian() + 1));
            s.add(0);
            if (!build(level - 1, inner, ratio, s, r)) {
                return false;
            }
            s.add(1);
            if (s.length() > generator.max()) {
                return false;
            }
        }
        return true;
    }
}
