package statescope.ssm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The selective scan as one fused Vector API kernel: discretisation, recurrence and output in a
 * single pass over each string, lanes over channels with the state kept transposed ([N, W] per task),
 * so the inner loop is exp ({@link VectorPolyMath#exp}: the same bits in every JIT tier) + two FMAs
 * per state update with no reductions. Multi-threaded over (string, channel block) tasks. Loaded only
 * through {@link VectorSupport#fastScan(int)}.
 */
public final class VectorScan implements SelectiveScanKernel {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
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
        int bSz = in.batch();
        int tMax = in.maxLen();
        int ed = in.dInner();
        int n = in.dState();
        ScanResult out = ScanResult.allocate(in, emitStates);
        float[] y = out.y();                                                     // [B, T, D]
        float[] hLast = out.hLast();                                             // [B, D, N]
        float[] hAll = out.hAll();                                               // [B, T, D, N] or null
        float[] aT = LayerWeights.transpose(in.a(), ed, n);                      // [N, D]
        // channel blocks: enough tasks to keep every thread busy, each a multiple of the lane count
        int wanted = Math.max(1, (4 * parallel.threads() + bSz - 1) / bSz);
        int vecs = Math.max(1, (ed + L - 1) / L);
        int blocks = Math.min(wanted, vecs);
        int perBlock = ((vecs + blocks - 1) / blocks) * L;
        int nBlocks = (ed + perBlock - 1) / perBlock;
        parallel.forEach(bSz * nBlocks, task -> {
            int b = task / nBlocks;
            int d0 = (task % nBlocks) * perBlock;
            int d1 = Math.min(ed, d0 + perBlock);
            run(in, aT, b, d0, d1, y, hLast, hAll);
        });
        return out;
    }

    private static void run(ScanBatch in, float[] aT, int b, int d0, int d1, float[] y, float[] hLast,
                            float[] hAll) {
        int tMax = in.maxLen();
        int ed = in.dInner();
        int n = in.dState();
        int w = d1 - d0;
        float[] x = in.x();
        float[] delta = in.delta();
        float[] bm = in.b();
        float[] cm = in.c();
        float[] dSkip = in.dSkip();
        boolean signed = in.gates() == GateRange.SIGNED;
        float[] h = new float[n * w];                                             // [N, W]
        if (in.h0() != null) {
            for (int d = d0; d < d1; d++) {
                for (int s = 0; s < n; s++) {
                    h[s * w + d - d0] = in.h0()[(b * ed + d) * n + s];
                }
            }
        }
        int vecEnd = d0 + ((w / L) * L);
        int len = in.lengths()[b];
        for (int t = 0; t < len; t++) {
            int row = b * tMax + t;
            token(x, delta, aT, bm, cm, dSkip, row * ed, row * n, ed, n, d0, vecEnd, w, signed, h, y);
            for (int d = vecEnd; d < d1; d++) {
                int xr = row * ed;
                int nr = row * n;
                float dt = delta[xr + d];
                float xt = x[xr + d];
                float acc = 0f;
                for (int s = 0; s < n; s++) {                     // the same operations as a lane of token()
                    int i = s * w + d - d0;
                    float e = PolyMath.exp(dt * aT[s * ed + d]);
                    float hv = Math.fma(signed ? Math.fma(e, 2f, -1f) : e, h[i], dt * xt * bm[nr + s]);
                    h[i] = hv;
                    acc = Math.fma(hv, cm[nr + s], acc);
                }
                y[xr + d] = Math.fma(dSkip[d], xt, acc);
            }
            if (hAll != null) {
                int xr = row * ed;
                for (int d = d0; d < d1; d++) {
                    int o = (xr + d) * n;
                    for (int s = 0; s < n; s++) {
                        hAll[o + s] = h[s * w + d - d0];
                    }
                }
            }
        }
        for (int d = d0; d < d1; d++) {
            for (int s = 0; s < n; s++) {
                hLast[(b * ed + d) * n + s] = h[s * w + d - d0];
            }
        }
    }

    /**
     * One token for the channels [d0, vecEnd) of a block: a small method of its own, called once per
     * token, so that C2 compiles it early and whole (see compute.md on JIT warm-up).
     *
     * @param h [N, W] the block's state, updated in place
     */
    private static void token(float[] x, float[] delta, float[] aT, float[] bm, float[] cm, float[] dSkip,
                              int xr, int nr, int ed, int n, int d0, int vecEnd, int w, boolean signed,
                              float[] h, float[] y) {
        for (int d = d0; d < vecEnd; d += L) {
            FloatVector dt = FloatVector.fromArray(S, delta, xr + d);
            FloatVector xv = FloatVector.fromArray(S, x, xr + d);
            FloatVector dx = dt.mul(xv);
            FloatVector acc = FloatVector.zero(S);
            int hi = d - d0;
            for (int s = 0; s < n; s++, hi += w) {
                FloatVector e = VectorPolyMath.exp(dt.mul(FloatVector.fromArray(S, aT, s * ed + d)));
                if (signed) {
                    e = e.fma(2f, -1f);
                }
                FloatVector hv = e.fma(FloatVector.fromArray(S, h, hi), dx.mul(bm[nr + s]));
                hv.intoArray(h, hi);
                acc = hv.fma(FloatVector.broadcast(S, cm[nr + s]), acc);
            }
            FloatVector.fromArray(S, dSkip, d).fma(xv, acc).intoArray(y, xr + d);
        }
    }
}
