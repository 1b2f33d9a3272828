/**
 * StateScope's entry point: {@link statescope.Launcher} starts the desktop app without arguments and
 * the {@code statescope} command line ({@link statescope.cli.StateScopeCommand}) with them, re-running
 * itself with the Vector API module when a plain {@code java -jar} started it.
 *
 * <p>The packages below it, bottom up (docs/architecture.md has the whole map and the rules that
 * {@code LayeringTest} enforces): {@link statescope.lang} and {@link statescope.lang.catalog} (formal
 * languages), {@link statescope.ssm} and {@link statescope.ssm.gpu} (the Mamba model),
 * {@link statescope.train} (training), {@link statescope.experiment} (training runs and evaluation),
 * {@link statescope.inspect} (a model run aligned with the reference run, for the views),
 * {@link statescope.cli} (the command line) and {@code statescope.ui.*} (the app).
 */
package statescope;
