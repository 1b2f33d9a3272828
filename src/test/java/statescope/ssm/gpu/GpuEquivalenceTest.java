package statescope.ssm.gpu;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CUDA scan on a real NVIDIA GPU against the CPU reference: y, every h_t and the final states within
 * 1e-5 for B=64, T=4096, d_inner=64, N=16 in both gate ranges with padding and h0, and the edge shapes.
 * On a machine without a usable GPU every case is skipped with the reason (e.g. "libcuda.so.1 not found").
 */
class GpuEquivalenceTest {

    private static CudaScanKernel gpu;
    private static String unavailable;

    @BeforeAll
    static void open() {
        try {
            gpu = CudaScanKernel.open();
        } catch (GpuUnavailableException | CudaException e) {
            unavailable = e.getMessage();
            // the reason also stands in the console, not only in the report files
            System.out.println("GpuEquivalenceTest skipped: no usable NVIDIA GPU: " + unavailable);
        }
    }

    @AfterAll
    static void close() {
        if (gpu != null) {
            gpu.close();
        }
    }

    static Stream<GpuCheck.Case> cases() {
        return Stream.concat(GpuCheck.edgeCases().stream(), GpuCheck.acceptanceCases().stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gpuMatchesTheReference(GpuCheck.Case c) {
        assumeTrue(gpu != null, () -> "no usable NVIDIA GPU: " + unavailable);
        GpuCheck.Outcome o = GpuCheck.run(gpu, c);
        assertTrue(o.agreement().within(GpuCheck.TOLERANCE),
                c.label() + ": " + o.agreement().summary() + "; worst " + o.agreement().worst());
        assertTrue(o.yMatchesWithoutStates(), c.label() + ": y differs when h_t are not emitted");
    }
}
