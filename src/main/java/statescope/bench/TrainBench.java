package statescope.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
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
 * What {@code statescope bench-train} measures: training throughput (forward + backward + AdamW step)
 * in tokens/s on random tokens, then the PyTorch CPU peer's figure {@code train_fwd_bwd_throughput} on
 * the same model shape, run right after on the same machine.
 */
public final class TrainBench {

    /** The peer's figure. */
    public static final String FIGURE = "train_fwd_bwd_throughput";

    private TrainBench() {
    }

    /**
     * What to run: the model (vocabulary and outputs 16, N 16, expand 2, conv 4), the batch, the timing.
     *
     * @param peer   whether to run the PyTorch peer
     * @param script the peer script, or null when none was found
     */
    public record Options(int layers, int dModel, int batch, int length, int steps, int warmup, int threads,
                          boolean peer, Path script, String python) {
        public Options {
            for (int[] v : new int[][] {{layers, 1}, {dModel, 1}, {batch, 1}, {length, 1}, {steps, 1}, {warmup, 0}, {threads, 1}}) {
                if (v[0] < v[1]) {
                    throw new IllegalArgumentException("sizes, steps and threads must be at least " + v[1] + ", got " + v[0]);
                }
            }
        }

        /** The shape as both sides print it. */
        public String shape() {
            return String.format(Locale.ROOT, "layers=%d,d_model=%d,B=%d,T=%d", layers, dModel, batch, length);
        }
    }

    /**
     * The figures.
     *
     * @param peer      null when the peer was not asked for
     * @param peerValue the peer's best tokens/s on the same shape, or null
     */
    public record Report(Options options, String kernels, double median, double best, TorchPeer.Result peer,
                         Double peerValue) {
    }

    /** Times {@code steps} training steps after {@code warmup} untimed ones, then runs the peer. */
    public static Report run(Options o) {
        SsmConfig c = new SsmConfig(o.dModel(), o.layers(), 16, 2, 4, SsmConfig.defaultDtRank(o.dModel()), 16, 16,
                GateRange.NONNEGATIVE, true, NormKind.RMS, 1e-5f);
        SplittableRandom rnd = new SplittableRandom(0);
        int[][] toks = new int[o.batch()][o.length()];                  // [B, T] token ids
        int[][] targets = new int[o.batch()][o.length()];               // [B, T] target classes
        for (int b = 0; b < o.batch(); b++) {
            for (int t = 0; t < o.length(); t++) {
                toks[b][t] = rnd.nextInt(16);
                targets[b][t] = rnd.nextInt(16);
            }
        }
        var opts = new TrainOptions(1e-3, 0.1, true, 0, o.batch(), Long.MAX_VALUE, o.threads(), 0);
        double tokens = (double) o.batch() * o.length();
        double[] times = new double[o.steps()];
        String kernels;
        try (Trainer tr = new Trainer(ParamSet.of(SsmWeights.init(c, 0)), opts, Loss.MSE, TrainingSet.of(toks, targets))) {
            kernels = tr.kernelName();
            for (int i = 0; i < o.warmup(); i++) {
                tr.trainStep();
            }
            for (int i = 0; i < o.steps(); i++) {
                long t0 = System.nanoTime();
                tr.trainStep();
                times[i] = (System.nanoTime() - t0) / 1e9;
            }
        }
        Arrays.sort(times);
        TorchPeer.Result peer = null;
        Double peerValue = null;
        if (o.peer()) {
            List<String> args = List.of("--threads", Integer.toString(o.threads()), "--figures", "train",
                    "--layers", Integer.toString(o.layers()), "--d-model", Integer.toString(o.dModel()),
                    "--batch", Integer.toString(o.batch()), "--length", Integer.toString(o.length()));
            peer = TorchPeer.run(o.python(), o.script(), args, 1800);
            var f = peer.get(FIGURE);
            if (f != null && o.shape().equals(f.fields().get("shape"))) {
                peerValue = f.value();
            }
        }
        return new Report(o, kernels, tokens / times[o.steps() / 2], tokens / times[0], peer, peerValue);
    }

    /** Our figure line, the peer's line as it printed it, and the ratio, or why the peer gave none. */
    public static String text(Report r) {
        Options o = r.options();
        var sb = new StringBuilder(String.format(Locale.ROOT, "statescope figure=%s median=%.4g best=%.4g unit=tokens/s "
                + "shape=%s threads=%d kernels=%s%n", FIGURE, r.median(), r.best(), o.shape(), o.threads(), r.kernels()));
        TorchPeer.Figure f = r.peer() == null ? null : r.peer().get(FIGURE);
        if (f != null) {
            sb.append(f.line()).append('\n');
        }
        if (r.peerValue() != null) {
            sb.append(String.format(Locale.ROOT, "ratio (statescope median / torch best) = %.1fx%n", r.median() / r.peerValue()));
        } else if (r.peer() == null) {
            sb.append("PyTorch peer: skipped (--no-peer)\n");
        } else {
            sb.append("PyTorch peer: not available: ").append(r.peer().unavailable() != null ? r.peer().unavailable()
                    : "no " + FIGURE + " figure for " + o.shape()).append('\n');
        }
        return sb.toString();
    }

    /** The report as JSON. */
    public static String json(Report r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("figure", FIGURE);
        m.put("shape", r.options().shape());
        m.put("kernels", r.kernels());
        m.put("threads", r.options().threads());
        m.put("tokensPerSecondMedian", r.median());
        m.put("tokensPerSecondBest", r.best());
        m.put("peerTokensPerSecond", r.peerValue());
        m.put("ratioMedianToPeer", r.peerValue() == null ? null : r.median() / r.peerValue());
        if (r.peer() != null && r.peerValue() == null) {
            m.put("peerUnavailable", r.peer().unavailable() != null ? r.peer().unavailable() : "no figure for this shape");
        }
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
