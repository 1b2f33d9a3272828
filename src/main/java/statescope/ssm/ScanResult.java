package statescope.ssm;

/**
 * The output of a batched selective scan (see {@link ScanBatch} for the equations and symbols).
 *
 * @param y     [B, T, D] C·h + D·x (before the SiLU(z) gate); 0 at padding positions
 * @param hLast [B, D, N] the state after each string's last real token (h0, or 0, for an empty string)
 * @param hAll  [B, T, D, N] every h_t when requested, else null; padding positions hold 0
 */
public record ScanResult(float[] y, float[] hLast, float[] hAll) {
}
