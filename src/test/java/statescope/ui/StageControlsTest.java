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
    private final UiScale.Store store = UiScale.Store.memory();

    @Start
    void start(Stage stage) {
        StateScopeApp.applyTheme();
        var vm = new SessionViewModel(new BuiltinLanguageLibrary(), MainWindowTest.oracles(), TaskRunner.immediate(),
                TaskRunner.immediate());
        window = StateScopeApp.buildRoot(vm);
        stage.setScene(new Scene(window, 1260, 780));
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
