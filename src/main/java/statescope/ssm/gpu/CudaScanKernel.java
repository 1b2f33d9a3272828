package statescope.ssm.gpu;

import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Map;
import statescope.ssm.ScanBatch;
import statescope.ssm.ScanResult;
import statescope.ssm.SelectiveScanKernel;

/**
 * The selective scan on an NVIDIA GPU: the fused kernel of {@code src/main/cuda/selective_scan.cu}
 * (shipped as PTX, JIT-compiled by the driver for the device at {@link #open}), called through
 * {@link CudaDriver}. Holds the device's primary context and the loaded module until {@link #close()}.
 *
 * <p>{@link #scan} copies the batch to the device, runs the kernel and copies the result back;
 * {@link #upload} keeps a batch on the device for repeated timed launches (benchmarks). Calls are
 * serialised; any CUDA failure is a {@link CudaException}.
 */
public final class CudaScanKernel implements SelectiveScanKernel, AutoCloseable {

    /** System property naming the driver library (default {@link CudaDriver#DEFAULT_LIBRARY}). */
    public static final String LIBRARY_PROPERTY = "statescope.cuda.library";

    private final CudaDriver driver;
    private final CudaDevice device;
    private final int deviceHandle;
    private final MemorySegment context;
    private final MemorySegment module;
    private final Map<Integer, MemorySegment> functions = new HashMap<>();
    private boolean closed;

    private CudaScanKernel(CudaDriver driver, CudaDevice device, int deviceHandle, MemorySegment context,
                           MemorySegment module) {
        this.driver = driver;
        this.device = device;
        this.deviceHandle = deviceHandle;
        this.context = context;
        this.module = module;
    }

    /** The driver library name to load: the system property {@value #LIBRARY_PROPERTY} or the OS default. */
    public static String libraryName() {
        return System.getProperty(LIBRARY_PROPERTY, CudaDriver.DEFAULT_LIBRARY);
    }

    /**
     * Opens device 0 with the driver library {@link #libraryName()}.
     *
     * @throws GpuUnavailableException no driver library, or no device
     * @throws CudaException           the driver failed (for example the PTX JIT)
     */
    public static CudaScanKernel open() {
        return open(CudaDriver.load(libraryName()), 0);
    }

    /** Opens a device with the given bindings: cuInit, primary context, module load (PTX JIT). */
    public static CudaScanKernel open(CudaDriver driver, int ordinal) {
        driver.init();
        int count = driver.deviceCount();
        if (count <= ordinal) {
            throw new GpuUnavailableException(count == 0 ? "no CUDA device" : "no CUDA device " + ordinal);
        }
        CudaDevice info = driver.describeDevice(ordinal);
        int handle = driver.device(ordinal);
        MemorySegment ctx = driver.retainPrimaryContext(handle);
        MemorySegment mod = null;
        try {
            driver.setCurrent(ctx);
            mod = driver.loadModule(ScanPtx.load());
            var kernel = new CudaScanKernel(driver, info, handle, ctx, mod);
            for (int nmax : ScanLaunch.NMAX) {
                kernel.functions.put(nmax, driver.function(mod, ScanLaunch.entryPoint(nmax)));
            }
            return kernel;
        } catch (RuntimeException e) {
            try {
                if (mod != null) {
                    driver.unloadModule(mod);
                }
            } catch (RuntimeException ignored) {
                // report the first failure
            } finally {
                driver.releasePrimaryContext(handle);
            }
            throw e;
        }
    }

    @Override
    public String name() {
        return "cuda";
    }

    /** The device the kernel runs on. */
    public CudaDevice device() {
        return device;
    }

    @Override
    public synchronized ScanResult scan(ScanBatch in, boolean emitStates) {
        if (emitStates) {
            DeviceScan.checkStatesFit(in);
        }
        try (DeviceScan run = upload(in, emitStates)) {
            run.launch();
            return run.download();
        }
    }

    /**
     * Copies a batch to the device and prepares the launch; the caller launches it (as often as it likes)
     * and closes it to free the device memory.
     */
    public synchronized DeviceScan upload(ScanBatch in, boolean emitStates) {
        ensureOpen();
        ScanLaunch plan = ScanLaunch.plan(in);
        driver.setCurrent(context);
        return new DeviceScan(this, in, emitStates, plan);
    }

    CudaDriver driver() {
        return driver;
    }

    synchronized MemorySegment function(int nmax) {
        makeCurrent();
        return functions.get(nmax);
    }

    /** Makes this kernel's context current on the calling thread (device work from any thread). */
    synchronized void makeCurrent() {
        ensureOpen();
        driver.setCurrent(context);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the CUDA scan kernel is closed");
        }
    }

    /** Unloads the module and releases the primary context. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            driver.setCurrent(context);
            driver.unloadModule(module);
        } finally {
            driver.releasePrimaryContext(deviceHandle);
        }
    }
}
