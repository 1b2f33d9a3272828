package statescope.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.image.Image;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.NodeList;
import statescope.inspect.ShippedModels;
import statescope.ui.StateScopeApp;
import statescope.ui.common.TaskRunner;
import statescope.ui.common.UiScale;
import statescope.ui.main.MainWindow;
import statescope.ui.session.BuiltinLanguageLibrary;
import statescope.ui.session.ModelLibrary;
import statescope.ui.session.SessionViewModel;

/**
 * Export of every view on the real window (parity with a random signed model, work on the calling
 * thread): SVG whose text is text (read back as XML), PNG at 1x/2x/4x, the context menu, Ctrl+Shift+S.
 */
@ExtendWith(ApplicationExtension.class)
class ExportViewsTest {

    @TempDir
    static Path dir;

    private MainWindow window;
    private ExportActions actions;
    private SessionViewModel vm;
    /** What the stub chooser was offered, and the file it answers with next. */
    private final List<List<Chooser.Kind>> offered = new ArrayList<>();
    private Chooser.Choice answer;

    static ModelLibrary randomModels(Path folder) {
        return new ModelLibrary(folder, ShippedModels::load);
    }

    @Start
    void start(Stage stage) {
        StateScopeApp.applyTheme();
        vm = new SessionViewModel(new BuiltinLanguageLibrary(), randomModels(dir), TaskRunner.immediate(),
                TaskRunner.immediate());
        window = StateScopeApp.buildRoot(vm);
        stage.setScene(new Scene(window, 1400, 900));
        stage.sizeToScene();                                          // the shared stage may keep an earlier class's size
        stage.getScene().getStylesheets().add(StateScopeApp.STYLESHEET);
        Chooser stub = new Chooser() {
            @Override
            public Choice save(String title, String suggestedName, List<Kind> kinds) {
                offered.add(kinds);
                return answer;
            }

            @Override
            public Path open(String title, Kind kind) {
                return answer == null ? null : answer.file();
            }
        };
        actions = ExportActions.install(window, vm, TaskRunner.immediate(), stub,
                new RecentSessions(RecentSessions.Store.memory()),
                StateScopeApp.scaleAccess(StateScopeApp.uiScale(UiScale.Store.memory())));
        stage.show();
        vm.start();
        var catalog = vm.views().catalog();
        catalog.select(catalog.languages().stream().filter(l -> l.id().equals("parity")).findFirst().orElseThrow());
        vm.views().input().setInput("01101");
    }

    private Node view(FxRobot robot, String id) {
        return robot.lookup("#" + id).query();
    }

    private void showTab(FxRobot robot, String tabId) {
        robot.interact(() -> window.tabs().getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst()
                .ifPresent(t -> window.tabs().getSelectionModel().select(t)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Every {@code <text>} of an SVG file, parsed as XML (so a malformed file fails here). */
    static List<String> svgTexts(Path file) throws Exception {
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        var doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(file)));
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        NodeList texts = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            out.add(texts.item(i).getTextContent().strip());
        }
        return out;
    }

    private Path export(FxRobot robot, String viewId, ViewExport.Format format, String name) {
        Path file = dir.resolve(name);
        robot.interact(() -> actions.jobs().exportView(view(robot, viewId), format, file));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Files.isRegularFile(file), () -> name + " not written: "
                + vm.views().status().messageProperty().get());
        return file;
    }

    @Test
    void everyViewsSvgHoldsItsLabelsAsText(FxRobot robot) throws Exception {
        List<String> automaton = svgTexts(export(robot, "automaton-view", ViewExport.Format.SVG, "automaton.svg"));
        assertTrue(automaton.contains("Reference machine"), automaton::toString);
        assertTrue(automaton.contains("even") && automaton.contains("odd"), () -> "state names: " + automaton);
        showTab(robot, "tab-heatmap");
        Path heatFile = export(robot, "heatmap-view", ViewExport.Format.SVG, "heat.svg");
        List<String> heat = svgTexts(heatFile);
        assertTrue(heat.contains("channel") && heat.contains("position t"), () -> "canvas text as text: " + heat);
        String heatSvg = Files.readString(heatFile);
        assertTrue(heatSvg.contains("crispEdges") && !heatSvg.contains("data:image/png"),
                "the heatmap's cells (and its colour bar) are rectangles, not an embedded picture");
        showTab(robot, "tab-gates");
        List<String> gates = svgTexts(export(robot, "gate-view", ViewExport.Format.SVG, "gates.svg"));
        assertTrue(gates.contains("position t"), gates::toString);
        showTab(robot, "tab-trajectory");
        List<String> traj = svgTexts(export(robot, "trajectory-view", ViewExport.Format.SVG, "traj.svg"));
        assertTrue(traj.contains("Trajectory") && traj.contains("automaton state"), traj::toString);
        showTab(robot, "tab-channels");
        List<String> chart = svgTexts(export(robot, "channel-chart-view", ViewExport.Format.SVG, "chart.svg"));
        assertTrue(chart.contains("position t") && chart.contains("channel 0"), () -> "JFreeSVG text: " + chart);
        showTab(robot, "tab-lengths");
        List<String> lengths = svgTexts(export(robot, "lengths-view", ViewExport.Format.SVG, "lengths.svg"));
        assertTrue(lengths.contains("Where it breaks"), lengths::toString);
        List<String> strip = svgTexts(export(robot, "prediction-strip", ViewExport.Format.SVG, "strip.svg"));
        assertTrue(strip.contains("Predictions"), strip::toString);
    }

    @Test
    void theProbesPageExportsOnItsOwnAsSvgWithItsLabelsAndAsPng(FxRobot robot) throws Exception {
        showTab(robot, "tab-lengths");
        robot.clickOn("#page-probes");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> probes = svgTexts(export(robot, "probe-view", ViewExport.Format.SVG, "probes.svg"));
        assertTrue(probes.contains("What it learned: per-layer probes") && probes.contains("held-out accuracy %"),
                probes::toString);
        assertTrue(String.join(" ", probes).replaceAll("\\s+", " ").contains("Automaton: true (filled) · belief (dashed)"),
                () -> "the machine's title whole (wrapped, not cut): " + probes);
        assertTrue(!probes.contains("Where it breaks"), "the page, not the whole tab: " + probes);
        int[] one = pngSize(export(robot, "probe-view", ViewExport.Format.PNG_1X, "probes1.png"));
        int[] four = pngSize(export(robot, "probe-view", ViewExport.Format.PNG_4X, "probes4.png"));
        assertEquals(4 * one[0], four[0], 4);
        Node bars = view(robot, "probe-bars");                         // a right click inside the page
        ContextMenu[] shown = new ContextMenu[1];
        actions.showMenu = (m, e) -> shown[0] = m;
        robot.interact(() -> {
            var b = bars.localToScreen(bars.getLayoutBounds());
            Event.fireEvent(bars, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 20, 20,
                    b.getMinX() + 20, b.getMinY() + 20, false, null));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(shown[0]);
        assertEquals("Export probes as SVG (vector)…", shown[0].getItems().getFirst().getText());
        robot.moveTo("#probe-bars");
        answer = new Chooser.Choice(dir.resolve("keyed-probes.svg"), 0);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(svgTexts(dir.resolve("keyed-probes.svg")).contains("What it learned: per-layer probes"),
                () -> "Ctrl+Shift+S over the page: " + vm.views().status().messageProperty().get());
    }

    /** Width and height from a PNG's IHDR. */
    static int[] pngSize(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        assertEquals("PNG", new String(b, 1, 3, StandardCharsets.US_ASCII));
        var buf = ByteBuffer.wrap(b, 16, 8);
        return new int[] {buf.getInt(), buf.getInt()};
    }

    @Test
    void pngAtOneTwoAndFourTimesTheSizeOnScreen(FxRobot robot) throws Exception {
        showTab(robot, "tab-heatmap");
        int[] one = pngSize(export(robot, "heatmap-view", ViewExport.Format.PNG_1X, "h1.png"));
        int[] two = pngSize(export(robot, "heatmap-view", ViewExport.Format.PNG_2X, "h2.png"));
        int[] four = pngSize(export(robot, "heatmap-view", ViewExport.Format.PNG_4X, "h4.png"));
        Node v = view(robot, "heatmap-view");
        assertEquals(Math.ceil(v.getLayoutBounds().getWidth()), one[0], 1);
        assertEquals(2 * one[0], two[0], 2);
        assertEquals(4 * one[1], four[1], 4);
        Image decoded = new Image(dir.resolve("h2.png").toUri().toString());   // a PNG decoder reads it
        assertEquals(two[0], decoded.getWidth(), 0.5);
        assertTrue(!decoded.isError());
    }

    @Test
    void contextMenuOfTheAutomatonOffersEveryFormatAndDot(FxRobot robot) throws Exception {
        Node automaton = view(robot, "automaton-view");
        ContextMenu[] shown = new ContextMenu[1];
        actions.showMenu = (m, e) -> shown[0] = m;
        robot.interact(() -> {
            var b = automaton.localToScreen(automaton.getLayoutBounds());
            Event.fireEvent(automaton, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 50, 50,
                    b.getMinX() + 50, b.getMinY() + 50, false, null));
        });
        WaitForAsyncUtils.waitForFxEvents();
        ContextMenu menu = shown[0];
        assertNotNull(menu, "a context-menu request shows the export menu");
        List<String> ids = menu.getItems().stream().map(MenuItem::getId).toList();
        assertTrue(ids.containsAll(List.of("export-svg", "export-png-1x", "export-png-2x", "export-png-4x",
                "export-dot")), ids::toString);
        answer = new Chooser.Choice(dir.resolve("menu.dot"), 0);
        robot.interact(() -> menu.getItems().stream().filter(i -> "export-dot".equals(i.getId())).findFirst()
                .orElseThrow().fire());
        String dot = Files.readString(dir.resolve("menu.dot"));
        assertTrue(dot.startsWith("digraph") && dot.contains("even") && dot.contains("odd"), dot);
    }

    @Test
    void ctrlShiftSExportsTheViewUnderTheMouse(FxRobot robot) throws Exception {
        showTab(robot, "tab-heatmap");
        robot.moveTo("#heatmap-view");
        answer = new Chooser.Choice(dir.resolve("keyed.svg"), 0);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, offered.getLast().size(), "SVG and PNG 1x/2x/4x offered");
        assertTrue(svgTexts(dir.resolve("keyed.svg")).contains("State heatmap"),
                () -> "the heatmap, not another view: " + vm.views().status().messageProperty().get());
    }

    @Test
    void theFileMenuHoldsSessionsAndExports() {
        List<String> ids = window.fileMenu().getItems().stream().map(MenuItem::getId).filter(i -> i != null).toList();
        assertEquals(List.of("menu-open-session", "menu-save-session", "menu-recent",
                "menu-export-view", "menu-export-window", "menu-export-trace", "menu-export-dot", "menu-vocab"), ids);
    }

    @Test
    void theWholeWindowAsPngAndAFailureInOneLine(FxRobot robot) throws Exception {
        answer = new Chooser.Choice(dir.resolve("window.png"), 0);
        robot.interact(() -> actions.jobs().exportWindow());
        int[] size = pngSize(dir.resolve("window.png"));
        assertEquals(1400, size[0], 1);
        assertEquals(900, size[1], 1);
        Path folder = Files.createDirectories(dir.resolve("a-folder.svg"));
        robot.interact(() -> actions.jobs().exportView(view(robot, "automaton-view"), ViewExport.Format.SVG, folder));
        String msg = vm.views().status().messageProperty().get();
        assertTrue(msg.startsWith("Could not write a-folder.svg: ") && !msg.contains("\n"), msg);
    }
}
