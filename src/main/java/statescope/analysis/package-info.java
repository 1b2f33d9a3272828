/**
 * The instruments that find where a model breaks: the counterexample search (an exhaustive phase over
 * a prefix tree of the language's prefixes, each stepped once, then a guided phase of sampled, walked
 * and mutated strings on the batched scan) and the length-generalisation sweep (strict accuracy against
 * length with Wilson intervals). Headless: used by {@code cli} and {@code ui}; builds on {@code lang},
 * {@code ssm} (with {@code ssm.gpu}'s kernels passed in) and {@code inspect}'s reading of targets.
 */
package statescope.analysis;
