package statescope.inspect;

import java.util.Objects;
import java.util.function.Supplier;
import statescope.ssm.SelectiveScanKernel;
import statescope.ssm.VectorSupport;
import statescope.ssm.gpu.BackendChoice;
import statescope.ssm.gpu.CudaScanKernel;
import statescope.ssm.gpu.Notice;
import statescope.ssm.gpu.ScanBackends;
import statescope.ssm.gpu.Selection;

/**
 * Where the UI's batched scans run (the projection corpus, {@link CorpusProjection}): the backend
 * {@link ScanBackends} picks for a {@link BackendChoice}, selected once, at the first call to
 * {@link #selection()}. Call that from a background job: probing the GPU loads the driver and compiles
 * the kernel. With {@code auto} it is the GPU when one can be used, else the CPU kernel with a one-line
 * notice saying why, which {@link #statusText} puts in the status bar. The model's single steps always
 * run on the CPU; the status text says so. Not a singleton: the app makes one per session.
 */
public final class ComputeBackend {

    private final BackendChoice choice;
    private final Supplier<SelectiveScanKernel> cpuKernel;
    private final Supplier<CudaScanKernel> gpuOpener;
    private Selection selection;                                       // guarded by this; null until selected
    private final String settingProblem;                               // a bad STATESCOPE_BACKEND, or null

    /** The choice on this machine: the real CUDA driver, the fastest CPU scan (one thread) as the fall-back. */
    public ComputeBackend(BackendChoice choice) {
        this(choice, () -> VectorSupport.fastScan(1), CudaScanKernel::open);
    }

    /**
     * @param choice    auto, cpu or gpu
     * @param cpuKernel makes the CPU kernel (called once, at selection)
     * @param gpuOpener opens the GPU kernel (tests pass one that fails like a missing driver)
     */
    public ComputeBackend(BackendChoice choice, Supplier<SelectiveScanKernel> cpuKernel,
                          Supplier<CudaScanKernel> gpuOpener) {
        this(choice, cpuKernel, gpuOpener, null);
    }

    private ComputeBackend(BackendChoice choice, Supplier<SelectiveScanKernel> cpuKernel,
                           Supplier<CudaScanKernel> gpuOpener, String settingProblem) {
        this.settingProblem = settingProblem;
        this.choice = Objects.requireNonNull(choice, "choice");
        this.cpuKernel = Objects.requireNonNull(cpuKernel, "cpuKernel");
        this.gpuOpener = Objects.requireNonNull(gpuOpener, "gpuOpener");
    }

    /**
     * The backend a setting names ({@code $STATESCOPE_BACKEND}: auto, cpu or gpu, any case; unset or blank:
     * auto), on this machine's CPU kernel and CUDA driver. A value that names none of them gives auto, and
     * the status line says so; nothing fails.
     */
    public static ComputeBackend fromSetting(String value) {
        return fromSetting(value, () -> VectorSupport.fastScan(1), CudaScanKernel::open);
    }

    /** {@link #fromSetting(String)} with the given kernels (tests pass a GPU opener that fails). */
    public static ComputeBackend fromSetting(String value, Supplier<SelectiveScanKernel> cpuKernel,
                                            Supplier<CudaScanKernel> gpuOpener) {
        if (value == null || value.isBlank()) {
            return new ComputeBackend(BackendChoice.AUTO, cpuKernel, gpuOpener);
        }
        try {
            return new ComputeBackend(BackendChoice.parse(value), cpuKernel, gpuOpener);
        } catch (IllegalArgumentException e) {
            return new ComputeBackend(BackendChoice.AUTO, cpuKernel, gpuOpener,
                    "STATESCOPE_BACKEND='" + value.strip() + "' unknown (auto, cpu, gpu): using auto");
        }
    }

    /** What was asked for: auto, cpu or gpu. */
    public BackendChoice choice() {
        return choice;
    }

    /** The selected backend; the first call selects it (may probe the GPU: not on the FX thread). */
    public synchronized Selection selection() {
        if (selection == null) {
            selection = ScanBackends.select(choice, cpuKernel.get(), gpuOpener, notice -> { });
        }
        return selection;
    }

    /** The kernel scans run on; selects the backend on first use. */
    public SelectiveScanKernel kernel() {
        return selection().kernel();
    }

    /** Whether {@link #selection()} has run (never probes). */
    public synchronized boolean selected() {
        return selection != null;
    }

    /** Why the choice was not honoured (e.g. no GPU), or null; null before selection too. */
    public synchronized Notice notice() {
        return selection == null ? null : selection.notice();
    }

    /**
     * The status bar's backend line, e.g. "Compute: CPU (cpu-vector); GPU unavailable: libcuda.so.1 not
     * found · steps on cpu-vector (256-bit)" or "Compute: GPU, NVIDIA H100 ... · steps on cpu-vector
     * (256-bit)" (after a GPU failure, the CPU and the reason). Before the selection, only the steps.
     * A setting that named no backend ({@link #fromSetting}) comes first.
     *
     * @param stepBackend where the model's single steps run ({@code ModelInfo#backend})
     */
    public synchronized String statusText(String stepBackend) {
        String steps = "steps on " + stepBackend;
        String text = selection == null ? "Compute: " + steps + "; scan backend not chosen yet"
                : selection.statusText() + " · " + steps;
        return settingProblem == null ? text : settingProblem + " · " + text; // first: the line is cut at its end
    }
}
