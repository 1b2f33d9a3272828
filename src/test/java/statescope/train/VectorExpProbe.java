package statescope.train;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The old source of non-reproducibility, kept as a probe for {@link CrossJvmReproducibilityTest}: the
 * Vector API's EXP, which the interpreter and C1 compute with a Java fallback and C2 with SVML
 * intrinsics. Its bits differ between a C1-only JVM and a warmed-up C2 one, which shows that a test
 * comparing those two JVMs would have caught the kernels when they used it.
 */
final class VectorExpProbe {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private VectorExpProbe() {
    }

    /** A hash of EXP's bits over 64 vectors, from the last of {@code reps} repetitions. */
    static long probe(int reps) {
        float[] in = new float[64 * S.length()];
        for (int i = 0; i < in.length; i++) {
            in[i] = -20f + 27f * i / in.length;
        }
        long h = 0;
        for (int r = 0; r < reps; r++) {
            h = once(in);
        }
        return h;
    }

    private static long once(float[] in) {
        long h = 0;
        for (int i = 0; i < in.length; i += S.length()) {
            FloatVector e = FloatVector.fromArray(S, in, i).lanewise(VectorOperators.EXP);
            for (int j = 0; j < S.length(); j++) {
                h = h * 31 + Float.floatToRawIntBits(e.lane(j));
            }
        }
        return h;
    }
}
