package statescope.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import statescope.ssm.Trace;

/**
 * A trace as CSV (long format) and as NumPy arrays ({@code .npz}: one array per quantity, layers
 * stacked first).
 *
 * <p>CSV columns {@code t,token,layer,channel,n,h,delta,abar,y,logit}: one row per (t, layer, channel
 * d, state component n) with h_t[d, n], Δ_t[d], Ā_t[d, n] and y_t[d] (Δ and y repeat over n); then per
 * t one row per head output with {@code layer} = {@code head}, {@code channel} = the output's index,
 * and its logit. Empty cells are quantities a row does not have.
 *
 * <p>NPZ arrays: {@code tokens} [T] int32, {@code logits} [T, O], {@code h} and {@code abar}
 * [L, T, ED, N], {@code delta}, {@code x} and {@code y} [L, T, ED], {@code B} and {@code C} [L, T, N].
 */
public final class TraceFiles {

    /** The NPZ arrays, in the file's order. */
    public static final List<String> NPZ_ARRAYS = List.of("tokens", "logits", "h", "abar", "delta", "x", "y", "B",
            "C");

    private TraceFiles() {
    }

    /** Writes the CSV of {@code d} to {@code out} (not closed). */
    public static void writeCsv(TraceData d, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write("t,token,layer,channel,n,h,delta,abar,y,logit\n");
        Trace tr = d.trace();
        int ed = d.config().dInner();
        int ns = d.config().dState();
        int o = d.config().outputSize();
        for (int t = 0; t < tr.tokens(); t++) {
            String head = t + "," + csv(d.symbols().get(t)) + ",";
            for (int l = 0; l < tr.layers().size(); l++) {
                Trace.LayerTrace lt = tr.layers().get(l);
                for (int c = 0; c < ed; c++) {
                    String dy = num(lt.delta()[t * ed + c]);
                    String y = num(lt.y()[t * ed + c]);
                    for (int n = 0; n < ns; n++) {
                        int i = (t * ed + c) * ns + n;
                        w.write(head + l + "," + c + "," + n + "," + num(lt.h()[i]) + "," + dy + ","
                                + num(lt.aBar()[i]) + "," + y + ",\n");
                    }
                }
            }
            for (int k = 0; k < o; k++) {
                w.write(head + "head," + k + ",,,,,," + num(tr.logits()[t * o + k]) + "\n");
            }
        }
        w.flush();
    }

    private static String num(float v) {
        return Float.toString(v).toLowerCase(Locale.ROOT);
    }

    /** A CSV cell: quoted when it holds a comma, a quote or a line break. */
    static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    /** Writes the NPZ of {@code d} (a zip of {@code NAME.npy} files) to {@code out} (not closed). */
    public static void writeNpz(TraceData d, OutputStream out) throws IOException {
        Trace tr = d.trace();
        int t = tr.tokens();
        int nl = tr.layers().size();
        int ed = d.config().dInner();
        int ns = d.config().dState();
        var zip = new ZipOutputStream(out);
        entry(zip, "tokens");
        Npy.write(zip, d.tokens(), new int[] {t});
        entry(zip, "logits");
        Npy.write(zip, tr.logits(), new int[] {t, d.config().outputSize()});
        entry(zip, "h");
        Npy.write(zip, stack(tr, Trace.LayerTrace::h), new int[] {nl, t, ed, ns});
        entry(zip, "abar");
        Npy.write(zip, stack(tr, Trace.LayerTrace::aBar), new int[] {nl, t, ed, ns});
        entry(zip, "delta");
        Npy.write(zip, stack(tr, Trace.LayerTrace::delta), new int[] {nl, t, ed});
        entry(zip, "x");
        Npy.write(zip, stack(tr, Trace.LayerTrace::x), new int[] {nl, t, ed});
        entry(zip, "y");
        Npy.write(zip, stack(tr, Trace.LayerTrace::y), new int[] {nl, t, ed});
        entry(zip, "B");
        Npy.write(zip, stack(tr, Trace.LayerTrace::b), new int[] {nl, t, ns});
        entry(zip, "C");
        Npy.write(zip, stack(tr, Trace.LayerTrace::c), new int[] {nl, t, ns});
        zip.closeEntry();
        zip.finish();
    }

    private static void entry(ZipOutputStream zip, String name) throws IOException {
        zip.putNextEntry(new ZipEntry(name + ".npy"));
    }

    private static float[] stack(Trace tr, Function<Trace.LayerTrace, float[]> part) {
        int size = part.apply(tr.layers().getFirst()).length;
        float[] out = new float[size * tr.layers().size()];
        for (int l = 0; l < tr.layers().size(); l++) {
            System.arraycopy(part.apply(tr.layers().get(l)), 0, out, l * size, size);
        }
        return out;
    }
}
