package statescope.lang.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable registry of languages, looked up by id or alias. {@link #standard()} builds the
 * benchmark suite of the paper (27 languages, paper.md §3.1), flip-flop (§3.2), bounded Dyck (§3.3)
 * and counting mod 3 and mod 5. Not a singleton: each call builds a new registry.
 *
 * <p>Names are matched ignoring case, white space, {@code -}, {@code _} and {@code .}, so
 * {@code "Tomita 3"}, {@code "tomita3"}, {@code "T3"} and {@code "tomita-3"} all find Tomita 3. An
 * unknown name throws {@link UnknownLanguageException} with the closest names by edit distance.
 */
public final class Catalog {

    private final List<Language> languages;
    private final Map<String, Language> byKey;

    private Catalog(List<Language> languages) {
        this.languages = List.copyOf(languages);
        this.byKey = new HashMap<>();
        for (Language l : this.languages) {
            put(normalize(l.id()), l);
        }
        for (Language l : this.languages) {
            put(normalize(l.name()), l);
            for (String a : l.aliases()) {
                put(normalize(a), l);
            }
        }
    }

    private void put(String key, Language l) {
        Language prev = byKey.putIfAbsent(key, l);
        if (prev != null && prev != l && normalize(prev.id()).equals(key)) {
            return; // an id always wins over another language's alias
        }
        if (prev != null && prev != l) {
            throw new IllegalArgumentException("the name '" + key + "' is claimed by " + prev.id() + " and " + l.id());
        }
    }

    /**
     * The standard catalog: the paper's suite, flip-flop, bounded Dyck and counting mod k, with the
     * words of every split drawn as the authors' generators draw them ({@link Sampling#AUTHORS}).
     */
    public static Catalog standard() {
        var all = new ArrayList<Language>();
        all.addAll(TomitaLanguages.all());
        all.addAll(RegularLanguages.all());
        all.addAll(CounterLanguages.all());
        all.add(FlipFlop.language());
        all.add(BoundedDyck.language(8, 10));
        all.add(BoundedDyck.language(2, 4));
        return new Catalog(all);
    }

    /**
     * The standard catalog with every language's words drawn by {@code sampling} ({@link #standard()}
     * draws them as the authors' generators do).
     */
    public static Catalog standard(Sampling sampling) {
        Catalog c = standard();
        return sampling == Sampling.AUTHORS ? c : new Catalog(c.languages.stream().map(l -> l.withSampling(sampling)).toList());
    }

    /** A catalog of the given languages (ids must be distinct). */
    public static Catalog of(List<Language> languages) {
        return new Catalog(languages);
    }

    /** All languages, in catalog order. */
    public List<Language> languages() {
        return languages;
    }

    /** The languages of one family, in catalog order. */
    public List<Language> family(Family family) {
        return languages.stream().filter(l -> l.family() == family).toList();
    }

    /** The language with this id or alias. */
    public Optional<Language> find(String name) {
        return Optional.ofNullable(byKey.get(normalize(name)));
    }

    /**
     * The language with this id or alias.
     *
     * @throws UnknownLanguageException when there is none; its message names the closest ids
     */
    public Language get(String name) {
        return find(name).orElseThrow(() -> new UnknownLanguageException(name, suggestions(name)));
    }

    /** Up to five ids whose id or alias is close to {@code name} (edit distance), closest first. */
    public List<String> suggestions(String name) {
        String q = normalize(name);
        int limit = Math.max(2, q.length() / 3);
        Map<String, Integer> best = new LinkedHashMap<>();
        for (var e : byKey.entrySet()) {
            int d = editDistance(q, e.getKey());
            if (d <= limit || (q.length() >= 3 && e.getKey().startsWith(q))) {
                best.merge(e.getValue().id(), d, Math::min);
            }
        }
        var order = new ArrayList<>(best.entrySet());
        order.sort(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(e -> indexOf(e.getKey())));
        return order.stream().limit(5).map(Map.Entry::getKey).toList();
    }

    private int indexOf(String id) {
        for (int i = 0; i < languages.size(); i++) {
            if (languages.get(i).id().equals(id)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** Lower case without white space, {@code -}, {@code _} and {@code .}. */
    static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_.\\-]+", "");
    }

    /** Levenshtein distance. */
    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** Languages sorted by id, for stable listings. */
    public List<Language> sortedById() {
        return languages.stream().sorted(Comparator.comparing(Language::id)).toList();
    }
}
