package statescope.ssm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.Supplier;

/**
 * The one place that decides which CPU kernels run: the Java Vector API ones ({@code jdk.incubator.vector},
 * an incubator module) or their plain-Java reference twins. The decision is taken once, when this class
 * loads, and every kernel family follows it: {@link CpuMath} (step and batched forward),
 * {@link SelectiveScanKernel} ({@link #fastScan}) and, through {@link #pick}, the training kernels.
 *
 * <p>The policy: the vector kernels run when the module is in the boot layer
 * ({@code ModuleLayer.boot().findModule("jdk.incubator.vector")}), {@code -Dstatescope.vector=false} is
 * not set, and the API can actually be initialised (a probe loads {@link VectorPolyMath}); otherwise
 * every family runs its scalar twin, which gives the same results within float rounding, more slowly.
 * Either way {@link #reason()} says why, for status lines and notices. Once the vector path is chosen a
 * vector kernel that fails to load is a packaging error and throws; nothing falls back silently.
 * The vector classes are only ever loaded through here.
 */
public final class VectorSupport {

    private static final String HINT = "start with --add-modules jdk.incubator.vector for the fast path";
    private static final boolean MODULE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    private static final Decision DECISION = decide();
    private static final boolean AVAILABLE = DECISION.vector();
    private static final String REASON = DECISION.reason();

    private VectorSupport() {
    }

    private record Decision(boolean vector, String reason) {
    }

    private static Decision decide() {
        if (!MODULE) {
            return new Decision(false, "jdk.incubator.vector is not loaded (" + HINT + ")");
        }
        if ("false".equalsIgnoreCase(System.getProperty("statescope.vector"))) {
            return new Decision(false, "-Dstatescope.vector=false asks for the scalar kernels");
        }
        try {
            Class.forName("statescope.ssm.VectorPolyMath", true, VectorSupport.class.getClassLoader());
            return new Decision(true, "jdk.incubator.vector is loaded");
        } catch (ClassNotFoundException | LinkageError e) {
            return new Decision(false, "jdk.incubator.vector is loaded but unusable (" + e + ")");
        }
    }

    /** Whether the Vector API kernels are in use. */
    public static boolean available() {
        return AVAILABLE;
    }

    /** Why the kernels in use were chosen, e.g. {@code jdk.incubator.vector is not loaded (start with ...)}. */
    public static String reason() {
        return REASON;
    }

    /**
     * A one-line description for status bars, e.g. {@code cpu-vector (256-bit)}, or
     * {@code cpu-scalar (start with --add-modules jdk.incubator.vector for the fast path)}.
     */
    public static String describe() {
        if (AVAILABLE) {
            return math().name();
        }
        return "cpu-scalar (" + (MODULE ? REASON : HINT) + ")";
    }

    /** The fastest CPU scan kernel: {@link VectorScan} when available, else {@link ReferenceScan}. */
    public static SelectiveScanKernel fastScan(int threads) {
        return AVAILABLE ? (SelectiveScanKernel) create("statescope.ssm.VectorScan", threads) : new ReferenceScan();
    }

    /** The fastest available primitives for the step and the batched forward. */
    static CpuMath math() {
        return AVAILABLE ? (CpuMath) create("statescope.ssm.VectorMath", -1) : new ScalarMath();
    }

    /**
     * The vector kernel {@code vectorClass} (a class with a no-argument constructor, implementing
     * {@code type}, found through the caller's {@code lookup} so that it may be package-private) when
     * the Vector API is in use, else {@code reference.get()}: how a kernel family outside this package
     * (training) follows the same decision.
     *
     * @throws IllegalStateException when the vector path is chosen but the class cannot be loaded
     */
    public static <T> T pick(MethodHandles.Lookup lookup, Class<T> type, String vectorClass,
                             Supplier<? extends T> reference) {
        if (!AVAILABLE) {
            return reference.get();
        }
        try {
            var ctor = lookup.findConstructor(lookup.findClass(vectorClass), MethodType.methodType(void.class));
            return type.cast(ctor.invoke());
        } catch (Throwable e) {
            throw new IllegalStateException("cannot load the Vector API kernel " + vectorClass, e);
        }
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
