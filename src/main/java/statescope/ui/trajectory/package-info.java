/**
 * Hidden states of one layer in a PCA basis fitted once on a corpus of the language: the corpus as a cloud
 * coloured by reference state, centroids labelled, the current string's path on top, in 2D or 3D.
 */
package statescope.ui.trajectory;
