package statescope.ui.heatmap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import statescope.ui.common.ChannelLabels;

/**
 * Which rows of a heatmap get a label and what it reads. A model without channel names gets plain numbers
 * every 4, 16 or 32 rows (as many rows as it has). A model with names gets "3 · depth": named rows first,
 * each where it does not overlap a label already placed, then the unused ones ("4 · unused", drawn dimmed)
 * where room is left; a name wider than the margin allows is cut with an ellipsis (the hover readout
 * gives it whole).
 */
final class RowLabels {

    /** One label: row {@code row}, its text (maybe cut), whether the channel is unused. */
    record Placed(int row, String text, boolean unused) {
    }

    private final Map<String, Double> widths = new HashMap<>();
    private final Text probe = new Text();

    /** The width of {@code text} in {@code font} (measured once per text and font). */
    double width(String text, Font font) {
        return widths.computeIfAbsent(font.getSize() + "|" + text, k -> {
            if (widths.size() > 4096) {
                widths.clear();
            }
            probe.setFont(font);
            probe.setText(text);
            return probe.getLayoutBounds().getWidth();
        });
    }

    /** The widest label of the frame's layer in {@code font}, at most {@code cap}. */
    double widest(HeatmapViewModel.Frame f, int rows, Font font, double cap) {
        double w = 0;
        for (int r = 0; r < rows && w < cap; r++) {
            w = Math.max(w, width(f.rowLabel(r), font));
        }
        return Math.min(cap, w);
    }

    /** {@code text}, cut with an ellipsis to at most {@code max} pixels wide in {@code font}. */
    String fit(String text, Font font, double max) {
        if (width(text, font) <= max) {
            return text;
        }
        int lo = 1;
        int hi = text.length();
        while (lo < hi) {                                             // the longest cut that fits
            int mid = (lo + hi + 1) / 2;
            if (width(ChannelLabels.shorten(text, mid), font) <= max) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return ChannelLabels.shorten(text, lo);
    }

    /**
     * The labels of {@code rows} rows {@code rowHeight} apart, each needing {@code lineHeight}, cut to
     * {@code maxWidth} pixels in {@code font}.
     */
    List<Placed> place(HeatmapViewModel.Frame f, int rows, double rowHeight, double lineHeight, Font font,
                       double maxWidth) {
        var out = new ArrayList<Placed>();
        if (!f.named()) {
            int step = rows <= 16 ? 4 : rows <= 64 ? 16 : 32;
            double last = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < rows; r += step) {
                if (r * rowHeight - last >= lineHeight) {                 // none over another
                    out.add(new Placed(r, Integer.toString(r), false));
                    last = r * rowHeight;
                }
            }
            return out;
        }
        var taken = new boolean[rows];
        for (boolean unused : new boolean[] {false, true}) {           // named rows first, then the unused
            for (int r = 0; r < rows; r++) {
                if (f.unused(r) == unused && free(taken, r, rowHeight, lineHeight)) {
                    taken[r] = true;
                }
            }
        }
        for (int r = 0; r < rows; r++) {
            if (taken[r]) {
                out.add(new Placed(r, fit(f.rowLabel(r), font, maxWidth), f.unused(r)));
            }
        }
        return out;
    }

    /** Whether row {@code r}'s label keeps {@code lineHeight} from every label taken so far. */
    private static boolean free(boolean[] taken, int r, double rowHeight, double lineHeight) {
        int reach = (int) Math.ceil(lineHeight / Math.max(rowHeight, 1e-6)) - 1;   // rows a label covers either side
        for (int q = Math.max(0, r - reach); q <= Math.min(taken.length - 1, r + reach); q++) {
            if (taken[q] && Math.abs(q - r) * rowHeight < lineHeight) {
                return false;
            }
        }
        return true;
    }
}
