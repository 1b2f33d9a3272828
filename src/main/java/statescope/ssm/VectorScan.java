package statescope.ssm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The selective scan as one fused Vector API kernel: discretisation, recurrence and output in a
 * single pass over each string, lanes over channels with the state kept transposed ([N, width] for a
 * task of {@code width} channels), so the inner loop is exp ({@link VectorPolyMath#exp}: the same bits
 * in every JIT tier) + two FMAs per state update with no reductions. Multi-threaded over (string, channel block) tasks.
 * Its reference twin is {@link ReferenceScan}. Loaded only through {@link VectorSupport#fastScan(int)}.
 */
public final class VectorScan implements SelectiveScanKernel {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = S.length();
    private final Parallel parallel;

    /** A kernel using {@code threads} worker threads. */
    public VectorScan(int threads) {
        this.parallel = new Parallel(threads);
    }

    @Override
    public String name() {
        return "cpu-vector";
    }

    @Override
    public ScanResult scan(ScanBatch in, boolean emitStates) {
        return scan(in, emitStates, null);
    }

    @Override
    public ScanResult scan(ScanBatch in, boolean emitStates, ScanResult into) {
        int bSz = in.batch();
        int ed = in.dInner();
        ScanResult out = ScanResult.allocate(in, emitStates, into);
        float[] aT = Layouts.transpose(in.a(), ed, in.dState());                 // [N, ED]
        // channel blocks: enough tasks to keep every thread busy, each a multiple of the lane count
        int wanted = Math.max(1, (4 * parallel.threads() + bSz - 1) / bSz);
        int vecs = Math.max(1, (ed + LANES - 1) / LANES);
        int blocks = Math.min(wanted, vecs);
        int perBlock = ((vecs + blocks - 1) / blocks) * LANES;
        int nBlocks = (ed + perBlock - 1) / perBlock;
        int[] lanesAt = out.hAll() == null || out.stateMajor() ? null : scatterMap(in.dState());
        parallel.forEach(bSz * nBlocks, task -> {
            int b = task / nBlocks;
            int d0 = (task % nBlocks) * perBlock;
            run(in, aT, b, d0, Math.min(ed, d0 + perBlock), lanesAt, out);
        });
        return out;
    }

    /**
     * String b, channels [d0, d1): y [B, T, ED], hLast [B, ED, N], and hAll [B, T, ED, N] with hMean [B, T, ED]
     * (both or neither) of out.
     */
    private static void run(ScanBatch in, float[] aT, int b, int d0, int d1, int[] lanesAt, ScanResult out) {
        float[] y = out.y();
        float[] hAll = out.hAll();
        float[] hMean = out.hMean();
        int tMax = in.maxLen();
        int ed = in.dInner();
        int n = in.dState();
        int width = d1 - d0;
        float[] x = in.x();
        float[] delta = in.delta();
        float[] bm = in.b();
        float[] cm = in.c();
        float[] dSkip = in.dSkip();
        boolean signed = in.gates() == GateRange.SIGNED;
        float[] h = new float[n * width];                                         // [N, width]
        if (in.h0() != null) {
            for (int d = d0; d < d1; d++) {
                for (int s = 0; s < n; s++) {
                    h[s * width + d - d0] = in.h0()[(b * ed + d) * n + s];
                }
            }
        }
        int vecEnd = d0 + ((width / LANES) * LANES);
        int len = in.lengths()[b];
        for (int t = 0; t < len; t++) {
            int row = b * tMax + t;
            int xr = row * ed;
            int nr = row * n;
            token(x, xr, delta, xr, aT, bm, nr, cm, nr, dSkip, ed, n, d0, vecEnd, width, signed, h, y, xr,
                    hAll, xr * n, lanesAt, hMean, out.stateMajor());
            tokenTail(x, xr, delta, xr, aT, bm, nr, cm, nr, dSkip, ed, n, d0, vecEnd, d1, width, signed, h, y, xr,
                    hAll, xr * n, hMean, out.stateMajor());
        }
        for (int d = d0; d < d1; d++) {
            for (int s = 0; s < n; s++) {
                out.hLast()[(b * ed + d) * n + s] = h[s * width + d - d0];
            }
        }
    }

    /**
     * One token of the scan for the channels [d0, vecEnd) of a block of {@code width} channels from d0
     * (whole vectors; {@link #tokenTail} does the rest): h[s, d−d0] = gate(Δ[d]·aT[s, d])·h + Δ[d]·x[d]·B[s],
     * y[d] = Σ_s C[s]·h[s, d−d0] + D[d]·x[d]. Shared by this kernel (a block per task) and
     * {@link VectorMath#scanStep} (one block of all ED channels). A small method of its own, called once
     * per token, so that C2 compiles it early and whole.
     *
     * @param aT      [N, ED]
     * @param h       [N, width] the block's state, updated in place
     * @param hAll    where the new state is also written from {@code hOff} (the scan's per-token states), or
     *                null: as [ED, N], scattered from the same vectors, so no second pass reads h back, or as
     *                [N, ED] with {@code stateMajor}, each vector stored as it is
     * @param lanesAt {@link #scatterMap} of N (when hAll is given as [ED, N])
     * @param hMean   when hAll is given: where the new state's mean over N goes, as [ED] from {@code yOff}
     *                (summed over n in order, then divided by N: {@link ScanResult#hMean()})
     * @param stateMajor the layout of hAll ({@link ScanResult#stateMajor()})
     */
    static void token(float[] x, int xOff, float[] delta, int dOff, float[] aT, float[] b, int bOff, float[] c,
                      int cOff, float[] dSkip, int ed, int n, int d0, int vecEnd, int width, boolean signed,
                      float[] h, float[] y, int yOff, float[] hAll, int hOff, int[] lanesAt, float[] hMean,
                      boolean stateMajor) {
        for (int d = d0; d < vecEnd; d += LANES) {
            FloatVector dt = FloatVector.fromArray(S, delta, dOff + d);
            FloatVector xv = FloatVector.fromArray(S, x, xOff + d);
            FloatVector dx = dt.mul(xv);
            FloatVector acc = FloatVector.zero(S);
            FloatVector sum = FloatVector.zero(S);
            int hi = d - d0;
            for (int s = 0; s < n; s++, hi += width) {
                FloatVector e = VectorPolyMath.exp(dt.mul(FloatVector.fromArray(S, aT, s * ed + d)));
                if (signed) {
                    e = e.fma(2f, -1f);
                }
                FloatVector hv = e.fma(FloatVector.fromArray(S, h, hi), dx.mul(b[bOff + s]));
                hv.intoArray(h, hi);
                if (hAll != null) {
                    if (stateMajor) {
                        hv.intoArray(hAll, hOff + s * ed + d);
                    } else {
                        hv.intoArray(hAll, hOff + d * n + s, lanesAt, 0);
                    }
                    sum = sum.add(hv);
                }
                acc = hv.fma(FloatVector.broadcast(S, c[cOff + s]), acc);
            }
            FloatVector.fromArray(S, dSkip, d).fma(xv, acc).intoArray(y, yOff + d);
            if (hAll != null) {
                sum.div((float) n).intoArray(hMean, yOff + d);
            }
        }
    }

    /** Lane l of a vector of channels goes to channel l's row of an [ED, N] state: offsets 0, N, 2N, ... */
    static int[] scatterMap(int n) {
        int[] map = new int[LANES];
        for (int l = 0; l < LANES; l++) {
            map[l] = l * n;
        }
        return map;
    }

    /** {@link #token} for the channels [vecEnd, d1), fewer than a vector: the same operations as a lane. */
    static void tokenTail(float[] x, int xOff, float[] delta, int dOff, float[] aT, float[] b, int bOff, float[] c,
                          int cOff, float[] dSkip, int ed, int n, int d0, int vecEnd, int d1, int width, boolean signed,
                          float[] h, float[] y, int yOff, float[] hAll, int hOff, float[] hMean,
                          boolean stateMajor) {
        for (int d = vecEnd; d < d1; d++) {
            float dt = delta[dOff + d];
            float xt = x[xOff + d];
            float acc = 0f;
            float sum = 0f;
            for (int s = 0; s < n; s++) {
                int i = s * width + d - d0;
                float e = PolyMath.exp(dt * aT[s * ed + d]);
                float hv = Math.fma(signed ? Math.fma(e, 2f, -1f) : e, h[i], dt * xt * b[bOff + s]);
                h[i] = hv;
                if (hAll != null) {
                    hAll[hOff + (stateMajor ? s * ed + d : d * n + s)] = hv;
                    sum += hv;
                }
                acc = Math.fma(hv, c[cOff + s], acc);
            }
            y[yOff + d] = Math.fma(dSkip[d], xt, acc);
            if (hAll != null) {
                hMean[yOff + d] = sum / n;
            }
        }
    }
}
