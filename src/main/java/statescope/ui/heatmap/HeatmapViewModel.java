package statescope.ui.heatmap;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import statescope.inspect.AlignedTrace;
import statescope.inspect.ChannelKind;

/**
 * A channel × time heatmap of one per-channel quantity ({@link ChannelKind}) of one layer, over a
 * window of positions ending at the current one. Used for the state heatmap and the gate view.
 */
public final class HeatmapViewModel {

    /**
     * One frame.
     *
     * @param start   position of the first column
     * @param values  {@code [W][D]} one column per position
     * @param current the current position (highlighted column)
     * @param absMax  largest |value| in the window (colour scale)
     * @param min     smallest value in the window
     * @param max     largest value in the window
     */
    public record Frame(int layer, ChannelKind kind, int start, float[][] values, int current, float absMax,
                        float min, float max) {
    }

    private final ChannelKind kind;
    private final IntegerProperty layer = new SimpleIntegerProperty(0);
    private final IntegerProperty window = new SimpleIntegerProperty(64);
    private final ReadOnlyObjectWrapper<Integer> layerCount = new ReadOnlyObjectWrapper<>(1);
    private final ReadOnlyObjectWrapper<Frame> frame = new ReadOnlyObjectWrapper<>();

    public HeatmapViewModel(ChannelKind kind) {
        this.kind = kind;
    }

    public ChannelKind kind() {
        return kind;
    }

    public IntegerProperty layerProperty() {
        return layer;
    }

    /** Number of layers of the trace's model (set by {@link #update}). */
    public ReadOnlyObjectProperty<Integer> layerCountProperty() {
        return layerCount.getReadOnlyProperty();
    }

    /** Number of positions shown. */
    public IntegerProperty windowProperty() {
        return window;
    }

    public ReadOnlyObjectProperty<Frame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    public Frame frame() {
        return frame.get();
    }

    public void update(AlignedTrace trace, int t) {
        update(trace, t, trace.length());
    }

    /** The frame for position {@code t} with no column after position {@code shown} (hide the future). */
    public void update(AlignedTrace trace, int t, int shown) {
        int layers = trace.model().info().numLayers();
        layerCount.set(layers);
        int l = Math.min(Math.max(0, layer.get()), layers - 1);
        int w = Math.max(1, window.get());
        int last = Math.min(trace.length(), Math.max(t, shown));
        int end = Math.min(last, Math.max(t, Math.min(w, last)));
        int start = Math.max(1, end - w + 1);
        int cols = Math.max(0, end - start + 1);
        float[][] values = new float[cols][];
        float absMax = 1e-6f;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < cols; i++) {
            values[i] = trace.channels(l, kind, start + i);
            for (float v : values[i]) {
                absMax = Math.max(absMax, Math.abs(v));
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        frame.set(new Frame(l, kind, start, values, t, absMax, cols == 0 ? 0 : min, cols == 0 ? 0 : max));
    }
}
