package statescope.ssm.gpu;

/**
 * The GPU path cannot start on this machine for a reason that is not a CUDA error: the driver library
 * is missing, it lacks a function we need, there is no device, or the batch does not fit the kernel.
 * The message is short and meant for a status line, e.g. {@code "libcuda.so.1 not found"}.
 */
public final class GpuUnavailableException extends RuntimeException {

    public GpuUnavailableException(String reason) {
        super(reason);
    }

    public GpuUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
