package statescope.ssm;

import java.lang.invoke.MethodHandle;
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
        return AVAILABLE ? (SelectiveScanKernel) load(MethodHandles.lookup(), "statescope.ssm.VectorScan", threads)
                : new ReferenceScan();
    }

    /** The fastest available primitives for the step and the batched forward. */
    static CpuMath math() {
        return pick(MethodHandles.lookup(), CpuMath.class, "statescope.ssm.VectorMath", ScalarMath::new);
    }

    /**
     * The vector kernel {@code vectorClass} (a class with a no-argument constructor, implementing
     * {@code type}, found through the caller's {@code lookup} so that it may be package-private) when
     * the Vector API is in use, else {@code reference.get()}: how every family follows the one decision
     * (training's from outside this package).
     *
     * @throws IllegalStateException when the vector path is chosen but the class cannot be loaded
     */
    public static <T> T pick(MethodHandles.Lookup lookup, Class<T> type, String vectorClass,
                             Supplier<? extends T> reference) {
        return AVAILABLE ? type.cast(load(lookup, vectorClass, -1)) : reference.get();
    }

    /** A new {@code className}, by its no-argument constructor, or its (int threads) one when threads ≥ 0. */
    private static Object load(MethodHandles.Lookup lookup, String className, int threads) {
        MethodHandle ctor;
        try {
            Class<?> cls = lookup.findClass(className);
            ctor = threads < 0 ? lookup.findConstructor(cls, MethodType.methodType(void.class))
                    : MethodHandles.insertArguments(
                            lookup.findConstructor(cls, MethodType.methodType(void.class, int.class)), 0, threads);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("cannot load the Vector API kernel " + className, e);
        }
        try {
            return ctor.invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot create the Vector API kernel " + className, e);
        }
    }
}
