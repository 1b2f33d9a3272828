package statescope.lang.catalog;

import java.util.function.Predicate;
import java.util.regex.Pattern;
import statescope.lang.Alphabet;
import statescope.lang.Word;

/** Small helpers shared by the language factories. */
final class Suite {

    private Suite() {
    }

    /** The paper's Mamba accuracies per depth (paper.md §3.1 results table). */
    static String result(String oneLayer, String twoLayers, String threeLayers) {
        return "Mamba 1L " + oneLayer + " · 2L " + twoLayers + " · 3L " + threeLayers
                + " (% strings correct per bin)";
    }

    /** Membership by a java.util.regex pattern over the word's text (single-character alphabets). */
    static Predicate<Word> regex(String pattern) {
        Pattern p = Pattern.compile(pattern);
        return w -> p.matcher(w.length() == 0 ? "" : w.toString()).matches();
    }

    /** Number of occurrences of a symbol in a word. */
    static int count(Word w, Alphabet al, String symbol) {
        int s = al.indexOf(symbol);
        int c = 0;
        for (int i = 0; i < w.length(); i++) {
            c += w.at(i) == s ? 1 : 0;
        }
        return c;
    }

    /** The protocol's bin size (2000 strings), the note is filled in where the catalog deviates. */
    static final int BIN = 2000;

    /** The protocol's training size. */
    static final int TRAIN = 10_000;
}
