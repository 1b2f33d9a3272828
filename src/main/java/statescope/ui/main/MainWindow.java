package statescope.ui.main;

import java.util.List;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import statescope.inspect.ComputeBackend;
import statescope.ui.analysis.AnalysisViewModel;
import statescope.ui.analysis.LengthsView;
import statescope.ui.analysis.SessionBridge;
import statescope.ui.automaton.AutomatonView;
import statescope.ui.chart.ChannelChartView;
import statescope.ui.common.FxTaskRunner;
import statescope.ui.heatmap.HeatmapView;
import statescope.ui.prediction.PredictionStripView;
import statescope.ui.session.ModelChoice;
import statescope.ui.session.SessionViewModel;
import statescope.ui.trajectory.TrajectoryView;

/**
 * The main window: header with the model picker, the language catalog on the left, the input with its
 * token chips and the stepper on top, the automaton beside the analysis tabs, the prediction strip and
 * the status bar. Keys ←/→, Home/End and space step when the focus is not in a text field (Esc leaves
 * the input field).
 */
public final class MainWindow extends BorderPane {

    private final SessionViewModel vm;
    private final AutomatonView automaton;
    private final TabPane tabs = new TabPane();

    public MainWindow(SessionViewModel vm) {
        this(vm, new AnalysisViewModel(new SessionBridge(vm), new FxTaskRunner(),
                ComputeBackend.fromSetting(System.getenv("STATESCOPE_BACKEND"))::kernel));
    }

    /** With the instruments' view model given (its work on its own runner). */
    public MainWindow(SessionViewModel vm, AnalysisViewModel analysis) {
        this.vm = vm;
        getStyleClass().add("main-window");
        setId("main-root");
        setTop(header());
        var catalog = new CatalogPane(vm);
        catalog.setPrefWidth(270);
        setLeft(catalog);
        automaton = new AutomatonView(vm.automaton());
        var trajectory = new TrajectoryView(vm.trajectory(), vm.layersProperty());
        var stateMap = HeatmapView.state(vm.stateMap());
        var gates = HeatmapView.gates(vm.deltaMap(), vm.gateMap());
        var chart = new ChannelChartView(vm.chart(), vm.layersProperty());
        tabs.getTabs().addAll(
                tab("Trajectory", trajectory, "tab-trajectory"),
                tab("State heatmap", stateMap, "tab-heatmap"),
                tab("Gates Δ / Ā", gates, "tab-gates"),
                tab("Channels", chart, "tab-channels"),
                tab("Lengths", new LengthsView(analysis), "tab-lengths"));
        var shown = List.of(trajectory.shownProperty(), stateMap.shownProperty(), gates.shownProperty(),
                chart.shownProperty());
        for (int i = 0; i < shown.size(); i++) {                       // a view in a hidden tab draws when shown
            shown.get(i).bind(tabs.getTabs().get(i).selectedProperty());
        }
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        var split = new SplitPane(automaton, tabs);
        split.setDividerPositions(0.48);
        automaton.expandedProperty().addListener((o, a, b) -> split.setDividerPositions(b ? 0.8 : 0.48));
        var strip = new PredictionStripView(vm.strip(), vm::jumpTo, vm::jumpToDivergence);
        var input = new InputBar(vm);
        var center = new VBox(10, input, new StepperBar(vm), split, strip);
        center.getStyleClass().add("center-column");
        VBox.setVgrow(split, Priority.ALWAYS);
        setCenter(center);
        setBottom(new StatusBar(vm));
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean inText = getScene() != null && getScene().getFocusOwner() instanceof TextInputControl;
            if (e.getCode() == KeyCode.ESCAPE && inText) {
                requestFocus();
                e.consume();
                return;
            }
            if (inText || vm.busyProperty().get()) {
                return;
            }
            switch (e.getCode()) {
                case LEFT -> vm.back();
                case RIGHT -> vm.forward();
                case HOME -> vm.first();
                case END -> vm.last();
                case SPACE -> vm.togglePlay();
                default -> {
                    return;
                }
            }
            e.consume();
        });
        setFocusTraversable(true);
    }

    private HBox header() {
        var title = new Label("StateScope");
        title.getStyleClass().add("app-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        var language = new Label();
        language.getStyleClass().add("header-language");
        language.textProperty().bind(vm.languageProperty().map(l -> l.name() + " — " + l.description()));
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var models = new ComboBox<ModelChoice>(vm.modelChoices());
        models.setId("model-picker");
        models.setPrefWidth(300);
        models.setMinWidth(200);
        vm.modelChoiceProperty().addListener((o, a, b) -> models.setValue(b));
        models.setOnAction(e -> {
            ModelChoice c = models.getValue();
            if (c != null && c != vm.modelChoiceProperty().get()) {
                vm.selectModel(c);
            }
        });
        var open = new Button("Open checkpoint…");
        open.setMinWidth(Region.USE_PREF_SIZE);
        var modelLabel = new Label("Model");
        modelLabel.setMinWidth(Region.USE_PREF_SIZE);
        language.setMinWidth(0);
        open.setOnAction(e -> {
            var chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("checkpoint manifest", "*.json"));
            var f = chooser.showOpenDialog(getScene().getWindow());
            if (f != null) {
                vm.openCheckpoint(f.toPath());
            }
        });
        var modelError = new Label();
        modelError.setId("model-error");
        modelError.getStyleClass().add("inline-error");
        modelError.textProperty().bind(vm.modelErrorProperty());
        modelError.visibleProperty().bind(vm.modelErrorProperty().isNotEmpty());
        modelError.managedProperty().bind(modelError.visibleProperty());
        modelError.setMaxWidth(360);
        var box = new HBox(14, title, new Separator(), language, spacer, modelError, modelLabel, models, open);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("header");
        return box;
    }

    private static final class Separator extends javafx.scene.control.Separator {
        Separator() {
            super(Orientation.VERTICAL);
        }
    }

    private static Tab tab(String name, javafx.scene.Node content, String id) {
        var t = new Tab(name, content);
        t.setId(id);
        return t;
    }

    public AutomatonView automatonView() {
        return automaton;
    }

    public TabPane tabs() {
        return tabs;
    }
}
