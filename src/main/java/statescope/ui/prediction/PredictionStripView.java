package statescope.ui.prediction;

import java.util.function.IntConsumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Per position: the token, the automaton's target and the model's prediction, a disagreement marked
 * red and the first divergence flagged; clicking a cell jumps there. Cells have ids
 * {@code strip-cell-<position>} and style classes {@code agree}/{@code disagree}/{@code first-divergence}.
 */
public final class PredictionStripView extends VBox {

    private static final double CELL = 74;

    private final PredictionStripViewModel vm;
    private final GridPane grid = new GridPane();
    private final Label summary = new Label();
    private final Button jump = new Button("Jump to first divergence");
    private final IntConsumer onJump;

    public PredictionStripView(PredictionStripViewModel vm, IntConsumer onJump, Runnable onJumpToDivergence) {
        this.vm = vm;
        this.onJump = onJump;
        getStyleClass().add("prediction-strip");
        setId("prediction-strip");
        var title = new Label("Predictions");
        title.getStyleClass().add("view-title");
        summary.setId("strip-summary");
        summary.getStyleClass().add("strip-summary");
        jump.setId("jump-divergence");
        jump.getStyleClass().add("small");
        jump.setOnAction(e -> onJumpToDivergence.run());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var bar = new HBox(10, title, summary, spacer, jump);
        bar.setAlignment(Pos.CENTER_LEFT);
        grid.getStyleClass().add("strip-grid");
        grid.setHgap(3);
        grid.setVgap(3);
        getChildren().addAll(bar, grid);
        widthProperty().addListener((o, a, b) -> vm.capacityProperty().set(Math.max(4, (int) ((b.doubleValue() - 110) / (CELL + 3)))));
        vm.frameProperty().addListener((o, a, b) -> paint());
    }

    private void paint() {
        var f = vm.frame();
        grid.getChildren().clear();
        grid.add(rowHead("token"), 0, 0);
        grid.add(rowHead("automaton"), 0, 1);
        grid.add(rowHead("model"), 0, 2);
        for (int i = 0; i < f.size(); i++) {
            int pos = f.start() + i;
            var tok = cell(f.tokens()[i] + "\n" + pos, "strip-token");
            var target = cell(f.targets()[i], "strip-target");
            var pred = cell(f.predictions()[i], "strip-pred");
            pred.setId("strip-cell-" + pos);
            pred.getStyleClass().add(f.agree()[i] ? "agree" : "disagree");
            if (pos == f.firstDivergence()) {
                pred.getStyleClass().add("first-divergence");
                tok.getStyleClass().add("first-divergence");
            }
            if (pos == f.current()) {
                tok.getStyleClass().add("current");
                target.getStyleClass().add("current");
                pred.getStyleClass().add("current");
            }
            for (Label l : new Label[] {tok, target, pred}) {
                l.setOnMouseClicked(e -> onJump.accept(pos));
            }
            grid.add(tok, i + 1, 0);
            grid.add(target, i + 1, 1);
            grid.add(pred, i + 1, 2);
        }
        if (f.length() == 0) {
            summary.setText("type a string to see predictions (" + f.encoding() + ")");
        } else if (f.firstDivergence() < 0) {
            summary.setText("model agrees with the automaton at all " + f.length() + " positions · " + f.encoding());
        } else {
            summary.setText("first divergence at position " + f.firstDivergence() + " · " + f.encoding());
        }
        summary.getStyleClass().removeAll("ok", "bad");
        summary.getStyleClass().add(f.firstDivergence() < 0 ? "ok" : "bad");
        jump.setDisable(f.firstDivergence() < 0);
    }

    private static Label rowHead(String text) {
        var l = new Label(text);
        l.getStyleClass().add("strip-head");
        l.setMinWidth(96);
        return l;
    }

    private static Label cell(String text, String style) {
        var l = new Label(text);
        l.getStyleClass().addAll("strip-cell", style);
        l.setMinWidth(CELL);
        l.setPrefWidth(CELL);
        l.setMaxWidth(CELL);
        l.setAlignment(Pos.CENTER);
        return l;
    }
}
