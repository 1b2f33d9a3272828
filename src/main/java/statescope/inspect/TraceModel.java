package statescope.inspect;

import java.util.List;
import java.util.OptionalDouble;
import statescope.ssm.SelectiveScanKernel;

/**
 * A model the UI can step one token at a time, exposing its internals. The engine's SSM is adapted to
 * this, and tests use small hand-made fakes.
 */
public interface TraceModel {

    /**
     * What a {@code TraceModel} carries from one token to the next, opaque to the views (for the engine's
     * model an {@link statescope.ssm.SsmState}: the SSM states h and conv buffers of every layer).
     * Mutable: {@link TraceModel#step} advances it in place; {@link #copy()} takes a snapshot.
     */
    interface State {

        /** An independent deep copy. */
        State copy();

        /** The SSM state h of one layer, flattened {@code [ED * N]} (a copy). */
        float[] hiddenState(int layer);
    }

    ModelInfo info();

    /**
     * Per layer the names of its ED channels ("seen d", "depth", ...; an empty name marks an unused channel),
     * as a constructed model's manifest gives them; empty for a model without names (a trained one).
     */
    default List<List<String>> channelNames() {
        return List.of();
    }

    /**
     * Whether {@link #gateMean} gives Ā averaged over N from the step size Δ alone (Ā = gate(Δ·A) with a
     * fixed A, as in the Mamba block), so that a trace keeps Δ and computes Ā for the positions a view
     * shows instead of storing it for every token.
     */
    default boolean gateFromDelta() {
        return false;
    }

    /** Ā[d, :] of layer {@code layer} averaged over N for step size {@code delta}; only when {@link #gateFromDelta()}. */
    default float gateMean(int layer, int d, float delta) {
        throw new UnsupportedOperationException("this model does not derive Ā from Δ");
    }

    /** The state before any token (zeros). */
    State newState();

    /**
     * Reads one token: advances {@code state} in place and returns the trace of this step.
     *
     * @param token a vocabulary index {@code 0 <= token < info().vocabSize()}
     */
    StepTrace step(State state, int token);

    /**
     * Reads several tokens at once: advances {@code state} in place and returns one trace per token.
     * The default steps one by one; a model with a batched scan may do it faster (its results must agree
     * with {@link #step} within the step-vs-scan deviation).
     */
    default StepTrace[] stepMany(State state, int[] tokens) {
        var out = new StepTrace[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            out[i] = step(state, tokens[i]);
        }
        return out;
    }

    /**
     * Runs every word from the zero state and returns the hidden state of every layer after every token,
     * {@code [words][T_w][L]} of {@code [ED * N]}. The default steps each word ({@link #step}) and is the
     * reference; a model with a batched scan runs the words as one batch on {@code kernel} (the CPU or
     * a GPU kernel), agreeing with the step within the step-vs-scan deviation.
     *
     * @param words token ids per word
     * @param kernel the scan kernel a batched implementation runs on (the default ignores it)
     */
    default float[][][][] hiddenStates(int[][] words, SelectiveScanKernel kernel) {
        var out = new float[words.length][][][];                       // [W][T_w][L][ED * N]
        for (int w = 0; w < words.length; w++) {
            State st = newState();
            out[w] = new float[words[w].length][][];
            for (int i = 0; i < words[w].length; i++) {
                StepTrace.LayerTrace[] layers = step(st, words[w][i]).layers();
                float[][] h = new float[layers.length][];
                for (int l = 0; l < layers.length; l++) {
                    h[l] = layers[l].h();
                }
                out[w][i] = h;
            }
        }
        return out;
    }

    /**
     * Reads several tokens at once, like {@link #stepMany}, but returns only what a {@link AlignedTrace} keeps
     * ({@link StepBlock}). The default wraps {@link #stepMany}; a model with a batched scan answers from
     * its batched outputs without per-token copies, and must give exactly what the default gives for the
     * same batched computation. Such a block may be backed by buffer set {@code slot} (0 or 1) of the
     * calling thread, so that one thread can compute the next block while another still reads this one: a
     * block stays valid until the next call with the same slot on the same thread.
     */
    default StepBlock stepBlock(State state, int[] tokens, int slot) {
        return StepBlock.of(stepMany(state, tokens), info().dState());
    }

    /**
     * The largest absolute difference between the states of the step path and of the reference forward
     * ({@code ssm.ReferenceForward}, plain loops that share no kernel with the step) on the same tokens,
     * when the model has one; empty otherwise. The fast scan is not the comparison: it shares the step's
     * kernels, so it would always read 0.
     */
    default OptionalDouble stepScanDeviation(int[] tokens) {
        return OptionalDouble.empty();
    }
}
