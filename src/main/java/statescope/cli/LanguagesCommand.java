package statescope.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import statescope.lang.catalog.Catalog;
import statescope.lang.catalog.Family;
import statescope.lang.catalog.Language;

/** {@code statescope languages}: the catalog as a table (or JSON). */
@Command(name = "languages",
        header = "List the languages of the catalog.",
        description = {"List the languages of the catalog: the paper's 27-language suite, flip-flop, bounded Dyck",
            "and counting mod k, with their family, alphabet, DFA size, star-free verdict and length bins."},
        mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  statescope languages", "  statescope languages --family counter --json"})
public final class LanguagesCommand extends CommandBase implements Callable<Integer> {

    @Option(names = "--family", paramLabel = "FAMILY",
            description = "Only one family: star-free, non-star-free or counter.")
    String family;

    @Option(names = "--json", description = "Print the list as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Catalog catalog = Catalog.standard();
        List<Language> list = family == null ? catalog.languages() : catalog.family(parseFamily(family));
        var out = out();
        if (json) {
            var rows = new ArrayList<Map<String, Object>>();
            for (Language l : list) {
                rows.add(LanguageSummaries.brief(l));
            }
            Map<String, Object> top = new LinkedHashMap<>();
            top.put("count", rows.size());
            top.put("languages", rows);
            out.println(Json.pretty(top));
        } else {
            String fmt = "%-18s %-18s %-8s %-24s %-11s %-11s %s%n";
            out.printf(fmt, "ID", "NAME", "FAMILY", "ALPHABET", "STATES", "STAR-FREE", "TRAIN / BINS");
            for (Language l : list) {
                out.printf(fmt, l.id(), clip(l.name(), 18), l.family().shortName(), clip(l.alphabet().toString(), 24),
                        LanguageSummaries.states(l), LanguageSummaries.starFree(l),
                        l.trainingSplit().window() + " / " + LanguageSummaries.bins(l));
            }
            out.printf("%n%d languages. Details: statescope language show ID%n", list.size());
        }
        out.flush();
        return ExitCodes.OK;
    }

    static Family parseFamily(String text) {
        String t = text.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
        return switch (t) {
            case "starfree", "sf" -> Family.STAR_FREE;
            case "nonstarfree", "nonsf", "nsf" -> Family.NON_STAR_FREE;
            case "counter", "counters" -> Family.COUNTER;
            default -> throw new IllegalArgumentException("unknown family '" + text
                    + "'; use star-free, non-star-free or counter");
        };
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
