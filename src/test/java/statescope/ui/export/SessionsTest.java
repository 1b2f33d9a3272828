package statescope.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import statescope.inspect.EngineModel;
import statescope.inspect.LanguageEntry;
import statescope.inspect.TraceModel;
import statescope.ssm.GateRange;
import statescope.ui.StateScopeApp;
import statescope.ui.common.Job;
import statescope.ui.common.TaskRunner;
import statescope.ui.common.Work;
import statescope.ui.common.UiScale;
import statescope.ui.main.MainWindow;
import statescope.ui.session.BuiltinLanguageLibrary;
import statescope.ui.session.ModelChoice;
import statescope.ui.session.ModelLibrary;
import statescope.ui.session.SessionViewModel;

/**
 * Sessions on the real window: saved, changed, reopened where they were (language, model, input,
 * position, tab, view settings, scale); a changed model file said so; bad files in one line; recent.
 */
@ExtendWith(ApplicationExtension.class)
class SessionsTest {

    @TempDir
    static Path dir;

    private MainWindow window;
    private ExportActions actions;
    private SessionViewModel vm;
    private UiScale scale;

    /** One "checkpoint" (a file pair in the temp folder, the model built from a seed), then random models. */
    static ModelLibrary models(Path folder) {
        return new ModelLibrary(folder, null) {
            @Override
            public List<ModelChoice> choices(LanguageEntry language) {
                return List.of(ModelChoice.checkpoint("trained · m", folder.resolve("m.json")),
                        ModelChoice.random(1, 16, true, 1), ModelChoice.random(2, 32, false, 4));
            }

            @Override
            public TraceModel load(ModelChoice c, LanguageEntry language) {
                return EngineModel.random(language.vocabularySize(), language.reference().width(), c.layers() == 0 ? 1
                        : c.layers(), c.dModel() == 0 ? 16 : c.dModel(), GateRange.SIGNED, c.seed() + 3);
            }
        };
    }

    /** The corpus projections are not needed here, and would take the FX thread for seconds per model. */
    private static final TaskRunner NO_ANALYSIS = new TaskRunner() {
        @Override
        public <T> Job start(Work<T> work, DoubleConsumer onProgress, Consumer<T> onDone,
                             Consumer<Throwable> onError) {
            return new Job() {
                @Override
                public void cancel() {
                    // never started
                }

                @Override
                public boolean isDone() {
                    return false;
                }
            };
        }
    };

    @Start
    void start(Stage stage) throws Exception {
        Files.writeString(dir.resolve("m.json"), "{}");
        Files.writeString(dir.resolve("m.safetensors"), "weights v1");
        StateScopeApp.applyTheme();
        vm = new SessionViewModel(new BuiltinLanguageLibrary(), models(dir), TaskRunner.immediate(), NO_ANALYSIS);
        window = StateScopeApp.buildRoot(vm);
        stage.setScene(new Scene(window, 1400, 900));
        scale = StateScopeApp.uiScale(UiScale.Store.memory());
        actions = ExportActions.install(window, vm, TaskRunner.immediate(), null,
                new RecentSessions(RecentSessions.Store.memory()), StateScopeApp.scaleAccess(scale));
        stage.show();
        vm.start();
    }

    private void open(String languageId) {
        var catalog = vm.views().catalog();
        catalog.select(catalog.languages().stream().filter(l -> l.id().equals(languageId)).findFirst().orElseThrow());
    }

    private String message() {
        return vm.views().status().messageProperty().get();
    }

    private String tab() {
        return window.tabs().getSelectionModel().getSelectedItem().getId();
    }

    @Test
    void aSavedSessionReopensWhereItWas(FxRobot robot) throws Exception {
        Path file = dir.resolve("parity.statescope");
        var v = vm.views();
        robot.interact(() -> {
            open("parity");
            v.header().selectModel(v.header().modelChoices().get(2));
            v.input().setInput("011010");
            v.stepper().jumpTo(2);
            window.tabs().getSelectionModel().select(2);
            v.trajectory().threeDProperty().set(true);
            scale.set(1.25, false);
            actions.jobs().saveSession(file);
        });
        assertTrue(message().startsWith("Wrote the session to "), message());
        String text = Files.readString(file);
        assertTrue(text.contains("\"formatVersion\" : 1") && text.contains("\"id\" : \"parity\""), text);
        robot.interact(() -> {                                           // move everything away
            open("aa-star");
            v.input().setInput("aaaa");
            window.tabs().getSelectionModel().select(0);
            v.trajectory().threeDProperty().set(false);
            scale.set(1.0, false);
        });
        robot.interact(() -> actions.jobs().openSession(file));
        assertEquals("Opened parity.statescope", message());
        assertEquals("parity", v.catalog().languageProperty().get().id());
        assertEquals("random init · 2 layers · d_model 32 · gates [0,1]", v.header().modelChoiceProperty().get().label());
        assertEquals("011010", v.input().textProperty().get());
        assertEquals(2, v.stepper().positionProperty().get());
        assertEquals(window.tabs().getTabs().get(2).getId(), tab());
        assertTrue(v.trajectory().threeDProperty().get());
        assertEquals(1.25, UiScale.factor(), 1e-9);
        robot.interact(() -> scale.set(1.0, false));
        Menu recent = (Menu) window.fileMenu().getItems().stream().filter(i -> "menu-recent".equals(i.getId()))
                .findFirst().orElseThrow();
        robot.interact(() -> window.fileMenu().getOnShowing().handle(null));
        assertTrue(recent.getItems().getFirst().getText().startsWith("parity.statescope"), "listed in Recent sessions");
        assertTrue(text.contains("\"position\" : 2"), text);
        Files.writeString(file, text.replace("\"position\" : 2", "\"position\" : 700"));
        robot.interact(() -> actions.jobs().openSession(file));
        assertEquals("Opened parity.statescope: position 700 is past the end of its input (6 symbols): the stepper is at"
                + " the end", message());
        assertEquals(6, v.stepper().positionProperty().get(), "at the end, said, not clamped in silence");
    }

    @Test
    void aChangedModelFileIsSaidAndARegexLanguageComesBack(FxRobot robot) throws Exception {
        Path file = dir.resolve("regex.statescope");
        var v = vm.views();
        robot.interact(() -> {
            v.catalog().openRegex("(ab)*a");
            v.header().selectModel(v.header().modelChoices().getFirst());
            v.input().setInput("aba");
            actions.jobs().saveSession(file);
        });
        Files.writeString(dir.resolve("m.safetensors"), "weights v2, retrained");
        robot.interact(() -> {
            open("parity");
            actions.jobs().openSession(file);
        });
        assertEquals("regex:(ab)*a", v.catalog().languageProperty().get().id());
        assertEquals("aba", v.input().textProperty().get());
        assertTrue(message().contains("m.json changed since the session was saved"), message());
        Files.writeString(dir.resolve("m.safetensors"), "weights v1");
    }

    @Test
    void corruptAndFutureSessionsGetOneLine(FxRobot robot) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.statescope"), "{\"format\": \"statescope-session\", \"formatV");
        robot.interact(() -> actions.jobs().openSession(bad));
        assertTrue(message().startsWith("Could not open bad.statescope: not a StateScope session: malformed JSON"),
                message());
        Path future = Files.writeString(dir.resolve("future.statescope"),
                "{\"format\": \"statescope-session\", \"formatVersion\": 7, \"language\": {}}");
        robot.interact(() -> actions.jobs().openSession(future));
        assertTrue(message().contains("format version 7") && message().contains("newer StateScope"), message());
        Path unknown = Files.writeString(dir.resolve("unknown.statescope"), "{\"format\": \"statescope-session\", "
                + "\"formatVersion\": 1, \"language\": {\"kind\": \"catalog\", \"id\": \"klingon\"}}");
        String before = vm.views().catalog().languageProperty().get().id();
        robot.interact(() -> actions.jobs().openSession(unknown));
        assertTrue(message().contains("'klingon' is not in this StateScope's catalog"), message());
        assertEquals(before, vm.views().catalog().languageProperty().get().id(), "nothing changed");
        assertTrue(!message().contains("\n"));
    }
}
