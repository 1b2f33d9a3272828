package statescope.ssm.gpu;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import statescope.ssm.GateRange;
import statescope.ssm.ScanBatch;
import statescope.ssm.ScanResult;
import statescope.ssm.SelectiveScanKernel;

/**
 * A stand-in for libcuda made of FFM upcall stubs, so that the real bindings ({@link CudaDriver}),
 * {@link CudaScanKernel}, {@link DeviceScan} and the fall-back run end to end without a GPU. "Device
 * memory" is host memory; cuModuleLoadDataEx parses the PTX's entry points and parameter types;
 * cuLaunchKernel decodes the packed parameters by those PTX types, checks the launch against
 * {@link ScanLaunch}, and runs a CPU kernel on the "device" buffers in place of the GPU.
 * Failures can be injected. Every stub catches everything: an exception must not cross an upcall.
 */
public final class FakeCudaDriver implements AutoCloseable {

    static final int SUCCESS = 0;
    static final int INVALID_VALUE = 1;
    static final int NO_DEVICE = 100;
    static final int INVALID_PTX = 218;
    static final int NOT_FOUND = 500;
    static final int LAUNCH_FAILED = 719;
    private static final Map<Integer, String[]> ERRORS = Map.of(
            SUCCESS, new String[] {"CUDA_SUCCESS", "no error"},
            INVALID_VALUE, new String[] {"CUDA_ERROR_INVALID_VALUE", "invalid argument"},
            NO_DEVICE, new String[] {"CUDA_ERROR_NO_DEVICE", "no CUDA-capable device is detected"},
            INVALID_PTX, new String[] {"CUDA_ERROR_INVALID_PTX", "a PTX JIT compilation failed"},
            NOT_FOUND, new String[] {"CUDA_ERROR_NOT_FOUND", "named symbol not found"},
            LAUNCH_FAILED, new String[] {"CUDA_ERROR_LAUNCH_FAILED", "unspecified launch failure"});
    private static final Pattern ENTRY = Pattern.compile("\\.entry\\s+(\\w+)\\s*\\(([^)]*)\\)");
    private static final Pattern PARAM = Pattern.compile("\\.param\\s+\\.(u64|u32|s32|f32)\\s+\\w+");

    private final Arena arena = Arena.ofShared();
    private final SelectiveScanKernel cpu;
    private final Map<String, MemorySegment> stubs = new HashMap<>();
    private final Map<Integer, MemorySegment[]> errorStrings = new HashMap<>();
    private final Map<Long, MemorySegment> allocations = new HashMap<>();
    private final Map<Long, String> functions = new HashMap<>();
    private final Map<String, List<String>> entryParams = new HashMap<>();
    private final List<String> failures = new ArrayList<>();

    int deviceCount = 1;
    String deviceName = "Fake H100 80GB HBM3";
    int failLaunchesWith = SUCCESS;
    String jitErrorLog = null;
    public int launches;
    int contextRetains;
    int moduleLoads;
    ScanLaunch lastLaunch;
    long lastSignedGate = -1;

    public FakeCudaDriver(SelectiveScanKernel cpu) {
        this.cpu = cpu;
        for (var e : ERRORS.entrySet()) {
            errorStrings.put(e.getKey(), new MemorySegment[] {
                arena.allocateFrom(e.getValue()[0]), arena.allocateFrom(e.getValue()[1])});
        }
        for (var e : CudaDriver.signatures().entrySet()) {
            String name = e.getKey();
            String method = name.replaceAll("_v2$", "");
            FunctionDescriptor fd = e.getValue();
            try {
                var mh = MethodHandles.lookup().findVirtual(FakeCudaDriver.class, method, fd.toMethodType())
                        .bindTo(this);
                stubs.put(name, Linker.nativeLinker().upcallStub(mh, fd, arena));
            } catch (ReflectiveOperationException ex) {
                throw new IllegalStateException("fake driver lacks " + method + fd.toMethodType(), ex);
            }
        }
    }

    /** A lookup of the stubs, optionally without some functions (to test a driver that lacks them). */
    SymbolLookup lookup(String... missing) {
        var gone = List.of(missing);
        return name -> gone.contains(name) ? Optional.empty() : Optional.ofNullable(stubs.get(name));
    }

    /** Bindings over this fake. */
    public CudaDriver driver() {
        return CudaDriver.bind(lookup(), "libfakecuda");
    }

    /** Problems a stub noticed that the caller could not see (e.g. bad launch parameters). */
    public List<String> failures() {
        return failures;
    }

    private int fail(String what) {
        failures.add(what);
        return INVALID_VALUE;
    }

    private static MemorySegment at(MemorySegment p, long bytes) {
        return p.reinterpret(bytes);
    }

    private MemorySegment device(long ptr, long bytes) {
        return MemorySegment.ofAddress(ptr).reinterpret(bytes);
    }

    // ---- stubs: one method per driver function, with the descriptor's Java types ----

    int cuInit(int flags) {
        return deviceCount == 0 ? NO_DEVICE : SUCCESS;
    }

    int cuDriverGetVersion(MemorySegment out) {
        at(out, 4).set(JAVA_INT, 0, 13000);
        return SUCCESS;
    }

    int cuGetErrorName(int code, MemorySegment out) {
        return errorString(code, out, 0);
    }

    int cuGetErrorString(int code, MemorySegment out) {
        return errorString(code, out, 1);
    }

    private int errorString(int code, MemorySegment out, int which) {
        MemorySegment[] s = errorStrings.get(code);
        if (s == null) {
            return INVALID_VALUE;
        }
        at(out, 8).set(ADDRESS, 0, s[which]);
        return SUCCESS;
    }

    int cuDeviceGetCount(MemorySegment out) {
        at(out, 4).set(JAVA_INT, 0, deviceCount);
        return SUCCESS;
    }

    int cuDeviceGet(MemorySegment out, int ordinal) {
        if (ordinal >= deviceCount) {
            return INVALID_VALUE;
        }
        at(out, 4).set(JAVA_INT, 0, ordinal);
        return SUCCESS;
    }

    int cuDeviceGetName(MemorySegment buf, int len, int dev) {
        at(buf, len).setString(0, deviceName);
        return SUCCESS;
    }

    int cuDeviceGetAttribute(MemorySegment out, int attr, int dev) {
        int v = switch (attr) {
            case CudaDriver.ATTR_MULTIPROCESSOR_COUNT -> 132;
            case CudaDriver.ATTR_MEMORY_CLOCK_RATE_KHZ -> 2_619_000;
            case CudaDriver.ATTR_GLOBAL_MEMORY_BUS_WIDTH -> 5120;
            case CudaDriver.ATTR_COMPUTE_CAPABILITY_MAJOR -> 9;
            case CudaDriver.ATTR_COMPUTE_CAPABILITY_MINOR -> 0;
            default -> -1;
        };
        if (v < 0) {
            return INVALID_VALUE;
        }
        at(out, 4).set(JAVA_INT, 0, v);
        return SUCCESS;
    }

    int cuDeviceTotalMem(MemorySegment out, int dev) {
        at(out, 8).set(JAVA_LONG, 0, 85L << 30);
        return SUCCESS;
    }

    int cuDevicePrimaryCtxRetain(MemorySegment out, int dev) {
        contextRetains++;
        at(out, 8).set(ADDRESS, 0, MemorySegment.ofAddress(0xC0_47E7L));
        return SUCCESS;
    }

    int cuDevicePrimaryCtxRelease(int dev) {
        contextRetains--;
        return SUCCESS;
    }

    int cuCtxSetCurrent(MemorySegment ctx) {
        return ctx.address() == 0xC0_47E7L ? SUCCESS : fail("cuCtxSetCurrent with a context we never gave out");
    }

    int cuCtxSynchronize() {
        return SUCCESS;
    }

    int cuModuleLoadDataEx(MemorySegment out, MemorySegment image, int nOptions, MemorySegment options,
                           MemorySegment values) {
        try {
            String ptx = at(image, 16L << 20).getString(0);
            MemorySegment opts = at(options, 4L * nOptions);
            MemorySegment vals = at(values, 8L * nOptions);
            MemorySegment errorLog = null;
            long errorLogSize = 0;
            for (int i = 0; i < nOptions; i++) {
                int opt = opts.getAtIndex(JAVA_INT, i);
                if (opt == 5) {
                    errorLog = vals.getAtIndex(ADDRESS, i);
                } else if (opt == 6) {
                    errorLogSize = vals.getAtIndex(ADDRESS, i).address();
                }
            }
            if (jitErrorLog != null) {
                if (errorLog == null || errorLogSize < jitErrorLog.length() + 1) {
                    return fail("no JIT error log buffer was passed");
                }
                at(errorLog, errorLogSize).setString(0, jitErrorLog);
                return INVALID_PTX;
            }
            var m = ENTRY.matcher(ptx);
            while (m.find()) {
                var types = new ArrayList<String>();
                var p = PARAM.matcher(m.group(2));
                while (p.find()) {
                    types.add(p.group(1));
                }
                entryParams.put(m.group(1), types);
            }
            moduleLoads++;
            at(out, 8).set(ADDRESS, 0, MemorySegment.ofAddress(0x30D_0000L + moduleLoads));
            return entryParams.isEmpty() ? INVALID_PTX : SUCCESS;
        } catch (RuntimeException e) {
            return fail("cuModuleLoadDataEx: " + e);
        }
    }

    int cuModuleUnload(MemorySegment module) {
        moduleLoads--;
        return SUCCESS;
    }

    int cuModuleGetFunction(MemorySegment out, MemorySegment module, MemorySegment name) {
        String n = at(name, 256).getString(0);
        if (!entryParams.containsKey(n)) {
            return NOT_FOUND;
        }
        MemorySegment handle = arena.allocate(8);
        functions.put(handle.address(), n);
        at(out, 8).set(ADDRESS, 0, handle);
        return SUCCESS;
    }

    int cuMemAlloc(MemorySegment out, long bytes) {
        MemorySegment mem = arena.allocate(bytes, 256);
        mem.fill((byte) 0x7f);   // garbage, as on a device
        allocations.put(mem.address(), mem);
        at(out, 8).set(JAVA_LONG, 0, mem.address());
        return SUCCESS;
    }

    int cuMemFree(long ptr) {
        return allocations.remove(ptr) != null ? SUCCESS : fail("cuMemFree of an unknown pointer");
    }

    int cuMemcpyHtoD(long dst, MemorySegment src, long bytes) {
        if (!inside(dst, bytes)) {
            return fail("cuMemcpyHtoD outside an allocation");
        }
        MemorySegment.copy(at(src, bytes), 0, device(dst, bytes), 0, bytes);
        return SUCCESS;
    }

    int cuMemcpyDtoH(MemorySegment dst, long src, long bytes) {
        if (!inside(src, bytes)) {
            return fail("cuMemcpyDtoH outside an allocation");
        }
        MemorySegment.copy(device(src, bytes), 0, at(dst, bytes), 0, bytes);
        return SUCCESS;
    }

    private boolean inside(long ptr, long bytes) {
        return allocations.values().stream()
                .anyMatch(m -> ptr >= m.address() && ptr + bytes <= m.address() + m.byteSize());
    }

    int cuLaunchKernel(MemorySegment fn, int gx, int gy, int gz, int bx, int by, int bz, int shared,
                       MemorySegment stream, MemorySegment params, MemorySegment extra) {
        try {
            String entry = functions.get(fn.address());
            if (entry == null) {
                return fail("cuLaunchKernel with an unknown function");
            }
            if (failLaunchesWith != SUCCESS) {
                return failLaunchesWith;
            }
            List<String> types = entryParams.get(entry);
            MemorySegment slots = at(params, 8L * types.size());
            long[] v = new long[types.size()];
            for (int i = 0; i < types.size(); i++) {
                MemorySegment slot = slots.getAtIndex(ADDRESS, i);
                v[i] = types.get(i).equals("u64") ? at(slot, 8).get(JAVA_LONG, 0) : at(slot, 4).get(JAVA_INT, 0);
            }
            int batch = (int) v[11];
            int maxLen = (int) v[12];
            int dInner = (int) v[13];
            int dState = (int) v[14];
            lastSignedGate = v[15];
            lastLaunch = new ScanLaunch(Integer.parseInt(entry.replaceAll("\\D+", "")), bx, gx, gy, shared);
            ScanLaunch expected = ScanLaunch.plan(batch, dInner, dState);
            if (!lastLaunch.equals(expected) || gz != 1 || by != 1 || bz != 1 || stream.address() != 0
                    || extra.address() != 0) {
                return fail("launch " + lastLaunch + " does not match the plan " + expected);
            }
            launches++;
            runOnHost(v, batch, maxLen, dInner, dState);
            return SUCCESS;
        } catch (RuntimeException e) {
            return fail("cuLaunchKernel: " + e);
        }
    }

    /** Reads the inputs from "device" memory, runs the CPU kernel, writes y, hLast and hAll back. */
    private void runOnHost(long[] v, int batch, int maxLen, int dInner, int dState) {
        int btd = batch * maxLen * dInner;
        int btn = batch * maxLen * dState;
        int bdn = batch * dInner * dState;
        int[] lengths = device(v[7], 4L * batch).toArray(JAVA_INT);
        var in = new ScanBatch(batch, maxLen, dInner, dState, lengths, floats(v[0], btd), floats(v[1], btd),
                floats(v[2], dInner * dState), floats(v[3], btn), floats(v[4], btn), floats(v[5], dInner),
                v[6] == 0 ? null : floats(v[6], bdn), v[15] == 1 ? GateRange.SIGNED : GateRange.NONNEGATIVE);
        ScanResult r = cpu.scan(in, v[10] != 0);
        MemorySegment.copy(r.y(), 0, device(v[8], 4L * btd), JAVA_FLOAT, 0, btd);
        MemorySegment.copy(r.hLast(), 0, device(v[9], 4L * bdn), JAVA_FLOAT, 0, bdn);
        if (v[10] != 0) {
            MemorySegment.copy(r.hAll(), 0, device(v[10], 4L * btd * dState), JAVA_FLOAT, 0, btd * dState);
        }
    }

    private float[] floats(long ptr, int n) {
        return device(ptr, 4L * n).toArray(JAVA_FLOAT);
    }

    int cuEventCreate(MemorySegment out, int flags) {
        at(out, 8).set(ADDRESS, 0, arena.allocate(8));
        return SUCCESS;
    }

    int cuEventRecord(MemorySegment event, MemorySegment stream) {
        at(event, 8).set(JAVA_LONG, 0, System.nanoTime());
        return SUCCESS;
    }

    int cuEventSynchronize(MemorySegment event) {
        return SUCCESS;
    }

    int cuEventElapsedTime(MemorySegment out, MemorySegment start, MemorySegment end) {
        long ns = at(end, 8).get(JAVA_LONG, 0) - at(start, 8).get(JAVA_LONG, 0);
        at(out, 4).set(JAVA_FLOAT, 0, ns / 1e6f);
        return SUCCESS;
    }

    int cuEventDestroy(MemorySegment event) {
        return SUCCESS;
    }

    /** Device allocations still live (a leak when a scan has finished). */
    public int liveAllocations() {
        return allocations.size();
    }

    @Override
    public void close() {
        arena.close();
    }
}
