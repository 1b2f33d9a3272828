package statescope.inspect;

/**
 * A frozen linear projection: p = W (x − μ). Fitted once on a corpus and then reused, so trajectories of
 * different strings land in the same coordinates. Immutable.
 *
 * @param mean       μ, {@code [F]}
 * @param components W, {@code [k][F]} orthonormal rows
 * @param variance   variance along each component, {@code [k]}
 */
public record Projection(float[] mean, float[][] components, double[] variance) {

    public int dimensions() {
        return components.length;
    }

    /** Projects one vector {@code [F]} to {@code [k]}. */
    public float[] project(float[] x) {
        float[] out = new float[components.length];
        project(x, 0, out, 0);
        return out;
    }

    /** Projects {@code x[off .. off + F)} into {@code out[outOff .. outOff + k)}. */
    public void project(float[] x, int off, float[] out, int outOff) {
        ProjectionKernel.INSTANCE.project(mean, components, x, off, out, outOff);
    }
}
