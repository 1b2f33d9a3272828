package statescope.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import statescope.lang.catalog.ReferenceMachine;
import statescope.lang.catalog.ReferenceMachine.Config;
import statescope.ssm.SelectiveScanKernel;

/**
 * Scores whole words on the model's batched forward (for the engine's model {@code FastForward}, logits
 * only, from the empty prefix)
 * with a given scan kernel: the CPU's or the GPU's. Words are sorted by length and packed into batches
 * of about {@value #ROWS} padded tokens, so long words never go token by token. Per word: the first
 * position the model gets wrong and the position of its smallest margin.
 */
final class Scorer {

    /** Padded tokens per forward call (memory: about 1.2 KB per token for the shipped models). */
    static final int ROWS = 1 << 16;

    /**
     * One scored word.
     *
     * @param failAt    the first wrong position, 1-based (after that many symbols), or 0 when all are right
     * @param minMargin the smallest margin over the scored positions (+∞ when none is scored)
     * @param minAt     its position, 1-based (0 when none)
     */
    record Score(int failAt, double minMargin, int minAt) {
        boolean failed() {
            return failAt > 0;
        }
    }

    private final Subject subject;
    private final Model.Forward forward;
    private final int outputs;
    private final ThreadLocal<Judge> judges;
    private long tokens;
    private long forwardNanos;

    Scorer(Subject subject, SelectiveScanKernel kernel, int threads) {
        this.subject = subject;
        this.forward = subject.model().forward(kernel, threads);
        this.outputs = subject.model().outputSize();
        this.judges = ThreadLocal.withInitial(() -> subject.judge().copy());
    }

    /** Tokens scored so far. */
    long tokens() {
        return tokens;
    }

    /** Seconds spent in forward passes so far. */
    double forwardSeconds() {
        return forwardNanos / 1e9;
    }

    /** Scores every word (symbol indices); throws CancellationException when {@code cancelled} turns true. */
    List<Score> score(List<int[]> words, BooleanSupplier cancelled) {
        Score[] out = new Score[words.size()];
        Integer[] order = new Integer[words.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> words.get(i).length));
        int at = 0;
        while (at < order.length) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("scoring cancelled");
            }
            int end = at;
            int maxLen = 0;
            while (end < order.length) {
                int len = Math.max(maxLen, words.get(order[end]).length);
                if (end > at && (long) (end - at + 1) * len > ROWS) {
                    break;
                }
                maxLen = len;
                end++;
            }
            List<Integer> batch = new ArrayList<>(Arrays.asList(order).subList(at, end));
            scoreBatch(words, batch, out);
            at = end;
        }
        return Arrays.asList(out);
    }

    private void scoreBatch(List<int[]> words, List<Integer> batch, Score[] out) {
        int[][] toks = new int[batch.size()][];
        for (int i = 0; i < toks.length; i++) {
            int[] w = words.get(batch.get(i));
            toks[i] = w.length == 0 ? new int[0] : subject.tokens(w);
            tokens += w.length;
        }
        boolean any = Arrays.stream(toks).anyMatch(t -> t.length > 0);
        Model.Batch r = null;
        if (any) {
            long t0 = System.nanoTime();
            r = forward.run(toks);
            forwardNanos += System.nanoTime() - t0;
        }
        final Model.Batch res = r;
        IntStream.range(0, toks.length).parallel().forEach(i -> {
            int[] w = words.get(batch.get(i));
            out[batch.get(i)] = w.length == 0 ? new Score(0, Double.POSITIVE_INFINITY, 0)
                    : judge(w, res.logits(), i * res.maxLen(), outputs);
        });
    }

    /** Walks the reference along a word and judges each position from its logits rows {@code [T, O]} at {@code row0}. */
    Score judge(int[] word, float[] logits, int row0, int outputs) {
        Judge judge = judges.get();
        ReferenceMachine m = subject.machine();
        Config c = m.start();
        double min = Double.POSITIVE_INFINITY;
        int minAt = 0;
        for (int t = 0; t < word.length; t++) {
            Config next = m.step(c, word[t]);
            double margin = judge.margin(c, word[t], next, logits, (row0 + t) * outputs);
            if (!Judge.right(margin)) {
                return new Score(t + 1, margin, t + 1);
            }
            if (margin < min) {
                min = margin;
                minAt = t + 1;
            }
            c = next;
        }
        return new Score(0, min, minAt);
    }
}
