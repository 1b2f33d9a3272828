package statescope.ssm.gpu;

/**
 * A CUDA driver call returned an error. The message names the call, the error's name and its
 * description, e.g. {@code "cuLaunchKernel: CUDA_ERROR_LAUNCH_FAILED (unspecified launch failure)"}.
 * {@link ScanBackends} turns it into a fall-back to the CPU kernel with a one-line notice.
 */
public final class CudaException extends RuntimeException {

    private final String call;
    private final int code;
    private final String errorName;

    /**
     * @param call      the driver function that failed, e.g. {@code "cuModuleLoadDataEx"}
     * @param code      the {@code CUresult}
     * @param errorName the name of the code from {@code cuGetErrorName}, e.g. {@code "CUDA_ERROR_NO_DEVICE"}
     * @param detail    the description from {@code cuGetErrorString}, plus any JIT log
     */
    public CudaException(String call, int code, String errorName, String detail) {
        super(call + ": " + errorName + (detail == null || detail.isBlank() ? "" : " (" + detail + ")"));
        this.call = call;
        this.code = code;
        this.errorName = errorName;
    }

    /** The driver function that failed. */
    public String call() {
        return call;
    }

    /** The {@code CUresult} code. */
    public int code() {
        return code;
    }

    /** The code's name, e.g. {@code "CUDA_ERROR_NO_DEVICE"}. */
    public String errorName() {
        return errorName;
    }
}
