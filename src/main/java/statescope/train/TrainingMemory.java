package statescope.train;

import java.util.Locale;
import statescope.ssm.SsmConfig;
import statescope.ssm.Tensor;
import statescope.ssm.WeightNames;

/**
 * What a training run needs in memory, estimated before anything is allocated, so that a configuration
 * too large for the JVM is refused with one line instead of an {@link OutOfMemoryError}.
 *
 * <p>Counted: the parameters P (floats) about {@code 6 + threads} times (the model, the gradient, AdamW's
 * two moments, the prepared model, a snapshot for saving, one gradient buffer per worker); per worker,
 * the activations of one sequence of the longest length T kept for the backward pass (per layer h
 * [T, ED, N] and about 16 vectors [T, ED] or [T, D], plus the logits [T, O]); per step, the batch's
 * index arrays. It is a lower bound of the real footprint (the JVM and the data come on top), which is
 * why a run is refused only when the estimate alone exceeds the heap.
 */
public final class TrainingMemory {

    private TrainingMemory() {
    }

    /** The parameters of a model, in floats (computed from the shapes; nothing is allocated). */
    public static long parameters(SsmConfig c, boolean headBias) {
        long p = 0;
        for (int[] s : WeightNames.shapes(c, headBias).values()) {
            p += Tensor.numel(s);
        }
        return p;
    }

    /** The estimated bytes of a run (see the class comment); saturates at {@link Long#MAX_VALUE}. */
    public static long bytes(SsmConfig c, boolean headBias, long batch, long maxLength, int threads) {
        double p = parameters(c, headBias);
        double perToken = (double) c.nLayer() * ((double) c.dInner() * c.dState() + 16.0 * c.dInner() + 4.0 * c.dModel())
                + 4.0 * c.dModel() + 2.0 * c.outputSize();
        double floats = (6.0 + threads) * p + threads * maxLength * perToken;
        double total = 4 * floats + 24.0 * batch;
        return total >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) total;
    }

    /**
     * Throws when the estimate exceeds {@code available} bytes (normally {@link Runtime#maxMemory()}).
     *
     * @throws IllegalArgumentException naming the estimate, the limit and what to lower
     */
    public static void check(SsmConfig c, boolean headBias, long batch, long maxLength, int threads, long available) {
        long need = bytes(c, headBias, batch, maxLength, threads);
        if (need > available) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "this configuration needs at least %s of "
                    + "memory (%,d parameters, batch %,d, sequences up to %,d tokens, %d threads), more than the %s "
                    + "Java may use; lower --batch, --d-model, --d-state, --layers or --threads, or give Java more "
                    + "memory (java -Xmx…)", human(need), parameters(c, headBias), batch, maxLength, threads,
                    human(available)));
        }
    }

    /** A size in MiB or GiB, for messages. */
    public static String human(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%.0f MiB", bytes / (double) (1L << 20));
    }
}
