package statescope.ui;

import static statescope.ui.ScreenshotSupport.fx;
import static statescope.ui.ScreenshotSupport.select;
import static statescope.ui.ScreenshotSupport.settle;
import static statescope.ui.ScreenshotSupport.shot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import statescope.ui.common.FxTaskRunner;
import statescope.ui.common.UiScale;
import statescope.ui.main.MainWindow;
import statescope.ui.main.StageControls;
import statescope.ui.session.SessionViewModel;

/**
 * Opens the real app under a display (Xvfb) and captures one screenshot per view with ImageMagick's
 * {@code import -window root} into {@code assets/screenshots/}. Run by hand (see the README):
 * {@code xvfb-run -a -s "-screen 0 1600x1000x24" java -cp ... statescope.ui.ScreenshotTour}.
 */
public final class ScreenshotTour {

    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets/screenshots");
        Files.createDirectories(out);
        // --size WxH [--present]: one shot of the main window filling a WxH screen (device pixels; with
        // -Dglass.gtk.uiScale=2 the window lays out at half that), in presentation mode with --present,
        // parity's nonnegative and signed models side by side with --compare, both with --present-compare
        String size = args.length > 2 && args[1].equals("--size") ? args[2] : null;
        boolean both = args.length > 3 && args[3].equals("--present-compare");
        boolean present = args.length > 3 && args[3].equals("--present") || both;
        boolean compare = args.length > 3 && args[3].equals("--compare") || both;
        boolean story = args.length > 3 && args[3].equals("--story");
        var started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        var vmRef = new AtomicReference<SessionViewModel>();
        var winRef = new AtomicReference<MainWindow>();
        var controls = new AtomicReference<StageControls>();
        fx(() -> {
            StateScopeApp.applyTheme();
            var vm = StateScopeApp.newSession(new FxTaskRunner(), new FxTaskRunner());
            var root = StateScopeApp.buildRoot(vm);
            var stage = new Stage();
            double w = 1600;
            double h = 1000;
            if (size != null) {
                double px = Screen.getPrimary().getOutputScaleX();
                w = Integer.parseInt(size.split("x")[0]) / px;
                h = Integer.parseInt(size.split("x")[1]) / px;
                stage.initStyle(StageStyle.UNDECORATED);
            }
            var scene = new Scene(root, w, h);
            stage.setScene(scene);
            controls.set(StageControls.install(stage, root, StateScopeApp.uiScale(UiScale.Store.memory())));
            stage.setX(0);
            stage.setY(0);
            stage.show();
            vm.start();
            vmRef.set(vm);
            winRef.set(root);
        });
        var vm = vmRef.get().views();
        var win = winRef.get();
        settle(vm);
        if (size != null) {
            if (present) {
                select(vm, win, "parity", 0);
                fx(() -> {
                    controls.get().setPresenting(true, false);             // the window fills the screen already
                    vm.stepper().jumpTo(6);                                 // (no full-screen hint over the shot)
                });
                settle(vm);
            }
            if (compare) {
                select(vm, win, "parity", 0);
                fx(() -> {
                    vm.input().setInput("011010011101001110110010110110101101");
                    win.toggleCompare();
                });
                settle(vm);
                fx(() -> vm.stepper().jumpTo(24));
                settle(vm);
            }
            if (story) {                                                // the paper story's parity scene, presenting
                fx(() -> {
                    controls.get().setPresenting(true);
                    win.openStory(Path.of("assets", "stories", "paper-in-five-minutes.json"));
                    win.storyPlayer().next();
                });
                settle(vm);
                settle(vm);
                fx(() -> vm.stepper().jumpTo(10));
                settle(vm);
            }
            shot(out, "main-window-" + size + (both ? "-presenting-compare" : present ? "-presenting" : compare ? "-compare"
                    : story ? "-story" : ""));
            Platform.exit();
            System.exit(0);
        }
        shot(out, "main-window");
        fx(() -> {
            win.automatonView().expandedProperty().set(true);
            vm.stepper().jumpTo(6);
        });
        shot(out, "automaton-expanded");
        fx(() -> win.automatonView().expandedProperty().set(false));
        select(vm, win, "parity", 0);
        fx(() -> vm.input().setInput("0110100111"));
        settle(vm);
        fx(() -> vm.stepper().jumpTo(7));
        shot(out, "parity-trajectory");
        fx(() -> vm.trajectory().threeDProperty().set(true));
        shot(out, "trajectory-3d");
        fx(() -> {
            vm.trajectory().threeDProperty().set(false);
            win.tabs().getSelectionModel().select(2);
        });
        shot(out, "gates");
        fx(() -> win.tabs().getSelectionModel().select(1));
        shot(out, "state-heatmap");
        fx(() -> win.tabs().getSelectionModel().select(3));
        shot(out, "channels");
        fx(() -> vm.header().selectModel(vm.header().modelChoices().stream().filter(c -> c.label().contains("nonneg"))
                .findFirst().orElseThrow()));
        settle(vm);
        fx(() -> {
            vm.input().setInput("0110100111010011101100101101101");
            win.tabs().getSelectionModel().select(0);
        });
        settle(vm);
        fx(vm.stepper()::jumpToDivergence);
        shot(out, "divergence");
        select(vm, win, "dyck-1", 1);
        fx(() -> vm.input().setInput("(()(()))(()"));
        settle(vm);
        shot(out, "counter-language");
        fx(() -> {
            vm.catalog().openRegex("(ab|c)*abb");
            win.tabs().getSelectionModel().select(0);
        });
        settle(vm);
        fx(() -> vm.automaton().collapseDeadProperty().set(false));
        fx(() -> vm.input().setInput("cabab"));
        settle(vm);
        shot(out, "regex-dead-state");
        Platform.exit();
        System.exit(0);
    }




}
