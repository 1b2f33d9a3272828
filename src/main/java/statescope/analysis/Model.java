package statescope.analysis;

import statescope.ssm.SelectiveScanKernel;

/**
 * The model as the instruments run it: a recurrent step on carried states (the exhaustive phase walks a
 * prefix tree with it) and a batched forward over whole strings (everything else). {@link SsmModel} is
 * the engine's Mamba model; tests pass hand-made models that err exactly where they are told to.
 */
public interface Model {

    /** The state between tokens; mutable: a step advances it in place. */
    interface State {
        /** An independent copy. */
        State copy();

        /** Overwrites this state with {@code other}'s values. */
        void restore(State other);
    }

    /** Steps states one token at a time. One thread at a time (it may keep scratch buffers). */
    interface Stepper {
        /** Reads one token: advances {@code state} and writes the head's outputs into {@code logits} ({@code [O]}). */
        void step(State state, int token, float[] logits);
    }

    /**
     * The outputs of a batch of whole strings, run from the empty prefix.
     *
     * @param logits [B, maxLen, O]: row {@code b·maxLen + t} holds token t of string b
     */
    record Batch(float[] logits, int maxLen) {
    }

    /** Runs batches of whole strings; may keep a worker pool, so make one and reuse it. */
    interface Forward {
        Batch run(int[][] tokens);
    }

    /** A display name (the checkpoint's file name). */
    String name();

    int vocabSize();

    int outputSize();

    /** The state before any token. */
    State newState();

    /** A stepper for the calling thread. */
    Stepper stepper();

    /**
     * A stepper for a short walk, cheapest from a cold start (for the engine's model the plain scalar step:
     * the Vector API's step runs about 25 times slower until the JIT has compiled it, so a search of a few
     * hundred prefixes took seconds on it); {@link #stepper()} unless a model says otherwise.
     */
    default Stepper coldStepper() {
        return stepper();
    }

    /** The batched forward with scans on {@code kernel} (the CPU's or the GPU's) and {@code threads} threads. */
    Forward forward(SelectiveScanKernel kernel, int threads);
}
