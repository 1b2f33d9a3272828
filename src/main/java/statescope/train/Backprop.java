package statescope.train;

import static statescope.ssm.WeightNames.A_LOG;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import statescope.ssm.SsmConfig;

/**
 * Loss and gradient of a batch, multi-threaded over its sequences. Sequence i goes to worker
 * {@code i mod threads}, each worker sums into its own gradient buffers and the buffers are added in
 * worker order, so the same batch and thread count always give bit-identical gradients.
 * Close it to stop the worker threads.
 */
public final class Backprop implements AutoCloseable {

    /** The result of one batch: mean loss, strict accuracy and token counts. */
    public record Result(double loss, int sequences, int correctSequences, long targetPositions,
                         long correctPositions, long tokens) {
        /** Fraction of sequences right at every target position. */
        public double accuracy() {
            return sequences == 0 ? 0 : (double) correctSequences / sequences;
        }
    }

    private final SsmConfig config;
    private final TrainMath math;
    private final int threads;
    private final SequenceBackprop[] work;
    private final ParamSet[] grads;
    private final float[][][] dAT;   // [threads][L][N, ED]
    private final ExecutorService pool;

    /** @param threads worker threads (≥ 1); 1 runs on the caller's thread */
    public Backprop(SsmConfig config, boolean headBias, int threads) {
        this(config, headBias, threads, TrainMath.best());
    }

    Backprop(SsmConfig config, boolean headBias, int threads, TrainMath math) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.config = config;
        this.math = math;
        this.threads = threads;
        this.work = new SequenceBackprop[threads];
        this.grads = new ParamSet[threads];
        this.dAT = new float[threads][config.nLayer()][config.dState() * config.dInner()];
        for (int i = 0; i < threads; i++) {
            work[i] = new SequenceBackprop(math, config);
            grads[i] = ParamSet.zeros(config, headBias);
        }
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, rn -> {
            Thread t = new Thread(rn, "statescope-train");
            t.setDaemon(true);
            return t;
        });
    }

    /** Name of the numeric kernels in use ({@code cpu-vector (256-bit)} or {@code cpu-scalar}). */
    public String kernelName() {
        return math.name();
    }

    /**
     * Computes the batch's mean loss and writes its gradient into {@code gradOut} (overwritten).
     *
     * @param tokens  per sequence, [T_i] input ids
     * @param targets per sequence, [T_i] class ids (−1 = no target)
     */
    public Result lossAndGradient(ParamSet params, int[][] tokens, int[][] targets, Loss loss, ParamSet gradOut) {
        PreparedModel pm = new PreparedModel(params);
        long positions = 0;
        for (int[] tg : targets) {
            for (int v : tg) {
                positions += v >= 0 ? 1 : 0;
            }
        }
        double norm = Math.max(1.0, loss.normaliser(positions, config.outputSize()));
        List<Job> jobs = new ArrayList<>();
        for (int wi = 0; wi < threads; wi++) {
            final int id = wi;
            jobs.add(() -> {
                grads[id].zero();
                for (float[] a : dAT[id]) {
                    Arrays.fill(a, 0f);
                }
                double sum = 0;
                long[] counts = new long[4]; // sequences right, positions, positions right, tokens
                for (int s = id; s < tokens.length; s += threads) {
                    int tLen = tokens[s].length;
                    checkTargets(s, tokens[s], targets[s]);
                    work[id].forward(pm, tokens[s], tLen);
                    count(work[id].logits(), targets[s], tLen, counts);
                    sum += work[id].backward(pm, tokens[s], targets[s], tLen, loss, norm, grads[id], dAT[id]);
                }
                return new double[] {sum, counts[0], counts[1], counts[2], counts[3]};
            });
        }
        double[][] parts = run(jobs);
        gradOut.zero();
        double sum = 0;
        long right = 0;
        long pos = 0;
        long posRight = 0;
        long toks = 0;
        for (int wi = 0; wi < threads; wi++) {
            gradOut.add(grads[wi]);
            sum += parts[wi][0];
            right += (long) parts[wi][1];
            pos += (long) parts[wi][2];
            posRight += (long) parts[wi][3];
            toks += (long) parts[wi][4];
        }
        // dL/dA_log[d, n] = dL/dA[d, n] · A[d, n]   (A = −exp(A_log))
        int ed = config.dInner();
        int n = config.dState();
        for (int l = 0; l < config.nLayer(); l++) {
            float[] g = gradOut.layer(l, A_LOG);
            float[] at = pm.aT[l];
            for (int wi = 0; wi < threads; wi++) {
                float[] da = dAT[wi][l];
                for (int i = 0; i < ed; i++) {
                    for (int s = 0; s < n; s++) {
                        g[i * n + s] += da[s * ed + i] * at[s * ed + i];
                    }
                }
            }
        }
        return new Result(sum / norm, tokens.length, (int) right, pos, posRight, toks);
    }

    /** Logits of every sequence, [T_i, O] each (forward only, multi-threaded). */
    public float[][] logits(ParamSet params, int[][] tokens) {
        PreparedModel pm = new PreparedModel(params);
        float[][] out = new float[tokens.length][];
        List<Job> jobs = new ArrayList<>();
        for (int wi = 0; wi < threads; wi++) {
            final int id = wi;
            jobs.add(() -> {
                for (int s = id; s < tokens.length; s += threads) {
                    int tLen = tokens[s].length;
                    work[id].forward(pm, tokens[s], tLen);
                    out[s] = Arrays.copyOf(work[id].logits(), tLen * config.outputSize());
                }
                return new double[0];
            });
        }
        run(jobs);
        return out;
    }

    private void count(float[] logits, int[] targets, int tLen, long[] counts) {
        int o = config.outputSize();
        boolean all = true;
        for (int t = 0; t < tLen; t++) {
            if (targets[t] < 0) {
                continue;
            }
            counts[1]++;
            if (Metrics.argmax(logits, t * o, o) == targets[t]) {
                counts[2]++;
            } else {
                all = false;
            }
        }
        counts[0] += all ? 1 : 0;
        counts[3] += tLen;
    }

    private void checkTargets(int s, int[] tokens, int[] targets) {
        if (targets.length != tokens.length) {
            throw new IllegalArgumentException("sequence " + s + ": " + tokens.length + " tokens but "
                    + targets.length + " targets");
        }
        for (int t = 0; t < targets.length; t++) {
            if (targets[t] >= config.outputSize()) {
                throw new IllegalArgumentException("sequence " + s + ", position " + t + ": target class "
                        + targets[t] + " is outside 0.." + (config.outputSize() - 1));
            }
        }
    }

    private interface Job extends Callable<double[]> {
    }

    private double[][] run(List<Job> jobs) {
        double[][] out = new double[jobs.size()][];
        try {
            if (pool == null) {
                for (int i = 0; i < jobs.size(); i++) {
                    out[i] = jobs.get(i).call();
                }
                return out;
            }
            List<Future<double[]>> fs = new ArrayList<>();
            for (Job j : jobs) {
                fs.add(pool.submit(j));
            }
            for (int i = 0; i < fs.size(); i++) {
                out[i] = fs.get(i).get();
            }
            return out;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
