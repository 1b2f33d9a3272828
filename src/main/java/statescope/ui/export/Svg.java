package statescope.ui.export;

import java.util.Base64;
import java.util.Locale;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.paint.RadialGradient;
import javafx.scene.text.Font;
import javafx.scene.transform.Affine;
import javafx.scene.transform.Transform;

/** Pieces of SVG markup shared by the scene writer and the pen: numbers, colours, text, images. */
final class Svg {

    private Svg() {
    }

    /** A number in SVG's syntax (no exponent, at most 3 decimals). */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.3f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }

    /** Text escaped for an XML attribute or element. */
    static String esc(String s) {
        var b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /**
     * {@code fill="…" fill-opacity="…"} (or stroke) for a paint times {@code alpha}; "none" for no
     * paint or a transparent one; a gradient is written as its first stop's colour.
     */
    static String paint(String attr, Paint p, double alpha) {
        Color c = color(p);
        if (c == null || c.getOpacity() * alpha <= 0) {
            return " " + attr + "=\"none\"";
        }
        String s = String.format(Locale.ROOT, " %s=\"#%02x%02x%02x\"", attr, (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
        double a = c.getOpacity() * alpha;
        return a < 1 ? s + " " + attr + "-opacity=\"" + num(a) + "\"" : s;
    }

    static Color color(Paint p) {
        if (p instanceof Color c) {
            return c;
        }
        if (p instanceof LinearGradient g && !g.getStops().isEmpty()) {
            return g.getStops().getFirst().getColor();
        }
        if (p instanceof RadialGradient g && !g.getStops().isEmpty()) {
            return g.getStops().getFirst().getColor();
        }
        return null;
    }

    /** Font attributes: family (with a generic fallback), size in px, weight and style. */
    static String font(Font f) {
        String style = f.getStyle().toLowerCase(Locale.ROOT);
        String family = f.getFamily();
        String generic = family.toLowerCase(Locale.ROOT).contains("mono") ? "monospace" : "sans-serif";
        return " font-family=\"" + esc(family.equals("System") ? generic : family) + ", " + generic + "\""
                + " font-size=\"" + num(f.getSize()) + "\""
                + (style.contains("bold") ? " font-weight=\"bold\"" : "")
                + (style.contains("italic") ? " font-style=\"italic\"" : "");
    }

    /** {@code transform="matrix(…)"}, or nothing for the identity. */
    static String transform(Transform t) {
        if (t.isIdentity()) {
            return "";
        }
        if (t.getMxx() == 1 && t.getMyy() == 1 && t.getMxy() == 0 && t.getMyx() == 0) {
            return " transform=\"translate(" + num(t.getTx()) + " " + num(t.getTy()) + ")\"";
        }
        return " transform=\"matrix(" + num(t.getMxx()) + " " + num(t.getMyx()) + " " + num(t.getMxy()) + " "
                + num(t.getMyy()) + " " + num(t.getTx()) + " " + num(t.getTy()) + ")\"";
    }

    /** A copy of {@code t} (transforms are live in JavaFX). */
    static Affine copy(Transform t) {
        return new Affine(t);
    }

    /** An {@code <image>} holding {@code img}'s pixels as an embedded PNG, stretched to the box. */
    static String image(Image img, double x, double y, double w, double h, boolean smooth, String transform) {
        byte[] png = PngWriter.bytes(PngWriter.pixels(img));
        return "<image x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" + num(h)
                + "\" preserveAspectRatio=\"none\"" + (smooth ? "" : " style=\"image-rendering:pixelated\"")
                + transform + " xlink:href=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png)
                + "\"/>\n";
    }
}
