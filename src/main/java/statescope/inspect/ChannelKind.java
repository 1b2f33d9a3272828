package statescope.inspect;

import java.util.Arrays;

/** The per-channel quantities a {@link AlignedTrace} keeps for every step and layer (each {@code [ED]}). */
public enum ChannelKind {
    /** The state h[d, :] averaged over the N state components. */
    STATE("state h (mean over N)"),
    /** The step size Δ[d] after softplus. */
    DELTA("Δ (step size)"),
    /** The transition Ā[d, :] averaged over the N components; negative only with signed gates. */
    GATE("Ā (mean over N)");

    private final String label;

    ChannelKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Reduces one layer's step trace to this quantity, {@code [ED]}. */
    float[] of(StepTrace.LayerTrace t, int dState) {
        return switch (this) {
            case STATE -> meanOverN(t.h(), dState);
            case DELTA -> t.delta();
            case GATE -> meanOverN(t.aBar(), dState);
        };
    }

    private static float[] meanOverN(float[] v, int n) {
        float[] out = new float[v.length / n];                         // [ED] from [ED, N]
        meanOverN(v, 0, out.length, n, out);
        return out;
    }

    /**
     * {@code out[d]} = mean over k of {@code v[off + d·n + k]} for d in [0, ed): each channel summed in k's
     * order, the channels side by side (no chain of dependent adds), so every reader of a trace, stepped or
     * batched, gets the same bits.
     */
    static void meanOverN(float[] v, int off, int ed, int n, float[] out) {
        Arrays.fill(out, 0, ed, 0f);
        for (int k = 0; k < n; k++) {
            for (int d = 0; d < ed; d++) {
                out[d] += v[off + d * n + k];
            }
        }
        for (int d = 0; d < ed; d++) {
            out[d] /= n;
        }
    }
}
