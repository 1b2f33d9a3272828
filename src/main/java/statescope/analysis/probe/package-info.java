/**
 * Linear probes: in which layer does a model know the reference automaton's state? Per layer (the
 * embedding as layer 0, then each block's SSM state h_t with ED·N features and its block output with D
 * features) a ridge least-squares probe, one-vs-rest over the automaton's states (or a regression on
 * the counters of a counter language), fitted on one sample of the language and scored on a held-out
 * one against the majority-class baseline. The large products (the Gram matrix of up to 10^5 rows)
 * run on ND4J's BLAS, loaded lazily the first time a probe is fitted ({@link RidgeFitter#nd4j()}),
 * with a plain-Java fit beside it for comparison. Headless: may import {@code lang}, {@code ssm},
 * {@code train}, {@code inspect}; never JavaFX.
 */
package statescope.analysis.probe;
