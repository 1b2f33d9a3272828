package statescope.lang.catalog;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import statescope.lang.Dfa;
import statescope.lang.Word;
import statescope.lang.catalog.TargetEncoding.Loss;

/**
 * One regular language of the catalog as a row of data: names, DFA, membership by the definition,
 * description, the paper's result, the target encoding and the length windows of its splits.
 * {@link #build()} turns every row into a {@link Language} the same way: the DFA is the reference
 * machine, every split draws its words as the authors' generator does ({@link AuthorsSamplers#regular}),
 * or uniformly from the DFA ({@link Samplers#uniform}) with {@link Sampling#UNIFORM}, and the splits are
 * named {@code train}, {@code bin1}, {@code bin2}, ... in the order of {@link #windows()}.
 *
 * @param id          catalog id
 * @param name        display name
 * @param aliases     other names the catalog resolves
 * @param definition  the definition in one line
 * @param family      star-free or not
 * @param dfa         the reference DFA (its alphabet is the language's)
 * @param membership  membership by the definition, independent of the DFA
 * @param description one paragraph: the language, the paper's verdict and result, the targets
 * @param paperResult the paper's observed result
 * @param targets     the target encoding, made from the reference machine
 * @param windows     the training window first, then the evaluation bins
 */
record RegularSpec(String id, String name, List<String> aliases, String definition, Family family, Dfa dfa,
                   Predicate<Word> membership, String description, String paperResult,
                   Function<ReferenceMachine, TargetEncoding> targets, List<Window> windows) {

    /** Next-symbol sets (MSE), as most regular languages of the suite. */
    static final Function<ReferenceMachine, TargetEncoding> NEXT_SET = m -> Encodings.nextSet(m, Loss.MSE);

    /** Is prefix·c in the language (MSE), the repository's Tomita-3 encoding. */
    static final Function<ReferenceMachine, TargetEncoding> NEXT_IN_LANGUAGE = m -> Encodings.nextInLanguage(m, Loss.MSE);

    /** One membership bit (MSE). */
    static final Function<ReferenceMachine, TargetEncoding> MEMBERSHIP = m -> Encodings.membership(m, Loss.MSE);

    RegularSpec {
        aliases = List.copyOf(aliases);
        windows = List.copyOf(windows);
    }

    /**
     * The lengths and size of one split.
     *
     * @param min        shortest word
     * @param max        longest word
     * @param count      how many words the protocol asks for
     * @param paperCount how many words the paper's released data hold, or -1 when the language is not
     *                   in the paper (shown as {@code -})
     * @param note       how the split differs from the paper's data, or an empty string
     */
    record Window(int min, int max, int count, int paperCount, String note) {

        /** What the paper's data hold, e.g. {@code "1627 (1-100)"}. */
        String paperData() {
            return paperCount < 0 ? "-" : paperCount + " (" + min + "-" + max + ")";
        }
    }

    /** A window with a note. */
    static Window window(int min, int max, int count, int paperCount, String note) {
        return new Window(min, max, count, paperCount, note);
    }

    /** A window the paper's data fill as asked. */
    static Window window(int min, int max, int count, int paperCount) {
        return new Window(min, max, count, paperCount, "");
    }

    /** The language of this row. */
    Language build() {
        var b = Language.builder(id).name(name).aliases(aliases.toArray(String[]::new)).definition(definition)
                .alphabet(dfa.alphabet()).family(family).dfa(dfa).membership(membership)
                .description(description).paperResult(paperResult);
        b.targets(targets.apply(b.machine()));
        WordSampler uniform = Samplers.uniform(dfa);
        List<WordSampler> authors = AuthorsSamplers.regular(id, dfa);
        for (int i = 0; i < windows.size(); i++) {
            Window w = windows.get(i);
            String name = i == 0 ? "train" : "bin" + i;
            if (authors == null) {
                b.split(Split.of(name, w.min(), w.max(), w.count(), w.paperData(), w.note(), uniform));
            } else {
                Split split = Split.of(name, w.min(), w.max(), w.count(), w.paperData(), w.note(), authors.get(i));
                b.split(i == 0 && AuthorsSamplers.repeatsTrainingWords(id) ? split.withDistinct(false) : split,
                        split.withSampler(uniform));
            }
        }
        return b.build();
    }
}
