package statescope.ssm.gpu;

import java.io.IOException;
import java.io.InputStream;

/**
 * The PTX of {@code src/main/cuda/selective_scan.cu}, shipped as the jar resource
 * {@code statescope/ssm/gpu/selective_scan.ptx} (built by {@code src/main/cuda/build-ptx.sh}, which also
 * writes {@code selective_scan.sha256}, checked by the tests against the current source).
 */
public final class ScanPtx {

    /** Resource name, relative to this class. */
    public static final String RESOURCE = "selective_scan.ptx";
    /** Resource with the SHA-256 of the source, the build script and the PTX. */
    public static final String HASHES = "selective_scan.sha256";

    private ScanPtx() {
    }

    /** The PTX text as bytes (without the terminating NUL the driver wants; {@link CudaDriver} adds it). */
    public static byte[] load() {
        try (InputStream in = ScanPtx.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new GpuUnavailableException("the CUDA kernel resource " + RESOURCE + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new GpuUnavailableException("the CUDA kernel resource could not be read: " + e.getMessage(), e);
        }
    }
}
