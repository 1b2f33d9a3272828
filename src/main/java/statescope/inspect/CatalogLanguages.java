package statescope.inspect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import statescope.lang.Word;
import statescope.lang.catalog.Catalog;
import statescope.lang.catalog.Family;
import statescope.lang.catalog.Language;
import statescope.lang.catalog.ReferenceMachine;

/**
 * The catalog's languages (the paper's suite, flip-flop, bounded Dyck) as {@link LanguageEntry}s for
 * the UI, flip-flop first (the start-up demo). Token ids come from the language's input encoding
 * (flip-flop hides the bit after a read), assumed to look back at most {@value #LOOK_BACK} symbols.
 */
public final class CatalogLanguages {

    /** Symbols of context the input encoder is given for one token. */
    static final int LOOK_BACK = 8;

    /** The entries being built ahead for the app's first session ({@link #buildAhead}), until taken. */
    private static final AtomicReference<CompletableFuture<List<LanguageEntry>>> AHEAD = new AtomicReference<>();

    private CatalogLanguages() {
    }

    /**
     * Reserves {@link #all()} for the next {@link #allOrAhead()} and returns the work that builds it (and
     * returns it too), for a thread of the caller's choosing (the app builds the catalog while the JavaFX
     * toolkit starts).
     */
    public static Supplier<List<LanguageEntry>> buildAhead() {
        var f = new CompletableFuture<List<LanguageEntry>>();
        AHEAD.set(f);
        return () -> {
            try {
                var entries = all();
                f.complete(entries);
                return entries;
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
                throw e;
            }
        };
    }

    /** What {@link #buildAhead} built (waiting for it; once), else a fresh {@link #all()}. */
    public static List<LanguageEntry> allOrAhead() {
        var f = AHEAD.getAndSet(null);
        if (f != null) {
            try {
                return f.get();
            } catch (ExecutionException e) {
                // built again below, where the failure shows as it would have
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return all();
    }

    /** Every language of the standard catalog. */
    public static List<LanguageEntry> all() {
        var out = new ArrayList<LanguageEntry>();
        var langs = Catalog.standard().languages();
        langs.stream().filter(l -> l.id().startsWith("flip")).forEach(l -> out.add(entry(l)));
        langs.stream().filter(l -> !l.id().startsWith("flip")).forEach(l -> out.add(entry(l)));
        return out;
    }

    /** One catalog language. */
    public static LanguageEntry entry(Language l) {
        Boolean starFree = l.family().isRegular()                        // the family's where no DFA is built
                ? l.starFreeVerdict().map(v -> v.starFree()).orElse(l.family() == Family.STAR_FREE) : null;
        return new LanguageEntry(l.id(), l.name(), l.definition(), l.family().shortName(), starFree, Reference.of(l),
                sample(l), encoder(l));
    }

    private static LanguageEntry.TokenEncoder encoder(Language l) {
        int size = l.inputVocabulary().size();
        if (l.inputVocabulary().equals(l.alphabet())) {
            return LanguageEntry.TokenEncoder.identity(size);
        }
        return new LanguageEntry.TokenEncoder() {
            @Override
            public int token(int[] word, int t) {
                int from = Math.max(0, t - LOOK_BACK);
                int[] window = Arrays.copyOfRange(word, from, t + 1);
                return l.encodeInput(Word.of(l.alphabet(), window))[t - from];
            }

            @Override
            public int vocabularySize() {
                return size;
            }
        };
    }

    /**
     * The demo input: of 32 words of the training split, each cut to its longest word-of-the-language
     * prefix of at most 24 symbols (else to 24 symbols), a whole word first, then the one that takes the
     * reference machine through the most configurations, then the one nearest 14 symbols: the opening
     * view shows the state changing (a flip-flop word that writes both bits and reads one, not one that
     * writes 0 once and keeps it).
     */
    private static String sample(Language l) {
        try {
            return l.sample(l.trainingSplit(), 32, 7, Set.of()).stream()
                    .map(w -> Demo.of(l, demoCut(l, w)))
                    .max(Comparator.comparing(Demo::whole).thenComparingInt(Demo::configurations)
                            .thenComparingInt(d -> -Math.abs(d.word().length() - 14)))
                    .map(d -> d.word().toString()).orElse("");
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** A demo candidate: whether it is a word of the language, and how many configurations it passes through. */
    private record Demo(Word word, boolean whole, int configurations) {

        /** Runs the language's reference machine over {@code w} once (the start configuration counted). */
        static Demo of(Language l, Word w) {
            var machine = l.machine();
            var config = machine.start();
            var seen = new HashSet<ReferenceMachine.Config>();
            seen.add(config);
            for (int i = 0; i < w.length(); i++) {
                config = machine.step(config, w.at(i));
                seen.add(config);
            }
            return new Demo(w, machine.accepting(config), seen.size());
        }
    }

    /** {@code w} itself up to 24 symbols, else its longest prefix of 8 to 24 symbols in the language, else 24 symbols. */
    private static Word demoCut(Language l, Word w) {
        if (w.length() <= 24) {
            return w;
        }
        var m = l.machine();
        var config = m.start();
        int cut = 24;
        for (int i = 0; i < 24; i++) {
            config = m.step(config, w.at(i));
            if (i + 1 >= 8 && m.accepting(config)) {
                cut = i + 1;
            }
        }
        return w.prefix(cut);
    }
}
