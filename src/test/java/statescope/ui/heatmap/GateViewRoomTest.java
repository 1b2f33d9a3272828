package statescope.ui.heatmap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import statescope.inspect.AlignedTrace;
import statescope.inspect.CatalogLanguages;
import statescope.inspect.ChannelKind;
import statescope.inspect.ShippedModels;
import statescope.lang.Word;

/**
 * Short of height, the gate view shows Ā alone (its sign is what the view is for) instead of two canvases
 * too small to draw: the talk story's parity scene, compare mode at 1280x720 and 1.6x, showed "too little room".
 */
@ExtendWith(ApplicationExtension.class)
class GateViewRoomTest {

    private HeatmapView view;
    private Stage stage;

    @Start
    void start(Stage primary) throws Exception {
        stage = new Stage();                                        // its own: the shared primary stage keeps its size
        var parity = CatalogLanguages.all().stream().filter(l -> l.id().equals("parity")).findFirst().orElseThrow();
        var trace = new AlignedTrace(ShippedModels.load(Path.of("assets/models/parity-signed.json"), parity), parity);
        trace.setWord(Word.parse(parity.machine().alphabet(), "0110100111").toArray(), f -> { }, () -> false);
        var delta = new HeatmapViewModel(ChannelKind.DELTA);
        var gate = new HeatmapViewModel(ChannelKind.GATE);
        var deltaB = new HeatmapViewModel(ChannelKind.DELTA);
        var gateB = new HeatmapViewModel(ChannelKind.GATE);
        view = HeatmapView.gates(delta, gate);
        view.compare(new SimpleBooleanProperty(true), new SimpleStringProperty("A"), new SimpleStringProperty("B"),
                deltaB, gateB);                                      // two blocks per canvas, as in the story
        for (var vm : new HeatmapViewModel[] {delta, gate, deltaB, gateB}) {
            vm.update(trace, 6);
        }
        stage.setScene(new Scene(view, 700, 150));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(stage::close);
    }

    private void height(FxRobot robot, double h) {
        robot.interact(() -> stage.setHeight(h));
        WaitForAsyncUtils.waitForFxEvents(10);
    }

    @Test
    void deltaIsLeftOutWhileTooShortAndComesBackWithRoom(FxRobot robot) {
        height(robot, 150);
        assertFalse(view.secondShown(), "Δ shown in a 150 px view");
        assertTrue(view.firstBlockHeight() >= HeatmapView.MIN_CELLS, "Ā's blocks: " + view.firstBlockHeight());
        String note = robot.lookup(".view-note").queryLabeled().getText();
        assertTrue(note.startsWith("Ā (mean over N) · Δ left out for room"), note);
        height(robot, 700);
        assertTrue(view.secondShown(), "Δ still left out at 700 px");
        assertFalse(robot.lookup(".view-note").queryLabeled().getText().contains("left out"));
        height(robot, 150);
        assertFalse(view.secondShown(), "Δ shown again when short");
    }
}
