package statescope.analysis;

/**
 * A string the model gets wrong: the shortest the search found, wrong at its last symbol (a wrong
 * position inside it would make a shorter counterexample).
 *
 * @param word        the string, symbol indices
 * @param text        the string written with the alphabet's symbols
 * @param position    the first wrong position, 1-based: after that many symbols (= its length)
 * @param target      what the reference expects there, as the stepper labels it
 * @param prediction  what the model says there
 * @param margin      the margin there (&lt;= 0)
 * @param phase       "exhaustive" or "guided"
 * @param source      how the guided phase made it ("sampler", "walk", "mutation of a near-failure"), or
 *                    "prefix tree"
 * @param foundLength its length when found, before the guided phase shortened it
 * @param seconds     time from the start of the search until it was found
 * @param stepAgrees  whether the app's recurrent step, replaying the string, is wrong at the same position
 *                    (the batched scan rounds differently; a borderline position may flip)
 * @param completion  symbols that make the string a word of the language (empty when it is one), or
 *                    null when none was found
 */
public record Counterexample(int[] word, String text, int position, String target, String prediction, double margin,
                             String phase, String source, int foundLength, double seconds, boolean stepAgrees,
                             String completion) {

    /** Its length in symbols. */
    public int length() {
        return word.length;
    }
}
