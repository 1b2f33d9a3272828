package statescope.ui.main;

import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import statescope.ui.session.CompareViewModel;
import statescope.ui.trajectory.TrajectoryView;

/**
 * The Trajectory tab: model A's trajectory and, in compare mode, model B's beside it, each plot naming its
 * model in its top left corner by what tells the models apart ("A · nonneg", "B · signed"), under A's bar
 * (3D, layer), which then spans and drives both: B's own bar is left out (the session binds B's view settings
 * to A's). The names are drawn in the plots, not in a row of their own, so a short window (a projector at
 * 1280x720 with a story's caption) keeps that height for the plots. In compare mode the pane has the
 * pseudo-class {@code :comparing} (a compact bar).
 */
final class TrajectoriesPane extends BorderPane {

    private static final PseudoClass COMPARING = PseudoClass.getPseudoClass("comparing");

    TrajectoriesPane(TrajectoryView a, TrajectoryView b, CompareViewModel compare) {
        Runnable name = () -> {
            var f = compare.frameProperty().get();
            boolean on = compare.activeProperty().get() && f != null;
            String[] names = on ? CompareStripView.distinct(f.labelA(), f.labelB()) : null;
            a.titleProperty().set(on ? "A · " + names[0] : "");
            b.titleProperty().set(on ? "B · " + names[1] : "");
        };
        compare.frameProperty().addListener((o, x, f) -> name.run());
        compare.activeProperty().addListener((o, x, on) -> name.run());
        b.visibleProperty().bind(compare.activeProperty());
        b.managedProperty().bind(b.visibleProperty());
        for (var view : List.of(a, b)) {
            view.setMinWidth(0);
            view.setPrefWidth(100);
            HBox.setHgrow(view, Priority.ALWAYS);
        }
        setCenter(new HBox(8, a, b));
        var bar = a.getTop();
        b.setTop(null);
        getStyleClass().add("trajectories");
        compare.activeProperty().addListener((o, x, on) -> {
            pseudoClassStateChanged(COMPARING, on);
            a.setTop(on ? null : bar);                                 // comparing, A's bar spans both views;
            setTop(on ? bar : null);                                   // else it stays A's (its export keeps it)
        });
    }
}
