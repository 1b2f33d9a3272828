/**
 * Exact SSMs built from the paper's constructions rather than trained: flip-flop, D_n, bounded Dyck,
 * parity with signed gates, Tomita 1/2/4/7 and the other star-free catalog languages, each written as
 * weights of the Mamba block (gates of exactly 0 and 1 are reachable in float32) and saved as ordinary
 * checkpoints marked {@code constructed}, with named channels. The compiler turns the minimal automaton
 * of a star-free language into a cascade of set/reset components (a holonomy decomposition), one layer
 * per level; {@link statescope.construct.ExactnessCheck} verifies a model position by position on
 * sampled and exhaustive strings. May import {@code lang}, {@code ssm} and {@code io}; no JavaFX.
 */
package statescope.construct;
