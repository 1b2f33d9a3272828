package statescope.ui.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import statescope.ui.StateScopeApp;
import statescope.ui.common.FxTaskRunner;
import statescope.ui.common.TaskRunner;
import statescope.ui.session.ModelChoice;
import statescope.ui.session.SessionViewModel;

/**
 * The analysis tab's way into the app's session, with the session's own background reads: a sweep point
 * of another model than the current one is opened with that model, at the point's wrong position even
 * when the string is long enough to be read in the background (the read's end had moved the stepper to
 * the string's end, 903, past the jump to 200), and the input it replaced can be given back.
 */
@ExtendWith(ApplicationExtension.class)
class SessionBridgeTest {

    private SessionViewModel vm;
    private FxTaskRunner reads;

    @Start
    void start(Stage stage) {
        reads = new FxTaskRunner();
        vm = StateScopeApp.newSession(reads, TaskRunner.immediate());
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
        vm.start();
    }

    @AfterEach
    void stop() {
        reads.close();
    }

    private ModelChoice choice(String label) {
        return vm.views().header().modelChoices().stream().filter(c -> c.label().equals(label)).findFirst()
                .orElseThrow();
    }

    private void settle() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.views().status().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aPointOfAnotherModelOpensWithThatModelAtItsPosition(FxRobot robot) throws Exception {
        robot.interact(() -> vm.views().catalog().select(vm.views().catalog().languages().stream()
                .filter(l -> l.id().equals("parity")).findFirst().orElseThrow()));
        settle();
        robot.interact(() -> vm.views().header().selectModel(choice("trained · parity-signed")));
        settle();
        robot.interact(() -> vm.views().input().setInput("0110"));
        settle();
        var bridge = new SessionBridge(vm);
        assertEquals("parity-signed · trained", bridge.modelLabel());
        int[] word = new int[903];
        Arrays.fill(word, 1);
        robot.interact(() -> bridge.show(word, 200, choice("trained · parity-nonneg")));
        settle();
        assertEquals("trained · parity-nonneg", vm.views().header().modelChoiceProperty().get().label(),
                "the point's model is the current one");
        assertEquals(903, vm.views().stepper().lengthProperty().get());
        assertEquals(200, vm.views().stepper().positionProperty().get(), "at the wrong position, not the end");
        assertTrue(vm.views().input().textProperty().get().startsWith("111"));
        robot.interact(() -> assertTrue(bridge.restoreInput()));
        settle();
        assertEquals("0110", vm.views().input().textProperty().get(), "the replaced input given back");
        robot.interact(() -> assertTrue(!bridge.restoreInput(), "once"));
    }
}
