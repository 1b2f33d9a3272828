package statescope.ui.export;

import java.util.List;
import java.util.Locale;
import javafx.scene.shape.Arc;
import javafx.scene.shape.ArcTo;
import javafx.scene.shape.Circle;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.Ellipse;
import javafx.scene.shape.HLineTo;
import javafx.scene.shape.Line;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.QuadCurve;
import javafx.scene.shape.QuadCurveTo;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;
import javafx.scene.shape.Shape;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.VLineTo;
import javafx.scene.transform.Transform;

/** JavaFX shapes as SVG elements (in the shape's own coordinates, with its transform). */
final class SvgShapes {

    private SvgShapes() {
    }

    /** The element for {@code s}, or "" for a shape kind not written. */
    static String shape(Shape s, Transform t) {
        String geometry = switch (s) {
            case Rectangle r -> "<rect x=\"" + n(r.getX()) + "\" y=\"" + n(r.getY()) + "\" width=\"" + n(r.getWidth())
                    + "\" height=\"" + n(r.getHeight()) + "\"" + (r.getArcWidth() > 0 ? " rx=\"" + n(r.getArcWidth() / 2)
                    + "\" ry=\"" + n(r.getArcHeight() / 2) + "\"" : "");
            case Circle c -> "<circle cx=\"" + n(c.getCenterX()) + "\" cy=\"" + n(c.getCenterY()) + "\" r=\""
                    + n(c.getRadius()) + "\"";
            case Ellipse e -> "<ellipse cx=\"" + n(e.getCenterX()) + "\" cy=\"" + n(e.getCenterY()) + "\" rx=\""
                    + n(e.getRadiusX()) + "\" ry=\"" + n(e.getRadiusY()) + "\"";
            case Line l -> "<line x1=\"" + n(l.getStartX()) + "\" y1=\"" + n(l.getStartY()) + "\" x2=\""
                    + n(l.getEndX()) + "\" y2=\"" + n(l.getEndY()) + "\"";
            case Polyline p -> "<polyline points=\"" + points(p.getPoints()) + "\"";
            case Polygon p -> "<polygon points=\"" + points(p.getPoints()) + "\"";
            case Path p -> "<path d=\"" + path(p.getElements()) + "\"";
            case SVGPath p -> "<path d=\"" + Svg.esc(p.getContent()) + "\"";
            case CubicCurve c -> "<path d=\"M" + n(c.getStartX()) + " " + n(c.getStartY()) + " C" + n(c.getControlX1())
                    + " " + n(c.getControlY1()) + " " + n(c.getControlX2()) + " " + n(c.getControlY2()) + " "
                    + n(c.getEndX()) + " " + n(c.getEndY()) + "\"";
            case QuadCurve c -> "<path d=\"M" + n(c.getStartX()) + " " + n(c.getStartY()) + " Q" + n(c.getControlX())
                    + " " + n(c.getControlY()) + " " + n(c.getEndX()) + " " + n(c.getEndY()) + "\"";
            case Arc a -> "<path d=\"" + arc(a) + "\"";
            default -> null;
        };
        if (geometry == null) {
            return "";
        }
        var b = new StringBuilder(geometry);
        b.append(Svg.paint("fill", s.getFill(), 1)).append(Svg.paint("stroke", s.getStroke(), 1));
        if (s.getStroke() != null) {
            b.append(" stroke-width=\"").append(n(s.getStrokeWidth())).append('"');
            if (!s.getStrokeDashArray().isEmpty()) {
                b.append(" stroke-dasharray=\"").append(points(s.getStrokeDashArray())).append('"');
            }
            b.append(" stroke-linecap=\"").append(s.getStrokeLineCap() == StrokeLineCap.ROUND ? "round"
                    : s.getStrokeLineCap() == StrokeLineCap.BUTT ? "butt" : "square").append('"');
        }
        return b.append(Svg.transform(t)).append("/>\n").toString();
    }

    private static String n(double v) {
        return Svg.num(v);
    }

    private static String points(List<Double> pts) {
        var b = new StringBuilder();
        for (int i = 0; i < pts.size(); i++) {
            b.append(i == 0 ? "" : " ").append(n(pts.get(i)));
        }
        return b.toString();
    }

    private static String path(List<PathElement> elements) {
        var d = new StringBuilder();
        for (PathElement e : elements) {
            boolean abs = e.isAbsolute();
            String cmd = switch (e) {
                case MoveTo m -> "M" + n(m.getX()) + " " + n(m.getY());
                case LineTo l -> "L" + n(l.getX()) + " " + n(l.getY());
                case HLineTo h -> "H" + n(h.getX());
                case VLineTo v -> "V" + n(v.getY());
                case CubicCurveTo c -> "C" + n(c.getControlX1()) + " " + n(c.getControlY1()) + " " + n(c.getControlX2())
                        + " " + n(c.getControlY2()) + " " + n(c.getX()) + " " + n(c.getY());
                case QuadCurveTo q -> "Q" + n(q.getControlX()) + " " + n(q.getControlY()) + " " + n(q.getX()) + " "
                        + n(q.getY());
                case ArcTo a -> "A" + n(a.getRadiusX()) + " " + n(a.getRadiusY()) + " " + n(a.getXAxisRotation()) + " "
                        + (a.isLargeArcFlag() ? 1 : 0) + " " + (a.isSweepFlag() ? 1 : 0) + " " + n(a.getX()) + " "
                        + n(a.getY());
                case ClosePath c -> "Z";
                default -> "";
            };
            d.append(d.isEmpty() ? "" : " ").append(abs || cmd.equals("Z") ? cmd : cmd.toLowerCase(Locale.ROOT));
        }
        return d.toString();
    }

    /** An open arc (JavaFX's angles: degrees, counter-clockwise, y up). */
    private static String arc(Arc a) {
        double start = Math.toRadians(a.getStartAngle());
        double end = Math.toRadians(a.getStartAngle() + a.getLength());
        double x0 = a.getCenterX() + a.getRadiusX() * Math.cos(start);
        double y0 = a.getCenterY() - a.getRadiusY() * Math.sin(start);
        double x1 = a.getCenterX() + a.getRadiusX() * Math.cos(end);
        double y1 = a.getCenterY() - a.getRadiusY() * Math.sin(end);
        int large = Math.abs(a.getLength()) > 180 ? 1 : 0;
        int sweep = a.getLength() > 0 ? 0 : 1;
        return "M" + n(x0) + " " + n(y0) + " A" + n(a.getRadiusX()) + " " + n(a.getRadiusY()) + " 0 " + large + " "
                + sweep + " " + n(x1) + " " + n(y1);
    }
}
