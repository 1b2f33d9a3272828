/**
 * Channel × time heatmaps of one per-channel quantity of one layer ({@link statescope.inspect.ChannelKind}:
 * the state, or Ā above Δ in the gate view), over a window ending at the current position, painted on a
 * canvas with diverging or sequential colour maps; rows labelled by the model's channel names where it has
 * them, and compare mode's model B drawn below A.
 */
package statescope.ui.heatmap;
