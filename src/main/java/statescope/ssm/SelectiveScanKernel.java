package statescope.ssm;

/**
 * One implementation of the batched selective scan: the plain Java reference, the Vector API fast
 * path, or the CUDA kernel. All must agree with the reference within 1e-5 (max abs) on the same input.
 * Implementations never modify the input arrays.
 */
public interface SelectiveScanKernel {

    /** A short name for status bars and benchmark tables, e.g. {@code "cpu-vector"} or {@code "cuda"}. */
    String name();

    /**
     * Runs the scan.
     *
     * @param in         the batch
     * @param emitStates whether to return every h_t in {@link ScanResult#hAll()}
     */
    ScanResult scan(ScanBatch in, boolean emitStates);

    /**
     * Runs the scan into {@code into} (shaped for {@code in} as {@link ScanResult#allocate} shapes it, with
     * 0 at padding positions), so that a caller can reuse its outputs; returns the result written. The
     * default ignores {@code into} and allocates.
     */
    default ScanResult scan(ScanBatch in, boolean emitStates, ScanResult into) {
        return scan(in, emitStates);
    }
}
