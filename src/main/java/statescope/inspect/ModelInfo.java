package statescope.inspect;

import statescope.ssm.GateRange;

/**
 * What the UI shows about a loaded model.
 *
 * @param name        display name (checkpoint file name, or "random init")
 * @param numLayers   number of Mamba blocks
 * @param dModel      residual width
 * @param dInner      SSM channels per layer (expand · d_model)
 * @param dState      state size N per channel
 * @param vocabSize   input vocabulary size
 * @param outputWidth output units of the head
 * @param gates       gate range of Ā
 * @param backend     compute backend that runs the step ("cpu-java", "cpu-vector", "cuda")
 * @param trained     whether the weights come from a checkpoint (false for random init)
 * @param constructed whether that checkpoint's weights were constructed ({@code statescope construct}), not trained
 */
public record ModelInfo(String name, int numLayers, int dModel, int dInner, int dState, int vocabSize,
                        int outputWidth, GateRange gates, String backend, boolean trained, boolean constructed) {

    /** A model that is not constructed. */
    public ModelInfo(String name, int numLayers, int dModel, int dInner, int dState, int vocabSize,
                     int outputWidth, GateRange gates, String backend, boolean trained) {
        this(name, numLayers, dModel, dInner, dState, vocabSize, outputWidth, gates, backend, trained, false);
    }

    /** One line for the status bar, e.g. "3 layers · d_model 64 · N 16 · gates [-1,1] · random init". */
    public String summary() {
        return numLayers + (numLayers == 1 ? " layer" : " layers") + " · d_model " + dModel + " · N " + dState
                + " · gates " + (gates == GateRange.SIGNED ? "[-1,1]" : "[0,1]")
                + (constructed ? " · constructed" : trained ? " · trained" : " · random init");
    }
}
