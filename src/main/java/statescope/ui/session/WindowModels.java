package statescope.ui.session;

import javafx.beans.property.ReadOnlyIntegerProperty;
import statescope.ui.automaton.AutomatonViewModel;
import statescope.ui.chart.ChannelChartViewModel;
import statescope.ui.heatmap.HeatmapViewModel;
import statescope.ui.prediction.PredictionStripViewModel;
import statescope.ui.trajectory.TrajectoryViewModel;

/**
 * The view models of the main window's panes, one each, as the session keeps them up to date; the window
 * hands each pane only its own.
 *
 * @param layers  number of layers of the loaded model (for the views' layer pickers)
 * @param compare compare mode (a second model on the same input)
 */
public record WindowModels(HeaderViewModel header, CatalogViewModel catalog, InputViewModel input,
                           StepperViewModel stepper, StatusViewModel status, AutomatonViewModel automaton,
                           PredictionStripViewModel strip, HeatmapViewModel stateMap, HeatmapViewModel deltaMap,
                           HeatmapViewModel gateMap, TrajectoryViewModel trajectory, ChannelChartViewModel chart,
                           ReadOnlyIntegerProperty layers, CompareViewModel compare) {
}
