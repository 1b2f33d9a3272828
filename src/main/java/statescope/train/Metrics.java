package statescope.train;

/** Small helpers for scoring head outputs. */
public final class Metrics {

    private Metrics() {
    }

    /** Index of the largest of v[off .. off+len) (the first one on ties). */
    public static int argmax(float[] v, int off, int len) {
        int best = 0;
        for (int j = 1; j < len; j++) {
            if (v[off + j] > v[off + best]) {
                best = j;
            }
        }
        return best;
    }

    /** Whether the argmax class is right at every position with a target (≥ 0): the strict criterion. */
    public static boolean strictCorrect(float[] logits, int o, int[] targets) {
        for (int t = 0; t < targets.length; t++) {
            if (targets[t] >= 0 && argmax(logits, t * o, o) != targets[t]) {
                return false;
            }
        }
        return true;
    }
}
