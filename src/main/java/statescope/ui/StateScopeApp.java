package statescope.ui;

import atlantafx.base.theme.PrimerLight;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import statescope.inspect.ComputeBackend;
import statescope.inspect.ShippedModels;
import statescope.ui.analysis.AnalysisViewModel;
import statescope.ui.analysis.SessionBridge;
import statescope.ui.common.FxTaskRunner;
import statescope.ui.common.TaskRunner;
import statescope.ui.common.UiScale;
import statescope.ui.export.Chooser;
import statescope.ui.export.ExportActions;
import statescope.ui.export.RecentSessions;
import statescope.ui.main.MainWindow;
import statescope.ui.main.StageControls;
import statescope.ui.session.CatalogLanguageLibrary;
import statescope.ui.session.LanguageLibrary;
import statescope.ui.session.ModelLibrary;
import statescope.ui.session.SessionViewModel;

/**
 * The JavaFX application. Started through {@link statescope.Launcher}, never directly. Wiring happens
 * in {@link #buildRoot(SessionViewModel)}, which tests call without {@code launch}.
 */
public final class StateScopeApp extends Application {

    /** Stylesheet of the app's own views, on top of the AtlantaFX theme. */
    public static final String STYLESHEET = StateScopeApp.class.getResource("/statescope/ui/statescope.css")
            .toExternalForm();

    /** The argument before a story file that opens it in presentation mode ({@code statescope present FILE}). */
    public static final String PRESENT = "--present";

    public static void launchApp(String[] args) {
        Application.launch(StateScopeApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        StartupClock.mark("fx-start");
        applyTheme();
        var screen = Screen.getPrimary().getVisualBounds();    // fits any screen: up to 1560x960
        var opening = new OpeningPane();
        var scene = new Scene(opening, Math.min(1560, screen.getWidth()), Math.min(960, screen.getHeight()));
        scene.getStylesheets().add(STYLESHEET);
        stage.setTitle("StateScope");
        stage.setScene(scene);
        stage.setMinWidth(Math.min(1024, screen.getWidth()));
        stage.setMinHeight(Math.min(600, screen.getHeight()));
        if (screen.getWidth() <= 1560 || screen.getHeight() <= 960) {
            stage.setMaximized(true);
        }
        var clock = StartupClock.installIfAsked(stage);
        stage.show();
        StartupClock.mark("shown");
        opening.openWhenPainted(() -> open(stage, scene, clock));  // the window is up; now the app's views
    }

    /**
     * Builds the main window into the shown {@code scene} and opens the first language and model. Runs once
     * the opening pane's frame is on the screen, so that the window appears before its views are built
     * (about 1.3-1.9 s of the start on a 2-core machine painting in software: the views, their first CSS
     * pass, their first frame; docs/performance.md, "Eleventh pass"). On a failure the runners it started
     * are closed and the probe, when on, is told.
     */
    private void open(Stage stage, Scene scene, StartupClock clock) {
        var runner = new FxTaskRunner();
        var analysis = new FxTaskRunner();
        var files = new FxTaskRunner();
        Runnable close = () -> {
            runner.close();
            analysis.close();
            files.close();
        };
        stage.setOnHidden(e -> close.run());
        try {
            openViews(stage, scene, clock, runner, analysis, files);
        } catch (RuntimeException | Error e) {
            close.run();                                             // nothing left working behind the message
            if (clock != null) {
                clock.failed(e);
            }
            throw e;
        }
    }

    private void openViews(Stage stage, Scene scene, StartupClock clock, FxTaskRunner runner, FxTaskRunner analysis,
                           FxTaskRunner files) {
        var vm = newSession(runner, analysis);
        StartupClock.mark("session");
        var root = buildRoot(vm);
        StartupClock.mark("window-built");
        scene.setRoot(root);
        Thread.currentThread().setUncaughtExceptionHandler(reportUncaught(root::reportProblem, System.err));
        var scale = uiScale(UiScale.Store.preferences());
        var controls = StageControls.install(stage, root, scale);
        var export = ExportActions.install(root, vm, files, Chooser.dialogs(root),
                new RecentSessions(RecentSessions.Store.preferences()), scaleAccess(scale));
        StartupClock.mark("actions");
        if (clock != null) {
            clock.watchSession(vm);
        }
        vm.start();                                  // the opening model loads while the views are laid out
        StartupClock.mark("session-started");
        root.attachTabsLater(MainWindow.TABS_LATER);                    // the hidden tabs, after the first step
        var raw = getParameters().getRaw();                           // a file the desktop opened with the app
        if (raw.size() == 1 && raw.get(0).toLowerCase(Locale.ROOT).endsWith(".jff")) {
            vm.views().catalog().openFile(Path.of(raw.get(0)));
        } else if (raw.size() == 1 && raw.get(0).toLowerCase(Locale.ROOT).endsWith(".statescope")) {
            export.jobs().openSession(Path.of(raw.get(0)));
        } else if (raw.size() == 2 && raw.get(0).equals(PRESENT)) {             // statescope present FILE
            Platform.runLater(() -> {                 // after the views' first CSS pass, which the theme redoes
                controls.setPresenting(true);
                root.openStory(Path.of(raw.get(1)));
            });
        }
    }

    /**
     * Where an exception that no handler caught on the FX thread lands: its trace on the console (for a bug
     * report) and one line in the status bar, so a failing action does not look like a dead button.
     */
    public static Thread.UncaughtExceptionHandler reportUncaught(Consumer<String> statusLine, PrintStream console) {
        return (thread, e) -> {
            e.printStackTrace(console);
            String m = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("").strip();
            statusLine.accept("Unexpected error: " + e.getClass().getSimpleName() + (m.isEmpty() ? "" : ": " + m)
                    + " (the last action may be incomplete; details on the console)");
        };
    }

    /** Sets the AtlantaFX Primer Light theme for the whole application (the views' CSS builds on it). */
    public static void applyTheme() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    /** The UI scale kept in {@code store} (the app: the user's preferences; tests: memory), on the app's stylesheet. */
    public static UiScale uiScale(UiScale.Store store) {
        return new UiScale(store, STYLESHEET);
    }

    /** The export actions' access to {@code scale} (a session saves and restores it). */
    public static ExportActions.ScaleAccess scaleAccess(UiScale scale) {
        return new ExportActions.ScaleAccess() {
            @Override
            public double get() {
                return scale.wanted();
            }

            @Override
            public void set(double factor) {
                scale.set(factor, true);
            }
        };
    }

    /** The app's languages: the catalog and regex/DFA import. */
    public static LanguageLibrary languages() {
        return new CatalogLanguageLibrary();
    }

    /** The app's models: shipped checkpoints under {@link #modelsFolder()}, then random ones. */
    public static ModelLibrary models() {
        return new ModelLibrary(modelsFolder(), ShippedModels::load);
    }

    /**
     * Where the shipped checkpoints are: {@code $STATESCOPE_MODELS} when set, else {@code assets/models}
     * under the working directory, else next to the jar ({@code target/../assets/models} for a jar built
     * in a checkout), so {@code java -jar} started from another folder still finds them.
     */
    public static Path modelsFolder() {
        String env = System.getenv("STATESCOPE_MODELS");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path local = Path.of("assets", "models");
        if (Files.isDirectory(local)) {
            return local;
        }
        try {
            var src = StateScopeApp.class.getProtectionDomain().getCodeSource();
            if (src != null) {
                Path jarDir = Path.of(src.getLocation().toURI()).getParent();
                for (Path dir = jarDir; dir != null; dir = dir.getParent()) {
                    Path candidate = dir.resolve("assets").resolve("models");
                    if (Files.isDirectory(candidate)) {
                        return candidate;
                    }
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through: no shipped models, the picker offers random ones and files
        }
        return local;
    }

    /**
     * A session with the app's libraries on the given runners; its corpus scans run where
     * {@code $STATESCOPE_BACKEND} says (auto, cpu or gpu; unset: auto, the GPU when one can be used).
     */
    public static SessionViewModel newSession(TaskRunner traces, TaskRunner analysis) {
        return new SessionViewModel(languages(), models(), traces, analysis,
                ComputeBackend.fromSetting(System.getenv("STATESCOPE_BACKEND")));
    }

    /** Builds the main window for a session; tests mount it without going through {@code launch}. */
    public static MainWindow buildRoot(SessionViewModel vm) {
        var analysis = new AnalysisViewModel(new SessionBridge(vm), new FxTaskRunner(),
                ComputeBackend.fromSetting(System.getenv("STATESCOPE_BACKEND"))::kernel);
        return new MainWindow(vm.views(), analysis);
    }

    /** Builds the main window with a session whose work runs on the calling thread (for quick tests). */
    public static MainWindow buildRoot() {
        var vm = newSession(TaskRunner.immediate(), TaskRunner.immediate());
        var root = buildRoot(vm);
        vm.start();
        return root;
    }
}
