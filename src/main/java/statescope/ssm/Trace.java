package statescope.ssm;

import java.util.Arrays;
import java.util.List;

/**
 * What the model computed over T tokens (T = 1 for one {@code step}): the head's logits and, per
 * layer, every intermediate of the selective scan. Arrays are flat, row-major; shapes below.
 *
 * @param tokens T
 * @param logits [T, O] head outputs
 * @param layers one entry per layer, bottom first
 */
public record Trace(int tokens, float[] logits, List<LayerTrace> layers) {

    public Trace {
        layers = List.copyOf(layers);
    }

    /** Logits at position t, a fresh [O] array. */
    public float[] logitsAt(int t) {
        int o = logits.length / Math.max(tokens, 1);
        return Arrays.copyOfRange(logits, t * o, (t + 1) * o);
    }

    /**
     * Intermediates of one layer over T tokens.
     *
     * @param x     [T, ED]    conv1d output after SiLU: the SSM input
     * @param delta [T, ED]    Δ = softplus(dt_proj(δ) + bias)
     * @param aBar  [T, ED, N] the transition Ā = gate(Δ·A)
     * @param b     [T, N]     B_t
     * @param c     [T, N]     C_t
     * @param h     [T, ED, N] the state after each token
     * @param y     [T, ED]    SSM output C·h + D·x, before the SiLU(z) gate
     */
    public record LayerTrace(int tokens, int dInner, int dState, float[] x, float[] delta, float[] aBar,
                             float[] b, float[] c, float[] h, float[] y) {

        /** h_t[d, n]. */
        public float h(int t, int d, int n) {
            return h[(t * dInner + d) * dState + n];
        }

        /** y_t[d]. */
        public float y(int t, int d) {
            return y[t * dInner + d];
        }
    }
}
