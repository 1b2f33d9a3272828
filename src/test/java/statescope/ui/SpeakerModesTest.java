package statescope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import statescope.ui.analysis.LengthsView;
import statescope.ui.common.TaskRunner;
import statescope.ui.common.UiScale;
import statescope.ui.main.CompareStripView;
import statescope.ui.main.MainWindow;
import statescope.ui.main.StageControls;
import statescope.ui.prediction.PredictionStripView;
import statescope.ui.prediction.PredictionStripViewModel;
import statescope.ui.prediction.TokenChips;
import statescope.ui.session.BuiltinLanguageLibrary;
import statescope.ui.session.SessionViewModel;

/**
 * Issue 16's speaker modes in the window. "Hide the future": in presentation mode the chips, the strip, the heatmaps and the channel
 * chart show nothing after the current position (parity with the oracle that errs at 3, so the
 * divergence at 3 must stay hidden until the stepper reaches it); H toggles it, Esc restores it. C opens
 * compare mode; PageDown/PageUp move through a story's scenes, and a bad story is named by scene and field.
 */
@ExtendWith(ApplicationExtension.class)
class SpeakerModesTest {

    private SessionViewModel vm;
    private MainWindow window;
    private StageControls controls;

    @Start
    void start(Stage stage) {
        StateScopeApp.applyTheme();
        vm = new SessionViewModel(new BuiltinLanguageLibrary(), MainWindowTest.oracles(), TaskRunner.immediate(),
                TaskRunner.immediate());
        window = StateScopeApp.buildRoot(vm);
        stage.setScene(new Scene(window, 1260, 780));
        controls = StageControls.install(stage, window, StateScopeApp.uiScale(UiScale.Store.memory()));
        stage.show();
        vm.start();
    }

    @AfterEach
    void backToOne() throws Exception {                                // on the FX thread: the scale restyles the scene
        WaitForAsyncUtils.asyncFx(() -> StateScopeApp.uiScale(UiScale.Store.memory()).set(1.0, false)).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * The window has the keys from the start: the scene's first control, the model picker, had the focus,
     * and ↓ chose another model (a random init) without a word.
     */
    @Test
    void theWindowHasTheKeysFromTheStart(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(window, window.getScene().getFocusOwner(), "not the model picker");
        var before = vm.views().header().modelChoiceProperty().get();
        robot.type(KeyCode.DOWN, 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, vm.views().header().modelChoiceProperty().get(), "↓ leaves the model alone");
    }

    @Test
    void pageDownAndPageUpMoveBetweenAStorysScenesWithTheCaptionShown(FxRobot robot, @TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("talk.json");
        Files.writeString(file, """
                {"title": "t", "scenes": [
                  {"language": "parity", "input": "0110", "position": 2, "caption": "first"},
                  {"language": "parity", "input": "011011", "caption": "second"}]}""");
        robot.interact(() -> window.openStory(file));
        assertEquals("1/2 · first", robot.lookup("#story-caption").queryLabeled().getText());
        assertEquals(2, vm.views().stepper().positionProperty().get());
        robot.interact(window::requestFocus);
        robot.type(KeyCode.PAGE_DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("2/2 · second", robot.lookup("#story-caption").queryLabeled().getText());
        assertEquals("011011", vm.views().input().textProperty().get());
        robot.type(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5, vm.views().stepper().positionProperty().get(), "← steps inside a scene");
        robot.type(KeyCode.PAGE_UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("1/2 · first", robot.lookup("#story-caption").queryLabeled().getText());
        Files.writeString(file, "{\"scenes\": [{\"language\": \"parity\", \"tab\": \"plots\"}]}");
        robot.interact(() -> window.openStory(file));
        assertTrue(robot.lookup("#story-error").queryLabeled().getText().startsWith("talk.json: scene 1, tab:"),
                robot.lookup("#story-error").queryLabeled().getText());
        Files.writeString(file, """
                {"scenes": [{"language": "parity", "input": "0102"},
                            {"language": "parity", "model": "no-such-model"}]}""");
        robot.interact(() -> window.openStory(file));
        assertEquals("talk.json: scene 1, input: unknown symbol '2' at position 4; the alphabet is {0, 1} (and 1 more: "
                + "scene 2, model: no model 'no-such-model' for Parity; its models are 'oracle', "
                + "'oracle that errs at 3' and random inits)", robot.lookup("#story-error").queryLabeled().getText(),
                "refused when opened, not found on stage");
        assertFalse(window.storyPlayer().openProperty().get());
    }

    /**
     * Closing a story leaves the focus with the window, as it was during the story, not in the input field
     * with its text selected: the Space a clicker sends next plays the stepper instead of replacing the input.
     */
    @Test
    void closingAStoryLeavesTheFocusOutOfTheInputField(FxRobot robot, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("talk.json");
        Files.writeString(file, """
                {"scenes": [{"language": "parity", "input": "0110", "position": 1, "caption": "one"}]}""");
        robot.interact(() -> {
            var stage = (Stage) window.getScene().getWindow();
            stage.setWidth(1280);
            stage.setHeight(720);
            controls.setPresenting(true, false);
            window.openStory(file);
            window.requestFocus();
        });
        robot.clickOn("#story-close");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.storyPlayer().openProperty().get());
        var focus = window.getScene().getFocusOwner();
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("0110", vm.views().input().textProperty().get(), "Space did not wipe the input (focus in " + focus + ")");
        assertFalse(focus instanceof TextInputControl, "focus in " + focus);
        assertTrue(vm.views().stepper().playingProperty().get(), "Space plays");
        robot.interact(() -> {
            vm.views().stepper().togglePlay();                         // stop what Space started
            controls.setPresenting(false, false);
        });
    }

    /**
     * A story's caption holds two lines whatever its length: a long one wraps onto the second line (and past
     * that ends in "…", whole in its tooltip) rather than being cut after one, and the bar keeps its height
     * from scene to scene, so nothing under it moves when the speaker pages on.
     */
    @Test
    void aCaptionWrapsOntoTwoLinesAndTheBarKeepsItsHeight(FxRobot robot, @TempDir Path dir) throws IOException {
        String long1 = "Tomita 3 is not star-free: after an odd run of 1s the run of 0s must be even, a count mod 2, and "
                + "the nonnegative-gate model loses that count on this word of the language, as the paper predicts.";
        Path file = dir.resolve("talk.json");
        Files.writeString(file, """
                {"scenes": [{"language": "parity", "input": "01", "caption": "short"},
                            {"language": "parity", "input": "011", "caption": "%s"}]}""".formatted(long1));
        robot.interact(() -> {
            ((Stage) window.getScene().getWindow()).setWidth(1280);
            window.openStory(file);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Label caption = robot.lookup("#story-caption").queryAs(Label.class);
        double shortHeight = caption.getHeight();
        double size = caption.getFont().getSize();
        assertTrue(shortHeight >= 2 * size, "two lines of " + size + " px: " + shortHeight);
        double inputTop = robot.lookup("#input-field").query().localToScene(0, 0).getY();
        robot.interact(window::requestFocus);
        robot.type(KeyCode.PAGE_DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("2/2 · " + long1, caption.getText());
        assertEquals(shortHeight, caption.getHeight(), 0.5, "the same height for a long caption");
        assertEquals(inputTop, robot.lookup("#input-field").query().localToScene(0, 0).getY(), 0.5, "nothing moved");
        assertEquals(caption.getText(), caption.getTooltip().getText(), "the whole caption in its tooltip");
    }

    /**
     * On a short pane (a 1280x720 window at presentation mode's 1.6x type) the Lengths tab scrolls down to its
     * chart rather than squeezing it to nothing (it was 0 px high there).
     */
    @Test
    void aShortPaneKeepsTheLengthChartReadable(FxRobot robot) {
        robot.interact(() -> {
            StateScopeApp.uiScale(UiScale.Store.memory()).set(1.6, false);
            var stage = (Stage) window.getScene().getWindow();
            stage.setWidth(1280);
            stage.setHeight(720);
            window.tabs().getSelectionModel().select(4);
        });
        WaitForAsyncUtils.waitForFxEvents();
        var chart = robot.lookup("#lengths-view").queryAs(LengthsView.class).chart();
        assertTrue(window.tabs().getHeight() < 400, "a short pane: " + window.tabs().getHeight());
        var scroll = robot.lookup("#analysis-scroll").queryAs(ScrollPane.class);
        double content = scroll.getContent().getLayoutBounds().getWidth();
        assertTrue(content <= scroll.getViewportBounds().getWidth() + 0.5,
                "the controls wrap, no sideways scrolling: " + content + " > " + scroll.getViewportBounds().getWidth());
        double height = chart.getHeight();
        double factor = UiScale.factor();
        robot.interact(() -> StateScopeApp.uiScale(UiScale.Store.memory()).set(1.0, false));
        assertTrue(height >= 200 * factor, "chart height " + height);
    }

    @Test
    void cComparesTwoModelsOnTheSameInputAndClosesAgain(FxRobot robot) {
        robot.interact(() -> {
            vm.views().catalog().select(vm.views().catalog().languages().stream()
                    .filter(l -> l.name().contains("Parity")).findFirst().orElseThrow());
            vm.views().input().setInput("0110110");
        });
        robot.interact(window::requestFocus);
        robot.type(KeyCode.C);
        WaitForAsyncUtils.waitForFxEvents();
        var compare = robot.lookup("#compare-strip").queryAs(CompareStripView.class);
        assertTrue(compare.isVisible(), "C opens compare mode");
        assertFalse(robot.lookup("#prediction-strip").query().isVisible(), "its strip replaces the single one");
        assertEquals("≠ ✗B", compare.cell(4, 3).getText(), "the lane marks where A and B differ, and who errs");
        assertEquals("", compare.cell(4, 2).getText());
        assertTrue(TokenChips.is(compare.cell(3, 3), "disagree"), "B (errs at 3) red at 3");
        assertTrue(TokenChips.is(compare.cell(2, 3), "agree"), "A green at 3");
        assertTrue(robot.lookup("#compare-summary").queryLabeled().getText().contains("first differ at 3"));
        assertTrue(robot.lookup("#trajectory-view-b").query().isVisible(), "B's trajectory beside A's");
        var jumpB = robot.lookup("#compare-jump-b").queryAs(Hyperlink.class);
        assertEquals("B diverges at 3", jumpB.getText());
        assertFalse(robot.lookup("#compare-jump-a").query().isVisible(), "A has no divergence to jump to");
        robot.interact(() -> vm.views().stepper().jumpTo(7));
        robot.clickOn(jumpB);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, vm.views().stepper().positionProperty().get(), "the link jumps to B's first divergence");
        robot.clickOn("#compare-close");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(compare.isVisible());
        assertFalse(robot.lookup("#trajectory-view-b").query().isVisible(), "B's trajectory gone");
        assertTrue(robot.lookup("#prediction-strip").query().isVisible());
    }

    @Test
    void presentingHidesVerdictsAndValuesAfterTheCurrentPosition(FxRobot robot) {
        robot.interact(() -> {
            vm.views().catalog().select(vm.views().catalog().languages().stream()
                    .filter(l -> l.name().contains("Parity")).findFirst().orElseThrow());
            vm.views().header().selectModel(vm.views().header().modelChoices().get(1));   // errs at 3
            vm.views().input().setInput("0110110");
            window.tabs().getSelectionModel().select(3);                                  // channels drawn
        });
        List<Label> chips = robot.lookup("#token-chips").queryAs(TokenChips.class).shownChips();
        assertTrue(TokenChips.is(chips.get(6), "agree") || TokenChips.is(chips.get(6), "disagree"),
                "not presenting: every chip has its verdict");
        robot.interact(window::requestFocus);
        robot.type(KeyCode.F5).type(KeyCode.HOME).type(KeyCode.RIGHT, 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.views().stepper().hideFutureProperty().get(), "presentation mode hides the future");
        assertEquals(2, vm.views().stepper().positionProperty().get());
        for (int i = 0; i < 7; i++) {
            boolean future = i >= 2;
            assertEquals(future, TokenChips.is(chips.get(i), "future"), "chip " + (i + 1));
            assertEquals(future ? PredictionStripViewModel.UNREAD : "0110110".substring(i, i + 1),
                    chips.get(i).getText(), "chip " + (i + 1) + ": a future symbol is not shown");
            assertEquals(!future, TokenChips.is(chips.get(i), "agree"), "chip " + (i + 1) + " verdict");
            assertFalse(TokenChips.is(chips.get(i), "disagree"), "chip " + (i + 1));
        }
        var veil = robot.lookup("#input-veil").queryAs(Label.class);
        assertTrue(veil.isVisible(), "the field is veiled while not edited");
        assertEquals("01  ⋯ 5 more symbols", veil.getText());
        var strip = robot.lookup("#prediction-strip").queryAs(PredictionStripView.class);
        assertEquals("", strip.predictionCell(3).getText(), "the prediction at 3 is not shown yet");
        assertFalse(strip.predictionCell(2).getText().isEmpty());
        String summary = robot.lookup("#strip-summary").queryLabeled().getText();
        assertFalse(summary.contains("divergence at"), summary);
        assertEquals(2, vm.views().stateMap().frame().values().length, "heatmap columns 1..2 only");
        assertEquals(2, vm.views().gateMap().frame().values().length);
        for (float[] line : vm.views().chart().frame().series()) {
            assertEquals(2, line.length, "chart lines end at 2");
        }

        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(TokenChips.is(chips.get(2), "disagree"), "stepping onto 3 reveals the error");
        assertTrue(TokenChips.is(chips.get(3), "future"));
        assertTrue(robot.lookup("#strip-summary").queryLabeled().getText().contains("divergence at position 3"));
        assertEquals("1", chips.get(2).getText(), "stepping onto 3 reveals its symbol");
        assertEquals("011  ⋯ 4 more symbols", veil.getText());
        robot.clickOn(veil);
        assertFalse(veil.isVisible(), "a click on the veil edits the whole text");
        assertEquals("0110110", robot.lookup("#input-field").queryTextInputControl().getText());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(veil.isVisible(), "Esc leaves the field (veiled again), not presentation mode");

        robot.type(KeyCode.H);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(vm.views().stepper().hideFutureProperty().get(), "H shows the future");
        assertFalse(TokenChips.is(chips.get(6), "future"));
        assertEquals("0", chips.get(6).getText());
        assertFalse(veil.isVisible(), "nothing hidden, no veil");
        assertEquals(7, vm.views().stateMap().frame().values().length);
        robot.type(KeyCode.H).type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(vm.views().stepper().hideFutureProperty().get(), "leaving restores the choice before");
    }
}
