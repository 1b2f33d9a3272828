/**
 * The session behind the main window ({@link statescope.ui.session.SessionViewModel}): the chosen language
 * and model, the input, the {@link statescope.inspect.AlignedTrace} that follows it key by key, and the
 * view models of every view, updated together. Each pane has its own small view model
 * ({@link statescope.ui.session.HeaderViewModel}, {@link statescope.ui.session.CatalogViewModel},
 * {@link statescope.ui.session.InputViewModel}, {@link statescope.ui.session.StepperViewModel},
 * {@link statescope.ui.session.StatusViewModel}; all in {@link statescope.ui.session.WindowModels}),
 * whose derived state is read-only: the panes act through it and the session does the work. Also where
 * the app finds its languages ({@link statescope.ui.session.LanguageLibrary}) and models
 * ({@link statescope.ui.session.ModelLibrary}), and the incremental input parser.
 */
package statescope.ui.session;
