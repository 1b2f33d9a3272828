package statescope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import statescope.inspect.CatalogLanguages;
import statescope.inspect.ShippedModels;
import statescope.ui.common.TaskRunner;
import statescope.ui.export.ViewExport;
import statescope.ui.main.MainWindow;
import statescope.ui.session.LanguageLibrary;
import statescope.ui.session.ModelLibrary;
import statescope.ui.session.SessionViewModel;

/**
 * The real window on the shipped D_12 models (constructed first, then trained): the state heatmap names
 * the constructed model's channels in its row labels, its hover readout and its SVG export; in compare
 * mode (constructed A against trained B) the heatmap's lower block reads B's cells and the channel chart
 * plots B's channels below A's.
 */
@ExtendWith(ApplicationExtension.class)
class NamedChannelsViewTest {

    private SessionViewModel vm;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        StateScopeApp.applyTheme();
        vm = new SessionViewModel((LanguageLibrary) CatalogLanguages::all,
                new ModelLibrary(Path.of("assets/models"), ShippedModels::load), TaskRunner.immediate(),
                TaskRunner.immediate());
        window = StateScopeApp.buildRoot(vm);
        stage.setScene(new Scene(window, 1400, 900));
        stage.getScene().getStylesheets().add(StateScopeApp.STYLESHEET);
        stage.show();
    }

    /** D_12 (its constructed model first), a word, the Heatmap tab: on the FX thread, out of {@code @Start}'s time limit. */
    private void openD12(FxRobot robot) {
        robot.interact(() -> {
            var catalog = vm.views().catalog();
            catalog.select(catalog.languages().stream().filter(l -> l.id().equals("d-12")).findFirst().orElseThrow());
            vm.views().input().setInput("aababbaabb");
            window.tabs().getSelectionModel().select(1);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Region heatCanvas(FxRobot robot) {
        return robot.lookup("#heatmap-view .heatmap-canvas").queryAs(Region.class);
    }

    /** The heatmap's hover readout after the mouse moves to (x, y) of its canvas (fractions of its size). */
    private String hover(FxRobot robot, double fx, double fy) {
        var canvas = heatCanvas(robot);
        Point2D p = canvas.localToScreen(canvas.getWidth() * fx, canvas.getHeight() * fy);
        robot.moveTo(p);
        WaitForAsyncUtils.waitForFxEvents();
        Label readout = robot.lookup("#heatmap-view .hover-readout").queryAs(Label.class);
        return readout.isVisible() ? readout.getText() : "";
    }

    @Test
    void theConstructedModelsChannelsAreNamedAndBShowsBelowAInCompareMode(FxRobot robot) {
        openD12(robot);
        assertEquals("constructed · d-12", vm.views().header().modelChoiceProperty().get().label());
        robot.interact(() -> vm.views().stepper().jumpTo(6));
        WaitForAsyncUtils.waitForFxEvents();
        var rows = 8;                                                 // the cells span TOP 12 .. height − 48
        var canvas = heatCanvas(robot);
        double top = 12 / canvas.getHeight();
        double cells = (canvas.getHeight() - 60) / canvas.getHeight();
        String cell = hover(robot, 0.5, top + cells * 3.5 / rows);
        assertTrue(cell.contains("channel 3 · depth · h = "), cell);
        String label = hover(robot, 0.05, top + cells * 3.5 / rows);  // over the row label: the channel in full
        assertEquals("layer 1 · channel 3 · depth", label);
        var texts = new String[1];
        robot.interact(() -> texts[0] = ViewExport.svg(robot.lookup("#heatmap-view").query()));
        for (String name : List.of("0 · constant 1", "3 · depth", "4 · unused")) {
            assertTrue(texts[0].contains(">" + name + "<"), "the SVG export labels the rows: " + name);
        }

        robot.interact(window::openConstructedPair);                   // constructed A, trained B
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.views().compare().activeProperty().get());
        String b = hover(robot, 0.5, 0.55);                           // the lower block: model B's cells
        assertTrue(b.startsWith("B · trained · t = "), b);
        assertTrue(b.matches(".* · channel \\d+ · h = .*"), "the trained model's channels are numbered: " + b);
        String a = hover(robot, 0.5, 0.1);
        assertTrue(a.startsWith("A · constructed · t = "), a);

        robot.interact(() -> window.tabs().getSelectionModel().select(3));
        WaitForAsyncUtils.waitForFxEvents();
        ChartViewer viewer = robot.from(robot.lookup("#channel-chart-view").queryAll())
                .lookup((Node n) -> n instanceof ChartViewer).queryAs(ChartViewer.class);
        var plot = (CombinedDomainXYPlot) viewer.getChart().getPlot();
        assertEquals(2, plot.getSubplots().size(), "A's plot above B's");
        var keysA = plot.getSubplots().get(0).getDataset();
        var keysB = plot.getSubplots().get(1).getDataset();
        assertEquals("A · 3 · depth", keysA.getSeriesKey(3));
        assertEquals("B · channel 3", keysB.getSeriesKey(3));

        robot.interact(window::toggleCompare);                          // single mode again: one plot
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(viewer.getChart().getPlot() instanceof CombinedDomainXYPlot);
        assertEquals("3 · depth", viewer.getChart().getXYPlot().getDataset().getSeriesKey(3));
    }
}
