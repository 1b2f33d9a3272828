package statescope.inspect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import statescope.lang.Word;
import statescope.lang.catalog.Catalog;
import statescope.lang.catalog.Language;

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
        Boolean starFree = l.family().isRegular() ? l.starFreeVerdict().map(v -> v.starFree()).orElse(null) : null;
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

    /** A short word of the language's first evaluation bin, written as text, for the demo input. */
    private static String sample(Language l) {
        try {
            List<Word> words = l.sample(l.trainingSplit(), 8, 7, Set.of());
            Word best = words.get(0);
            for (Word w : words) {
                if (Math.abs(w.length() - 14) < Math.abs(best.length() - 14)) {
                    best = w;
                }
            }
            return best.length() > 24 ? best.prefix(24).toString() : best.toString();
        } catch (RuntimeException e) {
            return "";
        }
    }
}
