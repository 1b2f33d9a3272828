package statescope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import statescope.inspect.LanguageEntry;
import statescope.lang.catalog.Catalog;

/** The real app wiring (built-in catalog, random models) opens on the demo language. */
@ExtendWith(ApplicationExtension.class)
class StateScopeAppTest {

    @Start
    void start(Stage stage) {
        StateScopeApp.applyTheme();
        var scene = new Scene(StateScopeApp.buildRoot(), 1260, 780);
        scene.getStylesheets().add(StateScopeApp.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void mainWindowOpensOnTheDemoWithTheCatalog(FxRobot robot) {
        robot.lookup("#main-root").query();                          // throws when the root is missing
        ListView<LanguageEntry> list = robot.lookup("#language-list").queryListView();
        assertEquals(Catalog.standard().languages().size(), list.getItems().size(),
                "the whole catalog");
        assertEquals("flip-flop", list.getSelectionModel().getSelectedItem().id(), "the demo is flip-flop");
        String pos = robot.lookup("#position-label").queryLabeled().getText();
        assertTrue(pos.matches("t = (\\d+) / \\1") && !pos.startsWith("t = 0"), "opens at the end of the sample: " + pos);
    }
}
