package statescope.ssm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fast batched forward pass over many strings of different lengths: projections as blocked GEMMs
 * ({@code CpuMath}, Vector API when available) over row chunks in parallel, and the selective scan
 * through a pluggable {@link SelectiveScanKernel} (reference, Vector API or CUDA). Optionally starts
 * from given states (conv buffers + h0) and returns the final states, so a prefix can be scanned fast
 * and then stepped. Padded layouts: row {@code b·T + t} holds token t of string b; padding rows are 0.
 *
 * <p>Thread-safe: every call allocates its own buffers.
 */
public final class FastForward {

    private static final int CHUNK = 64;  // rows per task: fits u, xz, x, dbc in L2

    private final SsmWeights w;
    private final SsmConfig c;
    private final SelectiveScanKernel kernel;
    private final CpuMath math;
    private final Parallel parallel;

    /** On the fastest CPU kernels with one thread per core. */
    public FastForward(SsmWeights weights) {
        this(weights, VectorSupport.fastScan(Parallel.defaultThreads()), Parallel.defaultThreads());
    }

    /** With a given scan kernel and {@code threads} threads for the projections. */
    public FastForward(SsmWeights weights, SelectiveScanKernel kernel, int threads) {
        this(weights, kernel, threads, VectorSupport.math());
    }

    FastForward(SsmWeights weights, SelectiveScanKernel kernel, int threads, CpuMath math) {
        this.w = Objects.requireNonNull(weights, "weights");
        this.c = weights.config();
        this.kernel = Objects.requireNonNull(kernel, "kernel");
        this.math = math;
        this.parallel = new Parallel(threads);
    }

    /** The weights. */
    public SsmWeights weights() {
        return w;
    }

    /** The scan kernel in use. */
    public SelectiveScanKernel kernel() {
        return kernel;
    }

    /**
     * What to compute besides the logits.
     *
     * @param emitStates return every h_t (per layer, [B, T, ED, N]); needed for {@link Result#trace}
     * @param keepLayers keep each layer's scan input and output (x, Δ, B, C, y, h_last)
     * @param initial    per string a state to start from (conv buffers + h), or null for zero states
     */
    public record Options(boolean emitStates, boolean keepLayers, SsmState[] initial) {
        /** Logits and final states only. */
        public static final Options LOGITS = new Options(false, false, null);
        /** Everything, for traces and agreement checks. */
        public static final Options FULL = new Options(true, true, null);
    }

    /**
     * The outputs of one batch.
     *
     * @param logits      [B, T, O] (0 at padding)
     * @param layers      per layer the scan's input and output (empty unless keepLayers)
     * @param finalStates per string the state after its last token (position advanced by its length)
     */
    public record Result(int batch, int maxLen, int[] lengths, float[] logits, List<Layer> layers,
                         SsmState[] finalStates, SsmConfig config) {

        /** The trace of string b, as the step or the reference forward would give it (needs FULL). */
        public Trace trace(int b) {
            if (layers.isEmpty() || layers.get(0).output().hAll() == null) {
                throw new IllegalStateException("run with Options.FULL to get traces");
            }
            int len = lengths[b];
            int o = config.outputSize();
            int ed = config.dInner();
            int n = config.dState();
            int row = b * maxLen;
            float[] lg = Arrays.copyOfRange(logits, row * o, (row + len) * o);
            List<Trace.LayerTrace> lts = new ArrayList<>();
            for (Layer l : layers) {
                ScanBatch in = l.input();
                float[] x = Arrays.copyOfRange(in.x(), row * ed, (row + len) * ed);
                float[] delta = Arrays.copyOfRange(in.delta(), row * ed, (row + len) * ed);
                float[] aBar = new float[len * ed * n];
                for (int t = 0; t < len; t++) {
                    for (int d = 0; d < ed; d++) {
                        for (int s = 0; s < n; s++) {
                            aBar[(t * ed + d) * n + s] = config.gates().gate(delta[t * ed + d] * in.a()[d * n + s]);
                        }
                    }
                }
                lts.add(new Trace.LayerTrace(len, ed, n, x, delta, aBar,
                        Arrays.copyOfRange(in.b(), row * n, (row + len) * n),
                        Arrays.copyOfRange(in.c(), row * n, (row + len) * n),
                        states(l.output(), b, len, ed, n),
                        Arrays.copyOfRange(l.output().y(), row * ed, (row + len) * ed)));
            }
            return new Trace(len, lg, lts);
        }

        /** String b's first {@code len} states as [len, ED, N]. */
        private float[] states(ScanResult out, int b, int len, int ed, int n) {
            float[] h = new float[len * ed * n];
            for (int t = 0; t < len; t++) {
                out.state(b, t, maxLen, ed, n, h, t * ed * n);
            }
            return h;
        }
    }

    /** One layer's scan input (x, Δ, A, B, C, D, h0) and output (y, h_last, h_all). */
    public record Layer(ScanBatch input, ScanResult output) {
    }

    /**
     * Buffers that one caller reuses from one batched forward to the next, so that a long read done a
     * block at a time allocates its activations once instead of once per block (for a 3-layer
     * d_model-64 model about 2 MB per 64-token block, 3 GB over a 100,000-token paste, most of it every
     * h_t). A {@link Result} made with a workspace is backed by it: read it before the next forward
     * that uses the same workspace. One forward at a time per workspace.
     */
    public static final class Workspace {
        private final Map<String, float[]> arrays = new HashMap<>();
        private final Map<Integer, ScanResult> results = new HashMap<>();
        private final boolean stateMajor;

        /** A workspace whose scans keep h_t as [B, T, ED, N]. */
        public Workspace() {
            this(false);
        }

        /**
         * A workspace whose scans keep h_t as [B, T, N, ED] when {@code stateMajor} and the kernel can
         * ({@link ScanResult#stateMajor()}: the vector kernel then stores its registers as they are instead of
         * scattering every state, about three quarters of its time in a long read); read them through
         * {@link ScanResult#state}.
         */
        public Workspace(boolean stateMajor) {
            this.stateMajor = stateMajor;
        }

        /** An array of {@code size} floats for {@code slot}: reused when it has that size, zeroed when asked. */
        float[] take(String slot, int size, boolean zero) {
            float[] a = arrays.get(slot);
            if (a == null || a.length != size) {
                a = new float[size];
                arrays.put(slot, a);
            } else if (zero) {
                Arrays.fill(a, 0f);
            }
            return a;
        }

        /** Layer {@code layer}'s scan output for {@code in}, reused when the shape is the same. */
        ScanResult result(int layer, ScanBatch in, boolean emitStates, boolean zero) {
            ScanResult r = results.get(layer);
            ScanResult fresh = r != null && r.fits(in, emitStates) ? r : ScanResult.allocate(in, emitStates, stateMajor);
            if (fresh != r) {
                results.put(layer, fresh);
            } else if (zero) {
                Arrays.fill(r.y(), 0f);
                Arrays.fill(r.hLast(), 0f);
                if (r.hAll() != null) {
                    Arrays.fill(r.hAll(), 0f);
                    Arrays.fill(r.hMean(), 0f);
                }
            }
            return fresh;
        }
    }

    /** Runs the model over every string of {@code tokens} (lengths may differ; empty strings allowed). */
    public Result forward(int[][] tokens, Options opts) {
        return forward(tokens, opts, null);
    }

    /**
     * {@link #forward(int[][], Options)} with its activations in {@code workspace} (or fresh arrays when
     * null): the result is backed by the workspace until its next use.
     */
    public Result forward(int[][] tokens, Options opts, Workspace workspace) {
        int bSz = tokens.length;
        if (bSz == 0) {
            throw new IllegalArgumentException("empty batch");
        }
        if (opts.initial() != null && opts.initial().length != bSz) {
            throw new IllegalArgumentException(opts.initial().length + " initial states for " + bSz + " strings");
        }
        int[] lengths = new int[bSz];
        int tMax = 0;
        for (int b = 0; b < bSz; b++) {
            try {
                ReferenceForward.checkTokens(tokens[b], c.vocabSize());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("string " + b + ": " + e.getMessage(), e);
            }
            lengths[b] = tokens[b].length;
            tMax = Math.max(tMax, lengths[b]);
        }
        long rowsL = (long) bSz * tMax;
        if (rowsL * 2 * c.dInner() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("batch too large: " + bSz + " × " + tMax + " tokens");
        }
        int dm = c.dModel();
        int ed = c.dInner();
        int n = c.dState();
        int k = c.dConv();
        int r = c.dtRank();
        int rows = (int) rowsL;
        final int tm = tMax;
        List<int[]> chunks = chunks(lengths);                    // {b, t0, t1}
        boolean padded = false;                                  // padding rows must read 0 in reused arrays
        for (int len : lengths) {
            padded |= len != tMax;
        }
        Workspace ws = workspace != null ? workspace : new Workspace();  // none given: fresh arrays, dropped after
        float[] resid = ws.take("resid", rows * dm, padded);   // [B, T, D]
        embed(tokens, w.embedding, dm, tm, resid);
        float[] xz = ws.take("xz", rows * 2 * ed, padded);  // [B, T, 2·ED]
        SsmState[] fin = new SsmState[bSz];
        for (int b = 0; b < bSz; b++) {
            fin[b] = opts.initial() != null ? opts.initial()[b].copy() : new SsmState(c);
            if (!fin[b].config().equals(c)) {
                throw new IllegalArgumentException("initial state " + b + " belongs to a different model config");
            }
            fin[b].position += lengths[b];
        }
        List<Layer> kept = new ArrayList<>();
        float[] x = null;
        float[] delta = null;
        float[] bm = null;
        float[] cm = null;
        for (int l = 0; l < c.nLayer(); l++) {
            LayerWeights lw = w.layers[l];
            final int li = l;
            if (x == null || opts.keepLayers()) {
                String at = opts.keepLayers() ? Integer.toString(l) : "";
                x = ws.take("x" + at, rows * ed, padded);            // [B, T, ED]
                delta = ws.take("delta" + at, rows * ed, padded);    // [B, T, ED]
                bm = ws.take("b" + at, rows * n, padded);             // [B, T, N]
                cm = ws.take("c" + at, rows * n, padded);             // [B, T, N]
            }
            final float[] xf = x;
            final float[] df = delta;
            final float[] bf = bm;
            final float[] cf = cm;
            // phase 1: u = norm(r); (x̃, z) = in_proj·u
            parallel.forEach(chunks.size(), i -> {
                int[] ch = chunks.get(i);
                int row0 = ch[0] * tm + ch[1];
                int m = ch[2] - ch[1];
                float[] u = new float[m * dm];                   // [m, D]
                for (int q = 0; q < m; q++) {
                    Norms.forward(c.norm(), c.normEps(), resid, (row0 + q) * dm, dm, lw.normW, lw.normB, u, q * dm);
                }
                math.gemm(u, 0, dm, m, dm, lw.inProjT, 2 * ed, xz, row0 * 2 * ed, 2 * ed, false);
            });
            // phase 2: causal conv + SiLU, x_proj, Δ
            parallel.forEach(chunks.size(), i -> {
                int[] ch = chunks.get(i);
                int b = ch[0];
                int row0 = b * tm + ch[1];
                int m = ch[2] - ch[1];
                float[] conv0 = opts.initial() != null ? opts.initial()[b].conv[li] : null;   // [K-1, ED]
                for (int t = ch[1]; t < ch[2]; t++) {
                    int o = (b * tm + t) * ed;
                    System.arraycopy(lw.convB, 0, xf, o, ed);
                    for (int j = 0; j < k; j++) {
                        int src = t - (k - 1) + j;
                        if (src >= 0) {
                            math.mulAdd(lw.convWT, j * ed, xz, (b * tm + src) * 2 * ed, xf, o, ed);
                        } else if (conv0 != null) {
                            math.mulAdd(lw.convWT, j * ed, conv0, (k - 1 + src) * ed, xf, o, ed);
                        }
                    }
                }
                math.silu(xf, row0 * ed, xf, row0 * ed, m * ed);
                if (c.selective()) {
                    int p = Layouts.pad16(r + 2 * n);
                    float[] dbc = new float[m * p];              // [m, pad16(R+2N)]
                    math.gemm(xf, row0 * ed, ed, m, ed, lw.xProjT, p, dbc, 0, p, false);
                    for (int q = 0; q < m; q++) {
                        System.arraycopy(dbc, q * p + r, bf, (row0 + q) * n, n);
                        System.arraycopy(dbc, q * p + r + n, cf, (row0 + q) * n, n);
                    }
                    math.gemm(dbc, 0, p, m, r, lw.dtWT, ed, df, row0 * ed, ed, false);
                    for (int q = 0; q < m; q++) {
                        math.softplusBias(df, (row0 + q) * ed, lw.dtB, ed);
                    }
                } else {
                    for (int q = 0; q < m; q++) {
                        System.arraycopy(lw.constDelta, 0, df, (row0 + q) * ed, ed);
                        System.arraycopy(lw.constB, 0, bf, (row0 + q) * n, n);
                        System.arraycopy(lw.constC, 0, cf, (row0 + q) * n, n);
                    }
                }
            });
            // the final conv buffers: the last K-1 inputs x̃ of each string
            for (int b = 0; b < bSz; b++) {
                float[] before = opts.initial() != null ? opts.initial()[b].conv[l] : null;
                float[] buf = fin[b].conv[l];
                for (int j = 0; j < k - 1; j++) {
                    int src = lengths[b] - (k - 1) + j;
                    if (src >= 0) {
                        System.arraycopy(xz, (b * tm + src) * 2 * ed, buf, j * ed, ed);
                    } else {
                        int from = k - 1 + src;                  // row of the initial buffer
                        if (before != null) {
                            System.arraycopy(before, from * ed, buf, j * ed, ed);
                        } else {
                            Arrays.fill(buf, j * ed, (j + 1) * ed, 0f);
                        }
                    }
                }
            }
            float[] h0 = null;
            if (opts.initial() != null) {
                h0 = new float[bSz * ed * n];                    // [B, ED, N]
                for (int b = 0; b < bSz; b++) {
                    System.arraycopy(opts.initial()[b].h(l), 0, h0, b * ed * n, ed * n);
                }
            }
            var in = new ScanBatch(bSz, tm, ed, n, lengths.clone(), xf, df, lw.a, bf, cf, lw.dSkip, h0, c.gates());
            ScanResult out = workspace == null ? kernel.scan(in, opts.emitStates())   // a kernel may ignore into
                    : kernel.scan(in, opts.emitStates(), ws.result(l, in, opts.emitStates(), padded));
            for (int b = 0; b < bSz; b++) {
                fin[b].setH(l, Arrays.copyOfRange(out.hLast(), b * ed * n, (b + 1) * ed * n));
            }
            // phase 3: r += out_proj·(y ⊙ SiLU(z))
            parallel.forEach(chunks.size(), i -> {
                int[] ch = chunks.get(i);
                int row0 = ch[0] * tm + ch[1];
                int m = ch[2] - ch[1];
                float[] g = new float[m * ed];                   // [m, ED]
                for (int q = 0; q < m; q++) {
                    math.mulSilu(out.y(), (row0 + q) * ed, xz, (row0 + q) * 2 * ed + ed, g, q * ed, ed);
                }
                math.gemm(g, 0, ed, m, ed, lw.outProjT, dm, resid, row0 * dm, dm, true);
            });
            if (opts.keepLayers()) {
                kept.add(new Layer(in, out));
            }
        }
        int o = c.outputSize();
        float[] logits = ws.take("logits", rows * o, padded);   // [B, T, O]
        parallel.forEach(chunks.size(), i -> {
            int[] ch = chunks.get(i);
            int row0 = ch[0] * tm + ch[1];
            int m = ch[2] - ch[1];
            float[] u = new float[m * dm];
            for (int q = 0; q < m; q++) {
                Norms.forward(c.norm(), c.normEps(), resid, (row0 + q) * dm, dm, w.normF, w.normFBias, u, q * dm);
            }
            int op = Layouts.pad16(o);
            float[] lp = new float[m * op];                  // [m, pad16(O)]
            math.gemm(u, 0, dm, m, dm, w.headT, op, lp, 0, op, false);
            for (int q = 0; q < m; q++) {
                for (int j = 0; j < o; j++) {
                    logits[(row0 + q) * o + j] = lp[q * op + j] + (w.headBias == null ? 0f : w.headBias[j]);
                }
            }
        });
        return new Result(bSz, tm, lengths, logits, List.copyOf(kept), fin, c);
    }

    /*
     * The loops over every token or chunk live in methods of their own, not in forward: a loop in forward that
     * runs long enough made the JIT compile all of forward for it, on the stack (OSR), with every phase
     * inlined, during the read that ran it: 0.8-1.1 s of C2 time for each of two such compilations in the
     * app's 100,000-token paste, on a two-core machine (docs/performance.md, "Eighth pass"). Left to its
     * calls, forward (one call per block read) is compiled as a whole much later, outside the paste.
     */

    /** The chunks of rows the phases hand out: {b, t0, t1} with t1 − t0 ≤ CHUNK. */
    private static List<int[]> chunks(int[] lengths) {
        List<int[]> chunks = new ArrayList<>();
        for (int b = 0; b < lengths.length; b++) {
            for (int t0 = 0; t0 < lengths[b]; t0 += CHUNK) {
                chunks.add(new int[] {b, t0, Math.min(lengths[b], t0 + CHUNK)});
            }
        }
        return chunks;
    }

    /** Each token's embedding row into the residual stream {@code resid} [B, T, D]. */
    private static void embed(int[][] tokens, float[] embedding, int dm, int tm, float[] resid) {
        for (int b = 0; b < tokens.length; b++) {
            for (int t = 0; t < tokens[b].length; t++) {
                System.arraycopy(embedding, tokens[b][t] * dm, resid, (b * tm + t) * dm, dm);
            }
        }
    }

    /**
     * Largest absolute difference between the step path and this forward pass (logits, and every
     * layer's Δ, h and y) on one string from the zero state: the status bar's health figure.
     */
    public double maxStepScanDeviation(int[] tokens) {
        Trace step = new SsmStepper(w).run(new SsmState(c), tokens);
        Trace scan = forward(new int[][] {tokens}, Options.FULL).trace(0);
        return Traces.maxAbsDiff(step, scan);
    }

    /** {@link #maxStepScanDeviation(int[])} for given weights and scan kernel. */
    public static double maxStepScanDeviation(SsmWeights weights, int[] tokens, SelectiveScanKernel kernel) {
        return new FastForward(weights, kernel, 1).maxStepScanDeviation(tokens);
    }
}
