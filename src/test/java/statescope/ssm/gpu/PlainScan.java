package statescope.ssm.gpu;

import statescope.ssm.ScanBatch;
import statescope.ssm.ScanResult;
import statescope.ssm.SelectiveScanKernel;

/** The scan equations of {@link ScanBatch}, written out plainly (test stand-in until the engine's reference is merged). */
final class PlainScan implements SelectiveScanKernel {

    @Override
    public String name() {
        return "cpu-plain";
    }

    @Override
    public ScanResult scan(ScanBatch in, boolean emitStates) {
        int bs = in.batch(), tl = in.maxLen(), dd = in.dInner(), nn = in.dState();
        float[] y = new float[bs * tl * dd];                                  // [B, T, D]
        float[] hLast = new float[bs * dd * nn];                              // [B, D, N]
        float[] hAll = emitStates ? new float[bs * tl * dd * nn] : null;      // [B, T, D, N]
        for (int b = 0; b < bs; b++) {
            float[] h = new float[dd * nn];                                   // [D, N]
            if (in.h0() != null) {
                System.arraycopy(in.h0(), b * dd * nn, h, 0, dd * nn);
            }
            for (int t = 0; t < in.lengths()[b]; t++) {
                int row = b * tl + t;
                for (int d = 0; d < dd; d++) {
                    float x = in.x()[row * dd + d];
                    float delta = in.delta()[row * dd + d];
                    float acc = 0;
                    for (int n = 0; n < nn; n++) {
                        float gate = in.gates().gate(delta * in.a()[d * nn + n]);
                        int k = d * nn + n;
                        h[k] = gate * h[k] + delta * in.b()[row * nn + n] * x;
                        acc += in.c()[row * nn + n] * h[k];
                    }
                    y[row * dd + d] = acc + in.dSkip()[d] * x;
                }
                if (hAll != null) {
                    System.arraycopy(h, 0, hAll, row * dd * nn, dd * nn);
                }
            }
            System.arraycopy(h, 0, hLast, b * dd * nn, dd * nn);
        }
        return new ScanResult(y, hLast, hAll);
    }
}
