package statescope.ui.heatmap;

import java.util.ArrayList;
import java.util.Comparator;
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

    /**
     * One label: row {@code row}, its text (maybe cut), whether the channel is unused, and the height of
     * its middle from the block's top ({@code y}; the row's own middle unless crowded named rows were
     * spread apart, then a leader joins label and row).
     */
    record Placed(int row, String text, boolean unused, double y) {
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
                    out.add(new Placed(r, Integer.toString(r), false, (r + 0.5) * rowHeight));
                    last = r * rowHeight;
                }
            }
            return out;
        }
        var named = new ArrayList<Integer>();
        for (int r = 0; r < rows; r++) {
            if (!f.unused(r)) {
                named.add(r);
            }
        }
        double height = rows * rowHeight;
        var ys = new ArrayList<Double>();                             // the label middles placed so far
        if (named.size() * lineHeight <= height) {
            double[] y = spread(named, rowHeight, lineHeight, height);  // every named row, spread apart
            for (int i = 0; i < y.length; i++) {
                out.add(new Placed(named.get(i), fit(f.rowLabel(named.get(i)), font, maxWidth), false, y[i]));
                ys.add(y[i]);
            }
        } else {
            for (int r : named) {                                     // too many: those with room at their row
                double y = (r + 0.5) * rowHeight;
                if (clear(ys, y, lineHeight)) {
                    out.add(new Placed(r, fit(f.rowLabel(r), font, maxWidth), false, y));
                    ys.add(y);
                }
            }
        }
        for (int r = 0; r < rows; r++) {                              // then the unused where room is left
            double y = (r + 0.5) * rowHeight;
            if (f.unused(r) && clear(ys, y, lineHeight) && y + lineHeight / 2 <= height + 2) {
                out.add(new Placed(r, fit(f.rowLabel(r), font, maxWidth), true, y));
                ys.add(y);
            }
        }
        out.sort(Comparator.comparingInt(Placed::row));
        return out;
    }

    /**
     * The label middles of rows {@code named} (ascending), each as near its row as it can be while the
     * labels keep {@code lineHeight} apart and inside {@code height}: pushed down past the one above,
     * then up from the bottom.
     */
    static double[] spread(List<Integer> named, double rowHeight, double lineHeight, double height) {
        int n = named.size();
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double want = (named.get(i) + 0.5) * rowHeight;
            y[i] = Math.max(want, i == 0 ? lineHeight / 2 : y[i - 1] + lineHeight);
        }
        for (int i = n - 1; i >= 0; i--) {
            double limit = i == n - 1 ? height - lineHeight / 2 : y[i + 1] - lineHeight;
            y[i] = Math.max(Math.min(y[i], limit), Math.min(lineHeight / 2, height / 2));
        }
        return y;
    }

    /** Whether a label at {@code y} keeps {@code lineHeight} from every label at {@code ys}. */
    private static boolean clear(List<Double> ys, double y, double lineHeight) {
        for (double other : ys) {
            if (Math.abs(other - y) < lineHeight - 1e-9) {
                return false;
            }
        }
        return true;
    }
}
