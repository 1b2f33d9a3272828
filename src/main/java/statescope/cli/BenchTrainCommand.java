package statescope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import statescope.ssm.GateRange;
import statescope.ssm.NormKind;
import statescope.ssm.SsmConfig;
import statescope.ssm.SsmWeights;
import statescope.train.Loss;
import statescope.train.ParamSet;
import statescope.train.TrainOptions;
import statescope.train.Trainer;
import statescope.train.TrainingSet;

/**
 * {@code statescope bench-train}: training throughput (forward + backward + AdamW step) in tokens/s,
 * beside the PyTorch CPU peer ({@code torch_peer.py}, figure {@code train_fwd_bwd_throughput}) run right
 * after on the same machine.
 */
@Command(name = "bench-train",
        description = {"Measure training throughput (fwd+bwd tokens/s, AdamW step included) for a 2-layer d_model-64",
            "model, B=32, T=64, and run the PyTorch CPU peer right after for the ratio."},
        mixinStandardHelpOptions = true,
        footer = {"", "Example:", "  statescope bench-train --peer /work/shared/bench/torch_peer.py"})
public final class BenchTrainCommand implements Callable<Integer> {

    @Option(names = "--layers", description = "Layers (default: ${DEFAULT-VALUE}).")
    int layers = 2;

    @Option(names = "--d-model", description = "d_model (default: ${DEFAULT-VALUE}).")
    int dModel = 64;

    @Option(names = "--batch", description = "B (default: ${DEFAULT-VALUE}).")
    int batch = 32;

    @Option(names = "--length", description = "T (default: ${DEFAULT-VALUE}).")
    int length = 64;

    @Option(names = "--steps", description = "Timed steps after warm-up (default: ${DEFAULT-VALUE}).")
    int steps = 60;

    @Option(names = "--warmup", description = "Untimed warm-up steps (default: ${DEFAULT-VALUE}).")
    int warmup = 30;

    @Option(names = "--threads", description = "Threads (default: ${DEFAULT-VALUE}).")
    int threads = 2;

    @Option(names = "--peer", paramLabel = "FILE", description = "The PyTorch peer script; none = skip it.")
    Path peer = Path.of("..", "shared", "bench", "torch_peer.py");

    @Option(names = "--python", paramLabel = "EXE", description = "Python with torch (default: ${DEFAULT-VALUE}).")
    String python = "/usr/bin/python3";

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SsmConfig c = new SsmConfig(dModel, layers, 16, 2, 4, SsmConfig.defaultDtRank(dModel), 16, 16,
                GateRange.NONNEGATIVE, true, NormKind.RMS, 1e-5f);
        SplittableRandom rnd = new SplittableRandom(0);
        int[][] toks = new int[batch][length];
        int[][] tg = new int[batch][length];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < length; t++) {
                toks[b][t] = rnd.nextInt(16);
                tg[b][t] = rnd.nextInt(16);
            }
        }
        var opts = new TrainOptions(1e-3, 0.1, true, 0, batch, Long.MAX_VALUE, threads, 0);
        double best;
        double median;
        String kernels;
        try (Trainer tr = new Trainer(ParamSet.of(SsmWeights.init(c, 0)), opts, Loss.MSE, TrainingSet.of(toks, tg))) {
            kernels = tr.kernelName();
            for (int i = 0; i < warmup; i++) {
                tr.trainStep();
            }
            double[] times = new double[steps];
            for (int i = 0; i < steps; i++) {
                long t0 = System.nanoTime();
                tr.trainStep();
                times[i] = (System.nanoTime() - t0) / 1e9;
            }
            Arrays.sort(times);
            best = batch * length / times[0];
            median = batch * length / times[steps / 2];
        }
        Double peerValue = null;
        String peerLine = null;
        if (peer != null && !peer.toString().equals("none") && Files.exists(peer)) {
            peerLine = runPeer();
            Matcher m = Pattern.compile("figure=train_fwd_bwd_throughput value=([0-9.eE+-]+)").matcher(peerLine);
            if (m.find()) {
                peerValue = Double.parseDouble(m.group(1));
            }
        }
        var out = spec.commandLine().getOut();
        String shape = String.format(Locale.ROOT, "layers=%d,d_model=%d,B=%d,T=%d", layers, dModel, batch, length);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("figure", "train_fwd_bwd_throughput");
            m.put("shape", shape);
            m.put("kernels", kernels);
            m.put("threads", threads);
            m.put("tokensPerSecondMedian", median);
            m.put("tokensPerSecondBest", best);
            m.put("peerTokensPerSecond", peerValue);
            m.put("ratioMedianToPeer", peerValue == null ? null : median / peerValue);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
            return ExitCodes.OK;
        }
        out.printf(Locale.ROOT, "statescope figure=train_fwd_bwd_throughput median=%.4g best=%.4g unit=tokens/s shape=%s "
                + "threads=%d kernels=%s%n", median, best, shape, threads, kernels);
        if (peerLine != null) {
            out.println(peerLine.trim());
        }
        if (peerValue != null) {
            out.printf(Locale.ROOT, "ratio (statescope median / torch best) = %.1fx%n", median / peerValue);
        } else {
            out.println("peer not run (" + (peer == null ? "no script" : peer) + "); pass --peer FILE");
        }
        return ExitCodes.OK;
    }

    private String runPeer() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(python, peer.toString(), "--threads", Integer.toString(threads), "--quick"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        var sb = new StringBuilder();
        try (var r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.contains("train_fwd_bwd_throughput")) {
                    sb.append(line).append('\n');
                }
            }
        }
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new java.io.IOException("the peer " + String.join(" ", cmd) + " failed (exit " + p.exitValue() + ")");
        }
        return sb.toString();
    }
}
