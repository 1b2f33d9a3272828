package statescope.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import statescope.ssm.VocabMap;
import statescope.ui.StateScopeApp;
import statescope.ui.common.TaskRunner;
import statescope.ui.common.UiScale;
import statescope.ui.main.MainWindow;
import statescope.ui.session.BuiltinLanguageLibrary;
import statescope.ui.session.SessionViewModel;
import statescope.ui.session.VocabTableTest;
import statescope.ui.session.VocabTableViewModel;

/**
 * Issue 17 in the window: choosing a Hugging Face model with no vocabulary map opens its table; typing
 * ids there validates them, "Save and load" writes the map beside the model and loads it.
 */
@ExtendWith(ApplicationExtension.class)
class VocabTablesTest {

    @TempDir
    static Path dir;

    private SessionViewModel vm;
    private ExportActions actions;
    private final List<VocabTableViewModel> shown = new ArrayList<>();

    @Start
    void start(Stage stage) {
        StateScopeApp.applyTheme();
        vm = new SessionViewModel(new BuiltinLanguageLibrary(), ExportViewsTest.randomModels(dir),
                TaskRunner.immediate(), TaskRunner.immediate());
        MainWindow window = StateScopeApp.buildRoot(vm);
        stage.setScene(new Scene(window, 1400, 900));
        Chooser none = new Chooser() {
            @Override
            public Choice save(String title, String suggestedName, List<Kind> kinds) {
                return null;
            }

            @Override
            public Path open(String title, Kind kind) {
                return null;
            }
        };
        actions = ExportActions.install(window, vm, TaskRunner.immediate(), none,
                new RecentSessions(RecentSessions.Store.memory()),
                StateScopeApp.scaleAccess(StateScopeApp.uiScale(UiScale.Store.memory())));
        actions.vocab().show = (t, owner) -> shown.add(t);
        stage.show();
        vm.start();
        var catalog = vm.views().catalog();
        catalog.select(catalog.languages().stream().filter(l -> l.id().equals("parity")).findFirst().orElseThrow());
    }

    @Test
    void aForeignModelWithoutAMapOpensItsTableAndLoadsOnceSaved(FxRobot robot) throws Exception {
        Path hf = VocabTableTest.huggingFaceFolder(Files.createDirectories(dir.resolve("a")));
        var header = vm.views().header();
        robot.interact(() -> header.openCheckpoint(hf));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(header.modelErrorProperty().get().contains("token ids"), header.modelErrorProperty().get());
        assertEquals(1, shown.size(), "the table opened by itself");
        var table = shown.getFirst();
        assertEquals(hf, table.model());
        var stage = new Stage[1];
        var content = new VocabTableDialog[1];
        Path[] saved = new Path[1];
        robot.interact(() -> {
            content[0] = new VocabTableDialog(table, p -> {
                saved[0] = p;
                actions.vocab().saved(table.model(), p);
            });
            stage[0] = new Stage();
            stage[0].setScene(new Scene(content[0]));
            stage[0].show();
        });
        Button save = robot.lookup("#vocab-save").queryButton();
        assertTrue(save.isDisabled());
        robot.clickOn("#vocab-in-0").write("3");
        robot.clickOn("#vocab-in-1").write("3");
        assertEquals("tokens '0' and '1' both use id 3; each needs its own", content[0].problem().getText());
        robot.interact(() -> robot.lookup("#vocab-in-1").queryAs(TextField.class).setText("4"));
        robot.clickOn("#vocab-out-0").write("7");
        assertFalse(save.isDisabled(), content[0].problem().getText());
        robot.clickOn("#vocab-save");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(VocabMap.besideModel(hf), saved[0]);
        assertEquals(hf, header.modelChoiceProperty().get().checkpoint(), "the model now loads");
        assertEquals("", header.modelErrorProperty().get());
        assertEquals(1, shown.size(), "a mapped model opens no table");
        robot.interact(() -> stage[0].close());
    }
}
