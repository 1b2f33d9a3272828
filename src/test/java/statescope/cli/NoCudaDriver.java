package statescope.cli;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import statescope.ssm.gpu.CudaScanKernel;

/**
 * A JUnit extension for tests of the no-GPU path: during each test the CUDA driver library is a file
 * that does not exist, so opening the GPU fails as on a machine without one; the property is restored
 * afterwards. Use {@code @ExtendWith(NoCudaDriver.class)}.
 */
final class NoCudaDriver implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(NoCudaDriver.class);
    private static final String NONE = "<unset>";

    @Override
    public void beforeEach(ExtensionContext context) {
        String old = System.getProperty(CudaScanKernel.LIBRARY_PROPERTY);
        context.getStore(NS).put("old", old == null ? NONE : old);
        System.setProperty(CudaScanKernel.LIBRARY_PROPERTY, "libcuda-statescope-missing.so.1");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        String old = context.getStore(NS).get("old", String.class);
        if (old == null || old.equals(NONE)) {
            System.clearProperty(CudaScanKernel.LIBRARY_PROPERTY);
        } else {
            System.setProperty(CudaScanKernel.LIBRARY_PROPERTY, old);
        }
    }
}
