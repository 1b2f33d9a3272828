package statescope.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import statescope.bench.TorchPeer;
import statescope.bench.TrainBench;
import statescope.io.InputFiles;

/**
 * {@code statescope bench-train}: training throughput (forward + backward + AdamW step) in tokens/s,
 * beside the PyTorch CPU peer ({@code bench/torch_peer.py}, figure {@code train_fwd_bwd_throughput}) run
 * right after on the same machine and shape (the measuring is {@link TrainBench}).
 */
@Command(name = "bench-train",
        header = "Measure training throughput (forward, backward and AdamW).",
        description = {"Measure training throughput (fwd+bwd tokens/s, AdamW step included) for a 2-layer d_model-64",
            "model, B=32, T=64, and run the PyTorch CPU peer right after on the same shape for the ratio."},
        mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  statescope bench-train", "  statescope bench-train --steps 10 --warmup 5 --no-peer",
            "Without Python or PyTorch the peer is skipped with a one-line notice; a --python EXE that",
            "cannot run it (missing, no PyTorch) is refused before anything is measured (exit 3)."})
public final class BenchTrainCommand extends CommandBase implements Callable<Integer> {

    @Option(names = "--layers", paramLabel = "N", description = "Layers (default: ${DEFAULT-VALUE}).")
    int layers = 2;

    @Option(names = "--d-model", paramLabel = "N", description = "d_model (default: ${DEFAULT-VALUE}).")
    int dModel = 64;

    @Option(names = "--batch", paramLabel = "N", description = "B (default: ${DEFAULT-VALUE}).")
    int batch = 32;

    @Option(names = "--length", paramLabel = "N", description = "T (default: ${DEFAULT-VALUE}).")
    int length = 64;

    @Option(names = "--steps", paramLabel = "N", description = "Timed steps after warm-up (default: ${DEFAULT-VALUE}).")
    int steps = 60;

    @Option(names = "--warmup", paramLabel = "N", description = "Untimed warm-up steps (default: ${DEFAULT-VALUE}).")
    int warmup = 30;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: ${DEFAULT-VALUE}).")
    int threads = 2;

    @Option(names = "--no-peer", description = "Do not run the PyTorch peer.")
    boolean noPeer;

    @Option(names = "--peer", paramLabel = "FILE", description = "The PyTorch peer script (default: bench/torch_peer.py "
            + "here, else beside the jar's folder); none = skip it.")
    Path peer;

    @Option(names = "--python", paramLabel = "EXE", description = "Python with torch (default: ${DEFAULT-VALUE}).")
    String python = "python3";

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        OptionChecks.atLeast("--layers", layers, 1);
        OptionChecks.atLeast("--d-model", dModel, 1);
        OptionChecks.atLeast("--batch", batch, 1);
        OptionChecks.atLeast("--length", length, 1);
        OptionChecks.atLeast("--steps", steps, 1);
        OptionChecks.atLeast("--warmup", warmup, 0);
        OptionChecks.atLeast("--threads", threads, 1);
        boolean skip = noPeer || (peer != null && peer.toString().equals("none"));
        if (!skip && peer != null) {
            InputFiles.requireExists(peer);                         // a peer named but not there: before the run
        }
        BenchCommand.checkPython(!skip && given("--python"), python);
        var o = new TrainBench.Options(layers, dModel, batch, length, steps, warmup, threads, !skip,
                skip ? null : TorchPeer.locate(peer), python);
        TrainBench.Report r = TrainBench.run(o);
        var out = out();
        out.print(json ? TrainBench.json(r) : TrainBench.text(r));
        out.flush();
        return ExitCodes.OK;
    }
}
