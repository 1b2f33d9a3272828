/**
 * Channel × time heatmaps of one per-channel quantity of one layer ({@link statescope.inspect.ChannelKind}:
 * the state, or Δ above Ā in the gate view), over a window ending at the current position, painted on a
 * canvas with diverging or sequential colour maps.
 */
package statescope.ui.heatmap;
