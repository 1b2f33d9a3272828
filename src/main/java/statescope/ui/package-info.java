/**
 * The desktop app (JavaFX): {@link statescope.ui.StateScopeApp} builds the window around one
 * {@link statescope.ui.session.SessionViewModel}. One package per view, each a View (nodes, CSS) and a
 * ViewModel (state, testable without the FX toolkit): {@link statescope.ui.automaton},
 * {@link statescope.ui.trajectory}, {@link statescope.ui.heatmap}, {@link statescope.ui.chart},
 * {@link statescope.ui.prediction}; the window itself in {@link statescope.ui.main}, the session in
 * {@link statescope.ui.session}, shared pieces in {@link statescope.ui.common}.
 *
 * <p>May import {@code inspect}, {@code lang} and {@code ssm}; never {@code experiment} (training is the
 * command line's). Only {@code ui.chart} imports JFreeChart and AWT.
 */
package statescope.ui;
