/**
 * Files a user takes home, headless: the trace of an input as CSV (long format), JSON (the schema of
 * {@code statescope trace --json}) and NumPy {@code .npz}/{@code .npy}; and the session file
 * ({@code .statescope}) that reopens the app where it was. Used by the desktop app and the command line.
 */
package statescope.export;
