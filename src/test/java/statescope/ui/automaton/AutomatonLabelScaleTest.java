package statescope.ui.automaton;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import statescope.ui.StateScopeApp;
import statescope.ui.common.UiScale;

/**
 * A state's name stays whole inside its shape at every UI scale: at 1.6x the names were measured before
 * the scaled stylesheet applied, so "even" ran out of its circle (and read "eve" on the current state).
 */
@ExtendWith(ApplicationExtension.class)
class AutomatonLabelScaleTest {

    private final AutomatonViewModel vm = new AutomatonViewModel();
    private Scene scene;
    private UiScale scale;

    @Start
    void start(Stage stage) {
        StateScopeApp.applyTheme();
        scene = new Scene(new AutomatonView(vm), 900, 500);
        scale = StateScopeApp.uiScale(UiScale.Store.memory());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void back() {
        WaitForAsyncUtils.waitForAsyncFx(30_000, () -> scale.set(1.0, false));   // shared by every view: on the FX thread
    }

    @Test
    void stateNamesFitTheirShapesAtEveryScale(FxRobot robot) {
        var parity = StateScopeApp.languages().catalog().stream().filter(l -> l.id().equals("parity"))
                .findFirst().orElseThrow();
        for (double factor : new double[] {1.0, 1.6, 2.5}) {
            robot.interact(() -> {
                scale.set(factor, false);
                scene.getStylesheets().setAll(scale.stylesheet());
                vm.showDfa(null);
                vm.showDfa(parity.reference().dfa().orElseThrow());
            });
            WaitForAsyncUtils.waitForFxEvents();
            var states = robot.lookup(".dfa-state").queryAllAs(Group.class);
            assertFalse(states.isEmpty());
            for (Group state : states) {
                Rectangle shape = (Rectangle) state.lookup(".state-circle");
                Text name = (Text) state.lookup(".state-label");
                var outer = shape.getBoundsInParent();
                var inner = name.getBoundsInParent();
                assertTrue(inner.getMinX() >= outer.getMinX() && inner.getMaxX() <= outer.getMaxX()
                                && inner.getMinY() >= outer.getMinY() && inner.getMaxY() <= outer.getMaxY(),
                        "'" + name.getText() + "' at " + factor + "x: " + inner + " outside its shape " + outer);
            }
        }
    }
}
