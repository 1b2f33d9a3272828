package statescope.ui.main;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.application.Platform;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import statescope.ui.common.Bars;
import statescope.ui.common.UiScale;
import statescope.ui.prediction.PredictionStripView;
import statescope.ui.prediction.TokenChips;
import statescope.ui.session.CompareViewModel;
import statescope.ui.session.ModelChoice;

/**
 * Compare mode's strip: per position the token, the automaton's target, model A's and model B's
 * predictions (each green or red against the automaton) and a lane marking where A and B disagree with
 * each other ("≠") and which of them disagrees with the automaton ("✗A", "✗B", "✗AB"); above it the
 * first divergence of each and their first disagreement as links that jump there, the picker for B, a
 * checkpoint file as B, and Close. Cells are made once and reused, as in {@link PredictionStripView}
 * (same pseudo-classes); clicking one jumps there.
 */
public final class CompareStripView extends VBox {

    private static final double CELL = 74;
    private static final String SEPARATORS = " ·-";
    private static final PseudoClass DIFFER = PseudoClass.getPseudoClass("differ");
    private static final PseudoClass WRONG = PseudoClass.getPseudoClass("wrong");
    private static final PseudoClass FIRST = PseudoClass.getPseudoClass("first-divergence");
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass FUTURE = PseudoClass.getPseudoClass("future");

    private final CompareViewModel vm;
    private final GridPane grid = new GridPane();
    private final Label summary = new Label();
    private final Hyperlink jumpA = jumpLink("compare-jump-a");
    private final Hyperlink jumpB = jumpLink("compare-jump-b");
    private final Hyperlink jumpAB = jumpLink("compare-jump-ab");
    private final Label headA = rowHead("A");
    private final Label headB = rowHead("B");
    private final IntConsumer onJump;
    private final List<Label[]> columns = new ArrayList<>();   // [slot] token, target, A, B, lane
    private int start = 1;

    public CompareStripView(CompareViewModel vm, ObservableList<ModelChoice> choices, IntConsumer onJump) {
        this.vm = vm;
        this.onJump = onJump;
        getStyleClass().addAll("prediction-strip", "compare-strip");
        setId("compare-strip");
        visibleProperty().bind(vm.activeProperty());
        managedProperty().bind(visibleProperty());
        var title = new Label("Compare");
        title.getStyleClass().add("view-title");
        var picker = new ComboBox<ModelChoice>(choices);
        picker.getStyleClass().add("small");
        picker.setId("compare-picker");
        picker.setPromptText("model B");
        vm.choiceProperty().addListener((o, a, b) -> picker.setValue(b));
        picker.setOnAction(e -> vm.select(picker.getValue()));
        var close = new Button("Close");
        close.setId("compare-close");
        close.getStyleClass().add("small");
        close.setOnAction(e -> vm.close());
        var open = new Button("File…");
        open.setId("compare-open");
        open.getStyleClass().add("small");
        open.setTooltip(new Tooltip("Compare with a checkpoint file (.safetensors weights or .json manifest)"));
        open.setOnAction(e -> {
            var chooser = CheckpointChooser.create("Compare with a checkpoint");
            var f = chooser.showOpenDialog(getScene().getWindow());
            if (f != null) {
                vm.openCheckpoint(f.toPath());
            }
        });
        var error = new Label();
        error.setId("compare-error");
        error.getStyleClass().add("inline-error");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Bars.tooltipWhenCut(error);
        summary.setId("compare-summary");
        summary.getStyleClass().add("strip-summary");
        summary.setMinWidth(0);
        Bars.tooltipWhenCut(summary);
        error.setMaxWidth(260);
        error.setMinWidth(0);
        var labelB = new Label("B");
        for (var fixed : List.of(title, labelB, close, open, jumpA, jumpB, jumpAB)) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        picker.minWidthProperty().bind(UiScale.factorProperty().multiply(120));
        picker.setPrefWidth(220);
        picker.setButtonCell(new ModelPickerCell());
        picker.setCellFactory(list -> new ModelPickerCell());       // the list reads as the picker does
        HBox.setHgrow(summary, Priority.ALWAYS);
        summary.setMaxWidth(Double.MAX_VALUE);
        var bar = new HBox(8, title, jumpA, jumpB, jumpAB, summary, error, labelB, picker, open, close);
        bar.getStyleClass().add("compare-bar");                        // the summary gives way (tooltip)
        bar.setAlignment(Pos.CENTER_LEFT);
        grid.getStyleClass().add("strip-grid");
        Bars.shrinkable(grid);                                         // the strip's width sets how many cells (fit())
        grid.setHgap(3);
        grid.setVgap(1);
        grid.add(rowHead("token"), 0, 0);
        grid.add(rowHead("automaton"), 0, 1);
        grid.add(headA, 0, 2);
        grid.add(headB, 0, 3);
        var lane = rowHead("A ≠ B · ✗");
        lane.setTooltip(new Tooltip("≠: A and B predict differently · ✗A, ✗B, ✗AB: who disagrees with the automaton"));
        grid.add(lane, 0, 4);
        getChildren().addAll(bar, grid);
        vm.frameProperty().addListener((o, a, b) -> paint());
        widthProperty().addListener((o, a, b) -> fit());
        UiScale.factorProperty().addListener((o, a, b) -> Platform.runLater(this::fit));   // once restyled
    }

    /** As many cells as fit beside the widest row name (the names grow with the UI scale and the models' names). */
    private void fit() {
        double head = 0;
        for (var n : grid.getChildren()) {
            if (n instanceof Label l && l.getStyleClass().contains("strip-head")) {
                head = Math.max(head, l.prefWidth(-1));
            }
        }
        double room = getWidth() - snappedLeftInset() - snappedRightInset() - head - grid.getHgap();
        vm.capacityProperty().set(Math.max(4, (int) (room / (CELL * UiScale.factor() + grid.getHgap()))));
    }

    private void paint() {
        var f = vm.frame();
        if (f == null) {
            return;
        }
        start = f.start();
        String[] names = distinct(f.labelA(), f.labelB());
        if (!headA.getText().equals("A · " + names[0]) || !headB.getText().equals("B · " + names[1])) {
            headA.setText("A · " + names[0]);
            headB.setText("B · " + names[1]);
            Platform.runLater(this::fit);                              // wider names, fewer cells (after this frame)
        }
        while (columns.size() < f.size()) {
            int slot = columns.size();
            var col = new Label[] {cell("strip-token"), cell("strip-target"), cell("strip-pred"), cell("strip-pred"),
                    cell("compare-lane")};
            var number = new Label();                                  // the position as the token's subscript
            number.getStyleClass().add("strip-position");
            number.setTranslateY(4);
            col[0].setGraphic(number);
            col[0].setContentDisplay(ContentDisplay.RIGHT);
            col[0].setGraphicTextGap(1);
            for (int row = 0; row < col.length; row++) {
                col[row].setOnMouseClicked(e -> onJump.accept(start + slot));
                grid.add(col[row], slot + 1, row);
            }
            columns.add(col);
        }
        for (int i = 0; i < columns.size(); i++) {
            Label[] col = columns.get(i);
            boolean used = i < f.size();
            for (Label l : col) {
                l.setVisible(used);
            }
            if (!used) {
                continue;
            }
            int pos = f.start() + i;
            boolean hidden = pos > f.shownUpTo();
            col[0].setText(f.tokens()[i]);
            ((Label) col[0].getGraphic()).setText(Integer.toString(pos));
            col[1].setText(f.targets()[i]);
            col[2].setText(f.predA()[i]);
            col[3].setText(f.predB()[i]);
            col[4].setText(lane(f.differ()[i], !f.okA()[i], !f.okB()[i]));
            mark(col[2], !hidden, f.scored(pos), f.okA()[i], pos == f.firstA());
            mark(col[3], !hidden, f.scored(pos), f.okB()[i], pos == f.firstB());
            col[4].pseudoClassStateChanged(DIFFER, f.differ()[i]);
            col[4].pseudoClassStateChanged(WRONG, !f.okA()[i] || !f.okB()[i]);
            col[4].pseudoClassStateChanged(FIRST, pos == f.firstAB());
            for (Label l : col) {
                l.pseudoClassStateChanged(CURRENT, pos == f.current());
                l.pseudoClassStateChanged(FUTURE, hidden);
            }
        }
        link(jumpA, "A", f.firstA());
        link(jumpB, "B", f.firstB());
        jumpAB.setVisible(f.firstAB() >= 0);
        jumpAB.setText("A ≠ B at " + f.firstAB());
        jumpAB.setOnAction(e -> onJump.accept(f.firstAB()));
        String so = f.shownUpTo() < f.length() ? " so far" : "";
        summary.setText((f.firstA() < 0 ? "A matches the automaton" + so + " · " : "")
                + (f.firstB() < 0 ? "B matches the automaton" + so + " · " : "")
                + (f.firstAB() < 0 ? "A and B agree" + so : "A and B first differ at " + f.firstAB()));
    }

    /** The first divergence of a model as a link that jumps there; hidden while it has none (shown). */
    private void link(Hyperlink l, String model, int first) {
        l.setVisible(first >= 0);
        l.setText(model + " diverges at " + first);
        l.setOnAction(e -> onJump.accept(first));
    }

    private static Hyperlink jumpLink(String id) {
        var l = new Hyperlink();
        l.setId(id);
        l.getStyleClass().add("compare-jump");
        l.managedProperty().bind(l.visibleProperty());
        l.setVisible(false);
        l.setFocusTraversable(false);
        return l;
    }

    /** The lane's mark: "≠" where A and B differ, then who disagrees with the automaton. */
    public static String lane(boolean differ, boolean wrongA, boolean wrongB) {
        String who = wrongA && wrongB ? "✗AB" : wrongA ? "✗A" : wrongB ? "✗B" : "";
        return differ ? (who.isEmpty() ? "≠" : "≠ " + who) : who;
    }

    private static void mark(Label l, boolean shown, boolean scored, boolean ok, boolean first) {
        TokenChips.verdict(l, shown, scored, ok);
        l.pseudoClassStateChanged(FIRST, first);
    }

    /**
     * What tells two model labels apart: "trained · parity-nonneg" and "trained · parity-signed" give
     * "nonneg" and "signed", "constructed · d-12" and "trained · d-12" give "constructed" and "trained",
     * "trained · bounded-dyck-8-10" and "trained · bounded-dyck-8-10-1layer" (one the other and more words)
     * give "bounded-dyck-8-10" and "1layer"; else each label's part after its last " · ".
     */
    public static String[] distinct(String a, String b) {
        int pre = 0;
        while (pre < Math.min(a.length(), b.length()) && a.charAt(pre) == b.charAt(pre)) {
            pre++;
        }
        int suf = 0;
        while (suf < Math.min(a.length(), b.length()) - pre
                && a.charAt(a.length() - 1 - suf) == b.charAt(b.length() - 1 - suf)) {
            suf++;
        }
        while (pre > 0 && SEPARATORS.indexOf(a.charAt(pre - 1)) < 0) {
            pre--;                                                     // whole words: the prefix ends at a separator
        }
        while (suf > 0 && SEPARATORS.indexOf(a.charAt(a.length() - suf)) < 0) {
            suf--;                                                     // and the suffix starts at one
        }
        String x = trim(a.substring(pre, a.length() - suf));
        String y = trim(b.substring(pre, b.length() - suf));
        if (x.length() < 3 || y.length() < 3) {
            if (addsWords(b, a)) {                                     // "…-8-10" and "…-8-10-1layer": A by its
                return new String[] {tail(a), trim(b.substring(a.length()))};   // name, B by what it adds
            }
            if (addsWords(a, b)) {
                return new String[] {trim(a.substring(b.length())), tail(b)};
            }
            return new String[] {tail(a), tail(b)};
        }
        return new String[] {x, y};
    }

    /** Whether {@code longer} is {@code shorter} and more words ("…-8-10-1layer" of "…-8-10"). */
    private static boolean addsWords(String longer, String shorter) {
        return longer.length() > shorter.length() && longer.startsWith(shorter)
                && SEPARATORS.indexOf(longer.charAt(shorter.length())) >= 0
                && trim(longer.substring(shorter.length())).length() >= 3;
    }

    private static String tail(String label) {
        int dot = label.lastIndexOf(" · ");
        return dot < 0 ? label : label.substring(dot + 3);
    }

    private static String trim(String s) {
        return s.replaceAll("^[\\s·-]+|[\\s·-]+$", "");
    }

    /** The cell of {@code row} (0 token … 4 lane) at a position in view, else null (for tests). */
    public Label cell(int row, int position) {
        var f = vm.frame();
        int i = f == null ? -1 : position - f.start();
        return i < 0 || i >= f.size() ? null : columns.get(i)[row];
    }

    /** A row's name, never cut: as wide as its text in the scaled font (model names are short, see {@link #distinct}). */
    private static Label rowHead(String text) {
        var l = new Label(text);
        l.getStyleClass().add("strip-head");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label cell(String style) {
        var l = new Label();
        l.managedProperty().bind(l.visibleProperty());
        l.getStyleClass().addAll("strip-cell", style);
        var width = UiScale.factorProperty().multiply(CELL);            // as the type: "END|open" whole at any scale
        l.minWidthProperty().bind(width);                              // (74 px at 1.6x cut it to "EN…")
        l.prefWidthProperty().bind(width);
        l.maxWidthProperty().bind(width);
        l.setMinHeight(Region.USE_PREF_SIZE);                          // short of height, the window's plots give way, not a line of the cell
        l.setAlignment(Pos.CENTER);
        return l;
    }
}
