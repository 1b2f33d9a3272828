/**
 * Line charts of channels the user picks, per layer, over a paging window of positions (JFreeChart).
 * The only package of the project that imports JFreeChart and AWT.
 */
package statescope.ui.chart;
