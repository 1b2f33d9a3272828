/**
 * Training with a hand-written backward pass: {@code SequenceBackprop} (forward with
 * caches and backward of the whole model over one sequence), {@link statescope.train.Backprop} (a batch,
 * multi-threaded, bit-identical for the same thread count), {@link statescope.train.AdamW},
 * {@link statescope.train.LrSchedule}, {@link statescope.train.Loss} and the
 * {@link statescope.train.Trainer} that steps them and saves and resumes its optimizer state. Its
 * numeric kernels come as twins, a plain reference and a Vector API fast path, with tests that they
 * agree and that the gradients match finite differences and an independent oracle (docs/architecture.md).
 *
 * <p>May import {@code statescope.ssm} only: the trainer sees token and target ids, not languages.
 */
package statescope.train;
