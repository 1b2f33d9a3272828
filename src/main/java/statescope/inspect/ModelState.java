package statescope.inspect;

/**
 * The recurrent state of a model between tokens (SSM states h and conv buffers of every layer).
 * Mutable: {@link TraceModel#step} advances it in place; {@link #copy()} takes a snapshot.
 */
public interface ModelState {

    /** An independent deep copy. */
    ModelState copy();

    /** The SSM state h of one layer, flattened {@code [D * N]} (a copy). */
    float[] hiddenState(int layer);
}
