package statescope.ui.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseEvent;
import statescope.ui.common.TaskRunner;
import statescope.ui.main.MainWindow;
import statescope.ui.session.SessionViewModel;

/**
 * Puts export and sessions into the window: a context menu on every view (the automaton, each tab's
 * view, the prediction strip) with SVG and PNG 1x/2x/4x (and DOT for the automaton), Ctrl+Shift+S for
 * the view under the mouse (else the open tab's), and the header's File menu: open, save and recent
 * sessions (Ctrl+O, Ctrl+S), the view, the whole window as PNG, the trace as CSV/JSON/NumPy and the
 * automaton as DOT. The work is {@link FileJobs}'.
 */
public final class ExportActions {

    /** The views that export, by node id, with the name their files get. */
    static final Map<String, String> VIEWS = Map.of("automaton-view", "automaton", "trajectory-view", "trajectory",
            "heatmap-view", "state-heatmap", "gate-view", "gates", "channel-chart-view", "channels",
            "lengths-view", "lengths", "prediction-strip", "prediction-strip", "probe-view", "probes");

    private final MainWindow window;
    private final FileJobs jobs;
    private Node lastHovered;
    /** Shows a view's context menu where the event was (tests look at it instead). */
    BiConsumer<ContextMenu, ContextMenuEvent> showMenu = (m, e) -> m.show((Node) e.getSource(), e.getScreenX(),
            e.getScreenY());

    private ExportActions(MainWindow window, FileJobs jobs) {
        this.window = window;
        this.jobs = jobs;
    }

    /**
     * Installs the menus and keys on {@code window} (before or after it is in a scene).
     *
     * @param runner where files are encoded and written (the app: a background thread)
     */
    public static ExportActions install(MainWindow window, SessionViewModel vm, TaskRunner runner, Chooser chooser,
                                        RecentSessions recent, ScaleAccess scale) {
        var a = new ExportActions(window, new FileJobs(window, vm, runner, chooser, recent, scale));
        a.vocab = new VocabTables(window, vm, runner, chooser);
        a.wire();
        return a;
    }

    private VocabTables vocab;

    /** The vocabulary tables of foreign models (tests call them directly). */
    public VocabTables vocab() {
        return vocab;
    }

    /** Reads and sets the UI scale (the window's {@code UiScale}). */
    public interface ScaleAccess {
        double get();

        void set(double factor);
    }

    /** The jobs behind the menus (tests call them directly). */
    public FileJobs jobs() {
        return jobs;
    }

    private void wire() {
        window.tabs().getTabs().forEach(this::tabIn);
        viewIn(window.automatonView());
        window.lookupAll("#prediction-strip").forEach(this::viewIn);
        window.tabs().getTabs().addListener((ListChangeListener<Tab>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(this::tabIn);
            }
        });
        fillFileMenu();
        vocab.watch();
        if (window.getScene() != null) {
            keys(window.getScene());
        }
        window.sceneProperty().addListener((o, a, s) -> {
            if (s != null) {
                keys(s);
            }
        });
    }

    /** A tab's view, now or when its content joins the scene (on the tab's first selection). */
    private void tabIn(Tab t) {
        viewIn(t.getContent());
        t.contentProperty().addListener((o, a, content) -> viewIn(content));
    }

    private void viewIn(Node view) {
        if (view == null || view.getProperties().containsKey(ExportActions.class)) {
            return;
        }
        view.getProperties().put(ExportActions.class, Boolean.TRUE);
        view.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> lastHovered = view);
        view.addEventFilter(MouseEvent.MOUSE_MOVED, e -> lastHovered = innermost(view, e.getTarget()));
        view.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            Node inner = innermost(view, e.getTarget());
            var m = contextMenu(inner);
            e.consume();
            showMenu.accept(m, e.copyFor(inner, inner));
        });
    }

    /**
     * The view a context menu or Ctrl+Shift+S means: the innermost exportable view (a page inside a tab,
     * such as the Probes page of the analysis tab) from {@code target} up to {@code view}.
     */
    static Node innermost(Node view, Object target) {
        for (Node n = target instanceof Node t ? t : null; n != null && n != view; n = n.getParent()) {
            if (n.getId() != null && VIEWS.containsKey(n.getId())) {
                return n;
            }
        }
        return view;
    }

    /** The name a view's files get (its id's, or "view"). */
    static String nameOf(Node view) {
        return VIEWS.getOrDefault(view.getId(), view.getId() == null ? "view" : view.getId());
    }

    /** The context menu of {@code view}: SVG and PNG at three scales, DOT for the automaton. */
    ContextMenu contextMenu(Node view) {
        var menu = new ContextMenu();
        menu.setId("export-menu");
        for (ViewExport.Format f : ViewExport.Format.values()) {
            var item = new MenuItem("Export " + nameOf(view) + " as " + f.label() + "…");
            item.setId("export-" + f.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            item.setOnAction(e -> jobs.exportView(view, f));
            menu.getItems().add(item);
        }
        if (view == window.automatonView()) {
            var dot = new MenuItem("Export automaton as DOT…");
            dot.setId("export-dot");
            dot.setOnAction(e -> jobs.exportDot());
            menu.getItems().add(dot);
        }
        menu.getItems().addAll(new SeparatorMenuItem(), traceItem());
        return menu;
    }

    private MenuItem traceItem() {
        var trace = new MenuItem("Export trace (CSV, JSON, NumPy)…");
        trace.setOnAction(e -> jobs.exportTrace());
        return trace;
    }

    /** The view Ctrl+Shift+S exports: the one under the mouse last, else the open tab's. */
    Node currentView() {
        if (lastHovered != null && lastHovered.getScene() != null && lastHovered.isVisible()) {
            return lastHovered;
        }
        Tab t = window.tabs().getSelectionModel().getSelectedItem();
        return t != null ? t.getContent() : window.automatonView();
    }

    private void keys(Scene scene) {
        var acc = scene.getAccelerators();
        acc.put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> jobs.exportViewAsked(currentView()));
        acc.put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), jobs::saveSession);
        acc.put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), jobs::openSession);
    }

    private void fillFileMenu() {
        var open = item("Open session…\tCtrl+O", "menu-open-session", jobs::openSession);
        var save = item("Save session…\tCtrl+S", "menu-save-session", jobs::saveSession);
        var recent = new Menu("Recent sessions");
        recent.setId("menu-recent");
        var view = item("Export view…\tCtrl+Shift+S", "menu-export-view", () -> jobs.exportViewAsked(currentView()));
        var whole = item("Export window as PNG…", "menu-export-window", jobs::exportWindow);
        var trace = item("Export trace (CSV, JSON, NumPy)…", "menu-export-trace", jobs::exportTrace);
        var dot = item("Export automaton as DOT…", "menu-export-dot", jobs::exportDot);
        var table = item("Vocabulary of a checkpoint…", "menu-vocab", vocab::openFromMenu);
        var file = window.fileMenu();
        file.getItems().setAll(open, save, recent, new SeparatorMenuItem(), view, whole, trace, dot,
                new SeparatorMenuItem(), table);
        file.setOnShowing(e -> fillRecent(recent));
        fillRecent(recent);
    }

    private void fillRecent(Menu recent) {
        List<MenuItem> items = new ArrayList<>();
        for (Path p : jobs.recent().list()) {
            var i = new MenuItem(p.getFileName() + "  (" + p.getParent() + ")");
            i.setMnemonicParsing(false);
            i.setDisable(!Files.isRegularFile(p));
            i.setOnAction(e -> jobs.openSession(p));
            items.add(i);
        }
        if (items.isEmpty()) {
            var none = new MenuItem("(none yet)");
            none.setDisable(true);
            items.add(none);
        }
        recent.getItems().setAll(items);
    }

    private static MenuItem item(String text, String id, Runnable action) {
        var i = new MenuItem(text);
        i.setId(id);
        i.setOnAction(e -> action.run());
        return i;
    }
}
