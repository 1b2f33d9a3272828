/**
 * The model and its execution: config ({@link statescope.ssm.SsmConfig}), weights
 * ({@link statescope.ssm.SsmWeights}), checkpoints (ours, mamba_ssm and Hugging Face layouts), the
 * recurrent state ({@link statescope.ssm.SsmState}) and traces, and three execution paths that agree
 * within 1e-5: the one-token step ({@link statescope.ssm.SsmStepper}), the plain reference forward
 * ({@link statescope.ssm.ReferenceForward}) and the batched forward ({@link statescope.ssm.FastForward})
 * over a pluggable selective scan ({@link statescope.ssm.SelectiveScanKernel}; the CUDA one lives in
 * {@code ssm.gpu}). Imports only the JDK; never {@code statescope.lang} (the model sees token ids) nor any
 * package above it. {@code train} builds on this package, not the other way round.
 *
 * <p><b>One kernel family.</b> {@link statescope.ssm.VectorSupport} alone decides whether the Java
 * Vector API kernels or their scalar twins run, for every family at once, and says why
 * ({@code reason()}, {@code describe()}). Each fast kernel has one reference twin it is tested against:
 * <ul>
 *   <li>{@code VectorMath} ↔ {@code ScalarMath} ({@code CpuMath}: the step's and the batched forward's
 *       products, activations and scan step) — {@code KernelTwinsTest};</li>
 *   <li>{@link statescope.ssm.VectorScan} ↔ {@link statescope.ssm.ReferenceScan} (the batched scan) —
 *       {@code KernelTwinsTest}, and the CUDA scan ↔ {@code ReferenceScan} — the GPU tests;</li>
 *   <li>{@link statescope.ssm.VectorPolyMath} ↔ {@link statescope.ssm.PolyMath} (exp, log1p, SiLU,
 *       softplus, lane sums; bit for bit) — {@code PolyMathTest};</li>
 *   <li>{@code train.VectorTrainMath} ↔ {@code train.ScalarTrainMath} — {@code KernelAgreementTest}.</li>
 * </ul>
 * Helpers are written once and shared by both paths and by {@code train}: {@link statescope.ssm.Layouts}
 * (transposes, padding), {@link statescope.ssm.Norms} (the norm forward) and
 * {@link statescope.ssm.Activations} (PyTorch's scalar nonlinearities, A = −exp(A_log)).
 *
 * <p><b>Symbols.</b> Shapes are written {@code [B, T, ED]} (row-major, outermost first) with mamba.py's
 * letters, here and in {@code train} and {@code ssm.gpu}:
 * <ul>
 *   <li>D = d_model (the residual stream), ED = d_inner = expand · d_model (the SSM's channels),
 *       N = d_state, L = layers, B = batch, T = length (time);</li>
 *   <li>R = dt_rank, K = d_conv, V = vocabulary, O = head outputs, W = R + 2N (x_proj's outputs).</li>
 * </ul>
 * In equations, D alone (as in {@code y = C·h + D·x}) is the paper's skip weight, called {@code dSkip}
 * in code. A trailing T in a name marks a transposed copy ({@code aT} is A as [N, ED]); {@code [L][ED]}
 * is an array of L arrays. The CUDA source keeps its own parameter names (its {@code D} is ED).
 */
package statescope.ssm;
