package statescope.analysis.probe;

/**
 * Computes the two products of a ridge fit on standardized features Z [R, F] and targets Y [R, K]:
 * the Gram matrix ZᵀZ [F, F] and the cross products ZᵀY [F, K]. They are the whole cost of a probe
 * (R·F² multiply-adds, R up to 10^5 and F up to 2048); the F×F solve after them is small and shared
 * ({@link RidgeProbe}). Two implementations, whose results agree to float rounding
 * ({@code RidgeFitterTest}): a plain-Java loop and ND4J's BLAS GEMM.
 */
public interface RidgeFitter {

    /** {@code "java"} or {@code "nd4j"}. */
    String name();

    /**
     * The products of one problem.
     *
     * @param z [R, F] standardized features
     * @param y [R, K] targets
     * @return {ZᵀZ as [F, F], ZᵀY as [F, K]}, row-major, in double
     */
    double[][] products(float[] z, int rows, int f, float[] y, int k);

    /** The plain-Java loop. */
    static RidgeFitter java() {
        return new JavaRidgeFitter();
    }

    /**
     * The ND4J fitter. Its class (and with it ND4J's native libraries, about 100 MB of OpenBLAS and
     * libnd4j) loads only here, the first time a probe asks for it; call it off the JavaFX thread.
     */
    static RidgeFitter nd4j() {
        return Nd4jRidgeFitter.create();
    }

    /** By name: {@code java} or {@code nd4j}. */
    static RidgeFitter named(String name) {
        return switch (name) {
            case "java" -> java();
            case "nd4j" -> nd4j();
            default -> throw new IllegalArgumentException("unknown probe fitter '" + name + "' (java or nd4j)");
        };
    }
}
