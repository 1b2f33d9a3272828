package statescope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import statescope.ui.common.TaskRunner;
import statescope.ui.common.UiScale;
import statescope.ui.main.MainWindow;
import statescope.ui.main.StageControls;
import statescope.ui.session.BuiltinLanguageLibrary;
import statescope.ui.session.SessionViewModel;

/** Ctrl+= / Ctrl+- / Ctrl+0 and presentation mode (F5, Esc) on the real window, with an in-memory store. */
@ExtendWith(ApplicationExtension.class)
class StageControlsTest {

    private MainWindow window;
    private StageControls controls;
    private Stage stage;
    private final UiScale.Store store = UiScale.Store.memory();

    @Start
    void start(Stage stage) {
        StateScopeApp.applyTheme();
        var vm = new SessionViewModel(new BuiltinLanguageLibrary(), MainWindowTest.oracles(), TaskRunner.immediate(),
                TaskRunner.immediate());
        window = StateScopeApp.buildRoot(vm);
        stage.setScene(new Scene(window, 1600, 1000));                 // room for 1.25x (StageControls.room)
        this.stage = stage;
        controls = StageControls.install(stage, window, StateScopeApp.uiScale(store));
        stage.show();
        vm.start();
    }

    @AfterEach
    void backToOne() throws Exception {                                // on the FX thread: the scale restyles the scene
        WaitForAsyncUtils.asyncFx(() -> StateScopeApp.uiScale(UiScale.Store.memory()).set(1.0, false)).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private double fontOf(FxRobot robot, String id) {
        return robot.lookup(id).queryLabeled().getFont().getSize();
    }

    @Test
    void ctrlPlusMinusAndZeroScaleTheFontsAndAreSaved(FxRobot robot) {
        robot.interact(window::requestFocus);
        double before = fontOf(robot, "#position-label");
        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.25, UiScale.factor(), 1e-9);
        assertEquals(1.25, store.load().orElseThrow(), 1e-9, "the scale is kept for the next run");
        assertEquals(before * 1.25, fontOf(robot, "#position-label"), 0.1, "the fonts follow");
        robot.press(KeyCode.CONTROL, KeyCode.MINUS).release(KeyCode.MINUS, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.1, UiScale.factor(), 1e-9);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.0, UiScale.factor(), 1e-9);
        assertEquals(before, fontOf(robot, "#position-label"), 0.1);
    }

    /**
     * A scale the window cannot hold (controls would be cut off or squeezed to "…") waits for a larger
     * window: the factor stays at what the window holds, the status bar says so, the chosen scale is saved,
     * and it applies when the window grows.
     */
    @Test
    void aScaleTheWindowCannotHoldWaitsForALargerWindow(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.0, StageControls.room(1280, 720, false), 1e-9);
        robot.interact(window::requestFocus);
        for (int i = 0; i < 4; i++) {                                   // 1.1, 1.25, 1.4, 1.6
            robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.0, UiScale.factor(), 1e-9, "held to what 1280x720 holds");
        assertEquals(1.6, store.load().orElseThrow(), 1e-9, "the chosen scale is kept");
        String message = robot.lookup("#status-message").queryLabeled().getText();
        assertEquals("Scale 1.6x waits for a larger window: 1280x720 holds 1x (F5 presents at 1.6x)", message);
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setWidth(1920);
            stage.setHeight(1080);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.5, UiScale.factor(), 1e-9, "1920x1080 holds 1.5x (1920 / 1240 = 1.548)");
        WaitForAsyncUtils.asyncFx(() -> stage.setWidth(2560)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.55, UiScale.factor(), 1e-9, "then the height holds it back (1080 / 690 = 1.565)");
        WaitForAsyncUtils.asyncFx(() -> stage.setHeight(1440)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.6, UiScale.factor(), 1e-9, "2560x1440 holds the chosen 1.6x");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        WaitForAsyncUtils.asyncFx(() -> {                                 // the stage is shared with later test classes
            stage.setWidth(1600);
            stage.setHeight(1000);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * The word that a scale waits for a larger window goes once it no longer holds: the review found
     * "Scale 1.25x waits for a larger window…" still in the status bar after Ctrl+0 had reset the scale.
     * A window that grows to hold the scale takes it away too.
     */
    @Test
    void theWaitingScalesNoticeGoesWhenTheScaleIsReset(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        try {
            waitingScale(robot);
        } finally {                                                     // the stage is shared with later test classes
            WaitForAsyncUtils.asyncFx(() -> {
                stage.setWidth(1600);
                stage.setHeight(1000);
            }).get();
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private void waitingScale(FxRobot robot) throws Exception {
        robot.interact(window::requestFocus);
        for (int i = 0; i < 3; i++) {                                   // 1.1, 1.25, 1.4
            robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(message(robot).startsWith("Scale 1.4x waits for a larger window: 1280x720 holds 1x"), message(robot));
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.0, UiScale.factor(), 1e-9);
        assertEquals("", message(robot), "Ctrl+0: the scale the window holds, the notice gone");
        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(message(robot).startsWith("Scale 1.1x waits"), message(robot));
        WaitForAsyncUtils.asyncFx(() -> {                                 // a window that holds 1.1x
            stage.setWidth(1600);
            stage.setHeight(1000);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.1, UiScale.factor(), 1e-9);
        assertEquals("", message(robot), "the window grew to hold it");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String message(FxRobot robot) {
        return robot.lookup("#status-message").queryLabeled().getText();
    }

    @Test
    void f5PresentsAndEscLeaves(FxRobot robot) {
        robot.interact(window::requestFocus);
        double counter = fontOf(robot, "#position-label");
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(controls.presenting());
        assertNull(window.getLeft(), "the catalog is hidden");
        assertTrue(UiScale.factor() >= StageControls.PRESENTING_SCALE);
        assertTrue(window.getStyleClass().contains("presenting"));
        assertTrue(fontOf(robot, "#position-label") >= counter * 2.5, "a large position counter");
        assertTrue(store.load().isEmpty(), "the presentation scale is not saved");
        robot.interact(window::requestFocus);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(controls.presenting());
        assertTrue(window.getLeft() != null, "the catalog is back");
        assertEquals(1.0, UiScale.factor(), 1e-9, "back to the chosen scale");
    }
}
