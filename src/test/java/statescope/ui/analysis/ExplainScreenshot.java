package statescope.ui.analysis;

import static statescope.ui.ScreenshotSupport.capture;
import static statescope.ui.ScreenshotSupport.frames;
import static statescope.ui.ScreenshotSupport.fx;
import static statescope.ui.ScreenshotSupport.settle;
import static statescope.ui.ScreenshotSupport.waitWhile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import statescope.inspect.ComputeBackend;
import statescope.ui.StateScopeApp;
import statescope.ui.common.FxTaskRunner;
import statescope.ui.main.MainWindow;
import statescope.ui.session.SessionViewModel;

/**
 * Opens the real app under a display (Xvfb), runs the analysis tab's Probes page on one language's model
 * (then moves the stepper to the first position where the probe's belief and the automaton part ways,
 * if any) and its Extraction page on another's (then opens the separating word), and captures both with
 * ImageMagick's {@code import -window root}. Run by hand: {@code bench/ui.sh explain [PROBE_LANG[:MODEL]
 * [EXTRACT_LANG[:MODEL] [SECONDS [INPUT]]]]} (default tomita-3, parity:parity-nonneg, 30, the language's
 * sample), MODEL a part of the model picker's entry, INPUT the probed string; into
 * {@code assets/screenshots/probes-*.png} and {@code extraction-*.png}.
 */
public final class ExplainScreenshot {

    private ExplainScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        String probeLang = args.length > 0 ? args[0] : "tomita-3";
        String extractLang = args.length > 1 ? args[1] : "parity:parity-nonneg";
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        String input = args.length > 3 ? args[3] : null;
        Path out = Path.of("assets/screenshots");
        Files.createDirectories(out);
        var started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        var vmRef = new AtomicReference<SessionViewModel>();
        var anRef = new AtomicReference<AnalysisViewModel>();
        var tabRef = new AtomicReference<LengthsView>();
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
            var tab = root.tabs().getTabs().stream().filter(t -> "tab-lengths".equals(t.getId())).findFirst().orElseThrow();
            root.tabs().getSelectionModel().select(tab);
            var content = tab.getContent() instanceof ScrollPane sp ? sp.getContent() : tab.getContent();
            tabRef.set((LengthsView) content);                         // the Analysis tab scrolls its pages
        });
        var vm = vmRef.get();
        var analysis = anRef.get();
        select(vm, probeLang);
        if (input != null) {
            fx(() -> vm.views().input().setInput(input));
            settle(vm.views());
        }
        fx(() -> tabRef.get().show(LengthsView.Page.PROBES));
        fx(analysis.probes()::run);
        waitWhile(analysis.probes().runningProperty()::get);
        settle(vm.views());
        int length = vm.views().stepper().lengthProperty().get();
        for (int t = 1; t <= length; t++) {                            // the first position where they part ways
            final int at = t;
            fx(() -> vm.views().stepper().jumpTo(at));
            frames(9);
            var g = new AtomicReference<ProbeViewModel.Ghost>();
            fx(() -> g.set(analysis.probes().ghostProperty().get()));
            if (g.get() != null && g.get().position() == at && !g.get().truth().equals(g.get().belief())) {
                break;
            }
        }
        frames(60);
        capture(out.resolve("probes-" + probeLang.replace(':', '-') + ".png"));
        report(analysis.probes().statusProperty()::get);
        select(vm, extractLang);
        fx(() -> {
            tabRef.get().show(LengthsView.Page.EXTRACTION);
            analysis.extraction().secondsProperty().set(seconds);
            analysis.extraction().run();
        });
        waitWhile(analysis.extraction().runningProperty()::get);
        fx(analysis.extraction()::openSeparating);
        settle(vm.views());
        frames(60);
        capture(out.resolve("extraction-" + extractLang.replace(':', '-') + ".png"));
        report(analysis.extraction().statusProperty()::get);
        Platform.exit();
        System.exit(0);
    }

    /** Selects LANGUAGE[:MODEL]. */
    private static void select(SessionViewModel vm, String which) throws InterruptedException {
        String[] parts = which.split(":", 2);
        fx(() -> vm.views().catalog().select(vm.views().catalog().languages().stream()
                .filter(l -> l.id().equals(parts[0])).findFirst().orElseThrow()));
        settle(vm.views());
        if (parts.length > 1) {
            fx(() -> vm.views().header().selectModel(vm.views().header().modelChoices().stream()
                    .filter(c -> c.toString().contains(parts[1])).findFirst().orElseThrow()));
            settle(vm.views());
        }
    }


    private static void report(Supplier<String> status) throws InterruptedException {
        var s = new AtomicReference<String>();
        fx(() -> s.set(status.get()));
        System.out.println(s.get());
    }



}
