package statescope.ssm.gpu;

import statescope.ssm.SelectiveScanKernel;

/**
 * The outcome of {@link ScanBackends#select}: the kernel to use and, when the choice could not be
 * honoured, the notice saying so.
 *
 * @param kernel the kernel to run scans with (on the GPU path a {@link FallbackScanKernel})
 * @param notice why the GPU is not used, or null when nothing needs saying
 */
public record Selection(SelectiveScanKernel kernel, Notice notice) implements AutoCloseable {

    /** Whether scans currently run on the GPU (false once a GPU failure made it fall back). */
    public boolean onGpu() {
        return kernel instanceof FallbackScanKernel f && f.onGpu();
    }

    /**
     * The text for the status bar, e.g. "Compute: GPU, NVIDIA H100 80GB HBM3 (sm_90, 132 SMs, 85 GB)",
     * "Compute: CPU (cpu-vector)" or "Compute: CPU (cpu-vector); GPU unavailable: libcuda.so.1 not found".
     */
    public String statusText() {
        if (kernel instanceof FallbackScanKernel f) {
            return f.statusText();
        }
        String base = "Compute: CPU (" + kernel.name() + ")";
        return notice == null ? base : base + "; " + ScanBackends.reasonOf(notice);
    }

    /** Frees what the kernel holds (the GPU kernel's device memory); the CPU kernels hold nothing. */
    @Override
    public void close() throws Exception {
        if (kernel instanceof AutoCloseable c) {
            c.close();
        }
    }
}
