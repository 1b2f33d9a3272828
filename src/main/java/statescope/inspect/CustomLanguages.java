package statescope.inspect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import statescope.lang.Dfa;
import statescope.lang.DfaJson;
import statescope.lang.Jflap;
import statescope.lang.Limits;
import statescope.lang.Minimizer;
import statescope.lang.Nfa;
import statescope.lang.Regexes;
import statescope.lang.StarFree;
import statescope.lang.Word;
import statescope.lang.catalog.DfaMachine;
import statescope.lang.catalog.Family;
import statescope.lang.catalog.ReferenceMachine.Config;

/**
 * Languages the user brings: a typed regex, or a DFA JSON / JFLAP .jff file. Each becomes a
 * {@link LanguageEntry} with next-symbol targets and its star-free verdict.
 */
public final class CustomLanguages {

    private CustomLanguages() {
    }

    /**
     * The minimal DFA of a regex.
     *
     * @throws IllegalArgumentException (a {@code RegexSyntaxException}) naming the position of an error
     */
    public static LanguageEntry fromRegex(String regex) {
        if (regex == null || regex.isBlank()) {
            throw new IllegalArgumentException("type a regex first, e.g. (ab)*a");
        }
        Dfa dfa = Regexes.compile(regex.strip());
        return entry("regex:" + regex.strip(), regex.strip(), "typed regex", dfa);
    }

    /** A DFA JSON ({@code .json}) or JFLAP ({@code .jff}) file, minimised. */
    public static LanguageEntry fromFile(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".jff")) {
            Nfa nfa = Jflap.readNfa(file);
            Dfa dfa = nfa.toDfa(Limits.DEFAULT);
            String what = nfa.isDeterministic() ? "DFA from " + name         // a nondeterministic one says so
                    : "NFA from " + name + ", made deterministic (" + nfa.numStates() + " states)";
            return entry("file:" + name, name, what, minimalKeepingNames(dfa));
        }
        return entry("file:" + name, name, "DFA from " + name, minimalKeepingNames(DfaJson.read(file)));
    }

    /**
     * The minimal DFA of a user's DFA with the states named as the user named them (JFLAP's "even" and
     * "odd", not q0 and q1); states the minimisation merges are named together ("a1/a2", at most three
     * names and "…"), and a state no named state maps to keeps its q-number.
     */
    static Dfa minimalKeepingNames(Dfa dfa) {
        Dfa min = Minimizer.minimize(dfa);
        int k = dfa.alphabet().size();
        var names = new ArrayList<List<String>>();
        for (int m = 0; m < min.numStates(); m++) {
            names.add(new ArrayList<>());
        }
        boolean[] seen = new boolean[dfa.numStates()];
        var queue = new ArrayDeque<int[]>();
        queue.add(new int[] {dfa.startState(), min.startState()});
        while (!queue.isEmpty()) {                                     // both read the same words: each reachable
            int[] pm = queue.poll();                                   // state meets its minimal state
            if (seen[pm[0]]) {
                continue;
            }
            seen[pm[0]] = true;
            names.get(pm[1]).add(dfa.label(pm[0]));
            for (int a = 0; a < k; a++) {
                queue.add(new int[] {dfa.next(pm[0], a), min.next(pm[1], a)});
            }
        }
        var labels = new ArrayList<String>();
        for (int m = 0; m < min.numStates(); m++) {
            List<String> n = names.get(m);
            String l = n.isEmpty() ? min.label(m) : n.size() <= 3 ? String.join("/", n)
                    : String.join("/", n.subList(0, 3)) + "/…";
            labels.add(labels.contains(l) ? l + " #" + m : l);            // names stay distinct
        }
        return new Dfa(min.alphabet(), min.startState(), min.transitionTable(), min.acceptingStates(), labels);
    }

    /** A DFA held in memory (a saved session's inline DFA) under the name of the file it came from, minimised. */
    public static LanguageEntry fromDfa(String name, Dfa dfa) {
        return entry("file:" + name, name, "DFA from " + name, minimalKeepingNames(dfa));
    }

    private static LanguageEntry entry(String id, String name, String description, Dfa dfa) {
        Boolean starFree;
        try {
            starFree = StarFree.analyze(dfa).starFree();
        } catch (RuntimeException e) {
            starFree = null;                                           // monoid too large: verdict unknown
        }
        String family = starFree == null ? "custom" : starFree ? Family.STAR_FREE.shortName()   // the catalog's badges
                : Family.NON_STAR_FREE.shortName();
        return new LanguageEntry(id, name, description, family, starFree, Reference.nextSymbols(dfa),
                sample(new DfaMachine(dfa)));
    }

    /** A short word that stays alive in the DFA (the first live symbol at each step), for the demo input. */
    private static String sample(DfaMachine machine) {
        Config c = machine.start();
        var word = new int[8];
        int n = 0;
        for (int i = 0; i < word.length; i++) {
            int pick = -1;
            for (int a = machine.alphabet().size() - 1; a >= 0 && pick < 0; a--) {
                if (!machine.isDead(machine.step(c, (a + i) % machine.alphabet().size()))) {
                    pick = (a + i) % machine.alphabet().size();
                }
            }
            if (pick < 0) {
                break;
            }
            word[n++] = pick;
            c = machine.step(c, pick);
        }
        return Word.of(machine.alphabet(), Arrays.copyOf(word, n)).toString().replace("ε", "");
    }
}
