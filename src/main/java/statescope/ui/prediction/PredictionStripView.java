package statescope.ui.prediction;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import statescope.ui.common.Bars;
import statescope.ui.common.UiScale;

/**
 * Per position: the token, the automaton's target and the model's prediction, a disagreement marked
 * red and the first divergence flagged; clicking a cell jumps there. The cells are made once and
 * reused as the window moves; their state is in pseudo-classes {@code :agree}/{@code :disagree}/
 * {@code :first-divergence}/{@code :current} (a step restyles nothing), and
 * {@link #predictionCell(int)} finds the cell of a position.
 */
public final class PredictionStripView extends VBox {

    private static final double CELL = 74;

    private final PredictionStripViewModel vm;
    private final GridPane grid = new GridPane();
    private final Label summary = new Label();
    private final Button jump = new Button("Jump to first divergence");
    private final IntConsumer onJump;
    private final List<Label[]> columns = new ArrayList<>();   // [slot] token, target, prediction
    private final List<Label> heads = new ArrayList<>();
    private int start = 1;

    private static final PseudoClass OK = PseudoClass.getPseudoClass("ok");
    private static final PseudoClass BAD = PseudoClass.getPseudoClass("bad");

    public PredictionStripView(PredictionStripViewModel vm, IntConsumer onJump, Runnable onJumpToDivergence) {
        this.vm = vm;
        this.onJump = onJump;
        getStyleClass().add("prediction-strip");
        setId("prediction-strip");
        var title = new Label("Predictions");
        title.getStyleClass().add("view-title");
        title.setMinWidth(Region.USE_PREF_SIZE);                        // the summary gives way (tooltip)
        summary.setId("strip-summary");
        summary.getStyleClass().add("strip-summary");
        jump.setId("jump-divergence");
        jump.getStyleClass().add("small");
        jump.setOnAction(e -> onJumpToDivergence.run());
        jump.setMinWidth(Region.USE_PREF_SIZE);                        // the summary gives way, not the button
        summary.setMinWidth(0);
        Bars.tooltipWhenCut(summary);
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var bar = new HBox(10, title, summary, spacer, jump);
        bar.setAlignment(Pos.CENTER_LEFT);
        grid.getStyleClass().add("strip-grid");
        Bars.shrinkable(grid);                                         // the strip's width sets how many cells
        grid.setHgap(3);
        grid.setVgap(3);
        for (String head : List.of("token", "automaton", "model")) {
            heads.add(rowHead(head));
            grid.add(heads.getLast(), 0, heads.size() - 1);
        }
        getChildren().addAll(bar, grid);
        vm.frameProperty().addListener((o, a, b) -> paint());
    }

    @Override
    protected void layoutChildren() {
        fitCells();               // each pass: a new width, or a new scale's restyled heads and cells (which lay out again)
        super.layoutChildren();
    }

    /**
     * As many cells as the strip's width holds at the UI scale: its insets, the row heads (as wide as their
     * text at this scale) and the gaps taken off, so the current cell at the right stays whole.
     */
    private void fitCells() {
        double k = UiScale.factor();
        double head = 0;
        for (Label h : heads) {
            head = Math.max(head, Math.max(h.minWidth(-1), h.prefWidth(-1)));
        }
        double room = getWidth() - snappedLeftInset() - snappedRightInset() - head;
        double cell = Math.ceil(CELL * k) + grid.getHgap();            // a cell as laid out: its width snapped up
        vm.capacityProperty().set(Math.max(4, (int) Math.floor(room / cell)));
    }

    private void paint() {
        var f = vm.frame();
        start = f.start();
        while (columns.size() < f.size()) {
            int slot = columns.size();
            var col = new Label[] {cell("strip-token"), cell("strip-target"), cell("strip-pred")};
            var number = new Label();                                  // the position as the token's subscript (x_t)
            number.getStyleClass().add("strip-position");
            number.setTranslateY(4);
            col[0].setGraphic(number);
            col[0].setContentDisplay(ContentDisplay.RIGHT);
            col[0].setGraphicTextGap(1);
            for (int row = 0; row < 3; row++) {
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
            col[0].setText(f.tokens()[i]);                               // one line, its position beside it
            ((Label) col[0].getGraphic()).setText(Integer.toString(pos));
            col[1].setText(f.targets()[i]);
            col[2].setText(f.predictions()[i]);
            boolean hidden = f.hidden(pos);
            TokenChips.verdict(col[2], !hidden, f.scored(pos), f.agree()[i]);
            for (Label l : col) {
                l.pseudoClassStateChanged(TokenChips.FUTURE, hidden);
            }
            for (int row = 0; row < 3; row++) {
                col[row].pseudoClassStateChanged(TokenChips.CURRENT, pos == f.current());
                col[row].pseudoClassStateChanged(TokenChips.FIRST, row != 1 && pos == f.firstDivergence());
            }
        }
        if (f.length() == 0) {
            summary.setText("type a string to see predictions (" + f.encoding() + ")");
        } else if (f.shownUpTo() < f.length() && f.firstDivergence() < 0) {
            summary.setText("no divergence up to position " + f.shownUpTo() + " · the rest hidden · " + f.encoding());
        } else if (f.firstDivergence() < 0 && f.firstDead() > 0) {
            summary.setText(f.firstDead() == 1 ? "dead from position 1: no word of the language starts so, nothing is scored · "
                    + f.encoding()
                    : "model agrees with the automaton at " + (f.firstDead() == 2 ? "the one scored position"
                    : "all " + (f.firstDead() - 1) + " scored positions") + " · dead from " + f.firstDead()
                    + ": not scored · " + f.encoding());
        } else if (f.firstDivergence() < 0) {
            summary.setText("model agrees with the automaton at all " + f.length() + " positions · " + f.encoding());
        } else {
            summary.setText("first divergence at position " + f.firstDivergence() + " · " + f.encoding());
        }
        summary.pseudoClassStateChanged(OK, f.firstDivergence() < 0);
        summary.pseudoClassStateChanged(BAD, f.firstDivergence() >= 0);
        jump.setDisable(f.firstDivergence() < 0);
    }

    /** The token cell of a position while it is in view (its graphic holds the position), else null. */
    public Label tokenCell(int position) {
        var f = vm.frame();
        int i = f == null ? -1 : position - f.start();
        return i < 0 || i >= f.size() ? null : columns.get(i)[0];
    }

    /**
     * The prediction cell of a position while it is in view, else null (cells are reused as the window
     * moves, so they carry no per-position id).
     */
    public Label predictionCell(int position) {
        var f = vm.frame();
        int i = f == null ? -1 : position - f.start();
        return i < 0 || i >= f.size() ? null : columns.get(i)[2];
    }

    private static Label rowHead(String text) {
        var l = new Label(text);
        l.getStyleClass().add("strip-head");
        l.minWidthProperty().bind(UiScale.factorProperty().multiply(96));
        return l;
    }

    private static Label cell(String style) {
        var l = new Label();
        l.managedProperty().bind(l.visibleProperty());
        l.getStyleClass().addAll("strip-cell", style);
        var width = UiScale.factorProperty().multiply(CELL);            // "END|open" whole at any scale
        l.minWidthProperty().bind(width);
        l.prefWidthProperty().bind(width);
        l.maxWidthProperty().bind(width);
        l.setMinHeight(Region.USE_PREF_SIZE);                          // short of height, the window's plots give way, not a line of the cell
        l.setAlignment(Pos.CENTER);
        return l;
    }
}
