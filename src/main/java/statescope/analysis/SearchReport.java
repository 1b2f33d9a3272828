package statescope.analysis;

import java.util.Locale;

/**
 * The outcome of a counterexample search: the counterexample, or how far the search looked.
 *
 * @param model            the model's name
 * @param language         the language's name, as people read it ({@code Tomita 3})
 * @param languageId       its id ({@code tomita-3}; {@code regex:…} or {@code file:…} for a user's language)
 * @param judge            how a position is scored
 * @param backend          the scan kernel of the guided phase (the exhaustive phase steps on the CPU)
 * @param found            the counterexample, or null
 * @param exhaustiveDepth  every prefix of a word of the language up to this length was checked
 * @param prefixes         prefixes the exhaustive phase stepped
 * @param exhaustiveSeconds its time
 * @param languageCovered  true when the language has no prefix longer than {@code exhaustiveDepth}
 * @param sampled          strings the guided phase scored
 * @param sampledLongest   the longest of them
 * @param sampledTokens    their symbols in all
 * @param guidedSeconds    its time
 * @param stopped          true when cancel or the time limit ended the search early
 * @param seconds          the whole search
 */
public record SearchReport(String model, String language, String languageId, String judge, String backend, Counterexample found,
                           int exhaustiveDepth, long prefixes, double exhaustiveSeconds, boolean languageCovered,
                           long sampled, int sampledLongest, long sampledTokens, double guidedSeconds,
                           boolean stopped, double seconds) {

    /** Exhaustive prefixes per second. */
    public double prefixesPerSecond() {
        return exhaustiveSeconds > 0 ? prefixes / exhaustiveSeconds : 0;
    }

    /**
     * "none up to length 16, and none in 1000 sampled strings up to length 2000" (with "(stopped: time
     * limit)" when the search ended early), or the counterexample in one line.
     */
    public String summary() {
        if (found != null) {
            return String.format(Locale.ROOT, "%s (length %d), wrong at position %d: target %s, model %s; %s phase, %.2f s",
                    found.text(), found.length(), found.position(), found.target(), found.prediction(), found.phase(),
                    found.seconds());
        }
        String s = "none up to length " + exhaustiveDepth + (languageCovered ? " (every prefix of the language)" : "")
                + ", and none in " + sampled + " sampled strings up to length " + sampledLongest;
        return stopped ? s + " (stopped early)" : s;
    }
}
