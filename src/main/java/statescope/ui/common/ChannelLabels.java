package statescope.ui.common;

import java.util.List;

/**
 * How the views name a model's channels: "3 · depth" where the model's manifest names channel 3 of the
 * layer (a constructed model), "4 · unused" where it names other channels of that layer but not this one
 * (an empty name marks an unused channel: shown, dimmed, never dropped), the plain number "3" for a model
 * without names (a trained one).
 *
 * @param names per layer the names of its channels ({@code [L][ED]}), or empty
 */
public record ChannelLabels(List<List<String>> names) {

    /** What an unnamed channel of a named layer is called. */
    public static final String UNUSED = "unused";

    /** Labels of a model without names: plain numbers. */
    public static final ChannelLabels NUMBERS = new ChannelLabels(List.of());

    public ChannelLabels {
        names = names == null ? List.of() : names.stream().map(List::copyOf).toList();
    }

    /** Whether layer {@code layer} has names (then its unnamed channels are unused). */
    public boolean named(int layer) {
        return layer >= 0 && layer < names.size() && names.get(layer).stream().anyMatch(n -> !n.isBlank());
    }

    /** The name of channel {@code channel} of layer {@code layer}, or "" (none, or unused). */
    public String name(int layer, int channel) {
        if (layer < 0 || layer >= names.size()) {
            return "";
        }
        var layerNames = names.get(layer);
        return channel >= 0 && channel < layerNames.size() ? layerNames.get(channel).strip() : "";
    }

    /** Whether the channel is unused: its layer names channels, but not this one. */
    public boolean unused(int layer, int channel) {
        return named(layer) && name(layer, channel).isEmpty();
    }

    /** "3 · depth", "4 · unused" or "3". */
    public String label(int layer, int channel) {
        String n = name(layer, channel);
        return !n.isEmpty() ? channel + " · " + n : named(layer) ? channel + " · " + UNUSED : Integer.toString(channel);
    }

    /** "channel 3 · depth", "channel 4 · unused" or "channel 3" (readouts and series names). */
    public String longLabel(int layer, int channel) {
        return "channel " + label(layer, channel);
    }

    /** {@code text} cut to at most {@code max} characters, the cut marked with an ellipsis. */
    public static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return max <= 1 ? "…" : text.substring(0, max - 1).stripTrailing() + "…";
    }
}
