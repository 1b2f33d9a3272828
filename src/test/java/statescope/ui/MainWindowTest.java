package statescope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import statescope.inspect.FakeModels;
import statescope.inspect.LanguageEntry;
import statescope.inspect.TraceModel;
import statescope.ui.common.TaskRunner;
import statescope.ui.main.CompareStripView;
import statescope.ui.main.MainWindow;
import statescope.ui.prediction.PredictionStripView;
import statescope.ui.prediction.TokenChips;
import statescope.ui.session.BuiltinLanguageLibrary;
import statescope.ui.session.ModelChoice;
import statescope.ui.session.ModelLibrary;
import statescope.ui.session.SessionViewModel;

/**
 * Issue 5's acceptance tests, headless: parity with "0110" typed, stepping, a crafted model that errs,
 * an unknown symbol. The models are oracles built from the reference machine (one errs at position 3
 * for the parity language), so the expected strip is known exactly.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private SessionViewModel vm;
    private MainWindow window;

    /** A library whose default model for parity errs at position 3; other languages get exact oracles. */
    static ModelLibrary oracles() {
        return new ModelLibrary(null, null) {
            @Override
            public List<ModelChoice> choices(LanguageEntry language) {
                return List.of(ModelChoice.checkpoint("oracle", Path.of("oracle.json")),
                        ModelChoice.checkpoint("oracle that errs at 3", Path.of("errs.json")));
            }

            @Override
            public TraceModel load(ModelChoice choice, LanguageEntry language) {
                return FakeModels.oracle(language, choice.label().contains("errs") ? 3 : 0);
            }
        };
    }

    @Start
    void start(Stage stage) {
        StateScopeApp.applyTheme();
        vm = new SessionViewModel(new BuiltinLanguageLibrary(), oracles(), TaskRunner.immediate(), TaskRunner.immediate());
        window = StateScopeApp.buildRoot(vm);
        var scene = new Scene(window, 1260, 780);
        scene.getStylesheets().add(StateScopeApp.STYLESHEET);
        stage.setScene(scene);
        stage.show();
        vm.start();
    }

    /**
     * The unselected tabs' contents join the scene on their first selection or, in the app, a while after
     * start-up (attachTabsLater), not in the first CSS pass; either way each is there when its tab shows.
     */
    @Test
    void hiddenTabsJoinTheSceneWhenSelectedOrLater(FxRobot robot) throws Exception {
        var tabs = window.tabs().getTabs();
        assertTrue(tabs.get(0).getContent() != null, "the shown tab's content is in the scene");
        for (int i = 1; i < tabs.size(); i++) {
            assertEquals(null, tabs.get(i).getContent(), tabs.get(i).getText() + " waits");
        }
        robot.interact(() -> window.tabs().getSelectionModel().select(2));
        assertTrue(tabs.get(2).getContent() != null && tabs.get(2).getContent().getScene() != null, "Gates, selected");
        assertEquals(null, tabs.get(1).getContent(), "Heatmap still waits");
        robot.interact(() -> window.attachTabsLater(Duration.millis(10)));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> tabs.stream().allMatch(t -> t.getContent() != null));
        assertEquals(2, window.tabs().getSelectionModel().getSelectedIndex(), "attaching does not change the tab");
    }

    private void chooseParityAndType(FxRobot robot, String text) {
        robot.clickOn("Parity");
        TextField field = robot.lookup("#input-field").query();
        robot.clickOn(field);
        robot.interact(field::clear);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String highlighted() {
        int q = window.automatonView().highlightedState();
        return vm.trace().reference().dfa().orElseThrow().label(q);
    }

    private Label cell(FxRobot robot, int position) {
        var strip = (PredictionStripView) robot.lookup("#prediction-strip").query();
        return strip.predictionCell(position);
    }

    private int position() {
        return vm.views().stepper().positionProperty().get();
    }

    private static boolean is(Node node, String state) {
        return TokenChips.is(node, state);
    }

    @Test
    void theStatusBarNamesTheComputeBackendInOneLine(FxRobot robot) {
        String line = robot.lookup("#status-backend").queryLabeled().getText();
        assertTrue(line.startsWith("Compute: ") && line.contains(" · steps on ") && !line.contains("\n"), line);
        assertEquals(1, robot.listWindows().size(), "no dialog about the GPU");
    }

    @Test
    void parityTypedHighlightsTheStateAndFillsTheStrip(FxRobot robot) {
        chooseParityAndType(robot, "0110");
        assertEquals(4, vm.trace().length());
        assertEquals("even", highlighted(), "0110 has two 1s");
        String[] expected = {"∈ L", "∉ L", "∈ L", "∈ L"};
        for (int p = 1; p <= 4; p++) {
            Label c = cell(robot, p);
            assertEquals(expected[p - 1], c.getText(), "prediction at " + p);
            assertTrue(is(c, "agree") && !is(c, "disagree"), "the oracle agrees at " + p);
        }
        assertTrue(robot.lookup("#strip-summary").queryLabeled().getText().contains("agrees"));
        var chips = ((TokenChips) robot.lookup("#token-chips").query()).shownChips();
        assertEquals(4, chips.size());
        assertTrue(chips.stream().allMatch(c -> is(c, "agree")));
        assertTrue(is(chips.get(3), "current") && !is(chips.get(2), "current"), "the last chip is the current one");
    }

    @Test
    void steppingBackAndForwardMovesTheHighlight(FxRobot robot) {
        chooseParityAndType(robot, "0110");
        robot.clickOn("#back-button");
        assertEquals(3, position());
        assertEquals("even", highlighted());
        robot.clickOn("#back-button");
        assertEquals("odd", highlighted(), "after 01");
        robot.interact(window::requestFocus);
        robot.type(KeyCode.RIGHT);
        assertEquals(3, position());
        assertEquals("even", highlighted());
        robot.type(KeyCode.HOME);
        assertEquals(0, position());
        assertEquals("even", highlighted());
        robot.type(KeyCode.END);
        assertEquals(4, position());
        assertTrue(robot.lookup("#position-label").queryLabeled().getText().startsWith("t = 4 / 4"));
    }

    @Test
    void aModelThatErrsHasItsFirstDivergenceFlagged(FxRobot robot) {
        robot.clickOn("Parity");
        var header = vm.views().header();
        robot.interact(() -> header.selectModel(header.modelChoices().get(1)));
        TextField field = robot.lookup("#input-field").query();
        robot.interact(() -> field.setText("01101"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, vm.trace().firstDivergence());
        Label third = cell(robot, 3);
        assertTrue(is(third, "disagree"));
        assertTrue(is(third, "first-divergence"));
        assertEquals("∉ L", third.getText(), "the model says the opposite of the automaton");
        assertTrue(is(cell(robot, 2), "agree"));
        assertFalse(is(cell(robot, 4), "first-divergence"));
        assertTrue(is(((TokenChips) robot.lookup("#token-chips").query()).shownChips().get(2), "first-divergence"));
        assertTrue(robot.lookup("#strip-summary").queryLabeled().getText().contains("position 3"));
        robot.clickOn("#jump-divergence");
        assertEquals(3, position());
    }

    /**
     * After the reference's dead state a prediction is shown but not scored (the protocol scores words of
     * the language): Tomita 2 = (10)* on "110" is dead from position 2, so the model's error at 3 is shown
     * neutral, is no divergence, and the summary says where scoring stopped.
     */
    @Test
    void predictionsAfterTheDeadStateAreShownButNotScored(FxRobot robot) {
        robot.clickOn("Tomita 2");
        var header = vm.views().header();
        robot.interact(() -> header.selectModel(header.modelChoices().get(1)));   // errs at 3
        TextField field = robot.lookup("#input-field").query();
        robot.interact(() -> field.setText("110"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(-1, vm.trace().firstDivergence());
        assertFalse(vm.trace().agrees(3), "the model is wrong at 3 all the same");
        Label third = cell(robot, 3);
        assertTrue(is(third, "unscored") && !is(third, "disagree") && !is(third, "agree"));
        assertTrue(is(cell(robot, 1), "agree") && !is(cell(robot, 1), "unscored"));
        var chips = ((TokenChips) robot.lookup("#token-chips").query()).shownChips();
        assertTrue(is(chips.get(1), "unscored") && is(chips.get(2), "unscored") && is(chips.get(0), "agree"));
        String summary = robot.lookup("#strip-summary").queryLabeled().getText();
        assertTrue(summary.contains("at the one scored position") && summary.contains("dead from 2: not scored"), summary);
        assertTrue(robot.lookup("#jump-divergence").query().isDisabled());
        robot.interact(() -> vm.views().compare().select(header.modelChoices().get(0)));   // compare: B the exact oracle
        WaitForAsyncUtils.waitForFxEvents();
        var compare = robot.lookup("#compare-strip").queryAs(CompareStripView.class);
        assertTrue(is(compare.cell(2, 3), "unscored") && !is(compare.cell(2, 3), "disagree"), "A's error at 3, grey");
        assertTrue(is(compare.cell(2, 1), "agree") && is(compare.cell(3, 2), "unscored"));
        assertFalse(compare.cell(4, 3).getText().contains("✗"), "no ✗ where nothing is scored: " + compare.cell(4, 3).getText());
    }

    @Test
    void anUnknownSymbolIsRefusedInlineAndTheInputKept(FxRobot robot) {
        chooseParityAndType(robot, "01");
        robot.write("a");
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup("#input-error").query();
        assertTrue(error.isVisible());
        assertTrue(error.getText().contains("unknown symbol 'a'"), error.getText());
        assertEquals("01a", robot.lookup("#input-field").queryTextInputControl().getText());
        assertEquals(2, vm.trace().length(), "the trace keeps the last good input");
        robot.type(KeyCode.BACK_SPACE);
        robot.write("1");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(error.isVisible());
        assertEquals(3, vm.trace().length());
    }
}
