package statescope.ssm.gpu;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Bindings to the CUDA driver API ({@code libcuda.so.1}, {@code nvcuda.dll}) through Java's FFM API,
 * with no other dependency. Only the driver is needed on the machine, not a CUDA toolkit.
 *
 * <p>Every method that calls the driver checks the {@code CUresult} and throws a {@link CudaException}
 * naming the call, the error's name and description. Handles ({@code CUcontext}, {@code CUmodule},
 * {@code CUfunction}, {@code CUevent}) are {@link MemorySegment} addresses; device pointers
 * ({@code CUdeviceptr}) are {@code long}s. A driver is stateless; {@link CudaScanKernel} owns the
 * context, module and memory.
 */
public final class CudaDriver {

    /** The driver library's name on this OS. */
    public static final String DEFAULT_LIBRARY =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
                    ? "nvcuda.dll" : "libcuda.so.1";

    /** {@code CU_DEVICE_ATTRIBUTE_*} codes that {@link CudaDevice} reads. */
    static final int ATTR_MULTIPROCESSOR_COUNT = 16;
    static final int ATTR_MEMORY_CLOCK_RATE_KHZ = 36;
    static final int ATTR_GLOBAL_MEMORY_BUS_WIDTH = 37;
    static final int ATTR_COMPUTE_CAPABILITY_MAJOR = 75;
    static final int ATTR_COMPUTE_CAPABILITY_MINOR = 76;

    /** {@code CU_JIT_*} option codes for the JIT logs of {@code cuModuleLoadDataEx}. */
    private static final int JIT_INFO_LOG_BUFFER = 3;
    private static final int JIT_INFO_LOG_BUFFER_SIZE_BYTES = 4;
    private static final int JIT_ERROR_LOG_BUFFER = 5;
    private static final int JIT_ERROR_LOG_BUFFER_SIZE_BYTES = 6;
    private static final int JIT_LOG_BYTES = 8192;

    /** Host-to-device and device-to-host copies go through an off-heap buffer of at most this size. */
    private static final long STAGING_BYTES = 64L << 20;

    private static final FunctionDescriptor INT_RESULT = FunctionDescriptor.of(JAVA_INT);

    /** The driver functions we use and their C signatures (all return {@code CUresult}). */
    private static final Map<String, FunctionDescriptor> SIGNATURES = Map.ofEntries(
            Map.entry("cuInit", INT_RESULT.appendArgumentLayouts(JAVA_INT)),
            Map.entry("cuDriverGetVersion", INT_RESULT.appendArgumentLayouts(ADDRESS)),
            Map.entry("cuGetErrorName", INT_RESULT.appendArgumentLayouts(JAVA_INT, ADDRESS)),
            Map.entry("cuGetErrorString", INT_RESULT.appendArgumentLayouts(JAVA_INT, ADDRESS)),
            Map.entry("cuDeviceGetCount", INT_RESULT.appendArgumentLayouts(ADDRESS)),
            Map.entry("cuDeviceGet", INT_RESULT.appendArgumentLayouts(ADDRESS, JAVA_INT)),
            Map.entry("cuDeviceGetName", INT_RESULT.appendArgumentLayouts(ADDRESS, JAVA_INT, JAVA_INT)),
            Map.entry("cuDeviceGetAttribute", INT_RESULT.appendArgumentLayouts(ADDRESS, JAVA_INT, JAVA_INT)),
            Map.entry("cuDeviceTotalMem_v2", INT_RESULT.appendArgumentLayouts(ADDRESS, JAVA_INT)),
            Map.entry("cuDevicePrimaryCtxRetain", INT_RESULT.appendArgumentLayouts(ADDRESS, JAVA_INT)),
            Map.entry("cuDevicePrimaryCtxRelease_v2", INT_RESULT.appendArgumentLayouts(JAVA_INT)),
            Map.entry("cuCtxSetCurrent", INT_RESULT.appendArgumentLayouts(ADDRESS)),
            Map.entry("cuCtxSynchronize", INT_RESULT),
            Map.entry("cuModuleLoadDataEx",
                    INT_RESULT.appendArgumentLayouts(ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS)),
            Map.entry("cuModuleUnload", INT_RESULT.appendArgumentLayouts(ADDRESS)),
            Map.entry("cuModuleGetFunction", INT_RESULT.appendArgumentLayouts(ADDRESS, ADDRESS, ADDRESS)),
            Map.entry("cuMemAlloc_v2", INT_RESULT.appendArgumentLayouts(ADDRESS, JAVA_LONG)),
            Map.entry("cuMemFree_v2", INT_RESULT.appendArgumentLayouts(JAVA_LONG)),
            Map.entry("cuMemcpyHtoD_v2", INT_RESULT.appendArgumentLayouts(JAVA_LONG, ADDRESS, JAVA_LONG)),
            Map.entry("cuMemcpyDtoH_v2", INT_RESULT.appendArgumentLayouts(ADDRESS, JAVA_LONG, JAVA_LONG)),
            Map.entry("cuLaunchKernel", INT_RESULT.appendArgumentLayouts(ADDRESS,
                    JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, ADDRESS)),
            Map.entry("cuEventCreate", INT_RESULT.appendArgumentLayouts(ADDRESS, JAVA_INT)),
            Map.entry("cuEventRecord", INT_RESULT.appendArgumentLayouts(ADDRESS, ADDRESS)),
            Map.entry("cuEventSynchronize", INT_RESULT.appendArgumentLayouts(ADDRESS)),
            Map.entry("cuEventElapsedTime", INT_RESULT.appendArgumentLayouts(ADDRESS, ADDRESS, ADDRESS)),
            Map.entry("cuEventDestroy_v2", INT_RESULT.appendArgumentLayouts(ADDRESS)));

    /** Newer names tried first where CUDA renamed a function with the same signature. */
    private static final Map<String, String> PREFERRED = Map.of("cuEventElapsedTime", "cuEventElapsedTime_v2");

    private final String library;
    private final Map<String, MethodHandle> handles;

    private CudaDriver(String library, Map<String, MethodHandle> handles) {
        this.library = library;
        this.handles = handles;
    }

    /**
     * Loads the driver library by name (searched like {@code dlopen} does).
     *
     * @throws GpuUnavailableException if the library cannot be opened or lacks a function we need
     */
    public static CudaDriver load(String library) {
        SymbolLookup lookup;
        try {
            lookup = SymbolLookup.libraryLookup(library, Arena.global());
        } catch (IllegalArgumentException | IllegalCallerException e) {
            throw new GpuUnavailableException(library + " not found", e);
        }
        return bind(lookup, library);
    }

    /**
     * Binds the driver functions found by {@code lookup} (tests pass a lookup of Java stand-ins).
     *
     * @throws GpuUnavailableException if a function is missing
     */
    public static CudaDriver bind(SymbolLookup lookup, String library) {
        var linker = Linker.nativeLinker();
        var handles = new HashMap<String, MethodHandle>();
        for (var e : SIGNATURES.entrySet()) {
            String name = e.getKey();
            String preferred = PREFERRED.get(name);
            MemorySegment symbol = (preferred == null ? lookup.find(name) : lookup.find(preferred).or(() -> lookup.find(name)))
                    .orElseThrow(() -> new GpuUnavailableException(library + " has no " + name
                            + " (driver too old?)"));
            handles.put(name, linker.downcallHandle(symbol, e.getValue()));
        }
        return new CudaDriver(library, Map.copyOf(handles));
    }

    /** The functions bound and their C signatures (for tests that stand in for the driver). */
    static Map<String, FunctionDescriptor> signatures() {
        return SIGNATURES;
    }

    /** The library these bindings came from. */
    public String library() {
        return library;
    }

    private int invoke(String name, Object... args) {
        try {
            return (int) handles.get(name).invokeWithArguments(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(name + " could not be called", t);
        }
    }

    /** Calls a driver function and throws a {@link CudaException} unless it returns CUDA_SUCCESS. */
    private void call(String name, Object... args) {
        check(name, invoke(name, args), null);
    }

    private void check(String call, int code, String extra) {
        if (code == 0) {
            return;
        }
        String errorName = describe("cuGetErrorName", code);
        String text = describe("cuGetErrorString", code);
        String detail = text == null ? "" : text;
        if (extra != null && !extra.isBlank()) {
            detail = detail.isEmpty() ? extra : detail + "; " + extra;
        }
        throw new CudaException(call, code, errorName == null ? "CUDA error " + code : errorName, detail);
    }

    private String describe(String function, int code) {
        try (var arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ADDRESS);
            if (invoke(function, code, out) != 0) {
                return null;
            }
            MemorySegment str = out.get(ADDRESS, 0);
            return str.equals(MemorySegment.NULL) ? null : str.reinterpret(4096).getString(0);
        }
    }

    /** {@code cuInit(0)}. */
    public void init() {
        call("cuInit", 0);
    }

    /** The driver's CUDA version, e.g. 13000 for CUDA 13.0. */
    public int driverVersion() {
        return readInt("cuDriverGetVersion");
    }

    /** Number of CUDA devices. */
    public int deviceCount() {
        return readInt("cuDeviceGetCount");
    }

    private int readInt(String function, Object... args) {
        return read(JAVA_INT, out -> out.get(JAVA_INT, 0), function, args);
    }

    /** The device handle of the device with this ordinal. */
    public int device(int ordinal) {
        return readInt("cuDeviceGet", ordinal);
    }

    /** The device's marketing name, e.g. "NVIDIA H100 80GB HBM3". */
    public String deviceName(int device) {
        try (var arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(256);
            call("cuDeviceGetName", buf, 256, device);
            return buf.getString(0);
        }
    }

    /** A {@code CU_DEVICE_ATTRIBUTE_*} value. */
    public int attribute(int attribute, int device) {
        return readInt("cuDeviceGetAttribute", attribute, device);
    }

    /** Total device memory in bytes. */
    public long totalMemory(int device) {
        return read(JAVA_LONG, out -> out.get(JAVA_LONG, 0), "cuDeviceTotalMem_v2", device);
    }

    /** Retains the device's primary context. */
    public MemorySegment retainPrimaryContext(int device) {
        return readHandle("cuDevicePrimaryCtxRetain", device);
    }

    /** Releases the device's primary context. */
    public void releasePrimaryContext(int device) {
        call("cuDevicePrimaryCtxRelease_v2", device);
    }

    /** Makes the context current on the calling thread. */
    public void setCurrent(MemorySegment context) {
        call("cuCtxSetCurrent", context);
    }

    /** Waits for all work of the current context. */
    public void synchronize() {
        call("cuCtxSynchronize");
    }

    private MemorySegment readHandle(String function, Object... args) {
        return read(ADDRESS, out -> out.get(ADDRESS, 0), function, args);
    }

    /**
     * Calls a driver function whose first argument is where it writes its result (a {@code layout}),
     * followed by {@code args}, and reads the result with {@code value} before the memory is freed.
     */
    private <T> T read(MemoryLayout layout, Function<MemorySegment, T> value, String function, Object... args) {
        try (var arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(layout);
            Object[] all = new Object[args.length + 1];
            all[0] = out;
            System.arraycopy(args, 0, all, 1, args.length);
            call(function, all);
            return value.apply(out);
        }
    }

    /**
     * Loads a module from a PTX (or cubin) image; the driver JIT-compiles PTX for the current device.
     * On failure the JIT error log is part of the exception's message.
     */
    public MemorySegment loadModule(byte[] image) {
        try (var arena = Arena.ofConfined()) {
            MemorySegment img = arena.allocate(image.length + 1L);   // PTX must be NUL-terminated
            MemorySegment.copy(image, 0, img, JAVA_BYTE, 0, image.length);
            MemorySegment infoLog = arena.allocate(JIT_LOG_BYTES);
            MemorySegment errorLog = arena.allocate(JIT_LOG_BYTES);
            MemorySegment options = arena.allocateFrom(JAVA_INT, JIT_INFO_LOG_BUFFER,
                    JIT_INFO_LOG_BUFFER_SIZE_BYTES, JIT_ERROR_LOG_BUFFER, JIT_ERROR_LOG_BUFFER_SIZE_BYTES);
            MemorySegment values = arena.allocate(ADDRESS, 4);
            values.setAtIndex(ADDRESS, 0, infoLog);
            values.setAtIndex(ADDRESS, 1, MemorySegment.ofAddress(JIT_LOG_BYTES));
            values.setAtIndex(ADDRESS, 2, errorLog);
            values.setAtIndex(ADDRESS, 3, MemorySegment.ofAddress(JIT_LOG_BYTES));
            MemorySegment out = arena.allocate(ADDRESS);
            int code = invoke("cuModuleLoadDataEx", out, img, 4, options, values);
            String log = code == 0 ? "" : errorLog.getString(0).strip();
            check("cuModuleLoadDataEx", code, log.isEmpty() ? null : "JIT log: " + log);
            return out.get(ADDRESS, 0);
        }
    }

    /** Unloads a module. */
    public void unloadModule(MemorySegment module) {
        call("cuModuleUnload", module);
    }

    /** A kernel entry point of a loaded module. */
    public MemorySegment function(MemorySegment module, String name) {
        try (var arena = Arena.ofConfined()) {
            return readHandle("cuModuleGetFunction", module, arena.allocateFrom(name));
        }
    }

    /** Allocates device memory. */
    public long allocate(long bytes) {
        try (var arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(JAVA_LONG);
            call("cuMemAlloc_v2", out, Math.max(bytes, 4));
            return out.get(JAVA_LONG, 0);
        }
    }

    /** Frees device memory (0 is ignored). */
    public void free(long devicePointer) {
        if (devicePointer != 0) {
            call("cuMemFree_v2", devicePointer);
        }
    }

    /** Copies a host array to device memory. */
    public void copyToDevice(long dst, float[] src) {
        try (var arena = Arena.ofConfined()) {
            int chunk = (int) Math.min(src.length, STAGING_BYTES / Float.BYTES);
            MemorySegment staging = arena.allocate(JAVA_FLOAT, Math.max(chunk, 1));
            for (int from = 0; from < src.length; from += chunk) {
                int n = Math.min(chunk, src.length - from);
                MemorySegment.copy(src, from, staging, JAVA_FLOAT, 0, n);
                call("cuMemcpyHtoD_v2", dst + (long) from * Float.BYTES, staging, (long) n * Float.BYTES);
            }
        }
    }

    /** Copies a host int array to device memory. */
    public void copyToDevice(long dst, int[] src) {
        try (var arena = Arena.ofConfined()) {
            MemorySegment staging = arena.allocateFrom(JAVA_INT, src);
            call("cuMemcpyHtoD_v2", dst, staging, (long) src.length * Integer.BYTES);
        }
    }

    /** Copies device memory into a host array (the whole array is filled). */
    public void copyFromDevice(float[] dst, long src) {
        try (var arena = Arena.ofConfined()) {
            int chunk = (int) Math.min(dst.length, STAGING_BYTES / Float.BYTES);
            MemorySegment staging = arena.allocate(JAVA_FLOAT, Math.max(chunk, 1));
            for (int from = 0; from < dst.length; from += chunk) {
                int n = Math.min(chunk, dst.length - from);
                call("cuMemcpyDtoH_v2", staging, src + (long) from * Float.BYTES, (long) n * Float.BYTES);
                MemorySegment.copy(staging, JAVA_FLOAT, 0, dst, from, n);
            }
        }
    }

    /**
     * Launches a kernel on the default stream (asynchronous; {@link #synchronize()} waits).
     *
     * @param params {@code void*[]}: one pointer per kernel parameter, each to the parameter's value
     */
    public void launch(MemorySegment function, int gridX, int gridY, int gridZ, int blockX, int blockY, int blockZ,
                       int sharedBytes, MemorySegment params) {
        call("cuLaunchKernel", function, gridX, gridY, gridZ, blockX, blockY, blockZ, sharedBytes,
                MemorySegment.NULL, params, MemorySegment.NULL);
    }

    /** Creates an event with default flags (timing enabled). */
    public MemorySegment createEvent() {
        return readHandle("cuEventCreate", 0);
    }

    /** Records an event on the default stream. */
    public void record(MemorySegment event) {
        call("cuEventRecord", event, MemorySegment.NULL);
    }

    /** Waits for an event. */
    public void synchronize(MemorySegment event) {
        call("cuEventSynchronize", event);
    }

    /** Milliseconds between two recorded, completed events. */
    public float elapsedMillis(MemorySegment start, MemorySegment end) {
        try (var arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(JAVA_FLOAT);
            call("cuEventElapsedTime", out, start, end);
            return out.get(JAVA_FLOAT, 0);
        }
    }

    /** Destroys an event. */
    public void destroyEvent(MemorySegment event) {
        call("cuEventDestroy_v2", event);
    }

    /** Reads the attributes {@link CudaDevice} reports for one device ordinal. */
    public CudaDevice describeDevice(int ordinal) {
        int dev = device(ordinal);
        return new CudaDevice(ordinal, deviceName(dev),
                attribute(ATTR_COMPUTE_CAPABILITY_MAJOR, dev), attribute(ATTR_COMPUTE_CAPABILITY_MINOR, dev),
                attribute(ATTR_MULTIPROCESSOR_COUNT, dev), totalMemory(dev),
                attributeOrZero(ATTR_MEMORY_CLOCK_RATE_KHZ, dev), attributeOrZero(ATTR_GLOBAL_MEMORY_BUS_WIDTH, dev),
                driverVersion());
    }

    /** Memory clock and bus width are informative only; newer drivers may stop reporting them. */
    private int attributeOrZero(int attribute, int device) {
        try {
            return attribute(attribute, device);
        } catch (CudaException e) {
            return 0;
        }
    }
}
