package statescope.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import statescope.bench.GpuBench;
import statescope.ssm.GateRange;

/**
 * {@code statescope bench-gpu}: the CUDA scan's tokens/s and achieved GB/s against the GPU's peak memory
 * bandwidth, beside the CPU kernel per token on a slice of the same batch (see {@link GpuBench}).
 */
@Command(name = "bench-gpu",
        header = "Benchmark the CUDA scan against the GPU's bandwidth.", mixinStandardHelpOptions = true,
        description = {"Benchmark the CUDA selective scan against the GPU's peak memory bandwidth,",
            "beside the CPU scan per token. Without a usable GPU only the CPU figures are printed."},
        footer = {"", "Example:", "  statescope bench-gpu --batch 256 --length 4096 --d-inner 256 --d-state 16", "",
            "Exit codes: 0 ok, 3 bad option value, 5 --require-gpu or --min-percent-peak not met."})
public final class BenchGpuCommand extends CommandBase implements Callable<Integer> {

    @Option(names = "--batch", paramLabel = "N", defaultValue = "256", description = "Strings per batch (B). Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--length", paramLabel = "N", defaultValue = "4096", description = "Tokens per string (T). Default: ${DEFAULT-VALUE}.")
    int length;

    @Option(names = "--d-inner", paramLabel = "N", defaultValue = "256", description = "Channels (d_inner). Default: ${DEFAULT-VALUE}.")
    int dInner;

    @Option(names = "--d-state", paramLabel = "N", defaultValue = "16", description = "State size N (at most 64 on the GPU). Default: ${DEFAULT-VALUE}.")
    int dState;

    @Option(names = "--gates", defaultValue = "nonnegative", paramLabel = "RANGE",
            description = "Gate range: nonneg ([0,1], Mamba) or signed ([-1,1]). Default: nonneg.")
    GateRange gates;

    @Option(names = "--reps", paramLabel = "N", defaultValue = "20", description = "Timed GPU launches. Default: ${DEFAULT-VALUE}.")
    int reps;

    @Option(names = "--cpu-batch", paramLabel = "N", defaultValue = "8", description = "Strings the CPU scans (a slice). Default: ${DEFAULT-VALUE}.")
    int cpuBatch;

    @Option(names = "--cpu-threads", paramLabel = "N", defaultValue = "0", description = "CPU threads (0 = all cores).")
    int cpuThreads;

    @Option(names = "--require-gpu", description = "Exit with code 5 when no GPU can be used.")
    boolean requireGpu;

    @Option(names = "--min-percent-peak", defaultValue = "0", paramLabel = "P",
            description = "Exit with code 5 when the kernel reaches less than P%% of the peak bandwidth.")
    double minPercentPeak;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the JSON report to FILE.")
    Path out;

    @Override
    public Integer call() {
        OptionChecks.atLeast("--batch", batch, 1);
        OptionChecks.atLeast("--length", length, 1);
        OptionChecks.atLeast("--d-inner", dInner, 1);
        OptionChecks.atLeast("--d-state", dState, 1);
        OptionChecks.atLeast("--reps", reps, 1);
        OptionChecks.atLeast("--cpu-batch", cpuBatch, 1);
        OptionChecks.atLeast("--cpu-threads", cpuThreads, 0);
        if ((long) batch * length * dInner > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("B*T*d_inner = " + (long) batch * length * dInner
                    + " is more than one Java array holds");
        }
        OptionChecks.between("--min-percent-peak", minPercentPeak, 0, 100);
        if (out != null) {
            try {
                OutputPaths.check(out, false);                        // before minutes of benchmark
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        int threads = cpuThreads == 0 ? Runtime.getRuntime().availableProcessors() : cpuThreads;
        var o = new GpuBench.Options(batch, length, dInner, dState, gates, reps, cpuBatch, threads);
        var err = err();
        GpuBench.Report r = GpuBench.run(o, line -> {
            err.println(line);
            err.flush();
        });
        String jsonText = GpuBench.json(r);
        var pw = out();
        pw.print(json ? jsonText : GpuBench.table(r));
        pw.flush();
        if (out != null) {
            try {
                Files.writeString(out, jsonText);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (requireGpu && r.device() == null) {
            err.println("statescope: check failed: no usable GPU (" + r.gpuReason() + ")");
            return ExitCodes.CHECK_FAILED;
        }
        // the primary figure: the kernel writing y (and hLast) only, as in docs/gpu.md
        double achieved = r.device() == null ? Double.NaN : r.rows().getFirst().percentPeak();
        if (minPercentPeak > 0 && r.device() != null && !(achieved >= minPercentPeak)) {
            err.printf(Locale.ROOT, "statescope: check failed: %.1f%% of peak bandwidth, below %.1f%%%n",
                    achieved, minPercentPeak);
            return ExitCodes.CHECK_FAILED;
        }
        return ExitCodes.OK;
    }
}
