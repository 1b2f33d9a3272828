package statescope.ssm.gpu;

import java.util.Arrays;
import java.util.Locale;
import statescope.ssm.ScanBatch;
import statescope.ssm.ScanResult;
import statescope.ssm.SelectiveScanKernel;

/**
 * How far a scan result (e.g. from the GPU) is from a reference kernel's on the same batch: the
 * largest absolute difference in y, in every h_t and in the final states, and where the worst one is.
 * The reference runs on slices of a few strings at a time, so a large batch with every h_t emitted
 * needs only one extra slice in memory.
 *
 * @param maxAbsY     max |Δy| over [B, T, ED]
 * @param maxAbsH     max |Δh_t| over [B, T, ED, N] (NaN when the result has no h_t)
 * @param maxAbsHLast max |ΔhLast| over [B, ED, N]
 * @param worst       e.g. "h[b=3, t=1023, d=17, n=4]: 0.51234 vs 0.51236"
 */
public record ScanAgreement(double maxAbsY, double maxAbsH, double maxAbsHLast, String worst) {

    /** Whether every difference is at most {@code tolerance} (a NaN anywhere fails). */
    public boolean within(double tolerance) {
        return maxAbsY <= tolerance && maxAbsHLast <= tolerance && (Double.isNaN(maxAbsH) || maxAbsH <= tolerance);
    }

    /** One line, e.g. "max|dy| 1.2e-06  max|dh| 4.8e-07  max|dhLast| 3.1e-07". */
    public String summary() {
        return String.format(Locale.ROOT, "max|dy| %.2e  max|dh| %s  max|dhLast| %.2e", maxAbsY,
                Double.isNaN(maxAbsH) ? "-" : String.format(Locale.ROOT, "%.2e", maxAbsH), maxAbsHLast);
    }

    /**
     * Compares {@code actual} (the result of scanning all of {@code in}) with {@code reference} run on
     * slices of {@code slice} strings.
     */
    public static ScanAgreement compare(ScanBatch in, ScanResult actual, SelectiveScanKernel reference, int slice) {
        boolean states = actual.hAll() != null;
        int td = in.maxLen() * in.dInner();
        int dn = in.dInner() * in.dState();
        var y = new Worst("y", new int[] {in.batch(), in.maxLen(), in.dInner()}, "b", "t", "d");
        var h = new Worst("h", new int[] {in.batch(), in.maxLen(), in.dInner(), in.dState()}, "b", "t", "d", "n");
        var last = new Worst("hLast", new int[] {in.batch(), in.dInner(), in.dState()}, "b", "d", "n");
        for (int from = 0; from < in.batch(); from += slice) {
            int to = Math.min(in.batch(), from + slice);
            ScanResult ref = reference.scan(slice(in, from, to), states);
            y.scan(ref.y(), actual.y(), (long) from * td);
            last.scan(ref.hLast(), actual.hLast(), (long) from * dn);
            if (states) {
                h.scan(ref.hAll(), actual.hAll(), (long) from * td * in.dState());
            }
        }
        Worst max = y;
        for (Worst w : new Worst[] {h, last}) {
            if (w.seen && w.rank() > max.rank()) {
                max = w;
            }
        }
        return new ScanAgreement(y.max, states ? h.max : Double.NaN, last.max, max.describe());
    }

    /** Strings [from, to) of a batch, same maximum length. */
    public static ScanBatch slice(ScanBatch in, int from, int to) {
        int td = in.maxLen() * in.dInner();
        int tn = in.maxLen() * in.dState();
        int dn = in.dInner() * in.dState();
        return new ScanBatch(to - from, in.maxLen(), in.dInner(), in.dState(),
                Arrays.copyOfRange(in.lengths(), from, to),
                Arrays.copyOfRange(in.x(), from * td, to * td), Arrays.copyOfRange(in.delta(), from * td, to * td),
                in.a(), Arrays.copyOfRange(in.b(), from * tn, to * tn), Arrays.copyOfRange(in.c(), from * tn, to * tn),
                in.dSkip(), in.h0() == null ? null : Arrays.copyOfRange(in.h0(), from * dn, to * dn), in.gates());
    }

    /** The running worst difference of one output. */
    private static final class Worst {
        private final String name;
        private final int[] shape;
        private final String[] axes;
        private double max;
        private long at = -1;
        private float expected;
        private float actual;
        private boolean seen;

        Worst(String name, int[] shape, String... axes) {
            this.name = name;
            this.shape = shape;
            this.axes = axes;
        }

        void scan(float[] ref, float[] all, long offset) {
            seen = true;
            for (int i = 0; i < ref.length; i++) {
                float got = all[(int) (offset + i)];
                double diff = Math.abs((double) ref[i] - got);
                if (!(diff <= max) && !Double.isNaN(max)) {   // also takes the first NaN and keeps it
                    max = Double.isNaN(diff) ? Double.NaN : diff;
                    at = offset + i;
                    expected = ref[i];
                    actual = got;
                }
            }
        }

        /** The difference for ordering, a NaN being the worst. */
        double rank() {
            return Double.isNaN(max) ? Double.POSITIVE_INFINITY : max;
        }

        String describe() {
            if (at < 0) {
                return "all equal";
            }
            var sb = new StringBuilder(name).append('[');
            long rest = at;
            long[] idx = new long[shape.length];
            for (int k = shape.length - 1; k >= 0; k--) {
                idx[k] = rest % shape[k];
                rest /= shape[k];
            }
            for (int k = 0; k < shape.length; k++) {
                sb.append(k == 0 ? "" : ", ").append(axes[k]).append('=').append(idx[k]);
            }
            return sb.append("]: ").append(actual).append(" vs reference ").append(expected).toString();
        }
    }
}
