/**
 * Pieces every view shares: background work off the FX thread ({@link statescope.ui.common.TaskRunner},
 * {@link statescope.ui.common.FxTaskRunner}, {@link statescope.ui.common.Work},
 * {@link statescope.ui.common.Progress}, {@link statescope.ui.common.Job}), lazy painting of hidden tabs
 * ({@link statescope.ui.common.LazyPaint}), a pan-and-zoom pane and tool-bar helpers.
 */
package statescope.ui.common;
