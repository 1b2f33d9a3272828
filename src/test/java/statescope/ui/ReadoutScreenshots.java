package statescope.ui;

import static statescope.ui.ScreenshotSupport.fx;
import static statescope.ui.ScreenshotSupport.select;
import static statescope.ui.ScreenshotSupport.settle;
import static statescope.ui.ScreenshotSupport.shot;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.robot.Robot;
import javafx.stage.Window;
import statescope.ui.common.FxTaskRunner;
import statescope.ui.common.UiScale;
import statescope.ui.export.Chooser;
import statescope.ui.export.ExportActions;
import statescope.ui.export.RecentSessions;
import statescope.ui.main.MainWindow;
import statescope.ui.session.VocabTableTest;
import statescope.ui.session.WindowModels;

/**
 * Run by hand under Xvfb (bench/ui.sh readouts [DIR]): the hover readouts of a heatmap cell, a gate cell and
 * a trajectory point (D_12, every state in the legend, centroid labels placed apart), the channel chart's
 * bar, and the vocabulary table that opens by itself for a Hugging Face model without a map.
 */
public final class ReadoutScreenshots {

    private ReadoutScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/readout-shots");
        Files.createDirectories(out);
        var app = ScreenshotSupport.open(1600, 1000, false, (root, session) -> ExportActions.install(root, session,
                new FxTaskRunner(), Chooser.dialogs(root), new RecentSessions(RecentSessions.Store.memory()),
                StateScopeApp.scaleAccess(StateScopeApp.uiScale(UiScale.Store.memory()))));
        WindowModels vm = app.session().views();
        MainWindow win = app.window();
        settle(vm);

        select(vm, win, "parity", 1);
        fx(() -> vm.input().setInput("01101001110"));
        settle(vm);
        fx(() -> vm.stepper().jumpTo(7));
        settle(vm);
        hover(win, ".heatmap-canvas", 0, 0.45, 0.27);
        shot(out, "readout-heatmap");
        fx(() -> win.tabs().getSelectionModel().select(2));
        settle(vm);
        hover(win, ".heatmap-canvas", 0, 0.3, 0.5);
        shot(out, "readout-gates");

        select(vm, win, "d-12", 0);
        fx(() -> vm.input().setInput(ConstructedScreenshots.dWord(12, 60, 12)));
        settle(vm);
        fx(() -> vm.stepper().jumpTo(40));
        settle(vm);
        hoverPoint(win);
        shot(out, "readout-trajectory");
        fx(() -> win.tabs().getSelectionModel().select(3));
        settle(vm);
        shot(out, "channels-bar");

        select(vm, win, "parity", 0);
        Path hf = VocabTableTest.huggingFaceFolder(Files.createTempDirectory("statescope-hf"));
        fx(() -> vm.header().openCheckpoint(hf));
        settle(vm);
        ScreenshotSupport.frames(30);
        fx(() -> {
            for (Window w : Window.getWindows()) {
                if (w.getScene() != null && w.getScene().lookup("#vocab-table") != null) {
                    var s = w.getScene();
                    ((TextField) s.lookup("#vocab-in-0")).setText("5");
                    ((TextField) s.lookup("#vocab-in-1")).setText("5");
                    ((TextField) s.lookup("#vocab-out-0")).setText("9");
                    w.setX(420);
                    w.setY(200);
                }
            }
        });
        shot(out, "vocab-table");
        fx(() -> {
            for (Window w : Window.getWindows()) {
                if (w.getScene() != null && w.getScene().lookup("#vocab-table") != null) {
                    ((TextField) w.getScene().lookup("#vocab-in-1")).setText("6");
                }
            }
        });
        shot(out, "vocab-table-ready");
        Platform.exit();
    }

    private static MouseEvent moved(Node n, double x, double y) {
        var p = n.localToScreen(x, y);
        var sc = n.localToScene(x, y);                                 // the event's x, y are the scene's until fired
        return new MouseEvent(MouseEvent.MOUSE_MOVED, sc.getX(), sc.getY(), p.getX(), p.getY(), MouseButton.NONE, 0, false, false,
                false, false, false, false, false, false, false, false, null);
    }

    /** Moves the mouse (an event) over the {@code index}-th node of {@code selector} at a fraction of its size. */
    private static void hover(MainWindow win, String selector, int index, double fx, double fy) throws Exception {
        fx(() -> {
            var nodes = win.tabs().getSelectionModel().getSelectedItem().getContent().lookupAll(selector).stream()
                    .toList();
            Node n = nodes.get(index);
            var b = n.getLayoutBounds();
            var p = n.localToScreen(b.getWidth() * fx, b.getHeight() * fy);
            new Robot().mouseMove(p.getX(), p.getY());                 // the X pointer: real hover events
        });
    }

    /** Moves the mouse over the trajectory until the readout shows (a path point is under it). */
    private static void hoverPoint(MainWindow win) throws Exception {
        fx(() -> {
            Pane holder = (Pane) win.lookup("#trajectory-view").lookupAll(".hover-readout").iterator().next()
                    .getParent();
            Label label = (Label) holder.lookup(".hover-readout");
            for (double y = holder.getHeight() * 0.2; y < holder.getHeight() && !label.isVisible(); y += 3) {
                for (double x = holder.getWidth() * 0.3; x < holder.getWidth() - 160 && !label.isVisible(); x += 3) {
                    Event.fireEvent(holder, moved(holder, x, y));
                    if (label.isVisible()) {
                        var p = holder.localToScreen(x, y);
                        new Robot().mouseMove(p.getX(), p.getY());
                    }
                }
            }
        });
    }
}
