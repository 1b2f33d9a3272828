package statescope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
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
import statescope.ui.prediction.PredictionStripView;
import statescope.ui.session.BuiltinLanguageLibrary;
import statescope.ui.session.SessionViewModel;

/**
 * Issue 16's "prediction strip loses its position numbers when short of height; the layout jitters when
 * the chip row fills or an input error appears": in a short window the strip's token cells keep both
 * lines (token and position), and neither an input error nor the chips filling up moves the panes below
 * the input (the space is reserved).
 */
@ExtendWith(ApplicationExtension.class)
class SteadyLayoutTest {

    private Stage stage;
    private SessionViewModel vm;
    private MainWindow window;
    private UiScale scale;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        StateScopeApp.applyTheme();
        vm = new SessionViewModel(new BuiltinLanguageLibrary(), MainWindowTest.oracles(), TaskRunner.immediate(),
                TaskRunner.immediate());
        window = StateScopeApp.buildRoot(vm);
        stage.setScene(new Scene(window, 1280, 720));
        scale = StateScopeApp.uiScale(UiScale.Store.memory());
        StageControls.install(stage, window, scale);
        stage.show();
        vm.start();
    }

    @AfterEach
    void backToOne() {
        WaitForAsyncUtils.asyncFx(() -> scale.set(1.0, false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void parity(FxRobot robot, String input) {
        robot.interact(() -> {
            vm.views().catalog().select(vm.views().catalog().languages().stream()
                    .filter(l -> l.id().equals("parity")).findFirst().orElseThrow());
            vm.views().input().setInput(input);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private double splitTop(FxRobot robot) {
        robot.interact(() -> window.layout());
        SplitPane split = robot.lookup(".split-pane").match(n -> n.getParent() != null
                && n.getParent().getStyleClass().contains("center-column")).query();
        return split.localToScene(split.getLayoutBounds()).getMinY();
    }

    @Test
    void theStripKeepsItsPositionNumbersInAShortWindow(FxRobot robot) {
        parity(robot, "0110110");
        for (double s : new double[] {1.0, 1.6}) {
            robot.interact(() -> {
                scale.set(s, false);
                stage.setHeight(560);
            });
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> window.layout());
            var strip = robot.lookup("#prediction-strip").queryAs(PredictionStripView.class);
            Label token = strip.tokenCell(3);
            assertNotNull(token);
            assertEquals("1", token.getText());
            var number = (Label) token.getGraphic();
            assertEquals("3", number.getText(), "the token cell holds its position");
            assertTrue(number.isVisible() && number.getWidth() + 0.5 >= number.prefWidth(-1)
                            && number.getHeight() + 0.5 >= number.prefHeight(-1),
                    "at scale " + s + " the position is cut: " + number.getLayoutBounds());
            assertTrue(token.getHeight() + 0.5 >= token.prefHeight(-1),
                    "at scale " + s + " the token cell is squeezed to " + token.getHeight() + " < " + token.prefHeight(-1));
        }
    }

    @Test
    void anInputErrorMovesNothingBelowTheInput(FxRobot robot) {
        parity(robot, "0110");
        double before = splitTop(robot);
        robot.interact(() -> vm.views().input().setInput("01x0"));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(vm.views().input().errorProperty().get().isEmpty(), "an error is shown");
        assertTrue(robot.lookup("#input-error").query().isVisible());
        assertFalse(robot.lookup(".chips-scroll").query().isVisible(), "no chip edges around the error's line");
        assertEquals(before, splitTop(robot), 0.5, "the error's line was reserved");
        robot.interact(() -> vm.views().input().setInput("0110"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, splitTop(robot), 0.5);
        assertTrue(robot.lookup(".chips-scroll").query().isVisible(), "the chips back with a good input");
    }

    @Test
    void theChipRowFillingUpMovesNothingBelowIt(FxRobot robot) {
        for (double s : new double[] {1.0, 1.6}) {
            robot.interact(() -> scale.set(s, false));
            parity(robot, "");
            double empty = splitTop(robot);
            var text = new StringBuilder();
            for (int i = 0; i < 30; i++) {                                   // grows past the row's width
                text.append(i % 2 == 0 ? "1001" : "0110");
                String typed = text.toString();
                robot.interact(() -> vm.views().input().setInput(typed));
                if (i % 3 == 0 || i == 29) {
                    assertEquals(empty, splitTop(robot), 0.5, "at scale " + s + " after " + typed.length() + " tokens");
                }
            }
        }
    }
}
