package statescope.inspect;

import statescope.ssm.Layouts;

/**
 * A {@link Projection} of a layer's states, applied to them laid out state-major, {@code [N, ED]} (element
 * (d, s) at {@code s·ED + d}), as the vector scan keeps them, rather than {@code [ED, N]} as the model's
 * state is written elsewhere. The mean and components are permuted to that layout once; a state given
 * as {@code [ED, N]} is transposed and projected the same way, so a state projects to the same bits
 * whichever path read it (the batched block reads of a long paste project the scan's states where they
 * lie instead of transposing each one first: docs/performance.md, "Ninth pass"). The sums run in the
 * state-major order, so a point may differ from {@link Projection#project(float[])} of the same state in
 * its last bits.
 *
 * @param permuted the projection with its mean and components in the {@code [N, ED]} order
 * @param ed       channels (d_inner)
 * @param n        state size N
 */
public record StateProjection(Projection permuted, int ed, int n) {

    /** {@code projection} of states {@code [ED, N]} (F = ED·N) of state size {@code n}, for states laid out [N, ED]. */
    public static StateProjection of(Projection projection, int n) {
        int f = projection.mean().length;
        if (n <= 0 || f % n != 0) {
            throw new IllegalArgumentException("a projection of " + f + " values is not one of states of size " + n);
        }
        int ed = f / n;
        float[][] components = new float[projection.dimensions()][];
        for (int c = 0; c < components.length; c++) {
            components[c] = Layouts.transpose(projection.components()[c], ed, n);
        }
        return new StateProjection(new Projection(Layouts.transpose(projection.mean(), ed, n), components,
                projection.variance()), ed, n);
    }

    /** Projects the state-major state {@code x[off .. off + ED·N)} into {@code out[outOff .. outOff + k)}. */
    public void projectStateMajor(float[] x, int off, float[] out, int outOff) {
        permuted.project(x, off, out, outOff);
    }

    /**
     * Projects the state {@code h[off .. off + ED·N)} laid out [ED, N] into {@code out[outOff ..]}, through
     * {@code scratch} ({@code [ED·N]}): the bits {@link #projectStateMajor} gives for the same state.
     */
    public void projectState(float[] h, int off, float[] scratch, float[] out, int outOff) {
        permuted.project(Layouts.transposeInto(h, off, ed, n, scratch, 0), 0, out, outOff);
    }
}
