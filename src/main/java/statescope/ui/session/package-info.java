/**
 * The session behind the main window ({@link statescope.ui.session.SessionViewModel}): the chosen language
 * and model, the input, the {@link statescope.inspect.AlignedTrace} that follows it key by key, the
 * current position, and the view models of every view, updated together. Also where the app finds its
 * languages ({@link statescope.ui.session.LanguageLibrary}) and models
 * ({@link statescope.ui.session.ModelLibrary}), and the incremental input parser.
 */
package statescope.ui.session;
