package statescope.ssm;

import java.util.Arrays;
import java.util.Objects;

/**
 * The recurrent state of a model between tokens: per layer the last K−1 conv inputs and the SSM state
 * h, plus the number of tokens consumed. Everything the next token depends on, so {@link #copy()} /
 * {@link #restore(SsmState)} give O(state) snapshots for scrubbing and editing.
 *
 * <p>Internal layouts (lanes run over channels): conv {@code [L][K−1, ED]} (oldest input first) and
 * h {@code [L][N, ED]}; the accessors {@link #h(int)} and {@link #hAt} speak the usual [ED, N].
 */
public final class SsmState {

    private final SsmConfig config;
    final float[][] conv;   // [L][K-1, ED]  x̃_{t-K+1} .. x̃_{t-1}
    final float[][] hT;     // [L][N, ED]    h_t transposed
    int position;

    /** The zero state at position 0. */
    public SsmState(SsmConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        int ed = config.dInner();
        conv = new float[config.nLayer()][(config.dConv() - 1) * ed];
        hT = new float[config.nLayer()][config.dState() * ed];
    }

    /** The config this state belongs to. */
    public SsmConfig config() {
        return config;
    }

    /** Number of tokens consumed since the zero state. */
    public int position() {
        return position;
    }

    /** A deep copy (a snapshot). */
    public SsmState copy() {
        var s = new SsmState(config);
        s.restore(this);
        return s;
    }

    /** Overwrites this state with {@code other}'s values, in O(state) and without allocating. */
    public void restore(SsmState other) {
        if (!other.config.equals(config)) {
            throw new IllegalArgumentException("state of a different model config");
        }
        for (int l = 0; l < conv.length; l++) {
            System.arraycopy(other.conv[l], 0, conv[l], 0, conv[l].length);
            System.arraycopy(other.hT[l], 0, hT[l], 0, hT[l].length);
        }
        position = other.position;
    }

    /** Back to the zero state at position 0. */
    public void reset() {
        for (int l = 0; l < conv.length; l++) {
            Arrays.fill(conv[l], 0f);
            Arrays.fill(hT[l], 0f);
        }
        position = 0;
    }

    /** h of one layer as a fresh [ED, N] array. */
    public float[] h(int layer) {
        return Layouts.transpose(hT[layer], config.dState(), config.dInner());
    }

    /** h[layer][d, n]. */
    public float hAt(int layer, int d, int n) {
        return hT[layer][n * config.dInner() + d];
    }

    /** The conv buffer of one layer as a fresh [K−1, ED] array (oldest input first). */
    public float[] convBuffer(int layer) {
        return conv[layer].clone();
    }

    /** Sets h of one layer from an [ED, N] array. */
    public void setH(int layer, float[] h) {
        if (h.length != hT[layer].length) {
            throw new IllegalArgumentException("h has " + h.length + " values, expected " + hT[layer].length);
        }
        float[] t = Layouts.transpose(h, config.dInner(), config.dState());
        System.arraycopy(t, 0, hT[layer], 0, t.length);
    }

    /** Whether both states hold bit-identical values at the same position. */
    public boolean contentEquals(SsmState o) {
        if (!config.equals(o.config) || position != o.position) {
            return false;
        }
        for (int l = 0; l < conv.length; l++) {
            if (!Arrays.equals(conv[l], o.conv[l]) || !Arrays.equals(hT[l], o.hT[l])) {
                return false;
            }
        }
        return true;
    }
}
