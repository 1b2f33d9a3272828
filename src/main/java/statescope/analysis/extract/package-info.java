/**
 * Automaton extraction: which machine does a model actually compute? The model's outputs on the
 * language's domain (each prefix → its predicted output class; a prefix the reference machine can no
 * longer complete → the sink output ⊥) are learned as a Mealy machine with LearnLib's TTT algorithm,
 * its queries answered by the batched scan with a cache ({@link ModelOutputs}); the reference is the same
 * kind of machine ({@link ReferenceOutputs}, {@link ReferenceMealy}). Equivalence queries go to an
 * {@link EquivalenceOracle}; {@link BoundedOracle} searches exhaustively to a length, along random walks
 * of the reference and through the language's samplers at growing lengths, and {@link SearchOracle}
 * adds the counterexample search of {@code statescope.analysis} after it; each always states its reach.
 * Every separating word is confirmed by stepping the model. {@link MachineMatch} pairs an extracted
 * machine's states with the reference's for drawing. Headless: may import {@code analysis},
 * {@code lang}, {@code ssm}, {@code train}, {@code inspect}; never JavaFX.
 */
package statescope.analysis.extract;
