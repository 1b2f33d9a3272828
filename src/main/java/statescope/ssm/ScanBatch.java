package statescope.ssm;

import java.util.Objects;

/**
 * The input of one batched selective scan: everything after the projections, so that a kernel
 * (plain Java, Vector API or CUDA) does only discretisation + recurrence + output.
 *
 * <pre>
 *   Ā[b,t,d,n] = gate(Δ[b,t,d] · A[d,n])                 (see {@link GateRange})
 *   h[b,t,d,n] = Ā · h[b,t-1,d,n] + Δ[b,t,d] · B[b,t,n] · x[b,t,d]     with h[b,-1] = h0[b] (or 0)
 *   y[b,t,d]   = Σ_n C[b,t,n] · h[b,t,d,n] + D[d] · x[b,t,d]
 * </pre>
 *
 * Strings of different lengths share one batch: positions {@code t >= lengths[b]} are padding; their y
 * is 0 and they do not change the state. Layouts are row-major and flattened, in the symbols of the
 * package legend: B batch, T max length, ED channels (d_inner), N state size (d_state). (D[d] above is
 * the skip weight, {@code dSkip}, not d_model.)
 *
 * @param x     [B, T, ED] the SSM input (conv1d + SiLU output)
 * @param delta [B, T, ED] Δ after softplus (&gt; 0)
 * @param a     [ED, N]    A = −exp(A_log) (&lt; 0)
 * @param b     [B, T, N]
 * @param c     [B, T, N]
 * @param dSkip [ED]       the skip weight D
 * @param h0    [B, ED, N] initial state, or null for zeros
 */
public record ScanBatch(int batch, int maxLen, int dInner, int dState, int[] lengths,
                        float[] x, float[] delta, float[] a, float[] b, float[] c, float[] dSkip,
                        float[] h0, GateRange gates) {

    public ScanBatch {
        Objects.requireNonNull(lengths, "lengths");
        Objects.requireNonNull(gates, "gates");
        if (batch <= 0 || maxLen < 0 || dInner <= 0 || dState <= 0) {
            throw new IllegalArgumentException("bad scan shape B=" + batch + " T=" + maxLen
                    + " ED=" + dInner + " N=" + dState);
        }
        check("lengths", lengths.length, batch);
        for (int len : lengths) {
            if (len < 0 || len > maxLen) {
                throw new IllegalArgumentException("length " + len + " outside 0.." + maxLen);
            }
        }
        long btd = (long) batch * maxLen * dInner;
        long btn = (long) batch * maxLen * dState;
        check("x", x.length, btd);
        check("delta", delta.length, btd);
        check("a", a.length, (long) dInner * dState);
        check("b", b.length, btn);
        check("c", c.length, btn);
        check("dSkip", dSkip.length, dInner);
        if (h0 != null) {
            check("h0", h0.length, (long) batch * dInner * dState);
        }
    }

    private static void check(String name, long actual, long expected) {
        if (actual != expected) {
            throw new IllegalArgumentException(name + " has " + actual + " elements, expected " + expected);
        }
    }

    /** Number of real (non-padding) tokens in the batch. */
    public long tokens() {
        long s = 0;
        for (int len : lengths) {
            s += len;
        }
        return s;
    }
}
