package statescope.ssm;

import java.util.ArrayList;
import java.util.List;

/** Helpers over {@link Trace}s: concatenation and element-wise comparison. */
public final class Traces {

    private Traces() {
    }

    /** Joins consecutive traces (e.g. single steps) into one over all their tokens. */
    public static Trace concat(SsmConfig c, List<Trace> parts) {
        int total = parts.stream().mapToInt(Trace::tokens).sum();
        int o = c.outputSize();
        int ed = c.dInner();
        int n = c.dState();
        float[] logits = new float[total * o];
        int t0 = 0;
        for (Trace p : parts) {
            System.arraycopy(p.logits(), 0, logits, t0 * o, p.tokens() * o);
            t0 += p.tokens();
        }
        List<Trace.LayerTrace> layers = new ArrayList<>();
        for (int l = 0; l < c.nLayer(); l++) {
            float[] x = new float[total * ed];
            float[] delta = new float[total * ed];
            float[] aBar = new float[total * ed * n];
            float[] b = new float[total * n];
            float[] cc = new float[total * n];
            float[] h = new float[total * ed * n];
            float[] y = new float[total * ed];
            t0 = 0;
            for (Trace p : parts) {
                Trace.LayerTrace lt = p.layers().get(l);
                int tt = p.tokens();
                System.arraycopy(lt.x(), 0, x, t0 * ed, tt * ed);
                System.arraycopy(lt.delta(), 0, delta, t0 * ed, tt * ed);
                System.arraycopy(lt.aBar(), 0, aBar, t0 * ed * n, tt * ed * n);
                System.arraycopy(lt.b(), 0, b, t0 * n, tt * n);
                System.arraycopy(lt.c(), 0, cc, t0 * n, tt * n);
                System.arraycopy(lt.h(), 0, h, t0 * ed * n, tt * ed * n);
                System.arraycopy(lt.y(), 0, y, t0 * ed, tt * ed);
                t0 += tt;
            }
            layers.add(new Trace.LayerTrace(total, ed, n, x, delta, aBar, b, cc, h, y));
        }
        return new Trace(total, logits, layers);
    }

    /**
     * Largest absolute difference between two traces of the same model and length, over the logits
     * and every layer's h and y (the quantities the step and the scan must agree on).
     */
    public static double maxAbsDiff(Trace a, Trace b) {
        if (a.tokens() != b.tokens() || a.layers().size() != b.layers().size()) {
            throw new IllegalArgumentException("traces of different shapes");
        }
        double m = maxAbs(a.logits(), b.logits());
        for (int l = 0; l < a.layers().size(); l++) {
            var la = a.layers().get(l);
            var lb = b.layers().get(l);
            m = Math.max(m, maxAbs(la.h(), lb.h()));
            m = Math.max(m, maxAbs(la.y(), lb.y()));
            m = Math.max(m, maxAbs(la.delta(), lb.delta()));
        }
        return m;
    }

    static double maxAbs(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("arrays of different lengths " + a.length + " vs " + b.length);
        }
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            double d = Math.abs((double) a[i] - b[i]);
            if (!(d <= m)) {
                m = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
            }
        }
        return m;
    }
}
