package statescope.analysis;

import java.util.Objects;
import statescope.inspect.LanguageEntry;
import statescope.lang.Alphabet;
import statescope.lang.Word;
import statescope.lang.catalog.Language;
import statescope.lang.catalog.LengthWindow;
import statescope.lang.catalog.ReferenceMachine;
import statescope.ssm.SsmWeights;

/**
 * What the instruments test: a model and the language it is checked against (the reference machine,
 * the targets and how a word becomes the model's token ids, all from an {@link LanguageEntry}), with the
 * {@link Judge} that scores a position and, for a catalog language, its samplers and training window.
 * Built only when the model fits the language: same vocabulary, as many outputs as the judge reads, and
 * a language with at least one word.
 */
public final class Subject {

    private final Model model;
    private final LanguageEntry entry;
    private final Language catalog;
    private final Judge judge;
    private final boolean identityTokens;

    private Subject(Model model, LanguageEntry entry, Language catalog) {
        this.model = Objects.requireNonNull(model, "model");
        this.entry = Objects.requireNonNull(entry, "entry");
        this.catalog = catalog;
        this.judge = Judge.of(entry, catalog);
        this.identityTokens = catalog != null && catalog.inputVocabulary().equals(catalog.alphabet());
    }

    /**
     * A model checked against a language.
     *
     * @param catalog the catalog language behind {@code entry} (its samplers, training window and scoring
     *                rule), or null for a user's regex or DFA
     * @throws IllegalArgumentException when the model does not fit the language, or the language is empty
     */
    public static Subject of(Model model, LanguageEntry entry, Language catalog) {
        var s = new Subject(model, entry, catalog);
        String modelName = model.name();
        if (model.vocabSize() != entry.vocabularySize()) {
            throw new IllegalArgumentException(modelName + " reads " + model.vocabSize() + " token ids, but " + entry.name()
                    + " has " + entry.vocabularySize() + " (" + String.join(" ", vocabulary(entry, catalog).symbols())
                    + "): the model does not fit the language");
        }
        if (model.outputSize() != s.judge.outputs()) {
            throw new IllegalArgumentException(modelName + " has " + model.outputSize() + " outputs, but " + entry.name()
                    + " is scored on " + s.judge.outputs() + " (" + s.judge.describe() + "): the model does not fit the language");
        }
        ReferenceMachine m = entry.machine();
        if (m.isDead(m.start())) {
            throw new IllegalArgumentException(entry.name() + " is empty: no string is a prefix of a word of it");
        }
        return s;
    }

    private static Alphabet vocabulary(LanguageEntry entry, Language catalog) {
        return catalog != null ? catalog.inputVocabulary() : entry.reference().alphabet();
    }

    /** The engine's model from its weights. */
    public static Subject of(String modelName, SsmWeights weights, LanguageEntry entry, Language catalog) {
        return of(new SsmModel(weights, modelName), entry, catalog);
    }

    public String modelName() {
        return model.name();
    }

    public Model model() {
        return model;
    }

    public LanguageEntry entry() {
        return entry;
    }

    /** The catalog language, or null for a user's regex or DFA. */
    public Language catalog() {
        return catalog;
    }

    public Judge judge() {
        return judge;
    }

    public ReferenceMachine machine() {
        return entry.machine();
    }

    public Alphabet alphabet() {
        return entry.reference().alphabet();
    }

    /** The training window of a catalog language, or null. */
    public LengthWindow trainingWindow() {
        return catalog == null ? null : catalog.trainingSplit().window();
    }

    /** The model's token id at position t of a word of symbol indices (encoders look back only). */
    public int token(int[] word, int t) {
        return identityTokens ? word[t] : entry.tokens().token(word, t);
    }

    /** The model's token ids of a whole word, {@code [T]}. */
    public int[] tokens(int[] word) {
        if (identityTokens) {
            return word.clone();
        }
        if (catalog != null) {
            return catalog.encodeInput(Word.of(catalog.alphabet(), word));
        }
        int[] out = new int[word.length];
        for (int t = 0; t < word.length; t++) {
            out[t] = entry.tokens().token(word, t);
        }
        return out;
    }

    /** A word written with the alphabet's symbols ("ε" when empty). */
    public String text(int[] word) {
        return Word.of(alphabet(), word).toString();
    }

    /** A word read from text over the alphabet; an unknown symbol is an IllegalArgumentException naming it. */
    public int[] parse(String text) {
        return Word.parse(alphabet(), text).toArray();
    }

    /** "d-12 on D_12". */
    @Override
    public String toString() {
        return model.name() + " on " + entry.name();
    }
}
