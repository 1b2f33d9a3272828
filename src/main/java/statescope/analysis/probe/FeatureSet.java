package statescope.analysis.probe;

/**
 * The features one probe reads: one row per position of the probed words.
 *
 * @param name  e.g. {@code embedding}, {@code h}, {@code block}
 * @param layer 0 for the embedding, 1..L for the blocks
 * @param width F, features per row (D for the embedding and block outputs, ED·N for h)
 * @param rows  R, the number of positions
 * @param data  [R, F] row-major
 */
public record FeatureSet(String name, int layer, int width, int rows, float[] data) {

    public FeatureSet {
        if ((long) width * rows != data.length) {
            throw new IllegalArgumentException(name + ": " + data.length + " values for " + rows + " x " + width);
        }
    }

    /** {@code "L0 embedding"}, {@code "L2 h"}, {@code "L2 block"}. */
    public String label() {
        return "L" + layer + " " + name;
    }
}
