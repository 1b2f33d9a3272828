package statescope.ui.session;

import java.nio.file.Path;

/**
 * One entry of the model picker: a shipped or opened checkpoint, or a randomly initialised model of a
 * given shape (for exploring before training).
 *
 * @param label      what the picker shows
 * @param checkpoint the checkpoint manifest, or null for a random model
 * @param layers     layers of a random model
 * @param dModel     width of a random model
 * @param signed     whether a random model uses signed gates [-1, 1]
 * @param seed       seed of a random model
 */
public record ModelChoice(String label, Path checkpoint, int layers, int dModel, boolean signed, long seed) {

    public static ModelChoice random(int layers, int dModel, boolean signed, long seed) {
        return new ModelChoice("random init · " + layers + (layers == 1 ? " layer" : " layers") + " · d_model "
                + dModel + (signed ? " · gates [-1,1]" : " · gates [0,1]"), null, layers, dModel, signed, seed);
    }

    public static ModelChoice checkpoint(String label, Path manifest) {
        return new ModelChoice(label, manifest, 0, 0, false, 0);
    }

    /**
     * The label with the model's name first ("parity-signed · trained" for "trained · parity-signed"), as
     * the pickers, the sweep's legend and the analysis messages show it; a random init's as it is.
     */
    public String nameFirst() {
        return nameFirst(label);
    }

    /** "kind · name" as "name · kind"; other labels (a random init's settings) as they are. */
    public static String nameFirst(String label) {
        String[] parts = label.split(" · ");
        return parts.length == 2 ? parts[1] + " · " + parts[0] : label;
    }

    public boolean isCheckpoint() {
        return checkpoint != null;
    }

    @Override
    public String toString() {
        return label;
    }
}
