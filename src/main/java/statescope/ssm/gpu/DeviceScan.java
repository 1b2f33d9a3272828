package statescope.ssm.gpu;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import statescope.ssm.GateRange;
import statescope.ssm.ScanBatch;
import statescope.ssm.ScanResult;

/**
 * One batch on the device: its inputs uploaded, its outputs allocated, the kernel's parameters packed.
 * {@link #launch()} runs the scan (as often as wanted, e.g. for timing), {@link #download()} copies the
 * result back, {@link #close()} frees the device memory. Made by {@link CudaScanKernel#upload}.
 */
public final class DeviceScan implements AutoCloseable {

    private final CudaScanKernel kernel;
    private final CudaDriver driver;
    private final ScanBatch in;
    private final boolean emitStates;
    private final ScanLaunch plan;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment params;
    // device buffers; 0 = not allocated
    private long x;
    private long delta;
    private long a;
    private long b;
    private long c;
    private long dSkip;
    private long h0;
    private long lengths;
    private long y;
    private long hLast;
    private long hAll;
    private boolean closed;

    DeviceScan(CudaScanKernel kernel, ScanBatch in, boolean emitStates, ScanLaunch plan) {
        this.kernel = kernel;
        this.driver = kernel.driver();
        this.in = in;
        this.emitStates = emitStates;
        this.plan = plan;
        try {
            x = upload(in.x());
            delta = upload(in.delta());
            a = upload(in.a());
            b = upload(in.b());
            c = upload(in.c());
            dSkip = upload(in.dSkip());
            h0 = in.h0() == null ? 0 : upload(in.h0());
            lengths = driver.allocate((long) in.batch() * Integer.BYTES);
            driver.copyToDevice(lengths, in.lengths());
            long btd = (long) in.batch() * in.maxLen() * in.dInner();
            long dn = (long) in.dInner() * in.dState();
            y = driver.allocate(btd * Float.BYTES);
            hLast = driver.allocate(in.batch() * dn * Float.BYTES);
            hAll = emitStates ? driver.allocate(btd * in.dState() * Float.BYTES) : 0;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        params = packParams();
    }

    private long upload(float[] host) {
        long ptr = driver.allocate((long) host.length * Float.BYTES);
        try {
            driver.copyToDevice(ptr, host);
        } catch (RuntimeException e) {
            driver.free(ptr);
            throw e;
        }
        return ptr;
    }

    /** {@code void*[]} of {@link ScanLaunch#PARAMS}: each entry points at an 8-byte slot with the value. */
    private MemorySegment packParams() {
        long[] pointers = {x, delta, a, b, c, dSkip, h0, lengths, y, hLast, hAll};
        int[] ints = {in.batch(), in.maxLen(), in.dInner(), in.dState(), in.gates() == GateRange.SIGNED ? 1 : 0};
        int count = ScanLaunch.PARAMS.size();
        MemorySegment values = arena.allocate(JAVA_LONG, count);
        MemorySegment array = arena.allocate(ADDRESS, count);
        for (int i = 0; i < count; i++) {
            if (ScanLaunch.PARAMS.get(i).pointer()) {
                values.setAtIndex(JAVA_LONG, i, pointers[i]);
            } else {
                values.set(JAVA_INT, i * 8L, ints[i - pointers.length]);
            }
            array.setAtIndex(ADDRESS, i, values.asSlice(i * 8L, 8));
        }
        return array;
    }

    /** The launch configuration. */
    public ScanLaunch plan() {
        return plan;
    }

    /** Bytes the kernel moves per launch (see {@link ScanLaunch#bytesMoved}). */
    public long bytesMoved() {
        return ScanLaunch.bytesMoved(in, emitStates);
    }

    /** Runs the kernel once and waits for it. */
    public void launch() {
        enqueue();
        driver.synchronize();
    }

    private void enqueue() {
        ensureOpen();
        MemorySegment fn = kernel.function(plan.nmax());   // also makes the context current
        driver.launch(fn, plan.gridX(), plan.gridY(), 1, plan.threads(), 1, 1, plan.sharedBytes(), params);
    }

    /**
     * Runs the kernel {@code reps} times back to back between two CUDA events and returns the mean
     * milliseconds per launch (device time, without host transfers).
     */
    public double launchTimed(int reps) {
        ensureOpen();
        kernel.makeCurrent();
        MemorySegment start = driver.createEvent();
        MemorySegment end = driver.createEvent();
        try {
            driver.record(start);
            for (int i = 0; i < reps; i++) {
                enqueue();
            }
            driver.record(end);
            driver.synchronize(end);
            driver.synchronize();   // surfaces a launch failure with its own error
            return driver.elapsedMillis(start, end) / reps;
        } finally {
            driver.destroyEvent(start);
            driver.destroyEvent(end);
        }
    }

    /** Copies y, hLast and (when emitted) every h_t back to the host. */
    public ScanResult download() {
        ensureOpen();
        kernel.makeCurrent();
        if (emitStates) {
            checkStatesFit(in);
        }
        long btd = (long) in.batch() * in.maxLen() * in.dInner();
        long states = btd * in.dState();
        float[] yHost = new float[(int) btd];
        float[] hLastHost = new float[in.batch() * in.dInner() * in.dState()];
        driver.copyFromDevice(yHost, y);
        driver.copyFromDevice(hLastHost, hLast);
        float[] hAllHost = null;
        if (emitStates) {
            hAllHost = new float[(int) states];
            driver.copyFromDevice(hAllHost, hAll);
        }
        return new ScanResult(yHost, hLastHost, hAllHost);
    }

    /** Every h_t of a batch must fit one Java array to be returned in a {@link ScanResult}. */
    static void checkStatesFit(ScanBatch in) {
        long states = (long) in.batch() * in.maxLen() * in.dInner() * in.dState();
        if (states > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("every h_t of this batch has " + states
                    + " numbers, more than one Java array holds; scan without emitting states");
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this device scan is closed");
        }
    }

    /** Frees the device memory. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException first = null;
        try {
            kernel.makeCurrent();
        } catch (RuntimeException e) {
            first = e;   // still try to free: the pointers belong to the primary context
        }
        for (long ptr : new long[] {x, delta, a, b, c, dSkip, h0, lengths, y, hLast, hAll}) {
            try {
                driver.free(ptr);
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        arena.close();
        if (first != null) {
            throw first;
        }
    }
}
