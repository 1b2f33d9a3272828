package statescope.train;

/**
 * A fixed, indexable set of training sequences: token ids and class targets (−1 = no target) per
 * position. The trainer visits it in seeded shuffled epochs, so the batch of step s is a function of
 * (seed, s) alone and a resumed run sees exactly the batches an uninterrupted one would.
 */
public interface TrainingSet {

    /** Number of sequences. */
    int size();

    /** Input ids of sequence i, [T_i]. */
    int[] tokens(int i);

    /** Target classes of sequence i, [T_i] (−1 = no target). */
    int[] targets(int i);

    /** A training set over arrays (not copied). */
    static TrainingSet of(int[][] tokens, int[][] targets) {
        if (tokens.length != targets.length || tokens.length == 0) {
            throw new IllegalArgumentException("a training set needs as many target rows as token rows, and at least one");
        }
        return new TrainingSet() {
            @Override
            public int size() {
                return tokens.length;
            }

            @Override
            public int[] tokens(int i) {
                return tokens[i];
            }

            @Override
            public int[] targets(int i) {
                return targets[i];
            }
        };
    }
}
