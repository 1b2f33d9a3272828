package statescope.ui.prediction;

import java.util.function.IntConsumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/**
 * The input's tokens as chips coloured by agreement between model and automaton (green agree, red
 * disagree, the first divergence outlined), the current one emphasised; clicking a chip jumps there.
 */
public final class TokenChips extends HBox {

    public TokenChips(PredictionStripViewModel vm, IntConsumer onJump) {
        super(4);
        getStyleClass().add("token-chips");
        setId("token-chips");
        setAlignment(Pos.CENTER_LEFT);
        vm.frameProperty().addListener((o, a, f) -> {
            getChildren().clear();
            if (f.start() > 1) {
                var more = new Label("… " + (f.start() - 1) + " before");
                more.getStyleClass().add("chip-more");
                getChildren().add(more);
            }
            for (int i = 0; i < f.size(); i++) {
                int pos = f.start() + i;
                var chip = new Label(f.tokens()[i]);
                chip.getStyleClass().addAll("chip", f.agree()[i] ? "agree" : "disagree");
                if (pos == f.firstDivergence()) {
                    chip.getStyleClass().add("first-divergence");
                }
                if (pos == f.current()) {
                    chip.getStyleClass().add("current");
                }
                chip.setId("chip-" + pos);
                chip.setOnMouseClicked(e -> onJump.accept(pos));
                getChildren().add(chip);
            }
            int after = f.length() - (f.start() + f.size() - 1);
            if (after > 0) {
                var more = new Label(after + " after …");
                more.getStyleClass().add("chip-more");
                getChildren().add(more);
            }
        });
    }
}
