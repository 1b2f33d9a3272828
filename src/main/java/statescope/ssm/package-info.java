/**
 * The Mamba-1 model: {@link statescope.ssm.SsmConfig}, {@link statescope.ssm.SsmWeights} and
 * {@link statescope.ssm.SsmState} kept apart; three execution paths that agree (tests): the recurrent
 * step the app uses ({@link statescope.ssm.SsmStepper}), the slow reference forward that reads like the
 * equations ({@link statescope.ssm.ReferenceForward}) and the fast batched forward
 * ({@link statescope.ssm.FastForward}) whose selective scan is a pluggable
 * {@link statescope.ssm.SelectiveScanKernel} (plain Java reference, Vector API, or CUDA in
 * {@link statescope.ssm.gpu}); every fast kernel has a slow twin and a test that they agree
 * (docs/architecture.md). Checkpoints: safetensors weights plus a JSON manifest
 * ({@link statescope.ssm.Checkpoint}, {@link statescope.ssm.Manifest}), written atomically; PyTorch
 * state-dict names load directly.
 *
 * <p>Symbols in shape comments: L layers, D d_model, ED d_inner, N d_state, T tokens. The model sees
 * token ids only: this package imports no other project package (never {@code lang}), and no JavaFX.
 */
package statescope.ssm;
