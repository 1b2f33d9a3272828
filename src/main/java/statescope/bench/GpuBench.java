package statescope.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import statescope.ssm.GateRange;
import statescope.ssm.ScanBatch;
import statescope.ssm.ScanResult;
import statescope.ssm.SelectiveScanKernel;
import statescope.ssm.VectorSupport;
import statescope.ssm.gpu.CudaDevice;
import statescope.ssm.gpu.CudaException;
import statescope.ssm.gpu.CudaScanKernel;
import statescope.ssm.gpu.DeviceScan;
import statescope.ssm.gpu.GpuCheck;
import statescope.ssm.gpu.GpuUnavailableException;
import statescope.ssm.gpu.ScanInputs;
import statescope.ssm.gpu.ScanLaunch;

/**
 * The GPU scan benchmark: tokens/s and achieved memory bandwidth of the CUDA kernel against the GPU's
 * peak, beside our CPU kernel on a slice of the same batch (per token). Used by {@code statescope
 * bench-gpu} and, as a plain main, by {@code bench/gpu-check.sh} on a bare GPU machine.
 *
 * <pre>
 *   java --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -cp ... \
 *        statescope.bench.GpuBench [--batch 256] [--length 4096] [--d-inner 256] [--d-state 16]
 *        [--reps 20] [--cpu-batch 8] [--gates nonnegative|signed] [--json FILE]
 * </pre>
 * Exit code 0, 2 when no GPU can be used (the CPU figures are still printed), 5 when a GPU run failed.
 */
public final class GpuBench {

    private GpuBench() {
    }

    /**
     * What to run.
     *
     * @param cpuBatch strings of the batch the CPU kernel scans (a slice: the CPU is ~100x slower)
     * @param reps     timed GPU launches (after one warm-up)
     */
    public record Options(int batch, int maxLen, int dInner, int dState, GateRange gates, int reps, int cpuBatch,
                          int cpuThreads) {
        /** The benchmark shape: B=256, T=4096, d_inner=256, N=16. */
        public static Options defaults() {
            return new Options(256, 4096, 256, 16, GateRange.NONNEGATIVE, 20, 8,
                    Runtime.getRuntime().availableProcessors());
        }

        String shape(int b) {
            return String.format(Locale.ROOT, "B=%d T=%d D=%d N=%d", b, maxLen, dInner, dState);
        }
    }

    /**
     * One row of the report.
     *
     * @param gbPerS      achieved bandwidth (10^9 bytes/s) counting {@link ScanLaunch#bytesMoved}; NaN where not meaningful
     * @param percentPeak gbPerS against the device's peak, NaN on the CPU
     */
    public record Row(String backend, String shape, double millis, double tokensPerS, double nsPerToken,
                      double gbPerS, double percentPeak, String note) {
    }

    /**
     * The report.
     *
     * @param device     the GPU, or null when none could be used
     * @param gpuReason  why no GPU was used or why a GPU run failed, or null
     * @param agreement  GPU vs CPU on the CPU's slice (max abs over y), NaN without GPU
     */
    public record Report(CudaDevice device, String gpuReason, List<Row> rows, double agreement) {
    }

    /** Runs the benchmark; progress lines go to {@code log}. The first row is the primary figure (kernel, y only). */
    public static Report run(Options o, Consumer<String> log) {
        return run(o, log, CudaScanKernel::open);
    }

    /** Runs the benchmark with the GPU kernel that {@code gpuOpener} opens (tests pass a stand-in driver). */
    public static Report run(Options o, Consumer<String> log, Supplier<CudaScanKernel> gpuOpener) {
        List<Row> rows = new ArrayList<>();
        CudaScanKernel opened = null;
        String reason = null;
        try {
            opened = gpuOpener.get();
        } catch (GpuUnavailableException | CudaException e) {
            reason = e.getMessage();
            log.accept("GPU unavailable: " + reason);
        }
        ScanResult gpuResult = null;
        CudaDevice device = null;
        if (opened != null) {
            try (CudaScanKernel gpu = opened) {
                device = gpu.device();
                log.accept("device: " + device.summary() + "; peak " + device.peakBandwidthGBs() + " GB/s ("
                        + device.peakBandwidthSource() + ")");
                log.accept(String.format(Locale.ROOT, "generating inputs %s ...", o.shape(o.batch())));
                ScanBatch full = inputs(o, o.batch());
                double peak = device.peakBandwidthGBs();
                try (DeviceScan run = gpu.upload(full, false)) {
                    run.launch();   // warm-up (the module was JIT-compiled at open)
                    double ms = run.launchTimed(o.reps());
                    rows.add(gpuRow(o, ms, run.bytesMoved(), peak, "kernel only, y + hLast"));
                    gpuResult = run.download();
                }
                try (DeviceScan run = gpu.upload(full, true)) {
                    run.launch();
                    double ms = run.launchTimed(Math.max(1, o.reps() / 4));
                    rows.add(gpuRow(o, ms, run.bytesMoved(), peak, "kernel only, every h_t written too"));
                } catch (CudaException e) {
                    // every h_t of the benchmark batch is 17 GB: a smaller GPU runs out of memory here
                    log.accept("every-h_t run failed: " + e.getMessage());
                    rows.add(new Row("cuda", o.shape(o.batch()), Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                            Double.NaN, "every h_t written too: failed, " + e.getMessage()));
                }
                long t0 = System.nanoTime();
                gpu.scan(full, false);
                double e2e = (System.nanoTime() - t0) / 1e6;
                rows.add(gpuRow(o, e2e, ScanLaunch.bytesMoved(full, false), 0,
                        "end to end: host->device, kernel, device->host (GB/s of the kernel's bytes)"));
            } catch (CudaException | GpuUnavailableException e) {
                reason = "GPU scan failed: " + e.getMessage();
                log.accept(reason);
            }
        }
        int cb = Math.min(o.cpuBatch(), o.batch());
        ScanBatch slice = inputs(o, cb);   // the first cb strings of the GPU's batch (same seeds)
        SelectiveScanKernel cpu = VectorSupport.fastScan(o.cpuThreads());
        log.accept(String.format(Locale.ROOT, "CPU %s on %s with %d threads ...", cpu.name(), o.shape(cb), o.cpuThreads()));
        ScanResult cpuResult = cpu.scan(slice, false);   // warm-up
        long t0 = System.nanoTime();
        int cpuReps = 2;
        for (int i = 0; i < cpuReps; i++) {
            cpuResult = cpu.scan(slice, false);
        }
        double cpuMs = (System.nanoTime() - t0) / 1e6 / cpuReps;
        long cpuTokens = slice.tokens();
        rows.add(new Row(cpu.name(), o.shape(cb), cpuMs, cpuTokens / (cpuMs / 1e3), cpuMs * 1e6 / cpuTokens,
                ScanLaunch.bytesMoved(slice, false) / (cpuMs / 1e3) / 1e9, Double.NaN,
                o.cpuThreads() + " threads, host memory"));
        double agreement = Double.NaN;
        if (gpuResult != null) {
            agreement = 0;
            for (int i = 0; i < cpuResult.y().length; i++) {
                agreement = Math.max(agreement, Math.abs(cpuResult.y()[i] - gpuResult.y()[i]));
            }
        }
        return new Report(device, reason, rows, agreement);
    }

    /** The benchmark batch, or its first strings: unpadded, so the first b strings do not depend on B. */
    static ScanBatch inputs(Options o, int batch) {
        return ScanInputs.mambaLike(42, batch, o.maxLen(), o.dInner(), o.dState(), o.gates(), false, false);
    }

    private static Row gpuRow(Options o, double ms, long bytes, double peak, String note) {
        long tokens = (long) o.batch() * o.maxLen();
        double gbs = bytes / (ms / 1e3) / 1e9;
        return new Row("cuda", o.shape(o.batch()), ms, tokens / (ms / 1e3), ms * 1e6 / tokens, gbs,
                peak > 0 ? 100 * gbs / peak : Double.NaN, note);
    }

    /** The report as a table. */
    public static String table(Report r) {
        var sb = new StringBuilder();
        sb.append(r.device() == null ? "GPU: none (" + r.gpuReason() + ")"
                : "GPU: " + r.device().summary() + ", peak " + fmt(r.device().peakBandwidthGBs(), 0) + " GB/s ("
                + r.device().peakBandwidthSource() + ")").append('\n');
        if (r.device() != null && r.gpuReason() != null) {
            sb.append(r.gpuReason()).append('\n');
        }
        sb.append(String.format(Locale.ROOT, "%-11s %-24s %10s %14s %10s %9s %7s  %s%n", "backend", "shape", "ms/scan",
                "tokens/s", "ns/token", "GB/s", "% peak", "note"));
        for (Row row : r.rows()) {
            sb.append(String.format(Locale.ROOT, "%-11s %-24s %10s %14s %10s %9s %7s  %s%n", row.backend(), row.shape(),
                    fmt(row.millis(), 3), String.format(Locale.ROOT, "%.4g", row.tokensPerS()), fmt(row.nsPerToken(), 3),
                    fmt(row.gbPerS(), 1), fmt(row.percentPeak(), 1), row.note()));
        }
        if (!Double.isNaN(r.agreement())) {
            sb.append(String.format(Locale.ROOT, "GPU vs CPU on the CPU slice: max |dy| = %.2e%n", r.agreement()));
        }
        return sb.toString();
    }

    /** The report as JSON. */
    public static String json(Report r) {
        var sb = new StringBuilder("{\n  \"device\": ")
                .append(r.device() == null ? "null" : GpuCheck.quote(r.device().summary()))
                .append(",\n  \"peakGBs\": ").append(r.device() == null ? "null" : GpuCheck.num(r.device().peakBandwidthGBs()))
                .append(",\n  \"gpuUnavailable\": ").append(r.gpuReason() == null ? "null" : GpuCheck.quote(r.gpuReason()))
                .append(",\n  \"gpuVsCpuMaxAbsY\": ").append(GpuCheck.num(r.agreement()))
                .append(",\n  \"rows\": [");
        for (int i = 0; i < r.rows().size(); i++) {
            Row row = r.rows().get(i);
            sb.append(i == 0 ? "\n" : ",\n").append(String.format(Locale.ROOT,
                    "    {\"backend\": %s, \"shape\": %s, \"ms\": %s, \"tokensPerS\": %s, \"nsPerToken\": %s,"
                            + " \"GBs\": %s, \"percentPeak\": %s, \"note\": %s}",
                    GpuCheck.quote(row.backend()), GpuCheck.quote(row.shape()), GpuCheck.num(row.millis()),
                    GpuCheck.num(row.tokensPerS()), GpuCheck.num(row.nsPerToken()), GpuCheck.num(row.gbPerS()),
                    GpuCheck.num(row.percentPeak()), GpuCheck.quote(row.note())));
        }
        return sb.append("\n  ]\n}\n").toString();
    }

    private static String fmt(double v, int digits) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    public static void main(String[] args) throws IOException {
        Options d = Options.defaults();
        var a = new Args(args);
        var o = new Options(a.intOr("--batch", d.batch()), a.intOr("--length", d.maxLen()),
                a.intOr("--d-inner", d.dInner()), a.intOr("--d-state", d.dState()),
                "signed".equalsIgnoreCase(a.or("--gates", "nonnegative")) ? GateRange.SIGNED : GateRange.NONNEGATIVE,
                a.intOr("--reps", d.reps()), a.intOr("--cpu-batch", d.cpuBatch()), a.intOr("--cpu-threads", d.cpuThreads()));
        Report r = run(o, System.err::println);
        System.out.print(table(r));
        String json = a.or("--json", null);
        if (json != null) {
            Files.writeString(Path.of(json), json(r));
        }
        System.exit(r.device() == null ? 2 : r.gpuReason() != null ? 5 : 0);
    }

    /** Minimal "--name value" parsing for the plain main (the CLI command uses picocli). */
    private record Args(String[] args) {
        String or(String name, String fallback) {
            for (int i = 0; i + 1 < args.length; i++) {
                if (args[i].equals(name)) {
                    return args[i + 1];
                }
            }
            return fallback;
        }

        int intOr(String name, int fallback) {
            String v = or(name, null);
            try {
                return v == null ? fallback : Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " expects a whole number, got '" + v + "'");
            }
        }
    }
}
