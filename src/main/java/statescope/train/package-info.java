/**
 * Training on the CPU: losses ({@link statescope.train.Loss}), the hand-written backward pass over whole
 * sequences ({@link statescope.train.Backprop}), AdamW, the learning-rate schedule and the
 * {@link statescope.train.Trainer}. Builds on {@code statescope.ssm} only (never the other way round).
 *
 * <p>Its numeric kernels ({@code TrainMath}: {@code VectorTrainMath} and its reference twin
 * {@code ScalarTrainMath}) belong to the ssm kernel family: {@code ssm.VectorSupport} decides which
 * run, and the helpers are ssm's ({@code Layouts}, {@code Norms}, {@code Activations}, {@code PolyMath} /
 * {@code VectorPolyMath}). Same seed and threads give byte-identical checkpoints in every JIT tier.
 * Shapes use the symbol legend of {@code statescope.ssm} (D d_model, ED d_inner, N d_state, L layers,
 * T length, R dt_rank, W = R + 2N).
 */
package statescope.train;
