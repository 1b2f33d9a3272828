package statescope.lang.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import statescope.lang.Alphabet;
import statescope.lang.catalog.TargetEncoding.Kind;
import statescope.lang.catalog.TargetEncoding.Loss;
import statescope.lang.catalog.TargetEncoding.TargetFunction;

/** Factories of the target encodings of paper.md §3.1 for a given reference machine. */
final class Encodings {

    static final int EXPLORE_DEPTH = 24;
    static final int EXPLORE_CONFIGS = 20_000;

    private Encodings() {
    }

    /** k-hot next-symbol set (Tomita 1/2/4/7, D_n, {a,b}*d{b,c}*). */
    static TargetEncoding nextSet(ReferenceMachine m, Loss loss) {
        Alphabet al = m.alphabet();
        var names = new ArrayList<String>();
        for (String s : al.symbols()) {
            names.add("next " + s);
        }
        TargetFunction f = TargetEncoding.function(Kind.NEXT_SET);
        var classes = TargetEncoding.classesOf(explore(m, f), p -> setName(al, p, false),
                p -> "the next symbol may be " + setWords(al, p, false));
        return new TargetEncoding(Kind.NEXT_SET, al.size() + " bits per position: may the next symbol be "
                + String.join(" / ", al.symbols()), names, classes, loss, m, f);
    }

    /** k-hot next-symbol set plus an end bit; {@code className} names a pattern (null: set notation). */
    static TargetEncoding nextSetWithEnd(ReferenceMachine m, Loss loss, String description,
            Function<String, String> className, List<String> explicitPatterns) {
        Alphabet al = m.alphabet();
        var names = new ArrayList<String>();
        for (String s : al.symbols()) {
            names.add("next " + s);
        }
        names.add("end");
        TargetFunction f = TargetEncoding.function(Kind.NEXT_SET_WITH_END);
        Iterable<String> patterns = explicitPatterns != null ? explicitPatterns : explore(m, f);
        var classes = TargetEncoding.classesOf(patterns, className != null ? className : p -> setName(al, p, true),
                p -> "next: " + setWords(al, p, true));
        return new TargetEncoding(Kind.NEXT_SET_WITH_END, description, names, classes, loss, m, f);
    }

    /** Per symbol c: is prefix·c in the language (the repo's Tomita-3 encoding). */
    static TargetEncoding nextInLanguage(ReferenceMachine m, Loss loss) {
        Alphabet al = m.alphabet();
        var names = new ArrayList<String>();
        for (String s : al.symbols()) {
            names.add("prefix+" + s + " in L");
        }
        TargetFunction f = TargetEncoding.function(Kind.NEXT_IN_LANGUAGE);
        var classes = TargetEncoding.classesOf(explore(m, f), p -> setName(al, p, false),
                p -> "the prefix followed by " + setWords(al, p, false) + " is in the language");
        return new TargetEncoding(Kind.NEXT_IN_LANGUAGE, al.size() + " bits per position: is the prefix followed by "
                + String.join(" / ", al.symbols()) + " in the language (the repository's Tomita-3 rule: a symbol "
                + "counts as allowed only when it leads to an accepting state)", names, classes, loss, m, f);
    }

    /** One bit: is the prefix in the language. */
    static TargetEncoding membership(ReferenceMachine m, Loss loss) {
        TargetFunction f = TargetEncoding.function(Kind.MEMBERSHIP);
        var classes = List.of(new TargetClass(0, "0", "0", "the prefix is not in the language"),
                new TargetClass(1, "1", "1", "the prefix is in the language"));
        return new TargetEncoding(Kind.MEMBERSHIP, "1 bit per position: is the prefix in the language",
                List.of("prefix in L"), classes, loss, m, f);
    }

    /**
     * One bit per counter: is it positive. Every combination of open counters occurs, so the classes
     * are all {@code 2^k} bit strings.
     */
    static TargetEncoding openCounters(ReferenceMachine m, Loss loss, String description) {
        TargetFunction f = TargetEncoding.function(Kind.OPEN_COUNTERS);
        var names = m.registerNames().stream().map(n -> n.startsWith("open ") ? n : n + " > 0").toList();
        int k = names.size();
        var all = new TreeSet<String>();
        for (int mask = 0; mask < (1 << k); mask++) {
            var sb = new StringBuilder();
            for (int j = 0; j < k; j++) {
                sb.append((mask >> (k - 1 - j) & 1) == 1 ? '1' : '0');
            }
            all.add(sb.toString());
        }
        var classes = TargetEncoding.classesOf(all, p -> p, p -> {
            var open = new ArrayList<String>();
            for (int j = 0; j < p.length(); j++) {
                if (p.charAt(j) == '1') {
                    open.add(names.get(j));
                }
            }
            return open.isEmpty() ? "nothing open" : String.join(", ", open);
        });
        return new TargetEncoding(Kind.OPEN_COUNTERS, description, names, classes, loss, m, f);
    }

    /** A language-specific rule with explicitly listed classes (in class-id order). */
    static TargetEncoding custom(ReferenceMachine m, Loss loss, String description, List<String> bitNames,
            List<TargetClass> classes, TargetFunction f) {
        return new TargetEncoding(Kind.CUSTOM, description, bitNames, classes, loss, m, f);
    }

    static TreeSet<String> explore(ReferenceMachine m, TargetFunction f) {
        return TargetEncoding.explorePatterns(m, f, EXPLORE_DEPTH, EXPLORE_CONFIGS);
    }

    /** {@code "{0,1}"}, with {@code END} for the end bit. */
    static String setName(Alphabet al, String bits, boolean withEnd) {
        var parts = new ArrayList<String>();
        for (int a = 0; a < al.size(); a++) {
            if (bits.charAt(a) == '1') {
                parts.add(al.symbol(a));
            }
        }
        if (withEnd && bits.charAt(al.size()) == '1') {
            parts.add("END");
        }
        return "{" + String.join(",", parts) + "}";
    }

    private static String setWords(Alphabet al, String bits, boolean withEnd) {
        String s = setName(al, bits, withEnd);
        return s.equals("{}") ? "nothing (outside the language)" : s;
    }
}
