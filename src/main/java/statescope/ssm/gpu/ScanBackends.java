package statescope.ssm.gpu;

import java.util.function.Consumer;
import java.util.function.Supplier;
import statescope.ssm.SelectiveScanKernel;

/**
 * Picks the scan backend for a {@link BackendChoice}.
 *
 * <ul>
 *   <li>{@code cpu}: the CPU kernel; the GPU is not probed.</li>
 *   <li>{@code auto}: the GPU if the driver loads, a device exists and the kernel's PTX JIT-compiles;
 *       otherwise the CPU kernel with an INFO notice such as
 *       "GPU unavailable: libcuda.so.1 not found; using cpu-vector".</li>
 *   <li>{@code gpu}: the same, but a GPU that cannot be used gives a WARNING notice ("GPU requested but
 *       unavailable: ...") and the CPU runs anyway. We fall back rather than fail because every scan has
 *       a CPU implementation that gives the same numbers: a long evaluation should not be lost to a
 *       missing driver; the warning makes the substitution visible (CLI: on standard error).</li>
 * </ul>
 * On the GPU path the kernel is a {@link FallbackScanKernel}: a CUDA failure during a scan moves that
 * scan and every later one to the CPU, and the listener receives a WARNING notice once.
 */
public final class ScanBackends {

    private ScanBackends() {
    }

    /** Selects with the real driver ({@link CudaScanKernel#open()}); later fall-backs are not reported. */
    public static Selection select(BackendChoice choice, SelectiveScanKernel cpuKernel) {
        return select(choice, cpuKernel, CudaScanKernel::open, notice -> { });
    }

    /**
     * Selects a backend.
     *
     * @param choice     what the user asked for
     * @param cpuKernel  the CPU kernel (e.g. the Vector API scan)
     * @param gpuOpener  opens the GPU kernel (tests pass a driver that does not exist or a fake one)
     * @param onFallback receives the notice if the GPU fails during a later scan
     */
    public static Selection select(BackendChoice choice, SelectiveScanKernel cpuKernel,
                                   Supplier<CudaScanKernel> gpuOpener, Consumer<Notice> onFallback) {
        if (choice == BackendChoice.CPU) {
            return new Selection(cpuKernel, null);
        }
        try {
            CudaScanKernel gpu = gpuOpener.get();
            return new Selection(new FallbackScanKernel(gpu, cpuKernel, onFallback), null);
        } catch (RuntimeException | LinkageError e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return choice == BackendChoice.GPU
                    ? new Selection(cpuKernel, new Notice(Notice.Level.WARNING,
                            "GPU requested but unavailable: " + reason + "; using " + cpuKernel.name()))
                    : new Selection(cpuKernel, new Notice(Notice.Level.INFO,
                            "GPU unavailable: " + reason + "; using " + cpuKernel.name()));
        }
    }

    /** The part of a notice before "; using ...", for status lines. */
    static String reasonOf(Notice notice) {
        String t = notice.text();
        int cut = t.lastIndexOf("; using ");
        return cut < 0 ? t : t.substring(0, cut);
    }
}
