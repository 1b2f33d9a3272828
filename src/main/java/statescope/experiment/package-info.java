/**
 * Training experiments, headless: a training run of a catalog language end to end
 * ({@link statescope.experiment.TrainingRun}: data from the catalog's seeded splits, the model, the
 * trainer, quick evaluations that keep the best checkpoint, resumption), the recipe of every shipped
 * model ({@link statescope.experiment.Recipes}), a language as a training task
 * ({@link statescope.experiment.LanguageTask}: token and target encoding, the paper's loss and strict
 * per-string accuracy) and the evaluation of models by length bin
 * ({@link statescope.experiment.Evaluation}, {@link statescope.experiment.ModelEvaluation}); sweeps: a
 * plan expanded into named cells ({@link statescope.experiment.SweepPlan},
 * {@link statescope.experiment.SweepCell}), a sweep's results folder ({@link statescope.experiment.SweepFolder}),
 * the lock under which a cell trains ({@link statescope.experiment.CellLock}) and the figures over seeds
 * ({@link statescope.experiment.SeedStatistics}, judged by {@link statescope.experiment.PaperPattern}).
 *
 * <p>Used by {@code statescope.cli} ({@code train}, {@code reproduce}, {@code sweep}, {@code eval}). May import
 * {@code lang}, {@code ssm} and {@code train}; never {@code inspect}, {@code ui} or JavaFX. A run does
 * not know how a command line is spelled: the CLI passes in the command a manifest records.
 */
package statescope.experiment;
