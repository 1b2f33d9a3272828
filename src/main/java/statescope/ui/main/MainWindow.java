package statescope.ui.main;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import statescope.ui.analysis.AnalysisViewModel;
import statescope.ui.analysis.LengthsView;
import statescope.ui.automaton.AutomatonView;
import statescope.ui.chart.ChannelChartView;
import statescope.ui.common.UiScale;
import statescope.ui.heatmap.HeatmapView;
import statescope.ui.prediction.PredictionStripView;
import statescope.ui.session.CompareViewModel;
import statescope.ui.session.StepperViewModel;
import statescope.ui.session.WindowModels;
import statescope.ui.trajectory.TrajectoryView;

/**
 * The main window: header with the model picker, the language catalog on the left, the input with its
 * token chips and the stepper on top, the automaton beside the analysis tabs, the prediction strip and
 * the status bar. Keys ←/→, Home/End and space step when the focus is not in a text field (Esc leaves
 * the input field); H hides or shows the future (verdicts after the current position); C opens
 * or closes compare mode (two models on the same input).
 */
public final class MainWindow extends BorderPane {

    private final AutomatonView automaton;
    private final TabPane tabs = new TabPane();
    private final HeaderBar header;
    private final CatalogPane catalog;
    private final StepperViewModel stepper;
    private final CompareViewModel compare;

    /** The window over the panes' view models, and the instruments' view model (its work on its own runner). */
    public MainWindow(WindowModels views, AnalysisViewModel analysis) {
        getStyleClass().add("main-window");
        setId("main-root");
        header = new HeaderBar(views.header());
        setTop(header);
        catalog = new CatalogPane(views.catalog());
        catalog.prefWidthProperty().bind(UiScale.factorProperty().multiply(270));
        catalog.minWidthProperty().bind(UiScale.factorProperty().multiply(200));
        setLeft(catalog);
        automaton = new AutomatonView(views.automaton());
        var trajectory = new TrajectoryView(views.trajectory(), views.layers());
        var stateMap = HeatmapView.state(views.stateMap());
        var gates = HeatmapView.gates(views.deltaMap(), views.gateMap());
        var chart = new ChannelChartView(views.chart(), views.layers());
        tabs.getTabs().addAll(
                tab("Trajectory", trajectory, "tab-trajectory"),
                tab("Heatmap", stateMap, "tab-heatmap"),
                tab("Gates", gates, "tab-gates"),
                tab("Channels", chart, "tab-channels"),
                tab("Lengths", scrolled(new LengthsView(analysis), "analysis-scroll"), "tab-lengths"));
        var shown = List.of(trajectory.shownProperty(), stateMap.shownProperty(), gates.shownProperty(),
                chart.shownProperty());
        for (int i = 0; i < shown.size(); i++) {                       // a view in a hidden tab draws when shown
            shown.get(i).bind(tabs.getTabs().get(i).selectedProperty());
        }
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        var split = new SplitPane(automaton, tabs);
        split.setDividerPositions(0.48);
        automaton.expandedProperty().addListener((o, a, b) -> split.setDividerPositions(b ? 0.8 : 0.48));
        stepper = views.stepper();
        var strip = new PredictionStripView(views.strip(), stepper::jumpTo, stepper::jumpToDivergence);
        var input = new InputBar(views.input(), views.strip(), stepper::jumpTo);
        compare = views.compare();
        var compareStrip = new CompareStripView(compare, views.header().modelChoices(), stepper::jumpTo);
        strip.visibleProperty().bind(compare.activeProperty().not());     // the compare strip holds A's row
        strip.managedProperty().bind(strip.visibleProperty());
        var center = new VBox(10, input, new StepperBar(stepper), split, strip, compareStrip);
        center.getStyleClass().add("center-column");
        VBox.setVgrow(split, Priority.ALWAYS);
        setCenter(center);
        setBottom(new StatusBar(views.status()));
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean inText = getScene() != null && getScene().getFocusOwner() instanceof TextInputControl;
            if (e.getCode() == KeyCode.ESCAPE && inText) {
                requestFocus();
                e.consume();
                return;
            }
            if (inText || stepper.busyProperty().get()) {
                return;
            }
            switch (e.getCode()) {
                case LEFT -> stepper.back();
                case RIGHT -> stepper.forward();
                case HOME -> stepper.first();
                case END -> stepper.last();
                case SPACE -> stepper.togglePlay();
                case H -> stepper.hideFutureProperty().set(!stepper.hideFutureProperty().get());
                case C -> toggleCompare();
                default -> {
                    return;
                }
            }
            e.consume();
        });
        setFocusTraversable(true);
    }

    /** Opens the language's canonical pair side by side (C, View ▸ Compare), or leaves compare mode. */
    public void toggleCompare() {
        if (compare.activeProperty().get()) {
            compare.close();
        } else {
            compare.openCanonicalPair();
        }
    }

    private static Tab tab(String name, Node content, String id) {
        var t = new Tab(name, content);
        t.setId(id);
        return t;
    }

    /**
     * The analysis tab's content in a scroll pane that fills the tab (the content takes the tab's size)
     * and scrolls only where the content cannot shrink that far (its bars at 1280x720, more views later).
     */
    private static ScrollPane scrolled(Node content, String id) {
        var s = new ScrollPane(content);
        s.setId(id);
        s.setFitToWidth(true);
        s.setFitToHeight(true);
        s.getStyleClass().add("tab-scroll");
        return s;
    }

    /** Shows or hides the language catalog (presentation mode hides it). */
    public void setCatalogShown(boolean shown) {
        setLeft(shown ? catalog : null);
    }

    /** The header's View menu (scale, presentation mode, theme). */
    public MenuButton viewMenu() {
        return header.view;
    }

    /** The stepper the window's keys drive (presentation mode turns its "hide the future" on). */
    public StepperViewModel stepper() {
        return stepper;
    }

    public AutomatonView automatonView() {
        return automaton;
    }

    public TabPane tabs() {
        return tabs;
    }
}
