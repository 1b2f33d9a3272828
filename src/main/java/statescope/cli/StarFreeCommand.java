package statescope.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import statescope.lang.Alphabet;
import statescope.lang.Dfa;
import statescope.lang.DfaJson;
import statescope.lang.Jflap;
import statescope.lang.Limits;
import statescope.lang.Minimizer;
import statescope.lang.Regexes;
import statescope.lang.StarFree;
import statescope.lang.StarFreeVerdict;

/**
 * {@code statescope starfree REGEX}: is the language star-free? Prints the minimal DFA size, the
 * size of its transition (syntactic) monoid, the verdict and, when it is not star-free, a witness
 * word whose powers cycle.
 */
@Command(name = "starfree",
        header = "Decide whether a regular language is star-free.", version = StateScopeCommand.VERSION,
        description = {"Decide whether a regular language is star-free, i.e. whether its syntactic",
            "monoid is aperiodic (Schützenberger), and give a witness when it is not.",
            "",
            "Regex dialect: | union, * + ? {n,m} repetition, [abc] [a-c] [^a] classes,",
            ". any symbol, ( ) groups, ε or () the empty word, ∅ the empty language,",
            "\\ makes a metacharacter a symbol; white space is ignored.", ""},
        footer = {"", "Examples:", "  statescope starfree '(aa)*'", "  statescope starfree '0*1*0*1*' --alphabet 01 --json",
            "  statescope starfree --file tomita3.jff"})
public final class StarFreeCommand extends CommandBase implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print version information and exit.")
    boolean version;

    @Parameters(index = "0", arity = "0..1", paramLabel = "REGEX", description = "The regex (quote it in the shell).")
    String regex;

    @Option(names = {"-a", "--alphabet"}, paramLabel = "SYMBOLS",
            description = "The alphabet, one character per symbol, such as 01 (default: the symbols of the regex).")
    String alphabet;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
            description = "Analyse an automaton file instead: DFA JSON (.json) or JFLAP (.jff).")
    Path file;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--max-states", paramLabel = "N", description = "Largest minimal DFA to analyse (default: ${DEFAULT-VALUE}).")
    int maxStates = Limits.DEFAULT.maxStates();

    @Option(names = "--max-monoid", paramLabel = "N", description = "Largest monoid to build (default: ${DEFAULT-VALUE}).")
    int maxMonoid = Limits.DEFAULT.maxMonoidElements();

    @Option(names = "--construction-limit", paramLabel = "N",
            description = "Multiply the caps of the subset construction (200,000 states, 20 million transitions, "
                    + "200 million steps) by the whole number N, 1 to " + Limits.MAX_CONSTRUCTION_SCALE + "; memory and time grow "
                    + "in proportion (default: ${DEFAULT-VALUE}).")
    int constructionLimit = 1;

    @Override
    public Integer call() throws Exception {
        if ((regex == null) == (file == null)) {
            throw new ParameterException(spec.commandLine(), "give either a REGEX or --file FILE");
        }
        OptionChecks.atLeast("--max-states", maxStates, 1);
        OptionChecks.atLeast("--max-monoid", maxMonoid, 1);
        if (constructionLimit < 1 || constructionLimit > Limits.MAX_CONSTRUCTION_SCALE) {
            throw new IllegalArgumentException("--construction-limit must be from 1 to "
                    + Limits.MAX_CONSTRUCTION_SCALE + ", got " + constructionLimit);
        }
        Limits limits = Limits.DEFAULT.withMaxStates(maxStates).withMaxMonoidElements(maxMonoid)
                .withConstructionScale(constructionLimit);
        Alphabet sigma = alphabet == null ? null : parseAlphabet(alphabet);
        Dfa dfa;
        if (file != null) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            dfa = name.endsWith(".jff") ? Jflap.read(file, limits) : DfaJson.read(file);
        } else {
            dfa = Regexes.compile(regex, sigma, limits);
        }
        StarFreeVerdict v = StarFree.analyze(dfa, limits);
        boolean hasDead = Minimizer.minimize(dfa).deadState().isPresent();
        var out = out();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(file != null ? "file" : "regex", file != null ? file.toString() : regex);
            m.put("alphabet", dfa.alphabet().symbols());
            m.put("minimalStates", v.minimalStates());
            m.put("deadState", hasDead);
            m.put("monoidSize", v.monoidSize());
            m.put("starFree", v.starFree());
            v.witness().ifPresent(w -> m.put("witness", LanguageSummaries.witness(w)));
            out.println(Json.pretty(m));
        } else {
            out.printf("%-13s %s%n", file != null ? "file" : "regex", file != null ? file : regex);
            out.printf("%-13s %s%n", "alphabet", dfa.alphabet());
            out.printf("%-13s %d states%s%n", "minimal DFA", v.minimalStates(),
                    hasDead ? " (one of them the dead state)" : "");
            out.printf("%-13s %d elements%n", "monoid", v.monoidSize());
            out.printf("%-13s %s%n", "star-free", v.starFree() ? "yes (the syntactic monoid is aperiodic)"
                    : "no (the syntactic monoid has a nontrivial group)");
            v.witness().ifPresent(w -> out.printf("%-13s %s%n", "witness", w.describe()));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private Alphabet parseAlphabet(String text) {
        String s = text.replaceAll("\\s+", "");
        if (s.isEmpty()) {
            throw new IllegalArgumentException("--alphabet: expected at least one symbol, e.g. --alphabet 01");
        }
        try {
            return Alphabet.ofChars(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--alphabet: " + e.getMessage(), e);
        }
    }
}
