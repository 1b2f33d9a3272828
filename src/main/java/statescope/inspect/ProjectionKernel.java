package statescope.inspect;

import java.lang.invoke.MethodHandles;
import statescope.ssm.VectorSupport;

/**
 * The dot products of {@link Projection#project}: out[c] = Σ_j W[c][j]·(x[off + j] − μ[j]). A 100,000-token
 * read projects a few thousand floats per layer and token, as much work as the scan itself when done
 * one scalar at a time; the Vector API kernel does it a vector at a time (and follows
 * {@link VectorSupport}'s one decision, as every kernel family does).
 */
interface ProjectionKernel {

    /** The kernel in use: the Vector API one when the module is there, else the scalar loop. */
    ProjectionKernel INSTANCE = VectorSupport.pick(MethodHandles.lookup(), ProjectionKernel.class,
            "statescope.inspect.VectorProjectionKernel", Scalar::new);

    /** Projects {@code x[off .. off + F)} into {@code out[outOff .. outOff + k)}. */
    void project(float[] mean, float[][] components, float[] x, int off, float[] out, int outOff);

    /** The plain loop, accumulated in double. */
    final class Scalar implements ProjectionKernel {
        @Override
        public void project(float[] mean, float[][] components, float[] x, int off, float[] out, int outOff) {
            for (int c = 0; c < components.length; c++) {
                float[] w = components[c];
                double acc = 0;
                for (int j = 0; j < w.length; j++) {
                    acc += w[j] * (x[off + j] - mean[j]);
                }
                out[outOff + c] = (float) acc;
            }
        }
    }
}
