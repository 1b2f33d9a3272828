package statescope.train;

/**
 * Hyper-parameters of one training run.
 *
 * @param lr          AdamW base learning rate
 * @param weightDecay AdamW decoupled weight decay (0.1 in the paper)
 * @param decayAll    decay every tensor (the reference) rather than only matrices
 * @param clip        maximum global gradient norm (≤ 0: no clipping)
 * @param batch       sequences per step
 * @param steps       optimiser steps in total
 * @param threads     worker threads (also part of what makes a run reproducible)
 * @param seed        seed of the initialisation and of the data order
 * @param schedule    how the rate moves from {@code lr} over the {@code steps} (constant in the paper)
 */
public record TrainOptions(double lr, double weightDecay, boolean decayAll, double clip, int batch, long steps,
                           int threads, long seed, LrSchedule schedule) {

    /** Options with a constant learning rate, as the paper's runs. */
    public TrainOptions(double lr, double weightDecay, boolean decayAll, double clip, int batch, long steps,
                        int threads, long seed) {
        this(lr, weightDecay, decayAll, clip, batch, steps, threads, seed, LrSchedule.CONSTANT);
    }

    public TrainOptions {
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException("--lr must be a finite number > 0, got " + lr);
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("--weight-decay must be >= 0, got " + weightDecay);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("--batch must be at least 1, got " + batch);
        }
        if (steps < 0) {
            throw new IllegalArgumentException("--steps must be >= 0, got " + steps);
        }
        if (schedule == null) {
            throw new IllegalArgumentException("the learning-rate schedule must be given");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
    }
}
