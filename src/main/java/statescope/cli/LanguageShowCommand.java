package statescope.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import statescope.lang.StarFreeVerdict;
import statescope.lang.catalog.Catalog;
import statescope.lang.catalog.Family;
import statescope.lang.catalog.Language;
import statescope.lang.catalog.Split;
import statescope.lang.catalog.TargetClass;

/**
 * {@code statescope language show NAME}: one language in full: definition, reference machine, DFA
 * and monoid size, star-free verdict and witness, splits and target encoding.
 */
@Command(name = "show",
        header = "Show one language: definition, machine, minimal DFA.",
        description = {"Show one language: definition, reference machine, minimal DFA and monoid size,",
            "star-free verdict (with a witness when it is not star-free), length bins and target encoding."},
        mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  statescope language show tomita-3", "  statescope language show \"Tomita 5\" --json"})
public final class LanguageShowCommand extends CommandBase implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "A language id or alias (see 'statescope languages').")
    String name;

    @Option(names = "--json", description = "Print the language as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Language l = Catalog.standard().get(name);
        var verdict = l.starFreeVerdict();
        var out = out();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", l.id());
            m.put("name", l.name());
            m.put("aliases", l.aliases());
            m.put("family", l.family().name());
            m.put("definition", l.definition());
            m.put("description", l.description());
            m.put("alphabet", l.alphabet().symbols());
            m.put("inputVocabulary", l.inputVocabulary().symbols());
            m.put("machine", machine(l));
            m.put("registers", l.machine().registerNames());
            m.put("dfaStates", l.dfa().map(d -> (Object) d.numStates()).orElse(null));
            m.put("dfaNote", l.dfaNote());
            m.put("verdict", verdict.map(LanguageSummaries::verdict).orElse(null));
            m.put("splits", LanguageSummaries.splits(l));
            m.put("targets", LanguageSummaries.encoding(l));
            m.put("metric", l.metric().description());
            m.put("paperResult", l.paperResult());
            out.println(Json.pretty(m));
            out.flush();
            return ExitCodes.OK;
        }
        String f = "%-13s %s%n";
        out.printf(f, "id", l.id());
        out.printf(f, "name", l.name());
        if (!l.aliases().isEmpty()) {
            out.printf(f, "aliases", String.join(", ", l.aliases()));
        }
        out.printf(f, "family", l.family().displayName());
        out.printf(f, "definition", l.definition());
        out.printf(f, "alphabet", l.alphabet());
        if (!l.inputVocabulary().equals(l.alphabet())) {
            out.printf(f, "model input", l.inputVocabulary());
        }
        out.printf(f, "machine", machine(l) + " (registers: " + String.join(", ", l.machine().registerNames()) + ")");
        if (l.dfa().isPresent()) {
            var d = l.dfa().get();
            out.printf(f, "DFA", d.numStates() + " states" + (d.deadState().isPresent() ? " (one of them dead)" : "")
                    + ": " + String.join(", ", d.labels()));
        } else if (!l.dfaNote().isEmpty()) {
            out.printf(f, "DFA", l.dfaNote());
        }
        if (verdict.isPresent()) {
            StarFreeVerdict v = verdict.get();
            out.printf(f, "monoid", v.monoidSize() + " elements (transition monoid of the " + v.minimalStates()
                    + "-state minimal DFA)");
            out.printf(f, "star-free", v.starFree() ? "yes (aperiodic monoid)" : "no (the monoid has a nontrivial group)");
            v.witness().ifPresent(w -> out.printf(f, "witness", w.describe()));
        } else {
            out.printf(f, "star-free", l.family().isRegular() ? (l.family() == Family.STAR_FREE
                    ? "yes (by the paper's argument; no DFA was built)" : "no (paper)") : "n/a (not regular)");
        }
        out.printf(f, "paper", l.paperResult());
        out.printf(f, "metric", l.metric().description());
        out.println();
        out.println(wrap(l.description(), 100));
        out.println();
        out.println("Splits:");
        out.printf("  %-11s %-10s %-16s %-28s %s%n", "SPLIT", "LENGTHS", "SIZE", "PAPER DATA", "NOTE");
        for (Split s : l.splits()) {
            String size = s.tokens() > 0 ? s.tokens() + " tokens" : s.count() + (s.distinct() ? " distinct" : "");
            out.printf("  %-11s %-10s %-16s %-28s %s%n", s.name(), s.window(), size, s.paperData(), s.note());
        }
        out.println();
        var t = l.targets();
        out.println("Targets (" + t.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ", "
                + t.paperLoss().name().toLowerCase(Locale.ROOT).replace('_', '-') + " loss): " + t.description());
        out.println("  bits: " + String.join(", ", t.bitNames()));
        int shown = 0;
        for (TargetClass c : t.classes()) {
            if (shown++ == 20) {
                out.printf("  ... %d more classes (use --json)%n", t.numClasses() - 20);
                break;
            }
            out.printf("  class %-3d %-14s %-20s %s%n", c.id(), c.name(), c.bits(), c.meaning());
        }
        out.flush();
        return ExitCodes.OK;
    }

    static String machine(Language l) {
        return l.machine().kind();
    }

    static String wrap(String text, int width) {
        var sb = new StringBuilder();
        int col = 0;
        for (String word : text.split(" ")) {
            if (col > 0 && col + 1 + word.length() > width) {
                sb.append('\n');
                col = 0;
            } else if (col > 0) {
                sb.append(' ');
                col++;
            }
            sb.append(word);
            col += word.length();
        }
        return sb.toString();
    }
}
