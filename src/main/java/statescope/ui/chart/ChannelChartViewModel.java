package statescope.ui.chart;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import statescope.inspect.ChannelKind;
import statescope.inspect.AlignedTrace;
import statescope.inspect.TraceModel;
import statescope.ui.common.ChannelLabels;

/**
 * Line chart of user-picked channels of one layer over time: a window of {@value #MAX_POINTS} positions
 * that holds the current one. The window pages: it stays put while the current position moves inside
 * it and re-centres on the position when it leaves, so stepping redraws only the position marker; a
 * frame whose values equal the previous frame's carries the very same {@code series} array (the view
 * compares identities to skip redrawing the lines).
 */
public final class ChannelChartViewModel {

    /** Most positions plotted (a window holding the current position). */
    public static final int MAX_POINTS = 256;

    /**
     * One frame.
     *
     * @param start    position of the first sample
     * @param channels the channels plotted
     * @param series   {@code [channels.length][W]} values
     * @param current  current position
     * @param labels   {@code [channels.length]} each channel's label: "3 · depth" where the model names it,
     *                 "4 · unused" for an unnamed channel of a named layer, else "3"
     */
    public record Frame(int layer, ChannelKind kind, int start, int[] channels, float[][] series, int current,
                        String[] labels) {
    }

    private final IntegerProperty layer = new SimpleIntegerProperty(0);
    private final ObjectProperty<ChannelKind> kind = new SimpleObjectProperty<>(ChannelKind.STATE);
    private final ObservableList<Integer> channels = FXCollections.observableArrayList(0, 1, 2, 3);
    private final ReadOnlyObjectWrapper<Frame> frame = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper beyond = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<List<String>> choices = new ReadOnlyObjectWrapper<>(List.of());
    private int start = 1;
    private TraceModel labelsOf;
    private ChannelLabels labels = ChannelLabels.NUMBERS;

    public IntegerProperty layerProperty() {
        return layer;
    }

    public ObjectProperty<ChannelKind> kindProperty() {
        return kind;
    }

    /** The picked channels (indices into d_inner). */
    public ObservableList<Integer> channels() {
        return channels;
    }

    /** The picked channels the model does not have, said so ("channel 40 not drawn: …"), or empty. */
    public ReadOnlyStringProperty beyondProperty() {
        return beyond.getReadOnlyProperty();
    }

    /**
     * The label of every channel of the layer shown ("0 · constant 1", …, "4 · unused"; "0", "1", … for a
     * model without names), index = channel: what the picker offers.
     */
    public ReadOnlyObjectProperty<List<String>> choicesProperty() {
        return choices.getReadOnlyProperty();
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

    /** The frame for position {@code t}, its lines ending at position {@code shown} (hide the future). */
    public void update(AlignedTrace trace, int t, int shown) {
        update(trace, t, shown, null);
    }

    /**
     * As {@link #update(AlignedTrace, int, int)}, over the same positions as {@code leader} when it is not
     * null (compare mode's model B follows A's window, so the two plots share their x axis).
     */
    public void update(AlignedTrace trace, int t, int shown, Frame leader) {
        if (leader != null) {
            start = leader.start();
        }
        int d = trace.model().info().dInner();
        int l = Math.min(Math.max(0, layer.get()), trace.model().info().numLayers() - 1);
        int[] picked = channels.stream().mapToInt(Integer::intValue).filter(c -> c >= 0 && c < d).toArray();
        var out = channels.stream().filter(c -> c < 0 || c >= d).map(String::valueOf).toList();
        beyond.set(out.isEmpty() ? "" : "channel" + (out.size() > 1 ? "s " : " ") + String.join(", ", out)
                + " not drawn: this model has channels 0–" + (d - 1));
        int n = trace.length();
        if (t < start || t > start + MAX_POINTS - 1) {
            start = t - MAX_POINTS / 2;                                // re-centre on the position
        }
        start = Math.max(1, Math.min(start, n - MAX_POINTS + 1));      // the last window ends at the end
        int end = Math.min(Math.min(n, Math.max(t, shown)), start + MAX_POINTS - 1);
        float[][] series = new float[picked.length][Math.max(0, end - start + 1)];
        for (int p = start; p <= end; p++) {
            for (int c = 0; c < picked.length; c++) {
                series[c][p - start] = trace.channel(l, kind.get(), p, picked[c]);
            }
        }
        if (labelsOf != trace.model()) {
            labelsOf = trace.model();
            labels = new ChannelLabels(labelsOf.channelNames());
        }
        var all = IntStream.range(0, d).mapToObj(c -> labels.label(l, c)).toList();
        if (!all.equals(choices.get())) {
            choices.set(all);
        }
        String[] names = Arrays.stream(picked).mapToObj(all::get).toArray(String[]::new);
        Frame before = frame.get();
        if (before != null && before.start() == start && before.layer() == l && before.kind() == kind.get()
                && Arrays.equals(before.channels(), picked) && Arrays.equals(before.labels(), names)
                && Arrays.deepEquals(before.series(), series)) {
            series = before.series();                                  // same values: same array
        }
        frame.set(new Frame(l, kind.get(), start, picked, series, t, names));
    }

    /** No frame (compare mode's model B when compare mode ends). */
    public void clear() {
        frame.set(null);
        beyond.set("");
    }
}
