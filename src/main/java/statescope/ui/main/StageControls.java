package statescope.ui.main;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import statescope.ui.common.UiScale;

/**
 * What the window does for a speaker: the UI scale (Ctrl+= larger, Ctrl+- smaller, Ctrl+0 back to 1;
 * kept between runs), presentation mode (F5 or View ▸ Presentation mode: full screen, catalog hidden,
 * scale at least {@value #PRESENTING_SCALE}, high-contrast styling, a large position counter, the future
 * hidden (H or View ▸ Hide the future toggles it); Esc leaves) and the light or dark theme. All of it is also in the header's View menu.
 */
public final class StageControls {

    /** The smallest UI scale in presentation mode. */
    public static final double PRESENTING_SCALE = 1.6;
    /**
     * The room the layout needs, in pixels at UI scale 1: with the catalog (1280x720 at scale 1 holds it,
     * with a little to spare) and in presentation mode, without it (1280x720 at {@value #PRESENTING_SCALE}).
     */
    static final double NEED_WIDTH = 1240;
    static final double NEED_HEIGHT = 690;
    static final double NEED_WIDTH_PRESENTING = 800;
    static final double NEED_HEIGHT_PRESENTING = 450;

    private final Stage stage;
    private final Scene scene;
    private final MainWindow window;
    private final UiScale scale;
    private final CheckMenuItem presentItem = new CheckMenuItem("Presentation mode\tF5");
    private final CheckMenuItem hideItem = new CheckMenuItem("Hide the future\t\tH");
    private boolean presenting;
    private boolean hidingBefore;
    /** The "Scale … waits for a larger window" line last shown, or null. */
    private String notice;

    private StageControls(Stage stage, MainWindow window, UiScale scale) {
        this.stage = stage;
        this.scene = window.getScene();
        this.window = window;
        this.scale = scale;
    }

    /** Installs scale, presentation mode and theme on the stage showing {@code window} (its scene is set). */
    public static StageControls install(Stage stage, MainWindow window, UiScale scale) {
        var c = new StageControls(stage, window, scale);
        c.wire();
        return c;
    }

    private void wire() {
        fitRoom();
        restyle();
        UiScale.factorProperty().addListener((o, a, b) -> restyle());
        scene.widthProperty().addListener((o, a, b) -> fitRoom());
        scene.heightProperty().addListener((o, a, b) -> fitRoom());
        var acc = scene.getAccelerators();
        acc.put(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN), this::larger);
        acc.put(new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN), this::larger);
        acc.put(new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN), this::larger);
        acc.put(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), this::smaller);
        acc.put(new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN), this::smaller);
        acc.put(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN), this::reset);
        acc.put(new KeyCodeCombination(KeyCode.NUMPAD0, KeyCombination.SHORTCUT_DOWN), this::reset);
        acc.put(new KeyCodeCombination(KeyCode.F5), () -> setPresenting(!presenting));
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {                // Esc not taken by a text field
            if (e.getCode() == KeyCode.ESCAPE && presenting) {
                setPresenting(false);
                e.consume();
            }
        });
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);   // Esc is ours: in the input field it
                                                                     // leaves the field, not the talk
        stage.fullScreenProperty().addListener((o, a, full) -> {      // the window manager ended full screen
            if (!full && presenting) {
                setPresenting(false);
            }
        });
        stage.setFullScreenExitHint("Esc leaves presentation mode");
        fillMenu();
    }

    private void fillMenu() {
        var larger = new MenuItem("Larger\tCtrl+=");
        larger.setOnAction(e -> larger());
        var smaller = new MenuItem("Smaller\tCtrl+-");
        smaller.setOnAction(e -> smaller());
        var reset = new MenuItem("Actual size\tCtrl+0");
        reset.setOnAction(e -> reset());
        presentItem.setId("menu-present");
        presentItem.setOnAction(e -> setPresenting(presentItem.isSelected()));
        hideItem.setId("menu-hide-future");
        hideItem.selectedProperty().bindBidirectional(window.stepper().hideFutureProperty());
        var compare = new MenuItem("Compare two models\tC");
        compare.setId("menu-compare");
        compare.setOnAction(e -> window.toggleCompare());
        var constructed = new MenuItem("Compare constructed with trained\tShift+C");
        constructed.setId("menu-compare-constructed");
        constructed.disableProperty().bind(window.constructedPairAvailable().not());
        constructed.setOnAction(e -> window.openConstructedPair());
        var openStory = new MenuItem("Open story…");
        openStory.setId("menu-story");
        openStory.setOnAction(e -> {
            var chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("story", "*.json"));
            var f = chooser.showOpenDialog(stage);
            if (f != null) {
                window.openStory(f.toPath());
            }
        });
        var themes = new ToggleGroup();
        var light = new RadioMenuItem("Light theme");
        var dark = new RadioMenuItem("Dark theme");
        light.setToggleGroup(themes);
        dark.setToggleGroup(themes);
        light.setSelected(true);
        light.setOnAction(e -> setDark(false));
        dark.setOnAction(e -> setDark(true));
        window.viewMenu().getItems().setAll(larger, smaller, reset, new SeparatorMenuItem(), presentItem, hideItem,
                compare, constructed, openStory, new SeparatorMenuItem(), light, dark);
    }

    /**
     * The largest UI scale at which a window of {@code width} x {@code height} holds the layout (presentation
     * mode's, without the catalog, or the usual one), in steps of 0.05.
     */
    public static double room(double width, double height, boolean presenting) {
        double r = presenting ? Math.min(width / NEED_WIDTH_PRESENTING, height / NEED_HEIGHT_PRESENTING)
                : Math.min(width / NEED_WIDTH, height / NEED_HEIGHT);
        return Math.floor(r * 20 + 1e-9) / 20;
    }

    private void fitRoom() {
        if (scene.getWidth() > 0 && scene.getHeight() > 0) {
            scale.setRoom(room(scene.getWidth(), scene.getHeight(), presenting));
            settleNotice(false);                                       // a window grown to hold it: the notice goes
        }
    }

    /** Ctrl+=: the next scale, and a word in the status bar when the window holds less. */
    private void larger() {
        scale.larger();
        settleNotice(true);
    }

    /** Ctrl+-: the next scale down. */
    private void smaller() {
        scale.smaller();
        settleNotice(false);
    }

    /** Ctrl+0: back to 1 (which every window holds: a notice that a larger scale waits goes). */
    private void reset() {
        scale.reset();
        settleNotice(false);
    }

    /**
     * Keeps the status bar's word on a scale the window holds back true: said ({@code post}, Ctrl+=) or
     * updated while the chosen scale waits, taken away once the window shows the scale chosen (Ctrl+0, a
     * smaller scale, a larger window); a line shown since in its place is left alone.
     */
    private void settleNotice(boolean post) {
        boolean held = scale.wanted() > UiScale.factor() + 1e-9;
        if (!held) {
            if (notice != null) {
                window.withdraw(notice);
                notice = null;
            }
            return;
        }
        double w = scene.getWidth();
        double h = scene.getHeight();
        String line = String.format(Locale.ROOT, "Scale %sx waits for a larger window: %dx%d holds %sx%s",
                step(scale.wanted()), (int) w, (int) h, step(UiScale.factor()),
                presenting ? "" : " (F5 presents at " + step(Math.min(scale.wanted(), Math.max(PRESENTING_SCALE,
                        room(w, h, true)))) + "x)");
        if (!post && (notice == null || line.equals(notice))) {
            return;
        }
        if (post || window.withdraw(notice)) {
            window.report(line);
            notice = line;
        } else {
            notice = null;                                             // another line took its place
        }
    }

    private static String step(double s) {
        return s == Math.rint(s) ? String.format(Locale.ROOT, "%.0f", s) : String.format(Locale.ROOT, "%.2f", s)
                .replaceAll("0$", "");
    }

    /** The app's stylesheet at the current scale. */
    private void restyle() {
        scene.getStylesheets().setAll(scale.stylesheet());
    }

    /** Switches the AtlantaFX theme (Primer light or dark); the views' colours follow its looked-up colours. */
    public void setDark(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        window.getStyleClass().remove("dark");
        if (dark) {
            window.getStyleClass().add("dark");
        }
    }

    /** Enters or leaves presentation mode (full screen). */
    public void setPresenting(boolean on) {
        setPresenting(on, true);
    }

    /**
     * Enters or leaves presentation mode; {@code fullScreen} false keeps the window's size (a window
     * already filling the projector, and the layout tests, which size the window themselves).
     */
    public void setPresenting(boolean on, boolean fullScreen) {
        if (on == presenting) {
            return;
        }
        presenting = on;
        presentItem.setSelected(on);
        window.setPresenting(on);
        var hide = window.stepper().hideFutureProperty();
        if (on) {
            window.getStyleClass().add("presenting");
            fitRoom();
            scale.set(Math.max(PRESENTING_SCALE, scale.wanted()), false);
            settleNotice(false);
            hidingBefore = hide.get();
            hide.set(true);                                           // stepping reveals one verdict at a time
        } else {
            window.getStyleClass().remove("presenting");
            fitRoom();
            scale.set(scale.saved(), false);
            settleNotice(false);
            hide.set(hidingBefore);
        }
        if (fullScreen || !on) {
            stage.setFullScreen(on);
        }
    }

    public boolean presenting() {
        return presenting;
    }
}
