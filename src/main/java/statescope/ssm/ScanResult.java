package statescope.ssm;

/**
 * The output of a batched selective scan (see {@link ScanBatch} for the equations; symbols as in the package legend).
 *
 * @param y     [B, T, ED] C·h + D·x (before the SiLU(z) gate); 0 at padding positions
 * @param hLast [B, ED, N] the state after each string's last real token (h0, or 0, for an empty string)
 * @param hAll  [B, T, ED, N] every h_t when requested, else null; padding positions hold 0; with
 *              {@code stateMajor} each token's state is stored transposed instead, [B, T, N, ED]
 * @param hMean [B, T, ED] every h_t's mean over N, summed over n = 0..N−1 in order and divided by N (the
 *              bits of {@code statescope.inspect.ChannelKind}'s mean), when the kernel computes it beside
 *              hAll (the CPU kernels do, from the registers the state is computed in, so no reader has to
 *              walk hAll with a stride of N for it); null otherwise; padding positions hold 0
 * @param stateMajor whether hAll holds each token's state as [N, ED] (the vector kernel writes its
 *              registers so, a channel per lane, without scattering them to [ED, N]: the app's long reads
 *              ask for it, {@link FastForward.Workspace#Workspace(boolean)}, and transpose the few states
 *              they read whole); a kernel may ignore the request (the GPU's does), so readers check this
 */
public record ScanResult(float[] y, float[] hLast, float[] hAll, float[] hMean, boolean stateMajor) {

    /** The outputs of a kernel that does not compute the means, hAll as [B, T, ED, N]. */
    public ScanResult(float[] y, float[] hLast, float[] hAll) {
        this(y, hLast, hAll, null, false);
    }

    /** Token t's state of string b as [ED, N], whichever way hAll holds it, into {@code out}. */
    public void state(int b, int t, int maxLen, int ed, int n, float[] out, int outOff) {
        int base = (b * maxLen + t) * ed * n;
        if (!stateMajor) {
            System.arraycopy(hAll, base, out, outOff, ed * n);
            return;
        }
        Layouts.transposeInto(hAll, base, n, ed, out, outOff);
    }

    /** Zero-filled outputs for a batch, with room for every h_t and its mean over N when {@code emitStates}. */
    public static ScanResult allocate(ScanBatch in, boolean emitStates) {
        return allocate(in, emitStates, false);
    }

    /** As {@link #allocate(ScanBatch, boolean)}, asking for hAll as [B, T, N, ED] when {@code stateMajor}. */
    public static ScanResult allocate(ScanBatch in, boolean emitStates, boolean stateMajor) {
        int btd = in.batch() * in.maxLen() * in.dInner();
        return new ScanResult(
                new float[btd],                                                  // [B, T, ED]
                new float[in.batch() * in.dInner() * in.dState()],               // [B, ED, N]
                emitStates ? new float[btd * in.dState()] : null,                // [B, T, ED, N]
                emitStates ? new float[btd] : null,                              // [B, T, ED]
                stateMajor && emitStates);
    }

    /**
     * {@code reuse} when its arrays have the sizes {@code in} needs (its contents kept), else {@link #allocate}d
     * anew, with hAll laid out as reuse's.
     */
    public static ScanResult allocate(ScanBatch in, boolean emitStates, ScanResult reuse) {
        return reuse != null && reuse.fits(in, emitStates) ? reuse
                : allocate(in, emitStates, reuse != null && reuse.stateMajor());
    }

    /** Whether these arrays have the sizes {@code in} needs, with or without every h_t and its mean. */
    public boolean fits(ScanBatch in, boolean emitStates) {
        int btd = in.batch() * in.maxLen() * in.dInner();
        return y.length == btd && hLast.length == in.batch() * in.dInner() * in.dState()
                && (emitStates ? hAll != null && hAll.length == btd * in.dState() && hMean != null && hMean.length == btd
                        : hAll == null && hMean == null);
    }
}
