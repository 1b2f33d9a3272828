package statescope.inspect;

/**
 * The steps of one read of several tokens, as a {@link AlignedTrace} keeps them: per token the logits and,
 * per layer, the per-channel quantities ({@link ChannelKind}) and the state h (to project it). The
 * accessors fill buffers the caller owns, so a model with a batched scan can answer straight from its
 * batched outputs instead of copying a {@link StepTrace} per token (for a 3-layer d_model-64 model that
 * copy was about 50 KB per token, most of the garbage of a 100,000-character paste). Indices t are
 * 0-based within the block.
 */
public interface StepBlock {

    /** Number of tokens read. */
    int length();

    /** The head's logits after token t, {@code [O]} (a fresh array). */
    float[] logits(int t);

    /** Quantity {@code kind} of layer {@code layer} after token t into {@code out} ({@code [ED]}). */
    void channels(int t, int layer, ChannelKind kind, float[] out);

    /** The state h of layer {@code layer} after token t into {@code out} ({@code [ED * N]}). */
    void h(int t, int layer, float[] out);

    /**
     * The state h of layer {@code layer} after token t projected by {@code projection} into
     * {@code out[outOff ..]}, with the bits {@link StateProjection} gives for that state whatever its
     * layout: a batched block projects its states where they lie.
     */
    void project(int t, int layer, StateProjection projection, float[] out, int outOff);

    /** A block over per-token step traces (the reference path, and models without a batched scan). */
    static StepBlock of(StepTrace[] steps, int dState) {
        return new StepBlock() {
            @Override
            public int length() {
                return steps.length;
            }

            @Override
            public float[] logits(int t) {
                return steps[t].logits();
            }

            @Override
            public void channels(int t, int layer, ChannelKind kind, float[] out) {
                float[] v = kind.of(steps[t].layers()[layer], dState);
                System.arraycopy(v, 0, out, 0, out.length);
            }

            @Override
            public void h(int t, int layer, float[] out) {
                float[] h = steps[t].layers()[layer].h();
                System.arraycopy(h, 0, out, 0, out.length);
            }

            /** Where the state-major copy of a state goes on its way to being projected. */
            private float[] scratch;

            @Override
            public void project(int t, int layer, StateProjection projection, float[] out, int outOff) {
                float[] h = steps[t].layers()[layer].h();
                if (scratch == null || scratch.length != h.length) {
                    scratch = new float[h.length];
                }
                projection.projectState(h, 0, scratch, out, outOff);
            }
        };
    }
}
