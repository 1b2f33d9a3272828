package statescope.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.prefs.Preferences;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/**
 * The UI scale (Ctrl+= / Ctrl+- / Ctrl+0): one factor from {@value #MIN} to {@value #MAX} for the whole
 * window. The app's stylesheet is rewritten with every {@code px} length multiplied by it (fonts, chips,
 * paddings, the automaton's labels), the root font follows, and the views that paint text on a canvas or
 * in a chart read {@link #factor()}. The chosen scale is kept in a {@link Store} between runs;
 * presentation mode sets a scale without saving it. The factor in effect is the chosen scale held to the
 * window's room ({@link #setRoom}): a scale the window cannot show without cutting controls off waits
 * until the window is large enough.
 */
public final class UiScale {

    public static final double MIN = 0.75;
    public static final double MAX = 2.5;
    /** The steps Ctrl+= and Ctrl+- walk through. */
    static final double[] STEPS = {0.75, 0.85, 1.0, 1.1, 1.25, 1.4, 1.6, 1.8, 2.0, 2.25, 2.5};
    private static final double ROOT_FONT_PX = 14;
    private static final Pattern PX = Pattern.compile("(\\d+(?:\\.\\d+)?)px");
    /** The factor in effect (read by canvas painters and charts, FX thread only). */
    private static final ReadOnlyDoubleWrapper CURRENT = new ReadOnlyDoubleWrapper(1.0);

    /** Where the chosen scale lives between runs. */
    public interface Store {
        OptionalDouble load();

        void save(double scale);

        /** The user's preferences (java.util.prefs, node {@code statescope/ui}). */
        static Store preferences() {
            Preferences node = Preferences.userRoot().node("statescope/ui");
            return new Store() {
                @Override
                public OptionalDouble load() {
                    double v = node.getDouble("scale", Double.NaN);
                    return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
                }

                @Override
                public void save(double scale) {
                    node.putDouble("scale", scale);
                }
            };
        }

        /** A store in memory (tests; nothing outlives the object). */
        static Store memory() {
            double[] held = {Double.NaN};
            return new Store() {
                @Override
                public OptionalDouble load() {
                    return Double.isNaN(held[0]) ? OptionalDouble.empty() : OptionalDouble.of(held[0]);
                }

                @Override
                public void save(double scale) {
                    held[0] = scale;
                }
            };
        }
    }

    private final Store store;
    private final String css;
    private double saved;
    private double wanted;
    private double room = MAX;

    /** Starts at the stored scale (1 when none), clamped to the range. */
    public UiScale(Store store, String stylesheetUrl) {
        this.store = store;
        this.css = read(stylesheetUrl);
        saved = clamp(store.load().orElse(1.0));
        wanted = saved;
        CURRENT.set(saved);
    }

    /** The factor in effect. */
    public static double factor() {
        return CURRENT.get();
    }

    /** The factor in effect, observable (views repaint their canvases and fonts when it changes). */
    public static ReadOnlyDoubleProperty factorProperty() {
        return CURRENT.getReadOnlyProperty();
    }

    public static double clamp(double s) {
        return Double.isFinite(s) ? Math.max(MIN, Math.min(MAX, s)) : 1.0;
    }

    /** The next step up from the chosen scale (Ctrl+=); saved. */
    public void larger() {
        for (double s : STEPS) {
            if (s > wanted + 1e-9) {
                set(s, true);
                return;
            }
        }
    }

    /** The next step down (Ctrl+-) from the scale in effect (a scale held back by the room steps below it); saved. */
    public void smaller() {
        double from = Math.min(wanted, factor());
        for (int i = STEPS.length - 1; i >= 0; i--) {
            if (STEPS[i] < from - 1e-9) {
                set(STEPS[i], true);
                return;
            }
        }
    }

    /** Back to 1 (Ctrl+0); saved. */
    public void reset() {
        set(1.0, true);
    }

    /** Sets the scale, clamped; {@code save} keeps it for the next run (presentation mode does not). */
    public void set(double scale, boolean save) {
        double s = clamp(scale);
        if (save) {
            saved = s;
            store.save(s);
        }
        wanted = s;
        CURRENT.set(Math.min(wanted, room));
    }

    /**
     * The largest scale the window can show (from its size; at least {@value #MIN}): the factor in effect is
     * the chosen scale held to it, and follows when the window grows or shrinks.
     */
    public void setRoom(double largest) {
        room = Double.isFinite(largest) ? Math.max(MIN, Math.min(MAX, largest)) : MAX;
        CURRENT.set(Math.min(wanted, room));
    }

    /** The scale chosen (Ctrl+=, presentation mode), which the factor in effect may hold back to the room. */
    public double wanted() {
        return wanted;
    }

    /** The largest scale the window holds. */
    public double room() {
        return room;
    }

    /** The last saved scale (what the window returns to after presentation mode). */
    public double saved() {
        return saved;
    }

    /**
     * The app's stylesheet at the current scale, as a {@code data:} URL: every {@code px} length multiplied
     * and a root font of 14 px times the scale (the theme's controls size themselves from it).
     */
    public String stylesheet() {
        double s = factor();
        Matcher m = PX.matcher(css);
        var out = new StringBuilder(String.format(Locale.ROOT, ".root { -fx-font-size: %.2fpx; }%n", ROOT_FONT_PX * s));
        while (m.find()) {
            double v = Double.parseDouble(m.group(1)) * s;
            m.appendReplacement(out, String.format(Locale.ROOT, "%.2fpx", v));
        }
        m.appendTail(out);
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String read(String url) {
        try (var in = URI.create(url).toURL().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
