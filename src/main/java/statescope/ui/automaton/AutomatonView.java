package statescope.ui.automaton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.text.Text;
import statescope.lang.Dfa;
import statescope.ui.common.Bars;
import statescope.ui.common.UiScale;
import statescope.ui.common.ZoomPane;

/**
 * Draws the reference DFA (ELK layered layout), marks start and accepting states, highlights the
 * current state and the recent path, and for counter languages shows the counter configuration
 * instead ({@link CounterPlot}). States are nodes with style class {@code dfa-state} and id
 * {@code dfa-state-<index>}; the current one has the pseudo-class {@code :current}, edges on the trail
 * {@code :trail} and the last one {@code :last} (pseudo-classes, so a step restyles only what changed).
 */
public final class AutomatonView extends BorderPane {

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass LAST = PseudoClass.getPseudoClass("last");
    /** The trail by age: {@code :trail} the two transitions before the last, then fainter ones. */
    private static final PseudoClass TRAIL = PseudoClass.getPseudoClass("trail");
    private static final PseudoClass OLDER = PseudoClass.getPseudoClass("trail-older");
    private static final PseudoClass OLDEST = PseudoClass.getPseudoClass("trail-oldest");
    private static final PseudoClass[] AGED = {LAST, TRAIL, TRAIL, OLDER, OLDER, OLDEST, OLDEST, OLDEST};
    private static final List<PseudoClass> MARKS = List.of(LAST, TRAIL, OLDER, OLDEST);
    /** Transitions the trail shows (older ones are no longer marked). */
    static final int FADE = AGED.length;
    private static final PseudoClass ACCEPTED = PseudoClass.getPseudoClass("accepted");
    private static final PseudoClass REJECTED = PseudoClass.getPseudoClass("rejected");

    private final AutomatonViewModel vm;
    private final ZoomPane zoom = new ZoomPane();
    private final CounterPlot counter = new CounterPlot();
    private final Label config = new Label();
    private final HBox footer = new HBox(config);
    private final Text measure = new Text();
    private String configHead = "";
    private String configState = "";
    private final Label deadBanner = new Label("in the dead state: rejected for good");
    /** The machine's pane, below the dead-state banner while that shows. */
    private final BorderPane drawing = new BorderPane();
    private final Map<Integer, Group> stateNodes = new HashMap<>();
    private final Map<Long, Group> edgeNodes = new HashMap<>();
    private final Map<Long, Integer> ages = new HashMap<>();
    private final EdgeLabels labels = new EdgeLabels();
    private final List<StateLabel> stateLabels = new ArrayList<>();
    private final ChangeListener<Number> rescaled = (o, a, b) -> Platform.runLater(this::placeLabels);
    private AutomatonLayout.Result layout;
    private final BooleanProperty expanded = new SimpleBooleanProperty();
    private AutomatonLayout.Result wide;
    private AutomatonLayout.Result tall;

    public AutomatonView(AutomatonViewModel vm) {
        this.vm = vm;
        getStyleClass().add("automaton-view");
        setId("automaton-view");
        var title = new Label("Reference machine");
        title.getStyleClass().add("view-title");
        var collapse = new ToggleButton("Hide dead state");
        collapse.getStyleClass().add("small");
        collapse.selectedProperty().bindBidirectional(vm.collapseDeadProperty());
        var fit = new Button("Fit");
        fit.getStyleClass().add("small");
        fit.setOnAction(e -> zoom.fit());
        fit.setTooltip(new Tooltip("Show the whole automaton (wheel: zoom, drag: pan)"));
        var expand = new ToggleButton("Expand");
        expand.setId("automaton-expand");
        expand.getStyleClass().add("small");
        expand.selectedProperty().bindBidirectional(expanded);
        expanded.addListener((o, a, b) -> Platform.runLater(zoom::fit));
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        config.setId("automaton-config");
        Bars.tooltipWhenCut(config);
        config.getStyleClass().add("config-label");
        ObservableValue<Boolean> drawn = vm.dfaProperty().map(d -> true).orElse(false);
        collapse.visibleProperty().bind(vm.dfaProperty().map(d -> d.deadState().isPresent()).orElse(false));
        fit.visibleProperty().bind(drawn);                            // a counter plot has no dead state to hide, nothing to fit
        for (var b : List.of(collapse, fit)) {
            b.managedProperty().bind(b.visibleProperty());
        }
        var bar = new HBox(8, title, spacer, collapse, expand, fit);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("view-bar");
        setTop(bar);
        deadBanner.setId("dead-banner");
        deadBanner.getStyleClass().add("dead-banner");
        deadBanner.setVisible(false);
        deadBanner.managedProperty().bind(deadBanner.visibleProperty());   // a row of its own while shown: the
        BorderPane.setAlignment(deadBanner, Pos.CENTER);             // machine is fitted below it (drawn over the
        drawing.setTop(deadBanner);                                   // top of it, it hid edge labels)
        drawing.setCenter(zoom);
        setCenter(drawing);
        config.setWrapText(true);                                      // a long configuration wraps, never cut
        config.setMinHeight(Region.USE_PREF_SIZE);
        footer.getStyleClass().add("view-footer");
        footer.widthProperty().addListener((o, a, b) -> showConfig());
        config.fontProperty().addListener((o, a, b) -> showConfig());  // the UI scale, presentation mode
        setBottom(footer);
        vm.dfaProperty().addListener((o, a, b) -> {
            rebuild();
            zoom.fit();                                                // a new machine is shown whole
        });
        zoom.scaleProperty().addListener((o, a, b) -> placeLabels());
        // a new UI scale restyles the labels (font size) on the next pulse; place them after it
        UiScale.factorProperty().addListener(new WeakChangeListener<>(rescaled));
        vm.collapseDeadProperty().addListener((o, a, b) -> rebuild());
        vm.frameProperty().addListener((o, a, b) -> paint());
        ChangeListener<Number> resized = (o, a, b) -> {
            if (layout != null && pick() != layout) {
                layout = pick();
                draw();
            }
        };
        zoom.widthProperty().addListener(resized);
        zoom.heightProperty().addListener(resized);
        rebuild();
    }

    private void rebuild() {
        Dfa dfa = vm.dfaProperty().get();
        stateNodes.clear();
        edgeNodes.clear();
        if (dfa == null) {
            layout = null;
            setCenter(counter);
            paint();
            return;
        }
        if (getCenter() == counter) {
            setCenter(drawing);
        }
        boolean hide = vm.collapseDeadProperty().get();
        wide = AutomatonLayout.layout(dfa, hide, true);
        tall = AutomatonLayout.layout(dfa, hide, false);
        layout = pick();
        draw();
    }

    /**
     * "t = 20 · accepted · counts a=10 b=10 (phase b, remaining 0)" on one line where it fits, else the
     * configuration on a line of its own, its "(phase …)" on the next where that line is still too long
     * (and wrapped further past that): at 1280x720 in presentation mode a counter's counts, the point of
     * its scenes, were cut to "counts a=…".
     */
    private void showConfig() {
        if (configHead.isEmpty()) {
            return;                                                    // no frame yet
        }
        double room = footer.getWidth() - footer.snappedLeftInset() - footer.snappedRightInset()
                - config.snappedLeftInset() - config.snappedRightInset();
        String line = configHead + "   ·   " + configState;
        if (room <= 0 || fits(line, room)) {
            config.setText(line);
        } else if (fits(configState, room)) {
            config.setText(configHead + "\n" + configState);
        } else {
            config.setText(configHead + "\n" + configState.replaceFirst(" \\(", "\n("));
        }
    }

    private boolean fits(String text, double room) {
        measure.setFont(config.getFont());
        measure.setText(text);
        return measure.getLayoutBounds().getWidth() <= room;
    }

    /** Left to right unless top to bottom fits the pane clearly better. */
    private AutomatonLayout.Result pick() {
        double w = Math.max(zoom.getWidth(), 400);
        double h = Math.max(zoom.getHeight(), 300);
        return tall.fitScale(w, h) > 1.15 * wide.fitScale(w, h) ? tall : wide;
    }

    private void draw() {
        stateNodes.clear();
        edgeNodes.clear();
        labels.clear();
        stateLabels.clear();
        var g = new Group();
        for (var e : layout.edges()) {
            var edge = edgeNode(e);
            edgeNodes.put(((long) e.from() << 32) | e.to(), edge);
            g.getChildren().add(edge);
        }
        for (var nd : layout.nodes()) {
            var node = stateNode(nd);
            labels.addNode(nd);
            stateNodes.put(nd.state(), node);
            g.getChildren().add(node);
        }
        zoom.setContent(g);
        paint();
    }

    private Group stateNode(AutomatonLayout.Node nd) {
        double r = nd.h() / 2;
        double hw = nd.w() / 2;
        var shape = new Rectangle(nd.x() - hw, nd.y() - r, nd.w(), nd.h());
        shape.setArcWidth(nd.h());
        shape.setArcHeight(nd.h());
        shape.getStyleClass().add("state-circle");
        var group = new Group(shape);
        if (nd.accepting()) {
            var inner = new Rectangle(nd.x() - hw + 5, nd.y() - r + 5, nd.w() - 10, nd.h() - 10);
            inner.setArcWidth(nd.h() - 10);
            inner.setArcHeight(nd.h() - 10);
            inner.getStyleClass().add("state-inner");
            group.getChildren().add(inner);
        }
        var text = new Text(nd.label());
        text.getStyleClass().add("state-label");
        text.setTextOrigin(VPos.CENTER);
        text.setY(nd.y());
        var halo = new Rectangle();                                    // behind a label enlarged past its shape
        halo.getStyleClass().add("state-label-halo");
        halo.setVisible(false);
        var label = new StateLabel(text, halo, nd);
        // centred and shrunk to fit its shape whenever its size changes: the font is only known once the
        // text is in the scene and styled (the UI scale's stylesheet makes it larger than the layout's 14 px)
        text.layoutBoundsProperty().addListener((o, a, b) -> label.fit(zoom.scaleProperty().get()));
        label.fit(zoom.scaleProperty().get());
        stateLabels.add(label);
        group.getChildren().addAll(halo, text);
        if (nd.start()) {
            if (layout.horizontal()) {
                var arrow = new Line(nd.x() - hw - 34, nd.y(), nd.x() - hw - 4, nd.y());
                arrow.getStyleClass().add("start-arrow");
                var head = new Polygon(nd.x() - hw - 2, nd.y(), nd.x() - hw - 11, nd.y() - 5, nd.x() - hw - 11, nd.y() + 5);
                head.getStyleClass().add("start-arrow-head");
                group.getChildren().addAll(arrow, head);
            } else {
                var arrow = new Line(nd.x(), nd.y() - r - 34, nd.x(), nd.y() - r - 4);
                arrow.getStyleClass().add("start-arrow");
                var head = new Polygon(nd.x(), nd.y() - r - 2, nd.x() - 5, nd.y() - r - 11, nd.x() + 5, nd.y() - r - 11);
                head.getStyleClass().add("start-arrow-head");
                group.getChildren().addAll(arrow, head);
            }
        }
        group.getStyleClass().add("dfa-state");
        if (nd.accepting()) {
            group.getStyleClass().add("accepting");
        }
        if (nd.dead()) {
            group.getStyleClass().add("dead");
        }
        group.setId("dfa-state-" + nd.state());
        group.setUserData(nd.label());
        Tooltip.install(shape, new Tooltip(nd.label() + (nd.accepting() ? " (accepting)" : "")
                + (nd.dead() ? " (dead)" : "") + (nd.start() ? " (start)" : "")));   // its name at any zoom
        return group;
    }

    private Group edgeNode(AutomatonLayout.Edge e) {
        double[] p = e.points();
        var line = new Polyline(p);
        line.getStyleClass().add("edge-line");
        int m = p.length;
        double ex = p[m - 2];
        double ey = p[m - 1];
        double ang = Math.atan2(ey - p[m - 3], ex - p[m - 4]);
        double a1 = ang + Math.PI - 0.4;
        double a2 = ang + Math.PI + 0.4;
        var head = new Polygon(ex, ey, ex + 10 * Math.cos(a1), ey + 10 * Math.sin(a1),
                ex + 10 * Math.cos(a2), ey + 10 * Math.sin(a2));
        head.getStyleClass().add("edge-head");
        var label = new Label(e.label());
        label.getStyleClass().add("edge-label");
        label.setLayoutX(e.labelX());
        label.setLayoutY(e.labelY());
        labels.add(label, e);
        var g = new Group(line, head, label);
        Tooltip.install(line, new Tooltip(e.label()));
        g.getStyleClass().add("dfa-edge");
        return g;
    }

    private void paint() {
        var f = vm.frame();
        if (f == null) {
            return;
        }
        String verdict = f.rejected() ? "rejected" : f.accepting() ? "accepted" : "not accepted";
        configHead = "t = " + f.position() + "   ·   " + verdict;
        configState = f.config();
        showConfig();
        config.pseudoClassStateChanged(ACCEPTED, f.accepting());
        config.pseudoClassStateChanged(REJECTED, !f.accepting());
        if (layout == null) {
            counter.show(f);
            return;
        }
        for (var e : stateNodes.entrySet()) {
            e.getValue().pseudoClassStateChanged(CURRENT, e.getKey() == f.current());
        }
        Group here = stateNodes.get(f.current());
        zoom.focusOn(here == null ? null : here.getBoundsInParent());    // a big graph follows the current state
        ages.clear();
        int[] path = f.path();                                        // the last FADE transitions, newest first
        for (int i = path.length - 1, age = 0; i >= 1 && age < FADE; i--, age++) {
            ages.putIfAbsent(((long) path[i - 1] << 32) | path[i], age);
        }
        for (var e : edgeNodes.entrySet()) {                          // pseudo-classes: no restyle when unchanged
            int age = ages.getOrDefault(e.getKey(), FADE);
            for (var pc : MARKS) {
                e.getValue().pseudoClassStateChanged(pc, age < FADE && AGED[age] == pc);
            }
        }
        placeLabels();
        deadBanner.setVisible(layout.deadHidden() && !stateNodes.containsKey(f.current()));
    }

    /** Edge labels readable at the current zoom, the trail's newest first where they compete for room. */
    private void placeLabels() {
        for (StateLabel l : stateLabels) {
            l.fit(zoom.scaleProperty().get());
        }
        if (layout != null && getScene() != null) {
            labels.place(zoom.scaleProperty().get(),
                    e -> ages.getOrDefault(((long) e.from() << 32) | e.to(), Integer.MAX_VALUE));
        }
    }

    /** Height in screen pixels (times the UI scale) under which a state's name is drawn larger than its shape. */
    static final double STATE_MIN_PX = 8;

    /**
     * A state's name: shrunk to fit its shape, and where the zoom would draw it under {@value #STATE_MIN_PX}
     * px on the screen (a large machine fitted into the pane: D_12's numbers were 4-5 px, flip-flop's names 6)
     * drawn larger than its shape, at most 2.5 times, on a halo of the state's fill.
     */
    private static final class StateLabel {
        private final Text text;
        private final Rectangle halo;
        private final AutomatonLayout.Node nd;

        StateLabel(Text text, Rectangle halo, AutomatonLayout.Node nd) {
            this.text = text;
            this.halo = halo;
            this.nd = nd;
        }

        void fit(double zoom) {
            double w = text.getLayoutBounds().getWidth();
            double h = text.getLayoutBounds().getHeight();
            double inShape = w > nd.w() - 14 ? (nd.w() - 14) / w : 1;
            double font = text.getFont().getSize();
            double onScreen = font * inShape * zoom;
            double least = STATE_MIN_PX * UiScale.factor();
            double s = onScreen < least && zoom > 0 ? Math.min(2.5 * inShape, least / (font * zoom)) : inShape;
            text.setScaleX(s);
            text.setScaleY(s);
            text.setX(nd.x() - w / 2);
            boolean past = s > inShape + 1e-9;
            halo.setVisible(past);
            if (past) {
                double hw = w * s / 2 + 3;
                double hh = h * s / 2 + 1;
                halo.setX(nd.x() - hw);
                halo.setY(nd.y() - hh);
                halo.setWidth(2 * hw);
                halo.setHeight(2 * hh);
                halo.setArcWidth(2 * hh);
                halo.setArcHeight(2 * hh);
            }
        }
    }

    /** How old the transition {@code from → to} is in the trail (0 = the last one), or −1 when it is not on it. */
    public int trailAge(int from, int to) {
        return ages.getOrDefault(((long) from << 32) | to, -1);
    }

    /** Whether the user asked for more room (the main window widens this pane). */
    public BooleanProperty expandedProperty() {
        return expanded;
    }

    /** The index of the highlighted state, or −1 (for tests). */
    public int highlightedState() {
        return stateNodes.entrySet().stream().filter(e -> e.getValue().getPseudoClassStates().contains(CURRENT))
                .mapToInt(Map.Entry::getKey).findFirst().orElse(-1);
    }
}
