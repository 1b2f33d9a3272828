package statescope.ui.prediction;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/**
 * The input's tokens as chips coloured by agreement between model and automaton (green agree, red
 * disagree, the first divergence outlined), the current one emphasised; clicking a chip jumps there.
 * The chips are made once and reused: a step changes their text and pseudo-classes ({@code :agree},
 * {@code :disagree}, {@code :first-divergence}, {@code :current}), never the scene graph, so a step
 * costs no new nodes and no CSS reapplication. With the future hidden, chips after the current position
 * are {@code :future} (no verdict).
 */
public final class TokenChips extends HBox {

    static final PseudoClass AGREE = PseudoClass.getPseudoClass("agree");
    static final PseudoClass DISAGREE = PseudoClass.getPseudoClass("disagree");
    static final PseudoClass FIRST = PseudoClass.getPseudoClass("first-divergence");
    static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    static final PseudoClass FUTURE = PseudoClass.getPseudoClass("future");
    /** A position after the reference's dead state: shown, neither right nor wrong ({@code AlignedTrace.scored}). */
    static final PseudoClass UNSCORED = PseudoClass.getPseudoClass("unscored");

    private final IntConsumer onJump;
    private final Label before = more();
    private final Label after = more();
    private final List<Label> chips = new ArrayList<>();
    private int start = 1;

    public TokenChips(PredictionStripViewModel vm, IntConsumer onJump) {
        super(4);
        this.onJump = onJump;
        getStyleClass().add("token-chips");
        setId("token-chips");
        setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(before, after);
        vm.frameProperty().addListener((o, a, f) -> show(f));
    }

    private static Label more() {
        var l = new Label();
        l.getStyleClass().add("chip-more");
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private void show(PredictionStripViewModel.Frame f) {
        start = f.start();
        while (chips.size() < f.size()) {
            int slot = chips.size();
            var chip = new Label();
            chip.getStyleClass().add("chip");
            chip.managedProperty().bind(chip.visibleProperty());
            chip.setOnMouseClicked(e -> onJump.accept(start + slot));
            chips.add(chip);
            getChildren().add(getChildren().size() - 1, chip);         // before the "after" label
        }
        before.setVisible(f.start() > 1);
        before.setText("… " + (f.start() - 1) + " before");
        for (int i = 0; i < chips.size(); i++) {
            Label chip = chips.get(i);
            boolean used = i < f.size();
            chip.setVisible(used);
            if (!used) {
                continue;
            }
            int pos = f.start() + i;
            chip.setText(f.tokens()[i]);
            boolean hidden = f.hidden(pos);
            chip.pseudoClassStateChanged(FUTURE, hidden);
            verdict(chip, !hidden, f.scored(pos), f.agree()[i]);
            chip.pseudoClassStateChanged(FIRST, pos == f.firstDivergence());
            chip.pseudoClassStateChanged(CURRENT, pos == f.current());
        }
        int rest = f.length() - (f.start() + f.size() - 1);
        after.setVisible(rest > 0);
        after.setText(rest + " after …");
    }

    /** The chips shown now, first to last (for tests). */
    public List<Label> shownChips() {
        return chips.stream().filter(Label::isVisible).toList();
    }

    /**
     * A prediction's verdict as pseudo-classes, the one rule of the chips, the strip and the compare strip:
     * nothing while the verdict is hidden ({@code shown} false), "unscored" after the dead state, else
     * "agree" or "disagree".
     */
    public static void verdict(Node node, boolean shown, boolean scored, boolean agrees) {
        node.pseudoClassStateChanged(AGREE, shown && scored && agrees);
        node.pseudoClassStateChanged(DISAGREE, shown && scored && !agrees);
        node.pseudoClassStateChanged(UNSCORED, shown && !scored);
    }

    /** Whether a chip or strip cell is in the given state ("agree", "disagree", "first-divergence", "current"). */
    public static boolean is(Node node, String state) {
        return node.getPseudoClassStates().contains(PseudoClass.getPseudoClass(state));
    }
}
