package statescope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import statescope.ui.common.TaskRunner;
import statescope.ui.session.BuiltinLanguageLibrary;
import statescope.ui.session.SessionViewModel;

/**
 * Issue 16's lock-up: after an error in "Your own language" (a bad regex, then a good one; a broken .jff,
 * then a catalog click) the regex field and the file button must still take the mouse. The cleared error
 * label used to stay visible with its old bounds over them and swallow their clicks.
 */
@ExtendWith(ApplicationExtension.class)
class OwnLanguageLockUpTest {

    private SessionViewModel vm;

    @Start
    void start(Stage stage) {
        StateScopeApp.applyTheme();
        vm = new SessionViewModel(new BuiltinLanguageLibrary(), MainWindowTest.oracles(), TaskRunner.immediate(),
                TaskRunner.immediate());
        var scene = new Scene(StateScopeApp.buildRoot(vm), 1260, 780);
        scene.getStylesheets().add(StateScopeApp.STYLESHEET);
        stage.setScene(scene);
        stage.show();
        vm.start();
    }

    private void typeRegex(FxRobot robot, String regex) {
        TextField field = robot.lookup("#regex-field").query();
        robot.clickOn(field);
        assertTrue(field.isFocused(), "the regex field takes the click");
        robot.interact(field::clear);
        robot.write("ab");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("ab", field.getText(), "the regex field takes the keys");
        robot.interact(() -> field.setText(regex));                   // symbols a robot cannot type on every platform
    }

    private void assertFileButtonTakesTheMouse(FxRobot robot) {
        Button file = robot.lookup("#dfa-file").query();
        robot.moveTo(file);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(file.isHover(), "the file button is under the mouse, nothing lies over it");
        robot.moveTo("#language-list");
    }

    @Test
    void theRegexFieldAndFileButtonWorkAfterABadRegex(FxRobot robot) {
        typeRegex(robot, "(ab|c*");
        robot.clickOn("#regex-open");
        Label error = robot.lookup("#language-error").query();
        assertFalse(error.getText().isEmpty(), "the bad regex is refused inline");
        typeRegex(robot, "(ab)*a");
        robot.clickOn("#regex-open");
        assertTrue(error.getText().isEmpty());
        assertFalse(error.isVisible(), "the cleared error takes no room and no clicks");
        assertEquals("(ab)*a", vm.views().catalog().languageProperty().get().name().replace("regex ", ""),
                "the good regex opened");
        typeRegex(robot, "a*b");
        assertFileButtonTakesTheMouse(robot);
        robot.clickOn("#regex-open");
        assertTrue(vm.views().catalog().languageProperty().get().name().contains("a*b"));
    }

    @Test
    void theRegexFieldAndFileButtonWorkAfterABrokenJff(FxRobot robot, @TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.jff");
        Files.writeString(broken, "<structure><type>fa</type><automaton><state id=\"0\"");
        robot.interact(() -> vm.views().catalog().openFile(broken));
        Label error = robot.lookup("#language-error").query();
        assertTrue(error.getText().startsWith("Cannot open broken.jff"), error.getText());
        robot.clickOn("Parity");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(error.getText().isEmpty());
        typeRegex(robot, "(ab)*");
        assertFileButtonTakesTheMouse(robot);
        robot.clickOn("#regex-open");
        assertTrue(vm.views().catalog().languageProperty().get().name().contains("(ab)*"));
    }
}
