package statescope.ui.chart;

import javafx.event.Event;
import javafx.scene.Parent;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ScrollEvent;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;

/**
 * The mouse over a chart as the page around it expects: the wheel scrolls what holds the chart (the
 * analysis tab's page) and zooms only with Ctrl held, where JFreeChart's viewer zooms on any wheel turn
 * (a reader scrolling down the page found the plot zoomed to 6-251 symbols and no way back); the chart's
 * context menu has "Reset zoom".
 */
final class ChartMouse {

    private ChartMouse() {
    }

    /** @param reset restores the chart's own ranges (what it showed before any zoom) */
    static void install(ChartViewer viewer, Runnable reset) {
        viewer.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (!e.isControlDown() && !e.isShortcutDown()) {
                e.consume();                                          // the canvas's zoom handler never sees it
                Parent holder = viewer.getParent();
                if (holder != null) {
                    Event.fireEvent(holder, e.copyFor(holder, holder));
                }
            }
        });
        viewer.addEventHandler(ScrollEvent.SCROLL, ScrollEvent::consume);   // Ctrl+wheel zoomed: the page stays
        var item = new MenuItem("Reset zoom");
        item.setId("chart-reset-zoom");
        item.setOnAction(e -> reset.run());
        viewer.getContextMenu().getItems().add(0, item);
    }

    /** Every axis of an XY chart back to its automatic range. */
    static void autoRange(ChartViewer viewer) {
        if (viewer.getChart() != null && viewer.getChart().getPlot() instanceof XYPlot p) {
            for (int i = 0; i < p.getDomainAxisCount(); i++) {
                if (p.getDomainAxis(i) != null) {
                    p.getDomainAxis(i).setAutoRange(true);
                }
            }
            for (int i = 0; i < p.getRangeAxisCount(); i++) {
                if (p.getRangeAxis(i) != null) {
                    p.getRangeAxis(i).setAutoRange(true);
                }
            }
        }
    }
}
