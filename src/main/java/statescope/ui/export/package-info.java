/**
 * Export from the desktop app: every view as SVG (vector, text as text) or PNG at 1x/2x/4x, the whole
 * window as PNG, the automaton as DOT, the current trace as CSV/JSON/NumPy, and sessions saved and
 * reopened; from each view's context menu, Ctrl+Shift+S and the header's File menu. Pictures are taken
 * on the FX thread, files are encoded and written off it, errors reported in one line. Also the
 * vocabulary table of a model from elsewhere ({@link statescope.ui.export.VocabTables}), from the same
 * File menu.
 */
package statescope.ui.export;
