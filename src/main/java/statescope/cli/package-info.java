/**
 * The {@code statescope} command line (picocli): one class per command, registered in
 * {@link statescope.cli.StateScopeCommand}, which also maps errors to the exit codes of
 * {@link statescope.cli.ExitCodes} (one line on standard error, the stack trace only with
 * {@code --debug}).
 *
 * <p>Shared pieces: {@link statescope.cli.BackendOption} ({@code --backend auto|cpu|gpu}),
 * {@code GateRangeConverter} (every {@code --gates}), {@link statescope.cli.TrainRunOptions}
 * and {@code ConsoleProgress} (the options and terminal progress of {@code train} and
 * {@code reproduce}), {@link statescope.cli.TrainCommandLine} (how a {@code train} command is spelled in a
 * model's manifest and read back). {@code sweep} and {@code sweep status}: a plan's cells as {@code train}
 * commands ({@code CellCommand}), their states ({@code CellStates}), the local executor ({@code LocalSweep},
 * {@code SweepProgress}) and the Slurm one ({@code SlurmScript}, {@code SlurmClient}); {@code SeedTable}
 * prints {@code eval}'s figures over seeds.
 *
 * <p>May import every package but the app's: never {@code statescope.ui}, JavaFX or AWT.
 */
package statescope.cli;
