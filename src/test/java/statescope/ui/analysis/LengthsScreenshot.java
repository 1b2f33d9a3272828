package statescope.ui.analysis;

import static statescope.ui.ScreenshotSupport.frames;
import static statescope.ui.ScreenshotSupport.fx;
import static statescope.ui.ScreenshotSupport.settle;
import static statescope.ui.ScreenshotSupport.waitWhile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import statescope.inspect.ComputeBackend;
import statescope.ui.StateScopeApp;
import statescope.ui.common.FxTaskRunner;
import statescope.ui.main.MainWindow;
import statescope.ui.session.SessionViewModel;

/**
 * Opens the real app under a display (Xvfb), runs "Find counterexample" and the length sweep on a
 * language, and captures the Lengths tab with ImageMagick's {@code import -window root}. Run by hand:
 * {@code bench/ui.sh lengths [LANGUAGE] [MAX] [STRINGS]} (default parity, 2000, 50), into
 * {@code assets/screenshots/lengths-LANGUAGE.png}.
 */
public final class LengthsScreenshot {

    private LengthsScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        String language = args.length > 0 ? args[0] : "parity";
        int max = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int strings = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        Path out = Path.of("assets/screenshots");
        Files.createDirectories(out);
        var started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        var vmRef = new AtomicReference<SessionViewModel>();
        var anRef = new AtomicReference<AnalysisViewModel>();
        var winRef = new AtomicReference<MainWindow>();
        fx(() -> {
            StateScopeApp.applyTheme();
            var vm = StateScopeApp.newSession(new FxTaskRunner(), new FxTaskRunner());
            var analysis = new AnalysisViewModel(new SessionBridge(vm), new FxTaskRunner(),
                    ComputeBackend.fromSetting(System.getenv("STATESCOPE_BACKEND"))::kernel);
            var root = new MainWindow(vm.views(), analysis);
            var stage = new Stage();
            var scene = new Scene(root, 1600, 1000);
            scene.getStylesheets().add(StateScopeApp.STYLESHEET);
            stage.setScene(scene);
            stage.setX(0);
            stage.setY(0);
            stage.show();
            vm.start();
            vmRef.set(vm);
            anRef.set(analysis);
            winRef.set(root);
        });
        var vm = vmRef.get();
        var analysis = anRef.get();
        var win = winRef.get();
        settle(vm.views());
        fx(() -> {
            vm.views().catalog().select(vm.views().catalog().languages().stream().filter(l -> l.id().equals(language)).findFirst().orElseThrow());
            win.tabs().getSelectionModel().select(win.tabs().getTabs().size() - 1);
        });
        settle(vm.views());
        fx(analysis::findCounterexample);
        waitWhile(analysis.searchingProperty()::get);
        settle(vm.views());
        fx(() -> {
            analysis.maxLengthProperty().set(max);
            analysis.stringsProperty().set(strings);
            analysis.computeLengths();
        });
        waitWhile(analysis.sweepingProperty()::get);
        frames(90);
        var file = out.resolve("lengths-" + language + ".png");
        var p = new ProcessBuilder("import", "-window", "root", file.toString()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("import failed");
        }
        var status = new AtomicReference<String>();
        fx(() -> status.set(analysis.searchStatusProperty().get() + "\n" + analysis.sweepStatusProperty().get()));
        System.out.println("wrote " + file + "\n" + status.get());
        Platform.exit();
        System.exit(0);
    }



}
