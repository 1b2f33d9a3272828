/**
 * The app's instruments from {@code statescope.analysis}, on one analysis tab ({@link LengthsView}) of
 * three pages: "Where it breaks" ("Find counterexample" for the current model and the length sweep of
 * every open model, chart in {@code ui.chart}), "Probes" (per-layer probes, the model's decoded state as
 * a ghost beside the automaton's) and "Extraction" (the machine learned from the model beside the
 * reference). Each runs in the background with progress and Cancel; a found string opens in the stepper.
 */
package statescope.ui.analysis;
