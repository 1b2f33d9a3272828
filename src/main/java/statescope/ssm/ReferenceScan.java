package statescope.ssm;

import java.util.Arrays;

/**
 * The selective scan in plain Java, one thread, written as the equations of {@link ScanBatch}: the
 * reference twin of {@link VectorScan}, the oracle for the CUDA kernel, and the scan that runs when
 * {@link VectorSupport} chooses the scalar kernels.
 */
public final class ReferenceScan implements SelectiveScanKernel {

    @Override
    public String name() {
        return "cpu-reference";
    }

    @Override
    public ScanResult scan(ScanBatch in, boolean emitStates) {
        return scan(in, emitStates, null);
    }

    @Override
    public ScanResult scan(ScanBatch in, boolean emitStates, ScanResult into) {
        int bSz = in.batch();
        int tMax = in.maxLen();
        int ed = in.dInner();
        int n = in.dState();
        ScanResult out = ScanResult.allocate(in, emitStates, into);
        float[] y = out.y();                                                     // [B, T, ED]
        float[] hLast = out.hLast();                                             // [B, ED, N]
        float[] hAll = out.hAll();                                               // [B, T, ED, N] or null
        float[] hMean = out.hMean();                                             // [B, T, ED] or null
        float[] h = new float[ed * n];                                           // [ED, N]
        for (int b = 0; b < bSz; b++) {
            if (in.h0() != null) {
                System.arraycopy(in.h0(), b * ed * n, h, 0, ed * n);
            } else {
                Arrays.fill(h, 0f);
            }
            for (int t = 0; t < in.lengths()[b]; t++) {
                int row = b * tMax + t;
                for (int d = 0; d < ed; d++) {
                    float delta = in.delta()[row * ed + d];
                    float x = in.x()[row * ed + d];
                    float yt = 0f;
                    for (int s = 0; s < n; s++) {
                        float aBar = in.gates().gate(delta * in.a()[d * n + s]);     // Ā = gate(Δ·A)
                        float bx = delta * in.b()[row * n + s] * x;                 // B̄·x = Δ·B·x
                        h[d * n + s] = aBar * h[d * n + s] + bx;                    // h_t = Ā h_{t−1} + B̄ x
                        yt += in.c()[row * n + s] * h[d * n + s];                   // C·h
                    }
                    y[row * ed + d] = yt + in.dSkip()[d] * x;                       // + D·x
                }
                if (hAll != null) {
                    if (out.stateMajor()) {                                         // [N, ED] per token
                        for (int d = 0; d < ed; d++) {
                            for (int s = 0; s < n; s++) {
                                hAll[row * ed * n + s * ed + d] = h[d * n + s];
                            }
                        }
                    } else {
                        System.arraycopy(h, 0, hAll, row * ed * n, ed * n);
                    }
                    for (int d = 0; d < ed; d++) {
                        float sum = 0f;                                             // mean over N, n in order
                        for (int s = 0; s < n; s++) {
                            sum += h[d * n + s];
                        }
                        hMean[row * ed + d] = sum / n;
                    }
                }
            }
            System.arraycopy(h, 0, hLast, b * ed * n, ed * n);
        }
        return out;
    }
}
