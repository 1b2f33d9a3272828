package statescope.ui.heatmap;

import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import statescope.inspect.AlignedTrace;
import statescope.inspect.ChannelKind;
import statescope.inspect.TraceModel;
import statescope.ui.common.ChannelLabels;

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
     * @param tokens  {@code [W]} the symbol read at each column's position (the x labels and readouts)
     * @param labels  the model's channel names (row labels and readouts: "3 · depth", or "3" without names)
     */
    public record Frame(int layer, ChannelKind kind, int start, float[][] values, int current, float absMax,
                        float min, float max, String[] tokens, ChannelLabels labels) {

        public Frame {
            labels = labels == null ? ChannelLabels.NUMBERS : labels;
        }

        /** The label of row (channel) {@code channel}: "3 · depth", "4 · unused" or "3". */
        public String rowLabel(int channel) {
            return labels.label(layer, channel);
        }

        /** Whether row {@code channel} is an unused channel of a model with named channels (drawn dimmed). */
        public boolean unused(int channel) {
            return labels.unused(layer, channel);
        }

        /**
         * Whether row {@code channel} is exactly 0 at every position shown (a constructed model's input
         * features and unused channels hold no state; its label is dimmed and its hover says so).
         */
        public boolean zeroRow(int channel) {
            if (values.length == 0) {
                return false;
            }
            for (float[] column : values) {
                if (column[channel] != 0f) {
                    return false;
                }
            }
            return true;
        }

        /** Whether every cell of the frame is exactly 0 (the canvas then says so over the cells). */
        public boolean allZero() {
            return values.length > 0 && min == 0f && max == 0f;
        }

        /**
         * A row label's hover: the channel in full, and "h = 0 at every position shown" for a
         * {@link #zeroRow zero row}, e.g. {@code "layer 1 · channel 0 · constant 1 · h = 0 at every position shown"}.
         */
        public String labelReadout(int channel) {
            return "layer " + (layer + 1) + " · " + labels.longLabel(layer, channel)
                    + (zeroRow(channel) ? " · " + symbol(kind) + " = 0 at every position shown" : "");
        }

        /** What an all-zero frame means, drawn over its cells ("h = 0 at every position shown: ..."). */
        public String zeroNote() {
            return symbol(kind) + " = 0 at every position shown" + switch (kind) {
                case STATE -> ": no channel of layer " + (layer + 1) + " holds state on this input";
                case DELTA -> ": layer " + (layer + 1) + " writes nothing on this input";
                case GATE -> ": layer " + (layer + 1) + " keeps nothing on this input";
            };
        }

        /** Whether the frame's layer has named channels. */
        public boolean named() {
            return labels.named(layer);
        }

        /** The symbol read at column {@code col}, or "" when the frame has none. */
        public String token(int col) {
            return tokens == null || col < 0 || col >= tokens.length ? "" : tokens[col];
        }

        /**
         * The hover readout of one cell: position, token, layer, channel and value, e.g.
         * {@code "t = 3 · token '1' · layer 1 · channel 5 · Ā = -0.412"}, the channel named where the model
         * names it ({@code "channel 3 · depth"}); null outside the cells.
         */
        public String readout(int col, int channel) {
            if (col < 0 || col >= values.length || channel < 0 || channel >= values[col].length) {
                return null;
            }
            return String.format(Locale.ROOT, "t = %d · token '%s' · layer %d · %s · %s = %s", start + col,
                    token(col), layer + 1, labels.longLabel(layer, channel), symbol(kind), value(values[col][channel]));
        }
    }

    /** The quantity's symbol in readouts. */
    static String symbol(ChannelKind kind) {
        return switch (kind) {
            case STATE -> "h";
            case DELTA -> "Δ";
            case GATE -> "Ā";
        };
    }

    private static String value(float v) {
        return Math.abs(v) >= 1000 || (Math.abs(v) < 0.001 && v != 0)
                ? String.format(Locale.ROOT, "%.3e", v) : String.format(Locale.ROOT, "%.4f", v);
    }

    private final ChannelKind kind;
    private final IntegerProperty layer = new SimpleIntegerProperty(0);
    private final IntegerProperty window = new SimpleIntegerProperty(64);
    private final ReadOnlyObjectWrapper<Integer> layerCount = new ReadOnlyObjectWrapper<>(1);
    private final ReadOnlyObjectWrapper<Frame> frame = new ReadOnlyObjectWrapper<>();

    private TraceModel labelsOf;
    private ChannelLabels labels = ChannelLabels.NUMBERS;

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
        float[][] values = new float[cols][];                          // [W][ED]
        String[] tokens = new String[cols];                            // [W]
        var alphabet = trace.machine().alphabet();
        float absMax = 1e-6f;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < cols; i++) {
            values[i] = trace.channels(l, kind, start + i);
            tokens[i] = alphabet.symbol(trace.token(start + i));
            for (float v : values[i]) {
                absMax = Math.max(absMax, Math.abs(v));
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        frame.set(new Frame(l, kind, start, values, t, absMax, cols == 0 ? 0 : min, cols == 0 ? 0 : max, tokens,
                labels(trace)));
    }

    /** The trace's model's channel labels (made again only for another model). */
    private ChannelLabels labels(AlignedTrace trace) {
        if (labelsOf != trace.model()) {
            labelsOf = trace.model();
            labels = new ChannelLabels(labelsOf.channelNames());
        }
        return labels;
    }

    /** No frame (compare mode's model B when compare mode ends). */
    public void clear() {
        frame.set(null);
    }
}
