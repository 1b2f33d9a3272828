package statescope.ssm;

/** The normalisation used before each mixer and before the head. */
public enum NormKind {
    /** RMSNorm: {@code x · rsqrt(mean(x²) + eps) · w} (Mamba's default). Has a weight only. */
    RMS,
    /** LayerNorm: {@code (x − mean) · rsqrt(var + eps) · w + b}. Has a weight and a bias. */
    LAYER;

    /** Whether the norm has a bias tensor ({@code .bias}) besides its weight. */
    public boolean hasBias() {
        return this == LAYER;
    }
}
