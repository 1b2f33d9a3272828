/**
 * What the views show, computed without them: a model run aligned with the reference machine's run on
 * the same word ({@link statescope.inspect.AlignedTrace}: per position the token, the reference
 * configuration and target, the model's prediction, the per-channel quantities of every layer and the
 * projected states), the languages as the app offers them ({@link statescope.inspect.LanguageEntry},
 * {@link statescope.inspect.Reference}, {@link statescope.inspect.CatalogLanguages},
 * {@link statescope.inspect.CustomLanguages}), the models it can step
 * ({@link statescope.inspect.TraceModel}, {@link statescope.inspect.EngineModel},
 * {@link statescope.inspect.ShippedModels}) and the frozen PCA projections of a corpus of the language
 * ({@link statescope.inspect.CorpusProjection}, {@link statescope.inspect.Pca}).
 *
 * <p>Used by {@code statescope.ui}. May import {@code lang} and {@code ssm} (with {@code ssm.gpu}, for
 * the batched corpus scan); never {@code train}, {@code experiment} or JavaFX, so all of it is testable
 * without the FX toolkit.
 */
package statescope.inspect;
