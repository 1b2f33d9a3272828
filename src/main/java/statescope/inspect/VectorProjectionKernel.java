package statescope.inspect;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ProjectionKernel} a vector at a time: lane-wise float sums, added up at the end lane by lane in a
 * fixed order ({@code reduceLanes} may add them in another order once compiled than before, and the same
 * state must project to the same point whichever code ran).
 */
final class VectorProjectionKernel implements ProjectionKernel {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    @Override
    public void project(float[] mean, float[][] components, float[] x, int off, float[] out, int outOff) {
        int f = mean.length;
        int end = S.loopBound(f);
        float[] lanes = new float[S.length()];
        for (int c = 0; c < components.length; c++) {
            float[] w = components[c];
            FloatVector acc = FloatVector.zero(S);
            int j = 0;
            for (; j < end; j += S.length()) {
                FloatVector d = FloatVector.fromArray(S, x, off + j).sub(FloatVector.fromArray(S, mean, j));
                acc = FloatVector.fromArray(S, w, j).fma(d, acc);
            }
            acc.intoArray(lanes, 0);
            double sum = 0;
            for (float lane : lanes) {
                sum += lane;
            }
            for (; j < f; j++) {
                sum += w[j] * (x[off + j] - mean[j]);
            }
            out[outOff + c] = (float) sum;
        }
    }
}
