package statescope.ui.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import statescope.ui.StateScopeApp;
import statescope.ui.common.HoverReadout;

/**
 * The hover readout of a point by the right edge of a narrow trajectory pane (the counters story's, beside
 * the machine at scale 1.6) was cut at the pane's edge ("…a=10"): it stays inside the pane, whole, on two
 * lines where one is wider than the pane.
 */
@ExtendWith(ApplicationExtension.class)
class ReadoutEdgeTest {

    private static final String TEXT = "t = 20 · token 'b' · automaton state counts a=10 b=10 (phase b, remaining 0)";
    private final Pane pane = new Pane();
    private HoverReadout readout;

    @Start
    void start(Stage stage) {
        StateScopeApp.applyTheme();
        pane.setPrefSize(420, 220);
        readout = HoverReadout.attach(pane, (x, y) -> TEXT);
        var scene = new Scene(new Pane(pane), 420, 220);               // the pane at 420x220 in a stage of any size
        scene.getStylesheets().add(StateScopeApp.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aReadoutWiderThanThePaneWrapsInsideIt(FxRobot robot) {
        for (double x : new double[] {400, 210, 10}) {
            robot.interact(() -> readout.show(TEXT, x, 120));
            WaitForAsyncUtils.waitForFxEvents();
            var label = readout.label();
            Bounds b = label.localToParent(label.getLayoutBounds());     // its box, not its drop shadow
            assertTrue(label.prefWidth(-1) > pane.getWidth(), "one line is wider than the pane: " + label.prefWidth(-1));
            assertTrue(b.getMinX() >= -0.5 && b.getMaxX() <= pane.getWidth() + 0.5, "at x " + x + ": " + b);
            assertTrue(b.getMaxY() <= pane.getHeight() + 0.5, "at x " + x + ": " + b);
            StringBuilder shown = new StringBuilder();
            for (var n : label.lookupAll(".text")) {
                shown.append(((Text) n).getText());
            }
            assertEquals(TEXT, shown.toString(), "nothing cut to \"…\"");
        }
    }
}
