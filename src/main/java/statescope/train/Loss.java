package statescope.train;

/**
 * The per-position losses of the paper's protocol (research/paper.md §3.1), over class targets.
 * A position with target −1 is padding and contributes nothing. Both are means over the target
 * positions of a batch, like PyTorch's default {@code reduction="mean"}:
 *
 * <ul>
 *   <li>{@link #MSE}: {@code Σ_t Σ_o (logit[t,o] − onehot(c_t)[o])² / (positions · O)} on the raw head
 *       outputs (the authors' {@code MSELoss} on one-hot "target-set classes");</li>
 *   <li>{@link #CROSS_ENTROPY}: {@code Σ_t −log softmax(logit[t])[c_t] / positions}.</li>
 * </ul>
 */
public enum Loss {
    MSE,
    CROSS_ENTROPY;

    /**
     * Adds the loss of one position (not yet divided by the normaliser) and writes its gradient,
     * already divided by {@code norm}, into {@code grad[off .. off+o)}.
     *
     * @param logits [.., O] head outputs
     * @param norm   the normaliser: positions·O for MSE, positions for cross-entropy
     * @return the unnormalised loss of this position
     */
    double position(float[] logits, int off, int o, int target, double norm, float[] grad) {
        if (this == MSE) {
            double sum = 0;
            for (int j = 0; j < o; j++) {
                double diff = logits[off + j] - (j == target ? 1.0 : 0.0);
                sum += diff * diff;
                grad[off + j] = (float) (2.0 * diff / norm);
            }
            return sum;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < o; j++) {
            max = Math.max(max, logits[off + j]);
        }
        double z = 0;
        for (int j = 0; j < o; j++) {
            z += Math.exp(logits[off + j] - max);
        }
        for (int j = 0; j < o; j++) {
            double p = Math.exp(logits[off + j] - max) / z;
            grad[off + j] = (float) ((p - (j == target ? 1.0 : 0.0)) / norm);
        }
        return -(logits[off + target] - max - Math.log(z));
    }

    /** The normaliser of a batch with this many target positions and O outputs. */
    double normaliser(long positions, int o) {
        return this == MSE ? (double) positions * o : positions;
    }
}
