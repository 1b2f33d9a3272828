package statescope.inspect;

import java.util.Objects;
import statescope.lang.Word;
import statescope.lang.catalog.ReferenceMachine;

/**
 * A language as the UI sees it: a name, a one-line description, its reference side (the catalog's
 * reference machine and target encoding, the DFA to draw, how model outputs are read) and how a word
 * becomes the model's token ids.
 *
 * @param id          a stable id used to find shipped checkpoints ({@code assets/models/ID/...})
 * @param name        display name
 * @param description one line, e.g. the regex or the rule
 * @param family      the badge: "SF", "non-SF", "counter" (catalog families) or "custom"
 * @param starFree    whether the language is star-free (null when unknown)
 * @param reference   the reference machine, its targets and the drawn DFA
 * @param sample      a demo string to open the language with
 * @param tokens      how a word becomes the model's token ids
 */
public record LanguageEntry(String id, String name, String description, String family, Boolean starFree,
                            Reference reference, String sample, TokenEncoder tokens) {

    /**
     * The model's token id at position t (0-based) of a word of symbol indices. Usually the symbol
     * itself; flip-flop hides the bit after a read. Encoders may look back, never ahead.
     */
    public interface TokenEncoder {
        int token(int[] word, int t);

        /** Number of distinct token ids. */
        int vocabularySize();

        /** Token id = symbol index, over an alphabet of {@code size} symbols. */
        static TokenEncoder identity(int size) {
            return new TokenEncoder() {
                @Override
                public int token(int[] word, int t) {
                    return word[t];
                }

                @Override
                public int vocabularySize() {
                    return size;
                }
            };
        }
    }

    /** A language whose token ids are its symbol indices. */
    public LanguageEntry(String id, String name, String description, String family, Boolean starFree,
                         Reference reference, String sample) {
        this(id, name, description, family, starFree, reference, sample, null);
    }

    /** The reference machine (the catalog's), stepped in lockstep with the model. */
    public ReferenceMachine machine() {
        return reference.machine();
    }

    /**
     * The model's token ids for a text over the language's alphabet (read as {@link Word#parse} reads it).
     *
     * @throws IllegalArgumentException for an unknown symbol, naming it, its position and the alphabet
     */
    public int[] encode(String text) {
        int[] word = Word.parse(machine().alphabet(), text).toArray();
        int[] ids = new int[word.length];
        for (int t = 0; t < word.length; t++) {
            ids[t] = tokens.token(word, t);
        }
        return ids;
    }

    /** Size of the model's input vocabulary (the alphabet unless the encoder says otherwise). */
    public int vocabularySize() {
        return tokens.vocabularySize();
    }

    public LanguageEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reference, "reference");
        description = description == null ? "" : description;
        family = family == null ? "" : family;
        sample = sample == null ? "" : sample;
        tokens = tokens == null ? TokenEncoder.identity(reference.alphabet().size()) : tokens;
    }

    @Override
    public String toString() {
        return name;
    }
}
