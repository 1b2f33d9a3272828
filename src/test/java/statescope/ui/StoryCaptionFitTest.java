package statescope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import statescope.ui.common.TaskRunner;
import statescope.ui.common.UiScale;
import statescope.ui.main.CompareStripView;
import statescope.ui.main.MainWindow;
import statescope.ui.main.StageControls;
import statescope.ui.session.SessionViewModel;
import statescope.ui.trajectory.TrajectoryView;

/**
 * Every caption of every shipped story fits its bar's two lines in presentation mode on a 1280x720
 * projector, the smallest the app supports: none ends in "…" with the rest only in a tooltip the audience
 * never sees. The stories are played on the app's own libraries (the shipped models), scene by scene.
 */
@ExtendWith(ApplicationExtension.class)
class StoryCaptionFitTest {

    private MainWindow window;
    private StageControls controls;

    @Start
    void start(Stage stage) {
        StateScopeApp.applyTheme();
        SessionViewModel vm = StateScopeApp.newSession(TaskRunner.immediate(), TaskRunner.immediate());
        window = StateScopeApp.buildRoot(vm);
        stage.setScene(new Scene(window, 1280, 720));
        controls = StageControls.install(stage, window, StateScopeApp.uiScale(UiScale.Store.memory()));
        stage.show();
        vm.start();
    }

    @AfterEach
    void leavePresenting() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            window.storyPlayer().close();
            controls.setPresenting(false);
            StateScopeApp.uiScale(UiScale.Store.memory()).set(1.0, false);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Lines that {@code text} takes in {@code font} wrapped at {@code width}, as a label lays it out. */
    static int lines(String text, Font font, double width) {
        var probe = new Text(text);
        probe.setFont(font);
        probe.setWrappingWidth(width);
        var one = new Text("Ag");
        one.setFont(font);
        return (int) Math.round(probe.getLayoutBounds().getHeight() / one.getLayoutBounds().getHeight());
    }

    @Test
    void everyShippedCaptionFitsTwoLinesAt1280x720WhilePresenting(FxRobot robot) throws IOException {
        List<Path> stories;
        try (Stream<Path> files = Files.list(Path.of("assets", "stories"))) {
            stories = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertEquals(3, stories.size(), "the shipped stories: " + stories);
        var tooLong = new ArrayList<String>();
        int captions = 0;
        for (Path file : stories) {
            robot.interact(() -> {
                var stage = (Stage) window.getScene().getWindow();
                stage.setWidth(1280);
                stage.setHeight(720);
                controls.setPresenting(true, false);                  // the test sizes the window itself
                window.openStory(file);
            });
            WaitForAsyncUtils.waitForFxEvents();
            var player = window.storyPlayer();
            assertTrue(player.openProperty().get(), file + ": " + player.errorProperty().get());
            int scenes = player.story().scenes().size();
            for (int i = 0; i < scenes; i++) {
                if (i > 0) {
                    robot.interact(player::next);
                    WaitForAsyncUtils.waitForFxEvents();
                }
                Label caption = robot.lookup("#story-caption").queryAs(Label.class);
                assertTrue(caption.getFont().getSize() >= 1.6 * 12, "presentation type: " + caption.getFont());
                double width = caption.getWidth() - caption.snappedLeftInset() - caption.snappedRightInset();
                int n = lines(caption.getText(), caption.getFont(), width);
                captions++;
                if (n > 2) {
                    tooLong.add(file.getFileName() + " scene " + (i + 1) + " takes " + n + " lines at "
                            + Math.round(width) + " px: " + caption.getText());
                }
            }
        }
        assertTrue(captions >= 10, "captions checked: " + captions);
        assertTrue(tooLong.isEmpty(), String.join("\n", tooLong));
    }

    /**
     * The paper story's compare scene on a 1280x720 projector: the header gives its row to the caption (and
     * comes back when the story closes), and the two trajectories, each naming its model in its corner, get
     * the height of a plot: with the header and a row of names above them they had about 60 px.
     */
    @Test
    void theCompareSceneKeepsItsPlotsAt1280x720(FxRobot robot) {
        robot.interact(() -> {
            var stage = (Stage) window.getScene().getWindow();
            stage.setWidth(1280);
            stage.setHeight(720);
            controls.setPresenting(true, false);
            window.openStory(Path.of("assets", "stories", "paper-in-five-minutes.json"));
            window.storyPlayer().next();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#model-picker").tryQuery().map(n -> n.getScene() == null).orElse(true),
                "the header is out while the story plays");
        List<TrajectoryView> views = List.of(robot.lookup("#trajectory-view").queryAs(TrajectoryView.class),
                robot.lookup("#trajectory-view-b").queryAs(TrajectoryView.class));
        assertEquals("A · nonneg", views.get(0).titleProperty().get());
        assertEquals("B · signed", views.get(1).titleProperty().get());
        for (var v : views) {
            double plot = v.getCenter().getLayoutBounds().getHeight();
            assertTrue(plot >= 120, "plot height " + plot);
        }
        robot.interact(() -> window.storyPlayer().close());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#model-picker").tryQuery().map(n -> n.getScene() != null).orElse(false),
                "the header is back when the story closes");
    }

    /**
     * The paper story's bounded Dyck scene (two layers against one) at 1280x720: B's trajectory is named by
     * what tells it apart ("1layer"; its whole name "bounded-dyck-8-10-1layer" was cut before the "1layer"),
     * the compare strip's cells hold "c)|open" and "END|open" whole (they stayed 74 px wide at 1.6x type and
     * showed "c)…", "EN…"), and the input bar's alphabet is readable (it was cut to "alpha…").
     */
    @Test
    void theBoundedDyckSceneReadsWholeAt1280x720(FxRobot robot) {
        robot.interact(() -> {
            var stage = (Stage) window.getScene().getWindow();
            stage.setWidth(1280);
            stage.setHeight(720);
            controls.setPresenting(true, false);
            window.openStory(Path.of("assets", "stories", "paper-in-five-minutes.json"));
            for (int i = 0; i < 4; i++) {
                window.storyPlayer().next();
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.storyPlayer().captionProperty().get().startsWith("5/5 · Bounded Dyck"));
        assertEquals("A · bounded-dyck-8-10", robot.lookup("#trajectory-view").queryAs(TrajectoryView.class)
                .titleProperty().get());
        assertEquals("B · 1layer", robot.lookup("#trajectory-view-b").queryAs(TrajectoryView.class)
                .titleProperty().get());
        var strip = robot.lookup("#compare-strip").queryAs(CompareStripView.class);
        int shown = 0;
        for (int t = 1; t <= 24; t++) {
            for (int row = 0; row < 4; row++) {
                Label cell = strip.cell(row, t);
                if (cell == null || !cell.isVisible() || cell.getText().contains(" · ")) {
                    continue;                                          // a ratio ("h)? · P(c) | close) = …") keeps its head
                }
                shown++;
                assertEquals(cell.getText(), shown(cell), "cell " + row + " at " + t + " cut");
            }
        }
        assertTrue(shown >= 16, "cells checked: " + shown);
        Label alphabet = robot.lookup("#input-alphabet").queryAs(Label.class);
        assertEquals(alphabet.getText(), shown(alphabet), "the alphabet cut");
        assertTrue(alphabet.getText().startsWith("alphabet "), alphabet.getText());
    }

    /**
     * The counters story at 1280x720: the machine's line under the counter plot shows the counts whole
     * ("t = 20 · accepted · counts a=…" was cut at the counts, the point of the scene), on a line of
     * their own where the whole does not fit on one.
     */
    @Test
    void theCounterScenesShowTheirCountsWholeAt1280x720(FxRobot robot) {
        robot.interact(() -> {
            var stage = (Stage) window.getScene().getWindow();
            stage.setWidth(1280);
            stage.setHeight(720);
            controls.setPresenting(true, false);
            window.openStory(Path.of("assets", "stories", "counters.json"));
        });
        WaitForAsyncUtils.waitForFxEvents();
        var player = window.storyPlayer();
        var counted = new ArrayList<String>();
        for (int i = 0; i < player.story().scenes().size(); i++) {
            if (i > 0) {
                robot.interact(player::next);
                WaitForAsyncUtils.waitForFxEvents();
            }
            Label line = robot.lookup("#automaton-config").queryAs(Label.class);
            assertEquals(line.getText(), shown(line), "scene " + (i + 1) + ": the machine's line cut");
            if (line.getText().contains("counts")) {
                counted.add(line.getText());
                String counts = line.getText().lines().filter(l -> l.contains("counts")).findFirst().orElseThrow();
                double room = line.getWidth() - line.snappedLeftInset() - line.snappedRightInset();
                assertEquals(1, lines(counts, line.getFont(), room), "scene " + (i + 1) + ": the counts on one line: "
                        + counts);
            }
        }
        assertEquals(2, counted.size(), "a^n b^n and a^n b^n c^n show their counts: " + counted);
        assertTrue(counted.get(0).endsWith("counts a=10 b=10") || counted.get(0).contains("counts a=10 b=10 "),
                counted.get(0));
    }

    /** The text a label draws: its own, or cut to "…" where it has not the room (not its graphic's). */
    private static String shown(Label label) {
        return label.getChildrenUnmodifiable().stream().filter(n -> n instanceof Text).map(n -> ((Text) n).getText())
                .findFirst().orElse("");
    }

    @Test
    void theMeasureSeesACaptionThatIsTooLong(FxRobot robot) {
        var font = Font.font(20);
        String sentence = "the nonnegative-gate model loses the count on this word of the language. ";
        assertEquals(1, lines("short", font, 1000));
        assertEquals(2, lines(sentence + sentence, font, 1000));
        assertTrue(lines(sentence.repeat(4), font, 1000) > 2);
    }
}
