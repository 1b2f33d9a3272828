package statescope.train;

/**
 * Hyper-parameters of one training run.
 *
 * @param lr          AdamW learning rate (constant, as the paper's runs; no scheduler)
 * @param weightDecay AdamW decoupled weight decay (0.1 in the paper)
 * @param decayAll    decay every tensor (the reference) rather than only matrices
 * @param clip        maximum global gradient norm (≤ 0: no clipping)
 * @param batch       sequences per step
 * @param steps       optimiser steps in total
 * @param threads     worker threads (also part of what makes a run reproducible)
 * @param seed        seed of the initialisation and of the data order
 */
public record TrainOptions(double lr, double weightDecay, boolean decayAll, double clip, int batch, long steps,
                           int threads, long seed) {

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
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
    }
}
