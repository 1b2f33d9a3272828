/**
 * The app's instruments from {@code statescope.analysis}: the "Lengths" tab with "Find counterexample"
 * for the current model and the length sweep of every open model (chart in {@code ui.chart}), run in
 * the background with progress and Cancel; a found string opens in the stepper at its divergence.
 */
package statescope.ui.analysis;
