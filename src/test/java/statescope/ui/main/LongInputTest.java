package statescope.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import statescope.ui.StateScopeApp;
import statescope.ui.common.TaskRunner;
import statescope.ui.session.BuiltinLanguageLibrary;
import statescope.ui.session.SessionViewModel;

/** A paste too long for the text field goes to the session and shows as a summary; Clear returns. */
@ExtendWith(ApplicationExtension.class)
class LongInputTest {

    private SessionViewModel vm;

    @Start
    void start(Stage stage) {
        StateScopeApp.applyTheme();
        vm = new SessionViewModel(new BuiltinLanguageLibrary(), StateScopeApp.models(), TaskRunner.immediate(),
                TaskRunner.immediate());
        var scene = new Scene(StateScopeApp.buildRoot(vm), 1260, 780);
        scene.getStylesheets().add(StateScopeApp.STYLESHEET);
        stage.setScene(scene);
        stage.show();
        vm.start();
    }

    @Test
    void aLongPasteIsReadAndSummarised(FxRobot robot) {
        var catalog = vm.views().catalog();
        robot.interact(() -> catalog.select(catalog.languages().stream().filter(l -> l.id().equals("parity"))
                .findFirst().orElseThrow()));
        InputField field = robot.lookup("#input-field").query();
        String big = "0110".repeat(2000);                               // 8,000 characters
        robot.interact(() -> {
            field.selectAll();
            field.pasteText(big);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(8000, vm.trace().length());
        assertFalse(field.isVisible(), "the field does not hold 8,000 characters");
        Label summary = robot.lookup("#long-input").query();
        assertTrue(summary.isVisible());
        assertTrue(summary.getText().startsWith("8,000 characters"), summary.getText());
        robot.clickOn(summary);                                        // typed keys add at the end (they were lost)
        robot.type(KeyCode.DIGIT1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(8001, vm.trace().length());
        assertTrue(vm.views().input().textProperty().get().endsWith("01101"));
        robot.type(KeyCode.BACK_SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(8000, vm.trace().length(), "Backspace removes the last symbol");
        robot.clickOn("Clear");
        assertTrue(field.isVisible());
        assertEquals(0, vm.trace().length());
        assertEquals("Input cleared (8,000 characters) — Ctrl+Z restores it",
                vm.views().status().messageProperty().get());
        Label msg = robot.lookup("#status-message").query();         // shown, not squeezed out by the backend line
        assertTrue(msg.isVisible() && msg.getWidth() + 0.5 >= msg.prefWidth(-1), "the message is cut: " + msg.getWidth()
                + " of " + msg.prefWidth(-1));
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);   // one click wiped it for good
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(big, vm.views().input().textProperty().get(), "Ctrl+Z brings the cleared input back");
        assertEquals(8000, vm.trace().length());
        assertTrue(summary.isVisible());
        assertEquals("Input restored (8,000 characters)", vm.views().status().messageProperty().get());
        robot.clickOn("Clear");
        robot.type(KeyCode.DIGIT1);                                    // typed after the clear: that is the input now
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.views().input().textProperty().get().length() <= 1, "nothing restored over new typing");
        robot.interact(() -> field.setText(""));
        robot.interact(() -> field.pasteText("011"));                  // short pastes go into the field
        assertEquals("011", field.getText());
        assertEquals(3, vm.trace().length());
    }
}
