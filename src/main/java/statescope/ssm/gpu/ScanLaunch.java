package statescope.ssm.gpu;

import java.util.List;
import statescope.ssm.ScanBatch;

/**
 * The launch configuration of the CUDA scan for one batch shape, and the kernel's parameter list; see
 * the header of {@code src/main/cuda/selective_scan.cu} for the design.
 *
 * <pre>
 *   block = threads channels d of one string b    threads = min(128, ED rounded up to 32)
 *   grid  = (B, ceil(ED / threads))
 *   shared memory = 2 stages · 16 steps · (2·threads + 2·nmax) · 4 bytes
 * </pre>
 *
 * @param nmax        the entry point's state capacity (4, 8, 16, 32 or 64), the smallest ≥ N
 * @param threads     threads (channels) per block
 * @param gridX       blocks along the batch
 * @param gridY       blocks along the channels
 * @param sharedBytes dynamic shared memory per block
 */
public record ScanLaunch(int nmax, int threads, int gridX, int gridY, int sharedBytes) {

    /** Time steps per pipeline stage (CHUNK in the kernel). */
    public static final int CHUNK = 16;
    /** Channels per block at most (MAX_THREADS in the kernel). */
    public static final int MAX_THREADS = 128;
    /** The state capacities that have an entry point. */
    public static final List<Integer> NMAX = List.of(4, 8, 16, 32, 64);
    /** Largest grid.y of a CUDA launch. */
    private static final int MAX_GRID_Y = 65_535;

    /** A kernel parameter: its name in the source and whether it is a 64-bit pointer or a 32-bit int. */
    public record Param(String name, boolean pointer) {
    }

    /** The parameters of every entry point, in order, named as in the source (its {@code D} is d_inner, ED). */
    public static final List<Param> PARAMS = List.of(
            new Param("x", true), new Param("delta", true), new Param("A", true), new Param("Bm", true),
            new Param("Cm", true), new Param("Dskip", true), new Param("h0", true), new Param("lengths", true),
            new Param("y", true), new Param("hLast", true), new Param("hAll", true),
            new Param("batch", false), new Param("T", false), new Param("D", false), new Param("N", false),
            new Param("signedGate", false));

    /**
     * Plans a launch.
     *
     * @throws GpuUnavailableException if the shape does not fit the kernel (N &gt; 64, too many channels)
     */
    public static ScanLaunch plan(int batch, int dInner, int dState) {
        int nmax = NMAX.stream().filter(n -> n >= dState).findFirst()
                .orElseThrow(() -> new GpuUnavailableException("the CUDA scan supports d_state up to "
                        + NMAX.getLast() + ", not " + dState));
        int threads = Math.min(MAX_THREADS, (dInner + 31) / 32 * 32);
        int gridY = (dInner + threads - 1) / threads;
        if (gridY > MAX_GRID_Y) {
            throw new GpuUnavailableException("d_inner " + dInner + " is too large for the CUDA scan");
        }
        int shared = 2 * CHUNK * (2 * threads + 2 * nmax) * Float.BYTES;
        return new ScanLaunch(nmax, threads, batch, gridY, shared);
    }

    /** Plans the launch for a batch. */
    public static ScanLaunch plan(ScanBatch in) {
        return plan(in.batch(), in.dInner(), in.dState());
    }

    /** The PTX entry point, e.g. {@code selective_scan_fwd_n16}. */
    public String entryPoint() {
        return entryPoint(nmax);
    }

    /** The PTX entry point for a state capacity. */
    public static String entryPoint(int nmax) {
        return "selective_scan_fwd_n" + nmax;
    }

    /**
     * Bytes the kernel must move per real token (b, t): x and Δ read and y written (12·ED), B and C read
     * (8·N), and every h_t written (4·ED·N) when emitted. This is the figure behind the benchmark's GB/s.
     */
    public static long bytesPerToken(int dInner, int dState, boolean emitStates) {
        return 12L * dInner + 8L * dState + (emitStates ? 4L * dInner * dState : 0);
    }

    /**
     * Bytes one scan of this batch must move at least: {@link #bytesPerToken} for real tokens, y (and
     * hAll) zeros for padding, A and D once, h0 (if given) and hLast per string, the lengths.
     */
    public static long bytesMoved(ScanBatch in, boolean emitStates) {
        long dn = (long) in.dInner() * in.dState();
        long real = in.tokens();
        long padding = (long) in.batch() * in.maxLen() - real;
        long perString = 4L * dn * (in.h0() == null ? 1 : 2) + Integer.BYTES;
        return real * bytesPerToken(in.dInner(), in.dState(), emitStates)
                + padding * (4L * in.dInner() + (emitStates ? 4L * dn : 0))
                + 4L * dn + 4L * in.dInner() + in.batch() * perString;
    }
}
