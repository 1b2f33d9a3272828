package statescope.ssm;

/**
 * The range of the diagonal transition Ā of the selective scan.
 *
 * <ul>
 *   <li>{@link #NONNEGATIVE}: Ā = exp(Δ·A) ∈ (0, 1), as in Mamba. Such models cannot count modulo
 *       2 (Sarrof, Veitsman &amp; Hahn 2024).</li>
 *   <li>{@link #SIGNED}: Ā = 2·exp(Δ·A) − 1 ∈ (−1, 1) (Grazzi et al. 2025), which lets one channel
 *       flip sign and so track parity.</li>
 * </ul>
 */
public enum GateRange {
    NONNEGATIVE,
    SIGNED;

    /** Ā for a given Δ·A (which is ≤ 0). */
    public float gate(float deltaA) {
        float e = (float) Math.exp(deltaA);
        return this == NONNEGATIVE ? e : 2f * e - 1f;
    }
}
