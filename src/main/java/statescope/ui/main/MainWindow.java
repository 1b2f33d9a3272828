package statescope.ui.main;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ObservableList;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollPane;
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
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.util.Duration;
import statescope.ui.analysis.AnalysisViewModel;
import statescope.ui.analysis.LengthsView;
import statescope.ui.automaton.AutomatonView;
import statescope.ui.chart.ChannelChartView;
import statescope.ui.common.Bars;
import statescope.ui.common.UiScale;
import statescope.ui.heatmap.HeatmapView;
import statescope.ui.prediction.PredictionStripView;
import statescope.ui.session.CompareViewModel;
import statescope.ui.session.ModelChoice;
import statescope.ui.session.StepperViewModel;
import statescope.ui.session.Story;
import statescope.ui.session.StatusViewModel;
import statescope.ui.session.StoryPlayer;
import statescope.ui.session.WindowModels;
import statescope.ui.trajectory.TrajectoryView;

/**
 * The main window: header with the model picker, the language catalog on the left, the input with its
 * token chips and the stepper on top, the automaton beside the analysis tabs, the prediction strip and
 * the status bar. Keys ←/→, Home/End and space step when the focus is not in a text field (Esc leaves
 * the input field); H hides or shows the future (verdicts after the current position); C opens
 * or closes compare mode (two models on the same input, the language's canonical pair), Shift+C compares
 * its constructed model with its trained one. With a story open, PageDown/PageUp move between
 * its scenes, as → at the input's end and ← at its start do.
 */
public final class MainWindow extends BorderPane {

    /** How long after start the app waits before {@link #attachTabsLater} joins the hidden tabs. */
    public static final Duration TABS_LATER = Duration.seconds(2);

    private final AutomatonView automaton;
    private final TabPane tabs = new TabPane();
    private final Map<Tab, Node> pendingContent = new LinkedHashMap<>();  // tab → content not yet in the scene
    private final HeaderBar header;
    private final CatalogPane catalog;
    private final StepperViewModel stepper;
    private final CompareViewModel compare;
    private final StoryPlayer story;
    private final Supplier<List<String>> languageIds;
    private final InputBar input;
    private final ObservableList<ModelChoice> modelChoices;
    private final StatusBar status;
    private final StatusViewModel statusModel;
    private boolean presenting;

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
        compare = views.compare();
        modelChoices = views.header().modelChoices();
        var trajectory = new TrajectoryView(views.trajectory(), views.layers());
        var trajectoryB = new TrajectoryView(compare.trajectory(), compare.layersProperty());
        trajectoryB.setId("trajectory-view-b");
        var stateMap = HeatmapView.state(views.stateMap());
        var gates = HeatmapView.gates(views.deltaMap(), views.gateMap());
        var layersAB = Bindings.createIntegerBinding(() -> Math.max(views.layers().get(),
                compare.activeProperty().get() ? compare.layersProperty().get() : 0), views.layers(),
                compare.activeProperty(), compare.layersProperty());   // compare mode: the deeper model's layers
        var chart = new ChannelChartView(views.chart(), layersAB);
        var nameA = Bindings.createStringBinding(() -> modelName(0), compare.frameProperty());
        var nameB = Bindings.createStringBinding(() -> modelName(1), compare.frameProperty());
        var comparing = compare.activeProperty();                      // B below A in the heatmaps, gates, channels
        stateMap.compare(comparing, nameA, nameB, compare.stateMap());
        gates.compare(comparing, nameA, nameB, compare.gateMap(), compare.deltaMap());
        chart.compare(compare.chart(), comparing, nameA, nameB);
        tabs.getTabs().addAll(
                tab("Trajectory", new TrajectoriesPane(trajectory, trajectoryB, compare), "tab-trajectory"),
                tab("Heatmap", stateMap, "tab-heatmap"),
                tab("Gates", gates, "tab-gates"),
                tab("Channels", chart, "tab-channels"),
                tab("Analysis", scrolled(new LengthsView(analysis), "analysis-scroll"), "tab-lengths"));
        var shown = List.of(trajectory.shownProperty(), stateMap.shownProperty(), gates.shownProperty(),
                chart.shownProperty());
        for (int i = 0; i < shown.size(); i++) {                       // a view in a hidden tab draws when shown
            shown.get(i).bind(tabs.getTabs().get(i).selectedProperty());
        }
        trajectoryB.shownProperty().bind(tabs.getTabs().get(0).selectedProperty().and(compare.activeProperty()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        var split = new SplitPane(automaton, tabs);
        split.setDividerPositions(0.48);
        automaton.expandedProperty().addListener((o, a, b) -> split.setDividerPositions(b ? 0.8 : 0.48));
        stepper = views.stepper();
        var strip = new PredictionStripView(views.strip(), stepper::jumpTo, stepper::jumpToDivergence);
        input = new InputBar(views.input(), views.strip(), stepper::jumpTo);
        var compareStrip = new CompareStripView(compare, views.header().modelChoices(), stepper::jumpTo);
        strip.visibleProperty().bind(compare.activeProperty().not());     // the compare strip holds A's row
        strip.managedProperty().bind(strip.visibleProperty());
        story = new StoryPlayer(views, name -> tabs.getSelectionModel().select(
                Math.max(0, List.of(Story.TABS.split(", ")).indexOf(name))));
        languageIds = () -> views.catalog().languages().stream().map(l -> l.id()).toList();
        var center = new VBox(10, storyBar(), input, new StepperBar(stepper), split, strip, compareStrip);
        center.getStyleClass().add("center-column");
        VBox.setVgrow(split, Priority.ALWAYS);
        setCenter(center);
        statusModel = views.status();
        status = new StatusBar(statusModel);
        setBottom(status);
        story.openProperty().addListener((o, a, b) -> fitPresenting());
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.heightProperty().addListener((x, y, z) -> fitPresenting());
                if (a == null) {                                       // the keys step the model from the start:
                    Platform.runLater(this::requestFocus);            // the scene's first control, the model picker,
                }                                                      // took ↑/↓ and changed the model
            }
        });
        UiScale.factorProperty().addListener((o, a, b) -> fitPresenting());
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean inText = getScene() != null && getScene().getFocusOwner() instanceof TextInputControl;
            if (storyKey(e.getCode(), inText)) {
                e.consume();
                return;
            }
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
                case C -> {
                    if (e.isShiftDown()) {
                        openConstructedPair();
                    } else {
                        toggleCompare();
                    }
                }
                default -> {
                    return;
                }
            }
            e.consume();
        });
        setFocusTraversable(true);
    }

    /** What tells compare mode's model A ({@code which} 0) or B (1) apart ("nonneg", "signed"), or "" before a frame. */
    private String modelName(int which) {
        var f = compare.frame();
        return f == null ? "" : CompareStripView.distinct(f.labelA(), f.labelB())[which];
    }

    /** Opens the language's canonical pair side by side (C, View ▸ Compare), or leaves compare mode. */
    public void toggleCompare() {
        if (compare.activeProperty().get()) {
            compare.close();
        } else {
            compare.openCanonicalPair();
        }
    }

    /**
     * Compares the language's constructed model (A) with its trained one (B), Shift+C or View ▸ Compare
     * constructed with trained; nothing when the language does not have both.
     */
    public void openConstructedPair() {
        compare.openConstructedPair(modelChoices);
    }

    /** Whether the open language has a constructed and a trained model (the menu item's state). */
    public BooleanBinding constructedPairAvailable() {
        return Bindings.createBooleanBinding(() -> CompareViewModel.constructedPair(modelChoices).isPresent(),
                modelChoices);
    }

    /** The story's caption and a story's error, above the input while a story is open. */
    private HBox storyBar() {
        var caption = new Label();
        caption.setId("story-caption");
        caption.getStyleClass().add("story-caption");
        caption.textProperty().bind(story.captionProperty());
        caption.setWrapText(true);
        caption.setMinWidth(0);
        caption.fontProperty().addListener((o, a, f) -> twoLines(caption, f));   // CSS and presentation mode
        twoLines(caption, caption.getFont());
        Bars.tooltipWhenCut(caption);
        HBox.setHgrow(caption, Priority.ALWAYS);
        caption.setMaxWidth(Double.MAX_VALUE);
        var error = new Label();
        error.setId("story-error");
        error.getStyleClass().add("inline-error");
        error.textProperty().bind(story.errorProperty());
        error.setWrapText(true);
        error.setMinWidth(0);
        error.visibleProperty().bind(story.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        var close = new Button("Close story");
        close.setId("story-close");
        close.getStyleClass().add("small");
        close.setMinWidth(Region.USE_PREF_SIZE);
        close.setOnAction(e -> {                                       // the focus to the window, as during the story:
            requestFocus();                                            // left on the hidden button, it went to the
            story.close();                                             // input field, all selected, and the next
        });                                                            // Space (play) replaced the input
        var bar = new HBox(10, caption, error, close);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("story-bar");
        bar.visibleProperty().bind(story.openProperty().or(story.errorProperty().isNotEmpty()));
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    /**
     * Holds a wrapping label at exactly two lines of its font: a caption wraps onto a second line rather
     * than being cut at one, a longer one ends in "…" (its tooltip has it whole), and the bar keeps one
     * height from scene to scene, so nothing under it moves when the speaker pages on.
     */
    static void twoLines(Label label, Font font) {
        var probe = new Text("Ag\nAg");
        probe.setFont(font);
        double h = Math.ceil(probe.getLayoutBounds().getHeight()) + label.getInsets().getTop()
                + label.getInsets().getBottom() + 0.4 * font.getSize();   // the label's own line metrics: room to spare
        label.setMinHeight(h);
        label.setPrefHeight(h);
        label.setMaxHeight(h);
    }

    /**
     * With a story open: PageDown/PageUp (what presentation clickers send) move between scenes, and
     * outside a text field → at the input's end and ← at its start do too.
     */
    private boolean storyKey(KeyCode key, boolean inText) {
        if (story.story() == null) {
            return false;
        }
        int t = stepper.positionProperty().get();
        boolean atEnd = t >= stepper.lengthProperty().get();
        switch (key) {
            case PAGE_DOWN -> story.next();
            case PAGE_UP -> story.previous();
            case RIGHT -> {
                if (inText || !atEnd) {
                    return false;
                }
                story.next();
            }
            case LEFT -> {
                if (inText || t > 0) {
                    return false;
                }
                story.previous();
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Opens a story file (docs/presenting.md) at its first scene; a bad file is named with its scene and field. */
    public void openStory(Path file) {
        try {
            Story parsed = Story.parse(Files.readString(file, StandardCharsets.UTF_8), languageIds.get());
            List<String> problems = story.problems(parsed);                // found now, not on stage
            if (!problems.isEmpty()) {
                story.refused(file.getFileName() + ": " + problems.getFirst() + (problems.size() == 1 ? ""
                        : " (and " + (problems.size() - 1) + " more: " + String.join("; ", problems.subList(1,
                        problems.size())) + ")"));
                return;
            }
            story.open(parsed);
        } catch (IOException e) {
            story.refused("cannot read story " + file.getFileName() + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            story.refused(file.getFileName() + ": " + e.getMessage());
        }
    }

    public StoryPlayer storyPlayer() {
        return story;
    }

    /**
     * A tab whose content joins the scene when the tab is first selected, or a while after start-up
     * ({@link #attachTabsLater}): the start-up's first CSS and layout pass then covers the shown tab only
     * (about 0.45 s less to the first frame on this 2-core machine, docs/performance.md). The views
     * themselves exist from the start, bound to their models.
     */
    private Tab tab(String name, Node content, String id) {
        var t = new Tab(name);
        t.setId(id);
        pendingContent.put(t, content);
        t.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                attach(t);
            }
        });
        return t;
    }

    private void attach(Tab t) {
        Node content = pendingContent.remove(t);
        if (content != null) {
            t.setContent(content);
        }
    }

    /**
     * Once the first step is shown, puts the unselected tabs' contents into the scene one at a time, in the
     * background of the FX thread's frames ({@code delay}, then one every 150 ms), so that a tab's first
     * selection later does not pay their first CSS and layout pass (about 0.1 s each here).
     */
    public void attachTabsLater(Duration delay) {
        var next = new PauseTransition(delay);
        next.setOnFinished(e -> {
            if (pendingContent.isEmpty()) {
                return;
            }
            attach(pendingContent.keySet().iterator().next());
            next.setDuration(Duration.millis(150));
            next.playFromStart();
        });
        next.play();
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

    /**
     * Presentation mode's layout: the catalog hidden and, on a short screen (under
     * {@value #CRAMPED_HEIGHT} px of height at the UI scale, as 1280x720 at 1.6x), the status bar and the
     * token chips too (the strip shows the same tokens with their positions), and while a story is open the
     * header as well (the story's caption names the scene; Esc leaves presentation mode and brings it back),
     * so the machine and the plots keep their room.
     */
    public void setPresenting(boolean on) {
        presenting = on;
        setCatalogShown(!on);
        fitPresenting();
    }

    /** Height, in pixels at UI scale 1, under which presentation mode sheds the status bar and the chips. */
    public static final double CRAMPED_HEIGHT = 560;

    private void fitPresenting() {
        boolean cramped = presenting && getScene() != null
                && getScene().getHeight() / UiScale.factor() < CRAMPED_HEIGHT;
        setBottom(cramped ? null : status);
        setTop(cramped && story.openProperty().get() ? null : header);
        input.setChipsShown(!cramped);
    }

    /** Shows one line in the status bar. */
    public void report(String line) {
        statusModel.report(line);
    }

    /** Takes {@code line} off the status bar if it is still shown there; returns whether it was. */
    public boolean withdraw(String line) {
        return statusModel.withdraw(line);
    }

    /** Shows one line in the status bar, drawn as a problem. */
    public void reportProblem(String line) {
        statusModel.reportProblem(line);
    }

    /** The header's View menu (scale, presentation mode, theme). */
    public MenuButton viewMenu() {
        return header.view;
    }

    /** The header's File menu (sessions and export). */
    public MenuButton fileMenu() {
        return header.file;
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
