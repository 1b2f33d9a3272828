package statescope.ui;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import statescope.ui.common.FxTaskRunner;
import statescope.ui.main.MainWindow;
import statescope.ui.session.ModelChoice;
import statescope.ui.session.SessionViewModel;
import statescope.ui.session.WindowModels;

/**
 * What the screenshot mains (ScreenshotTour, ConstructedScreenshots, ExportScreenshot, the analysis
 * tab's) share: open the app's window, run on the FX thread, wait for rendered frames instead of sleeping, wait until the
 * session's background work is done, capture the X screen with ImageMagick's {@code import}.
 */
public final class ScreenshotSupport {

    /** Frames to let layout, CSS and charts settle before a capture (about half a second at 60 Hz). */
    private static final int SETTLE_FRAMES = 30;

    private ScreenshotSupport() {
    }

    /** The app opened by {@link #open}: its session and its window. */
    public record Opened(SessionViewModel session, MainWindow window) {
    }

    /**
     * Starts the toolkit and opens the app as {@code statescope} does, a {@code w} by {@code h} window at the
     * screen's corner (undecorated on a screen of its own size), {@code beforeShow} run on the window before it
     * shows (e.g. the export menu), then opens the start-up language.
     */
    public static Opened open(double w, double h, boolean undecorated,
                              BiConsumer<MainWindow, SessionViewModel> beforeShow) throws InterruptedException {
        var started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        var opened = new AtomicReference<Opened>();
        fx(() -> {
            StateScopeApp.applyTheme();
            var vm = StateScopeApp.newSession(new FxTaskRunner(), new FxTaskRunner());
            var root = StateScopeApp.buildRoot(vm);
            var stage = new Stage();
            if (undecorated) {
                stage.initStyle(StageStyle.UNDECORATED);
            }
            stage.setScene(new Scene(root, w, h));
            stage.getScene().getStylesheets().add(StateScopeApp.STYLESHEET);
            stage.setX(0);
            stage.setY(0);
            beforeShow.accept(root, vm);
            stage.show();
            vm.start();
            opened.set(new Opened(vm, root));
        });
        return opened.get();
    }

    /** Runs {@code r} on the FX thread and waits for it. */
    public static void fx(Runnable r) throws InterruptedException {
        var done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        done.await();
    }

    /** Waits until the FX thread has rendered {@code n} more frames (a pulse each). */
    public static void frames(int n) throws InterruptedException {
        var done = new CountDownLatch(1);
        Platform.runLater(() -> new AnimationTimer() {
            private int left = n;

            @Override
            public void handle(long now) {
                if (--left <= 0) {
                    stop();
                    done.countDown();
                }
            }
        }.start());
        done.await();
    }

    /** Waits, a few frames at a time, while {@code busy} (read on the FX thread) holds. */
    public static void waitWhile(BooleanSupplier busy) throws InterruptedException {
        var b = new AtomicBoolean(true);
        frames(5);
        while (b.get()) {
            fx(() -> b.set(busy.getAsBoolean()));
            frames(5);
        }
    }

    /** Waits until the session's traces and analyses are done, then for the views to settle. */
    public static void settle(WindowModels vm) throws InterruptedException {
        waitWhile(() -> vm.status().busyProperty().get() || vm.status().analysingProperty().get());
        frames(SETTLE_FRAMES);
    }

    /** Opens catalog language {@code id} and tab {@code tab}, then settles. */
    /** Selects the model the header offers under {@code label} (e.g. "constructed · d-12") and waits for it. */
    public static void model(WindowModels vm, String label) throws InterruptedException {
        fx(() -> {
            ModelChoice c = vm.header().modelChoices().stream().filter(m -> m.label().equals(label)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no model " + label + " in "
                            + vm.header().modelChoices()));
            vm.header().selectModel(c);
        });
        settle(vm);
    }

    public static void select(WindowModels vm, MainWindow win, String id, int tab) throws InterruptedException {
        fx(() -> {
            vm.catalog().select(vm.catalog().languages().stream().filter(l -> l.id().equals(id)).findFirst()
                    .orElseThrow());
            win.tabs().getSelectionModel().select(tab);
        });
        settle(vm);
    }

    /** Captures the whole X screen into {@code file} once the views have settled. */
    public static void capture(Path file) throws Exception {
        frames(SETTLE_FRAMES);
        var p = new ProcessBuilder("import", "-window", "root", file.toString()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("import failed for " + file);
        }
        System.out.println("wrote " + file);
    }

    /** Captures into {@code out/name.png}. */
    public static void shot(Path out, String name) throws Exception {
        capture(out.resolve(name + ".png"));
    }
}
