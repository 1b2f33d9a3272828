package statescope.analysis.probe;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ZᵀZ and ZᵀY as two GEMMs on ND4J (OpenBLAS, in float). The only class of the project's main code
 * that touches ND4J; nothing refers to it until {@link RidgeFitter#nd4j()} runs, so the app starts
 * without loading ND4J's native libraries.
 */
final class Nd4jRidgeFitter implements RidgeFitter {

    private Nd4jRidgeFitter() {
    }

    static RidgeFitter create() {
        if (System.getProperty("org.slf4j.simpleLogger.log.org.nd4j") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.org.nd4j", "warn");    // no start-up banner
        }
        try {
            Nd4j.create(DataType.FLOAT, 1, 1);                                     // load the backend now
        } catch (LinkageError | RuntimeException e) {
            throw new IllegalStateException("ND4J could not start on this machine (" + e.getMessage()
                    + "); fit with --fitter java", e);
        }
        return new Nd4jRidgeFitter();
    }

    @Override
    public String name() {
        return "nd4j";
    }

    @Override
    public double[][] products(float[] z, int rows, int f, float[] y, int k) {
        INDArray zm = Nd4j.create(z, new long[] {rows, f}, 'c');             // [R, F]
        INDArray ym = Nd4j.create(y, new long[] {rows, k}, 'c');             // [R, K]
        INDArray gram = Nd4j.gemm(zm, zm, true, false).castTo(DataType.DOUBLE).dup('c');   // [F, F] = ZᵀZ
        INDArray cross = Nd4j.gemm(zm, ym, true, false).castTo(DataType.DOUBLE).dup('c');  // [F, K] = ZᵀY
        return new double[][] {gram.data().asDouble(), cross.data().asDouble()};
    }
}
