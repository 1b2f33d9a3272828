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
        for (int c = 0; c < components.length; c++) {
            float[] w = components[c];
            double acc = 0;
            for (int j = 0; j < w.length; j++) {
                acc += w[j] * (x[j] - mean[j]);
            }
            out[c] = (float) acc;
        }
        return out;
    }
}
