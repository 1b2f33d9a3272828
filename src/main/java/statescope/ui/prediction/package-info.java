/**
 * The prediction strip and the token chips: per position the token, the reference target and the model's
 * prediction, disagreements marked and the first divergence flagged; clicking jumps to a position.
 */
package statescope.ui.prediction;
