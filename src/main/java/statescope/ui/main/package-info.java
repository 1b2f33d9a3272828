/**
 * The main window: header with the model picker, the language catalog ({@code CatalogPane}),
 * the input field with its token chips ({@code InputBar}), the stepper, the automaton
 * beside the analysis tabs, the prediction strip and the status bar. Keys step and scrub.
 */
package statescope.ui.main;
