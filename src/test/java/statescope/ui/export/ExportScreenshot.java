package statescope.ui.export;

import static statescope.ui.ScreenshotSupport.frames;
import static statescope.ui.ScreenshotSupport.fx;
import static statescope.ui.ScreenshotSupport.settle;
import static statescope.ui.ScreenshotSupport.shot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.input.ContextMenuEvent;
import statescope.ui.ScreenshotSupport;
import statescope.ui.StateScopeApp;
import statescope.ui.common.FxTaskRunner;
import statescope.ui.common.UiScale;

/**
 * Run by hand under Xvfb (bench/ui.sh export): the real app on parity with its shipped model, the
 * automaton's export menu open (a screenshot with {@code import -window root}), then every view
 * exported as SVG and PNG 2x, the window as PNG and the trace as CSV/JSON/NPZ into the folder given.
 */
public final class ExportScreenshot {

    private ExportScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/export-shots");
        Files.createDirectories(out);
        var actions = new AtomicReference<ExportActions>();
        var app = ScreenshotSupport.open(1600, 1000, false, (root, session) -> actions.set(ExportActions.install(root,
                session, new FxTaskRunner(), Chooser.dialogs(root), new RecentSessions(RecentSessions.Store.memory()),
                StateScopeApp.scaleAccess(StateScopeApp.uiScale(UiScale.Store.memory())))));
        var vm = app.session();
        var win = app.window();
        settle(vm.views());
        fx(() -> {
            var c = vm.views().catalog();
            c.select(c.languages().stream().filter(l -> l.id().equals("parity")).findFirst().orElseThrow());
        });
        settle(vm.views());
        fx(() -> {
            vm.views().input().setInput("0110100");
            vm.views().stepper().jumpTo(5);
        });
        settle(vm.views());
        fx(() -> {
            Node a = win.automatonView();
            var b = a.localToScreen(a.getLayoutBounds());
            Event.fireEvent(a, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 120, 160,
                    b.getMinX() + 120, b.getMinY() + 160, false, null));
        });
        shot(out, "export-menu");
        List<String> tabs = List.of("tab-trajectory", "tab-heatmap", "tab-gates", "tab-channels");
        var jobs = actions.get().jobs();
        for (String tab : tabs) {
            fx(() -> win.tabs().getTabs().stream().filter(t -> tab.equals(t.getId())).findFirst()
                    .ifPresent(t -> win.tabs().getSelectionModel().select(t)));
            settle(vm.views());
            fx(() -> {
                Node view = win.tabs().getSelectionModel().getSelectedItem().getContent();
                jobs.exportView(view, ViewExport.Format.SVG, out.resolve(ExportActions.nameOf(view) + ".svg"));
                jobs.exportView(view, ViewExport.Format.PNG_2X, out.resolve(ExportActions.nameOf(view) + "@2x.png"));
            });
        }
        fx(() -> {
            jobs.exportView(win.automatonView(), ViewExport.Format.SVG, out.resolve("automaton.svg"));
            jobs.exportView(win.lookup("#prediction-strip"), ViewExport.Format.SVG, out.resolve("prediction-strip.svg"));
            jobs.exportView(win, ViewExport.Format.PNG_1X, out.resolve("window.png"));
            jobs.exportDot(out.resolve("automaton.dot"));
            for (String f : List.of("csv", "json", "npz")) {
                jobs.exportTrace(out.resolve("trace." + f), f);
            }
            jobs.saveSession(out.resolve("parity.statescope"));
        });
        settle(vm.views());
        frames(180);
        fx(() -> System.out.println("status: " + vm.views().status().messageProperty().get()));
        Platform.exit();
        System.exit(0);
    }



}
