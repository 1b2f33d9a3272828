package statescope.inspect;

/**
 * Everything one model step exposes, per layer and at the head.
 *
 * @param layers per layer trace, {@code [L]}
 * @param logits output logits of the head, {@code [outputWidth]}
 */
public record StepTrace(LayerTrace[] layers, float[] logits) {

    /**
     * One layer's internals at one token (ED = d_inner channels, N = d_state).
     *
     * @param x     [ED]      conv1d + SiLU output (the SSM input)
     * @param delta [ED]      Δ after softplus
     * @param aBar  [ED * N]  the discretised transition Ā = gate(Δ·A)
     * @param b     [N]       B_t
     * @param c     [N]       C_t
     * @param h     [ED * N]  the state after this token
     * @param y     [ED]      C·h + D·x, before the SiLU(z) gate
     */
    public record LayerTrace(float[] x, float[] delta, float[] aBar, float[] b, float[] c, float[] h, float[] y) {
    }
}
