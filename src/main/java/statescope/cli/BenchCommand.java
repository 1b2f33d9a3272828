package statescope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import statescope.bench.EngineBench;
import statescope.bench.EngineBenchText;
import statescope.bench.TorchPeer;
import statescope.io.InputFiles;

/**
 * {@code statescope bench}: the engine's speed, side by side with the plain reference path and, when
 * available, the PyTorch CPU peer run right after in the same session (the measuring is {@link EngineBench}).
 */
@Command(name = "bench",
        header = "Measure the engine: step latency and scan throughput.",
        description = {"Measure the engine: one-token step latency (3 layers, d_model 64), selective-scan",
            "throughput (B=256, T=1024, d_inner=128, N=16; both gate ranges) and a full one-layer block",
            "forward on the same shape; each against the plain scalar reference, then runs the PyTorch",
            "CPU peer (bench/torch_peer.py of the project) and prints the ratios."},
        mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  statescope bench --quick", "  statescope bench --json > bench.json",
            "", "Targets: step ≤ 50 µs and ≥ 20× PyTorch; vector scan ≥ 8× the reference and ≥ 50× PyTorch.",
            "With --check a missed target exits with 5. Without Python or PyTorch the peer is skipped",
            "with a one-line notice; a --python EXE that cannot run it (missing, no PyTorch) is refused",
            "before anything is measured (exit 3)."})
public final class BenchCommand extends CommandBase implements Callable<Integer> {

    @Option(names = "--quick", description = "Smaller shapes (B=32, T=256) and fewer repetitions: a smoke run.")
    boolean quick;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: available processors).")
    Integer threads;

    @Option(names = "--no-peer", description = "Do not run the PyTorch peer.")
    boolean noPeer;

    @Option(names = "--peer", paramLabel = "FILE",
            description = "The peer script (default: bench/torch_peer.py here, else beside the jar's folder).")
    Path peer;

    @Option(names = "--python", paramLabel = "EXE", defaultValue = "python3",
            description = "Python with torch for the peer (default ${DEFAULT-VALUE}).")
    String python;

    @Option(names = "--check", description = "Exit with 5 when a target is missed.")
    boolean check;

    @Override
    public Integer call() throws IOException {
        if (!noPeer && peer != null) {
            InputFiles.requireExists(peer);                         // a peer named but not there: before the run
        }
        checkPython(!noPeer && given("--python"), python);
        int th = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        var options = new EngineBench.Options(quick, th, !noPeer, noPeer ? null : TorchPeer.locate(peer), python);
        PrintWriter out = out();
        PrintWriter err = err();
        EngineBench.Report r = EngineBench.run(options, what -> {
            err.println("bench: " + what + " ...");
            err.flush();
        });
        out.print(json ? EngineBenchText.json(r) : EngineBenchText.text(r));
        out.flush();
        return check && r.missed() ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
    }

    /**
     * A Python named with {@code --python} for the peer ({@code named}) must run and have PyTorch: else one
     * plain line and exit 3, before anything is measured ({@code bench}, {@code bench-train}). Without
     * {@code --python} the peer's {@code python3} is tried after the measurements and, missing, skipped with
     * a notice.
     */
    static void checkPython(boolean named, String exe) {
        if (named) {
            String problem = TorchPeer.check(exe, 120);
            if (problem != null) {
                throw new IllegalArgumentException("--python " + exe + ": " + problem);
            }
        }
    }
}
