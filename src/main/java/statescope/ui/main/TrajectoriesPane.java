package statescope.ui.main;

import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import statescope.ui.session.CompareViewModel;
import statescope.ui.trajectory.TrajectoryView;

/**
 * The Trajectory tab: model A's trajectory and, in compare mode, model B's beside it, each named by what
 * tells the models apart ("A · nonneg", "B · signed"), under A's bar (3D, layer), which then spans and
 * drives both: B's own bar is left out (the session binds B's view settings to A's). In compare mode the pane has the
 * pseudo-class {@code :comparing} (a compact bar).
 */
final class TrajectoriesPane extends BorderPane {

    private static final PseudoClass COMPARING = PseudoClass.getPseudoClass("comparing");

    TrajectoriesPane(TrajectoryView a, TrajectoryView b, CompareViewModel compare) {
        var nameA = modelName("trajectory-name-a");
        var nameB = modelName("trajectory-name-b");
        compare.frameProperty().addListener((o, x, f) -> {
            if (f != null) {
                String[] names = CompareStripView.distinct(f.labelA(), f.labelB());
                nameA.setText("A · " + names[0]);
                nameB.setText("B · " + names[1]);
            }
        });
        var boxA = new VBox(2, nameA, a);
        var boxB = new VBox(2, nameB, b);
        nameA.visibleProperty().bind(compare.activeProperty());
        nameA.managedProperty().bind(nameA.visibleProperty());
        boxB.visibleProperty().bind(compare.activeProperty());
        boxB.managedProperty().bind(boxB.visibleProperty());
        for (var box : List.of(boxA, boxB)) {
            box.setMinWidth(0);
            box.setPrefWidth(100);
            HBox.setHgrow(box, Priority.ALWAYS);
            VBox.setVgrow(box.getChildren().get(1), Priority.ALWAYS);
        }
        setCenter(new HBox(8, boxA, boxB));
        var bar = a.getTop();
        b.setTop(null);
        getStyleClass().add("trajectories");
        compare.activeProperty().addListener((o, x, on) -> {
            pseudoClassStateChanged(COMPARING, on);
            a.setTop(on ? null : bar);                                 // comparing, A's bar spans both views;
            setTop(on ? bar : null);                                   // else it stays A's (its export keeps it)
        });
    }

    private static Label modelName(String id) {
        var l = new Label();
        l.setId(id);
        l.getStyleClass().add("compare-model-name");
        l.setMinWidth(0);
        return l;
    }
}
