package statescope.lang.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import statescope.lang.Word;

/**
 * The words of every split of a language for one seed, as the protocol builds them: the training
 * split first, then each evaluation split with the training words held out where its window still
 * holds enough other words (paper.md §3.1: bin 1 = held-out strings of the training lengths).
 *
 * @param language the language
 * @param seed the seed every split was drawn with
 * @param words the words per split name, in split order
 * @param notes per split, where it deviates from the protocol size or overlaps the training words
 */
public record Dataset(Language language, long seed, Map<String, List<Word>> words, Map<String, String> notes) {

    public Dataset {
        words = Collections.unmodifiableMap(new LinkedHashMap<>(words));
        notes = Collections.unmodifiableMap(new LinkedHashMap<>(notes));
    }

    /** The words of one split. */
    public List<Word> split(String name) {
        List<Word> w = words.get(name);
        if (w == null) {
            throw new IllegalArgumentException(language.id() + " has no split '" + name + "'");
        }
        return w;
    }

    /**
     * Draws every split of a language.
     *
     * @param maxPerSplit at most this many words per split (0: the protocol's sizes; a token-sized
     *     split stops at its token budget or at this many words, whichever comes first)
     */
    public static Dataset generate(Language language, long seed, int maxPerSplit) {
        if (maxPerSplit < 0) {
            throw new IllegalArgumentException("maxPerSplit must be >= 0, got " + maxPerSplit);
        }
        var words = new LinkedHashMap<String, List<Word>>();
        var notes = new LinkedHashMap<String, String>();
        Set<Word> training = Set.of();
        for (Split s : language.splits()) {
            if (s.tokens() > 0) {
                words.put(s.name(), byTokens(language, s, seed, maxPerSplit));
                continue;
            }
            int want = maxPerSplit > 0 ? Math.min(s.count(), maxPerSplit) : s.count();
            double available = s.sampler().available(s.window());
            int target = (int) Math.min(want, Math.floor(available));
            Set<Word> exclude = Set.of();
            if (!s.isTraining()) {
                long inWindow = training.stream().filter(w -> s.window().contains(w.length())).count();
                if (available - inWindow >= target) {
                    exclude = training;
                } else if (inWindow > 0) {
                    notes.put(s.name(), "overlaps the training words: the window holds only " + (long) available
                            + " words");
                }
            }
            List<Word> got = language.sample(s, target, seed, exclude);
            if (got.size() < want && !notes.containsKey(s.name())) {
                notes.put(s.name(), got.size() + " of " + want + " words: the window holds only " + (long) available);
            }
            words.put(s.name(), got);
            if (s.isTraining()) {
                training = new HashSet<>(got);
            }
        }
        return new Dataset(language, seed, words, notes);
    }

    private static List<Word> byTokens(Language language, Split s, long seed, int maxWords) {
        var out = new ArrayList<Word>();
        var it = language.stream(s, seed);
        long tokens = 0;
        while (tokens < s.tokens() && (maxWords == 0 || out.size() < maxWords)) {
            Word w = it.next();
            out.add(w);
            tokens += w.length();
        }
        return out;
    }
}
