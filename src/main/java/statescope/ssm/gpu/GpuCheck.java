package statescope.ssm.gpu;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import statescope.ssm.GateRange;
import statescope.ssm.ReferenceScan;
import statescope.ssm.ScanBatch;
import statescope.ssm.ScanResult;

/**
 * The GPU equivalence check as a plain main (for a bare GPU machine with only a Java runtime): the
 * CUDA scan against {@link ReferenceScan} within 1e-5 (max abs) on y, every h_t and the final states,
 * for B=64, T=4096, d_inner=64, N=16 in both gate ranges with padding and h0, plus edge shapes (every
 * state capacity, partial channel tiles, N not a multiple of 4, empty strings, T=0).
 *
 * <pre>
 *   java --enable-native-access=ALL-UNNAMED -cp ... statescope.ssm.gpu.GpuCheck [--quick] [--json FILE]
 * </pre>
 * Exit code: 0 all agree, 5 a mismatch, 2 no usable GPU (the reason is printed).
 */
public final class GpuCheck {

    /** The agreement every case must reach (max abs difference). */
    public static final double TOLERANCE = 1e-5;

    /** One shape to check. */
    public record Case(int batch, int maxLen, int dInner, int dState, GateRange gates, boolean padded, boolean withH0) {
        String label() {
            return String.format(Locale.ROOT, "B=%d T=%d D=%d N=%d %s%s%s", batch, maxLen, dInner, dState,
                    gates == GateRange.SIGNED ? "[-1,1]" : "[0,1]", padded ? " padded" : "", withH0 ? " h0" : "");
        }

        ScanBatch inputs() {
            return ScanInputs.mambaLike(1000L * dState + maxLen + (gates == GateRange.SIGNED ? 7 : 0), batch, maxLen,
                    dInner, dState, gates, padded, withH0);
        }
    }

    /** The acceptance shapes of issue 6 (B=64, T=4096, d_inner=64, N=16, both gate ranges, padding, h0). */
    public static List<Case> acceptanceCases() {
        return List.of(new Case(64, 4096, 64, 16, GateRange.NONNEGATIVE, true, true),
                new Case(64, 4096, 64, 16, GateRange.SIGNED, true, true));
    }

    /** Small shapes that reach every code path of the kernel. */
    public static List<Case> edgeCases() {
        return List.of(new Case(3, 37, 40, 5, GateRange.SIGNED, true, true),
                new Case(2, 33, 300, 8, GateRange.NONNEGATIVE, true, false),
                new Case(2, 17, 32, 64, GateRange.SIGNED, true, true),
                new Case(3, 16, 8, 1, GateRange.NONNEGATIVE, true, true),
                new Case(2, 100, 1, 3, GateRange.SIGNED, false, false),
                new Case(1, 0, 32, 16, GateRange.NONNEGATIVE, false, true),
                new Case(4, 515, 256, 32, GateRange.SIGNED, true, true));
    }

    /** The outcome of one case. */
    public record Outcome(Case shape, ScanAgreement agreement, boolean yMatchesWithoutStates, double seconds) {
        boolean ok() {
            return agreement.within(TOLERANCE) && yMatchesWithoutStates;
        }
    }

    /** Runs one case: the GPU with every h_t emitted, the GPU without (y must be identical), the reference. */
    public static Outcome run(CudaScanKernel gpu, Case c) {
        long t0 = System.nanoTime();
        ScanBatch in = c.inputs();
        ScanResult withStates = gpu.scan(in, true);
        ScanResult plain = gpu.scan(in, false);
        boolean same = Arrays.equals(withStates.y(), plain.y())
                && Arrays.equals(withStates.hLast(), plain.hLast());
        ScanAgreement a = ScanAgreement.compare(in, withStates, new ReferenceScan(), 8);
        return new Outcome(c, a, same, (System.nanoTime() - t0) / 1e9);
    }

    public static void main(String[] args) throws IOException {
        boolean quick = List.of(args).contains("--quick");
        int json = List.of(args).indexOf("--json");
        Path jsonFile = json >= 0 && json + 1 < args.length ? Path.of(args[json + 1]) : null;
        System.exit(run(quick, jsonFile, System.out));
    }

    /** Runs every case on device 0 and returns the exit code (0 ok, 5 mismatch, 2 no GPU). */
    public static int run(boolean quick, Path jsonFile, PrintStream out) throws IOException {
        CudaScanKernel gpu;
        try {
            gpu = CudaScanKernel.open();
        } catch (GpuUnavailableException | CudaException e) {
            out.println("GPU unavailable: " + e.getMessage());
            writeJson(jsonFile, "{\"gpu\": null, \"reason\": " + quote(e.getMessage()) + "}");
            return 2;
        }
        List<Outcome> outcomes = new ArrayList<>();
        try (gpu) {
            out.println("device: " + gpu.device().summary() + ", driver CUDA " + gpu.device().driverVersion());
            var cases = new ArrayList<>(edgeCases());
            if (!quick) {
                cases.addAll(acceptanceCases());
            }
            for (Case c : cases) {
                Outcome o;
                try {
                    o = run(gpu, c);
                } catch (CudaException e) {
                    out.println("FAIL  " + c.label() + ": " + e.getMessage());
                    writeJson(jsonFile, json(gpu, outcomes, e.getMessage()));
                    return 5;
                }
                outcomes.add(o);
                out.printf(Locale.ROOT, "%s  %-40s %s%s  (%.1f s)%n", o.ok() ? "ok  " : "FAIL", c.label(),
                        o.agreement().summary(), o.yMatchesWithoutStates() ? "" : "  y differs without h_t emission",
                        o.seconds());
                if (!o.agreement().within(TOLERANCE)) {
                    out.println("      worst: " + o.agreement().worst());
                }
            }
            writeJson(jsonFile, json(gpu, outcomes, null));
        }
        boolean ok = outcomes.stream().allMatch(Outcome::ok);
        out.println(ok ? "GPU and CPU reference agree within " + TOLERANCE + " on every case"
                : "MISMATCH: the GPU scan disagrees with the CPU reference");
        return ok ? 0 : 5;
    }

    private static String json(CudaScanKernel gpu, List<Outcome> outcomes, String error) {
        var sb = new StringBuilder("{\n  \"device\": ").append(quote(gpu.device().summary()))
                .append(",\n  \"tolerance\": ").append(TOLERANCE)
                .append(",\n  \"error\": ").append(error == null ? "null" : quote(error))
                .append(",\n  \"cases\": [");
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            sb.append(i == 0 ? "\n" : ",\n").append(String.format(Locale.ROOT,
                    "    {\"case\": %s, \"ok\": %b, \"maxAbsY\": %s, \"maxAbsH\": %s, \"maxAbsHLast\": %s, \"worst\": %s}",
                    quote(o.shape().label()), o.ok(), num(o.agreement().maxAbsY()), num(o.agreement().maxAbsH()),
                    num(o.agreement().maxAbsHLast()), quote(o.agreement().worst())));
        }
        return sb.append("\n  ]\n}\n").toString();
    }

    /** A JSON number, or {@code null} for NaN and the infinities (also used by the GPU benchmark's report). */
    public static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }

    /** A JSON string literal. */
    public static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static void writeJson(Path file, String text) throws IOException {
        if (file != null) {
            Files.writeString(file, text);
        }
    }
}
