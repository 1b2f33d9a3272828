package statescope.ui;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class StateScopeAppTest {

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(StateScopeApp.buildRoot(), 800, 600));
        stage.show();
    }

    @Test
    void mainWindowOpensHeadless(FxRobot robot) {
        assertNotNull(robot.lookup("#main-root").query());
    }
}
