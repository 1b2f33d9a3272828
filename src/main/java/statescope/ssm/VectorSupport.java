package statescope.ssm;

/**
 * The one gate to the Java Vector API ({@code jdk.incubator.vector}, an incubator module). It checks
 * once whether the module is in the boot layer; if it is, the fast kernels ({@code VectorMath},
 * {@link VectorScan}) are used, otherwise (a plain {@code java -jar} without
 * {@code --add-modules jdk.incubator.vector}) everything falls back to the scalar kernels, which give
 * the same results more slowly. No other class decides this, and the vector classes are only loaded
 * through here. {@code -Dstatescope.vector=false} forces the scalar kernels.
 */
public final class VectorSupport {

    private static final boolean AVAILABLE =
            ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                    && !"false".equalsIgnoreCase(System.getProperty("statescope.vector"));

    private VectorSupport() {
    }

    /** Whether the Vector API kernels are in use. */
    public static boolean available() {
        return AVAILABLE;
    }

    /** The fastest CPU scan kernel: {@link VectorScan} when available, else {@link ReferenceScan}. */
    public static SelectiveScanKernel fastScan(int threads) {
        if (AVAILABLE) {
            return (SelectiveScanKernel) create("statescope.ssm.VectorScan", threads);
        }
        return new ReferenceScan();
    }

    /** A one-line description for status bars, e.g. {@code cpu-vector (256-bit)} or {@code cpu-scalar}. */
    public static String describe() {
        return AVAILABLE ? math().name() : "cpu-scalar (start with --add-modules jdk.incubator.vector for the fast path)";
    }

    /** The fastest available primitives for the step and the batched forward. */
    static CpuMath math() {
        return AVAILABLE ? (CpuMath) create("statescope.ssm.VectorMath", -1) : new ScalarMath();
    }

    private static Object create(String className, int threads) {
        try {
            var cls = Class.forName(className);
            return threads < 0 ? cls.getDeclaredConstructor().newInstance()
                    : cls.getDeclaredConstructor(int.class).newInstance(threads);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("cannot load the Vector API kernel " + className, e);
        }
    }
}
