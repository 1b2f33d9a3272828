package statescope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window's first content: the views are built after it is painted, and a failure is said in words. */
@ExtendWith(ApplicationExtension.class)
class OpeningPaneTest {

    private OpeningPane pane;
    private Stage stage;

    @Start
    void start(Stage primary) {
        stage = new Stage();                                        // its own: the shared primary stage stays shown
        StateScopeApp.applyTheme();
        pane = new OpeningPane();
        var scene = new Scene(pane, 800, 500);
        scene.getStylesheets().add(StateScopeApp.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(stage::close);
    }

    @Test
    void theViewsAreBuiltOnALaterPulseNotDuringShow() throws Exception {
        var runs = new AtomicInteger();
        int atOnce = WaitForAsyncUtils.asyncFx(() -> {
            pane.openWhenPainted(runs::incrementAndGet);
            return runs.get();
        }).get();
        assertEquals(0, atOnce, "built before the pane's frame");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runs.get() == 1);
        WaitForAsyncUtils.waitForFxEvents(5);
        assertEquals(1, runs.get(), "built once");
        assertEquals(OpeningPane.OPENING, pane.line());
    }

    @Test
    void aFailureToBuildTheViewsIsShownInWordsInsteadOfAHalfBuiltWindow() throws Exception {
        var scene = pane.getScene();
        WaitForAsyncUtils.asyncFx(() -> pane.openWhenPainted(() -> {
            scene.setRoot(new Label("half-built"));                    // the views were in, then wiring failed
            throw new IllegalStateException("no models folder");
        })).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !pane.line().equals(OpeningPane.OPENING));
        assertTrue(pane.line().startsWith("StateScope could not build its window: no models folder."), pane.line());
        assertSame(pane, scene.getRoot(), "the message is what the window shows");
    }

    @Test
    void aWindowClosedBeforeItsViewsAreBuiltGetsNone() throws Exception {
        var runs = new AtomicInteger();
        var pulses = new AtomicInteger();
        WaitForAsyncUtils.asyncFx(() -> {
            pane.openWhenPainted(runs::incrementAndGet);
            stage.hide();
            new AnimationTimer() {                                     // a clock: pulses go on without a window
                @Override
                public void handle(long now) {
                    if (pulses.incrementAndGet() == 10) {
                        stop();
                    }
                }
            }.start();
        }).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pulses.get() >= 10);
        assertEquals(0, runs.get(), "views built for a closed window");
    }
}
