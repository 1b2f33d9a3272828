package statescope.ui.automaton;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits;
import javafx.scene.input.ScrollEvent.VerticalTextScrollUnits;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import statescope.inspect.AlignedTrace;
import statescope.inspect.CustomLanguages;
import statescope.inspect.FakeModels;
import statescope.inspect.LanguageEntry;
import statescope.lang.Word;
import statescope.ui.StateScopeApp;
import statescope.ui.common.ZoomPane;

/**
 * Issue 16's automaton defects in a small pane (the automaton's share of a 1280x720 window): the whole
 * machine in view at open, edge labels of at least 11 px at the fit, the trail fading by age, the dead
 * state toggle keeping the current state in view.
 */
@ExtendWith(ApplicationExtension.class)
class AutomatonViewTest {

    private final AutomatonViewModel vm = new AutomatonViewModel();
    private AutomatonView view;
    private AlignedTrace trace;

    @Start
    void start(Stage stage) {
        StateScopeApp.applyTheme();
        view = new AutomatonView(vm);
        var scene = new Scene(view, 470, 260);
        scene.getStylesheets().add(StateScopeApp.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    private void open(FxRobot robot, String id, String input, int t) {
        LanguageEntry catalog = StateScopeApp.languages().catalog().stream().filter(l -> l.id().equals(id))
                .findFirst().orElseThrow();
        // the same DFA with next-symbol targets, which the test oracle reads (it has no class targets)
        LanguageEntry lang = CustomLanguages.fromDfa(id, catalog.reference().dfa().orElseThrow());
        robot.interact(() -> {
            trace = new AlignedTrace(FakeModels.oracle(lang, 0), lang);
            trace.setWord(Word.parse(lang.machine().alphabet(), input).toArray(), f -> { }, () -> false);
            vm.showDfa(lang.reference().dfa().orElse(null));
            vm.update(trace, t);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Bounds pane(FxRobot robot) {
        ZoomPane zoom = robot.lookup(".zoom-pane").query();
        return zoom.localToScene(zoom.getLayoutBounds());
    }

    private static boolean inside(Bounds outer, Bounds inner) {
        return inner.getMinX() >= outer.getMinX() - 0.5 && inner.getMaxX() <= outer.getMaxX() + 0.5
                && inner.getMinY() >= outer.getMinY() - 0.5 && inner.getMaxY() <= outer.getMaxY() + 0.5;
    }

    @Test
    void everyStateIsInViewAndEveryShownEdgeLabelIsAtLeast11Px(FxRobot robot) {
        for (String id : new String[] {"d-12", "flip-flop", "bounded-dyck-2-4", "tomita-3"}) {
            open(robot, id, "", 0);
            Bounds pane = pane(robot);
            var states = robot.lookup(".dfa-state").queryAll();
            assertFalse(states.isEmpty());
            for (Node s : states) {
                assertTrue(inside(pane, s.localToScene(s.getBoundsInLocal())), id + ": " + s.getId() + " clipped");
            }
            var shown = new ArrayList<Bounds>();
            int labels = 0;
            for (Node n : robot.lookup(".edge-label").queryAll()) {
                labels++;
                if (!n.isVisible()) {
                    continue;
                }
                Label l = (Label) n;
                double px = l.getFont().getSize() * l.getLocalToSceneTransform().getMxx();
                assertTrue(px >= EdgeLabels.MIN_PX - 1e-6, id + ": label " + l.getText() + " at " + px + " px");
                Bounds b = l.localToScene(l.getLayoutBounds());
                for (Bounds other : shown) {
                    assertFalse(b.intersects(other), id + ": labels overlap at " + b);
                }
                shown.add(b);
            }
            if (!id.equals("bounded-dyck-2-4")) {                      // room for all of them in these
                assertEquals(labels, shown.size(), id + ": every edge label shown");
            }
        }
    }

    /**
     * The banner that says the input is in the hidden dead state was drawn over the top of the machine and
     * hid edge labels of Tomita 3 and Tomita 4 (review): it now has a row of its own, the machine fitted
     * below it, and no state or edge label lies under it.
     */
    @Test
    void theDeadStateBannerCoversNoStateAndNoEdgeLabel(FxRobot robot) {
        for (String[] c : new String[][] {{"tomita-3", "0001110110"}, {"tomita-4", "0100100010010000"}}) {
            open(robot, c[0], c[1], c[1].length());
            robot.interact(() -> vm.collapseDeadProperty().set(true));
            WaitForAsyncUtils.waitForFxEvents();
            Label banner = robot.lookup("#dead-banner").queryAs(Label.class);
            assertTrue(banner.isVisible(), c[0] + ": in the dead state");
            Bounds b = banner.localToScene(banner.getLayoutBounds());
            var under = new ArrayList<Node>(robot.lookup(".dfa-state").queryAll());
            under.addAll(robot.lookup(".edge-label").queryAll());
            int labels = 0;
            for (Node n : under) {
                if (!n.isVisible()) {
                    continue;
                }
                labels += n.getStyleClass().contains("edge-label") ? 1 : 0;
                Bounds nb = n.localToScene(n.getBoundsInLocal());
                assertFalse(nb.intersects(b), c[0] + ": " + (n instanceof Label l ? "label " + l.getText() : n.getId())
                        + " at " + nb + " under the banner " + b);
            }
            assertTrue(labels >= 4, c[0] + ": edge labels drawn: " + labels);
            robot.interact(() -> vm.update(trace, 1));                    // out of the dead state: the row goes
            WaitForAsyncUtils.waitForFxEvents();
            assertFalse(banner.isVisible() || banner.isManaged(), c[0] + ": no banner, no row");
        }
    }

    /**
     * D_12's 13 states fitted into the pane drew their numbers 4-5 px high (review): a state's name is drawn
     * at least 8 px high ({@link AutomatonView#STATE_MIN_PX}), on a halo where it outgrows its shape.
     */
    @Test
    void stateNamesStayReadableWhenALargeMachineIsFitted(FxRobot robot) {
        open(robot, "d-12", "aaaaaaaaaaaabbbbbbbbbbab", 24);
        var texts = robot.lookup(".state-label").queryAllAs(Text.class);
        assertTrue(texts.size() >= 13, "" + texts.size());
        int halos = 0;
        for (Text t : texts) {
            double onScreen = t.getFont().getSize() * t.getScaleY() * zoomScale(robot);
            assertTrue(onScreen >= 8 - 0.01, t.getText() + " drawn " + onScreen + " px high");
        }
        for (Node h : robot.lookup(".state-label-halo").queryAll()) {
            halos += h.isVisible() ? 1 : 0;
        }
        assertTrue(halos > 0, "the names outgrow their shapes at this zoom, on halos");
    }

    private static double zoomScale(FxRobot robot) {
        ZoomPane zoom = robot.lookup(".zoom-pane").query();
        return zoom.scaleProperty().get();
    }

    /** "Hide dead state" only for a machine with a dead state, "Fit" only for a drawn machine (not a counter plot). */
    @Test
    void theBarOffersOnlyWhatTheMachineHas(FxRobot robot) {
        open(robot, "d-12", "aab", 3);
        assertEquals(List.of("Hide dead state", "Expand", "Fit"), shownButtons(robot), "D_12 has a dead state");
        open(robot, "tomita-5", "0110", 4);
        assertEquals(List.of("Expand", "Fit"), shownButtons(robot), "Tomita 5 has none");
        robot.interact(() -> vm.showDfa(null));                           // a counter language: the counter plot
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Expand"), shownButtons(robot));
    }

    private static List<String> shownButtons(FxRobot robot) {
        Parent bar = robot.lookup("#automaton-view .view-bar").query();
        return bar.getChildrenUnmodifiable().stream().filter(n -> n instanceof ButtonBase)
                .filter(Node::isVisible).filter(Node::isManaged).map(b -> ((ButtonBase) b).getText()).toList();
    }

    @Test
    void theTrailFadesByAge(FxRobot robot) {
        String input = "aaaaaaaaaaaabbbbbbbbbbab";                         // 24 tokens over every chain edge
        open(robot, "d-12", input, input.length());
        assertEquals(0, view.trailAge(trace.state(input.length() - 1), trace.state(input.length())));
        // newest first: 3->2 (b, the last), 2->3 (a), 3->2 again, then 4->3, 5->4, 6->5, 7->6, 8->7 (depths)
        var classes = List.of("last", "trail", "trail-older", "trail-oldest");
        int[] drawn = new int[classes.size()];
        int marked = 0;
        for (Node e : robot.lookup(".dfa-edge").queryAll()) {
            int marks = 0;
            for (int c = 0; c < classes.size(); c++) {
                if (e.getPseudoClassStates().contains(PseudoClass.getPseudoClass(classes.get(c)))) {
                    drawn[c]++;
                    marks++;
                }
            }
            assertTrue(marks <= 1, "one age per edge");
            marked += marks;
        }
        assertEquals(7, marked, "the last " + AutomatonView.FADE + " transitions, 7 distinct edges, not the whole machine");
        assertArrayEquals(new int[] {1, 1, 2, 3}, drawn, "last, strong, older, oldest: " + Arrays.toString(drawn));
        assertEquals(-1, view.trailAge(trace.state(0), trace.state(1)), "the first transition has faded out");
        int up = view.trailAge(trace.state(input.length() - 2), trace.state(input.length() - 1));
        int older = view.trailAge(trace.state(input.length() - 4), trace.state(input.length() - 3));
        assertTrue(up >= 0 && older > up, "older transitions have larger ages: " + up + ", " + older);
    }

    @Test
    void theDeadStateToggleKeepsTheCurrentStateInView(FxRobot robot) {
        String input = "w0iir1w1iiir0";                                    // flip-flop: dead from position 4 on
        for (int t : new int[] {3, input.length()}) {
            open(robot, "flip-flop", input, t);
            robot.interact(() -> vm.collapseDeadProperty().set(true));
            ZoomPane zoom = robot.lookup(".zoom-pane").query();
            robot.interact(() -> {
                for (int i = 0; i < 15; i++) {                          // the user zooms into the top left corner
                    zoom.fireEvent(new ScrollEvent(ScrollEvent.SCROLL, 5, 5, 5, 5, false, false, false, false,
                            false, false, 0, 40, 0, 40, HorizontalTextScrollUnits.NONE, 0,
                            VerticalTextScrollUnits.NONE, 0, 0, null));
                }
            });
            for (boolean hide : new boolean[] {false, true, false}) {
                robot.interact(() -> vm.collapseDeadProperty().set(hide));
                WaitForAsyncUtils.waitForFxEvents();
                assertTrue(zoom.scaleProperty().get() > 1, "still zoomed in: " + zoom.scaleProperty().get());
                int current = vm.frame().current();
                var node = robot.lookup("#dfa-state-" + current).tryQuery();
                if (hide && trace.machine().isDead(trace.config(t))) {
                    assertTrue(node.isEmpty(), "the hidden dead state is not drawn");
                    continue;
                }
                assertTrue(node.isPresent(), "state " + current + " drawn");
                Node n = node.get();
                assertTrue(inside(pane(robot), n.localToScene(n.getBoundsInLocal())),
                        "t " + t + ", hide " + hide + ": the current state stays in view");
            }
        }
    }
}
