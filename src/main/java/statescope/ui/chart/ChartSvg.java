package statescope.ui.chart;

import java.awt.geom.Rectangle2D;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.svg.SVGGraphics2D;
import statescope.ui.common.VectorPaint;

/** A chart exported as vectors: JFreeChart draws itself again into JFreeSVG, text as SVG text. */
final class ChartSvg {

    private ChartSvg() {
    }

    /** The SVG export writes {@code viewer}'s chart as JFreeSVG draws it, at the viewer's size. */
    static void attach(ChartViewer viewer) {
        VectorPaint.attach(viewer, (VectorPaint.Markup) (w, h) -> {
            if (viewer.getChart() == null) {
                return "";
            }
            var g2 = new SVGGraphics2D(w, h);
            viewer.getChart().draw(g2, new Rectangle2D.Double(0, 0, w, h));
            return g2.getSVGElement();
        });
    }
}
