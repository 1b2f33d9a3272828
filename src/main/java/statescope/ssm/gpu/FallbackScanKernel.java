package statescope.ssm.gpu;

import java.util.function.Consumer;
import statescope.ssm.ScanBatch;
import statescope.ssm.ScanResult;
import statescope.ssm.SelectiveScanKernel;

/**
 * Runs scans on the GPU and, at the first GPU failure ({@link CudaException} or
 * {@link GpuUnavailableException}, e.g. an unsupported d_state), on the CPU kernel for that call and
 * every later one, reporting the switch once through the listener. Made by {@link ScanBackends#select}.
 */
public final class FallbackScanKernel implements SelectiveScanKernel, AutoCloseable {

    private final SelectiveScanKernel cpu;
    private final Consumer<Notice> onFallback;
    private final String gpuDescription;
    private volatile CudaScanKernel gpu;
    private volatile Notice fallbackNotice;

    FallbackScanKernel(CudaScanKernel gpu, SelectiveScanKernel cpu, Consumer<Notice> onFallback) {
        this.gpu = gpu;
        this.cpu = cpu;
        this.onFallback = onFallback;
        this.gpuDescription = gpu.device().summary();
    }

    @Override
    public String name() {
        return gpu != null ? "cuda" : cpu.name();
    }

    /** Whether scans still run on the GPU. */
    public boolean onGpu() {
        return gpu != null;
    }

    /** The notice of the fall-back, or null while the GPU runs. */
    public Notice fallbackNotice() {
        return fallbackNotice;
    }

    /** Status-bar text; see {@link Selection#statusText()}. */
    public String statusText() {
        Notice n = fallbackNotice;
        return n == null ? "Compute: GPU, " + gpuDescription
                : "Compute: CPU (" + cpu.name() + "); " + ScanBackends.reasonOf(n);
    }

    @Override
    public ScanResult scan(ScanBatch in, boolean emitStates) {
        CudaScanKernel g = gpu;
        if (g != null) {
            try {
                return g.scan(in, emitStates);
            } catch (CudaException | GpuUnavailableException e) {
                fallBack(g, e);
            }
        }
        return cpu.scan(in, emitStates);
    }

    private synchronized void fallBack(CudaScanKernel failed, RuntimeException cause) {
        if (gpu != failed) {
            return;   // another thread already switched
        }
        gpu = null;
        var notice = new Notice(Notice.Level.WARNING,
                "GPU scan failed: " + cause.getMessage() + "; using " + cpu.name() + " from now on");
        fallbackNotice = notice;
        try {
            failed.close();
        } catch (RuntimeException ignored) {
            // the context may be unusable after the failure; nothing more to release
        }
        onFallback.accept(notice);
    }

    /** Releases the GPU (if still held). */
    @Override
    public synchronized void close() {
        CudaScanKernel g = gpu;
        gpu = null;
        if (g != null) {
            g.close();
        }
    }
}
