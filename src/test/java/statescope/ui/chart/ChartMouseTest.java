package statescope.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The wheel over the sweep chart scrolls the page that holds it and zooms only with Ctrl; "Reset zoom" in
 * its context menu brings the ranges back (the review scrolled the analysis page and zoomed the chart to
 * 6-251 symbols with no way back).
 */
@ExtendWith(ApplicationExtension.class)
class ChartMouseTest {

    private LengthChart chart;
    private final AtomicInteger scrolledOutside = new AtomicInteger();

    @Start
    void start(Stage stage) {
        chart = new LengthChart((c, p) -> { });
        var holder = new StackPane(chart);
        holder.addEventHandler(ScrollEvent.SCROLL, e -> scrolledOutside.incrementAndGet());
        stage.setScene(new Scene(holder, 700, 450));
        stage.show();
        chart.show(List.of(new LengthChart.Curve("m", new double[] {10, 100, 1000}, new double[] {100, 90, 20},
                new double[] {99, 85, 10}, new double[] {100, 94, 30})), List.of());
    }

    @Test
    void theWheelScrollsThePageAndCtrlWheelZooms(FxRobot robot) {
        var x = chart.plot().getDomainAxis();
        var y = chart.plot().getRangeAxis();
        Range xBefore = x.getRange();
        Range yBefore = y.getRange();
        robot.moveTo(chart).scroll(3, VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(scrolledOutside.get() > 0, "the page around the chart got the wheel");
        assertEquals(xBefore, x.getRange(), "no zoom without Ctrl");
        assertEquals(yBefore, y.getRange());
        int outside = scrolledOutside.get();
        robot.press(KeyCode.CONTROL).scroll(3, VerticalDirection.DOWN).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotEquals(xBefore, x.getRange(), "Ctrl+wheel zooms");
        assertEquals(outside, scrolledOutside.get(), "and does not scroll the page");
        ChartViewer viewer = robot.lookup(n -> n instanceof ChartViewer).query();
        MenuItem reset = viewer.getContextMenu().getItems().stream()
                .filter(i -> "Reset zoom".equals(i.getText())).findFirst().orElseThrow();
        robot.interact(reset::fire);
        assertEquals(xBefore, x.getRange(), "Reset zoom");
        assertEquals(yBefore, y.getRange());
    }
}
