package statescope.construct;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import statescope.io.BoundedFiles;
import statescope.lang.Alphabet;
import statescope.lang.Dfa;
import statescope.lang.DfaJson;
import statescope.lang.Jflap;
import statescope.lang.Minimizer;
import statescope.lang.Nfa;
import statescope.lang.Regexes;
import statescope.lang.StarFree;
import statescope.lang.StarFreeVerdict;
import statescope.lang.TransitionMonoid;
import statescope.lang.catalog.DfaMachine;
import statescope.lang.catalog.Language;
import statescope.lang.catalog.Metric;
import statescope.lang.catalog.ReferenceMachine.Config;
import statescope.lang.catalog.TargetClass;
import statescope.ssm.Checkpoint;

/**
 * The compiler from star-free languages to exact nonnegative-gate SSMs: minimal DFA → aperiodicity
 * check → holonomy cascade of reset components ({@link Cascade}) → one Mamba layer per level
 * ({@link CascadeCompiler}). A language that is not star-free is refused with its witness and the group
 * its monoid contains; a DFA above the state cap is refused. Every refusal is an
 * {@link IllegalArgumentException} with one readable message.
 */
public final class Compiler {

    /** The default cap on the minimal DFA's states. */
    public static final int DEFAULT_MAX_STATES = 12;

    /** A compiled model and its decomposition. */
    public record Result(Constructed model, Decomposition decomposition) {
    }

    /**
     * The cascade as printed: the automaton's size, then per level its height, its holonomy components
     * (representative images with their tile counts) and the values the level takes.
     */
    public record Decomposition(String source, int states, int monoid, int configurations, List<String> levels,
                                boolean groups) {
        public List<String> lines() {
            var out = new ArrayList<String>();
            out.add("language       " + source);
            out.add("minimal DFA    " + states + " states, transition monoid " + monoid + " elements ("
                    + (groups ? "its groups are Z_2: signed gates" : "aperiodic") + ")");
            out.add("cascade        " + levels.size() + " level" + (levels.size() == 1 ? "" : "s") + " of reset components, "
                    + configurations + " reachable configurations");
            for (String l : levels) {
                out.add("  " + l);
            }
            return out;
        }
    }

    private Compiler() {
    }

    /** Compiles a regex (over the given alphabet, or the regex's symbols when null), read as next-symbol sets. */
    public static Result regex(String regex, Alphabet alphabet, int maxStates) {
        return regex(regex, alphabet, maxStates, false);
    }

    /**
     * As {@link #regex(String, Alphabet, int)}; with {@code signed} a language that is not star-free but
     * whose monoid's groups are all of order 2 is compiled with signed gates.
     */
    public static Result regex(String regex, Alphabet alphabet, int maxStates, boolean signed) {
        Dfa dfa = alphabet == null ? Regexes.compile(regex) : Regexes.compile(regex, alphabet);
        return dfa(dfa, "regex " + regex, maxStates, signed);
    }

    /** Compiles a DFA file (DFA JSON or JFLAP .jff); an NFA is refused. */
    public static Result dfaFile(Path file, int maxStates) throws IOException {
        return dfaFile(file, maxStates, false);
    }

    /** As {@link #dfaFile(Path, int)}, with signed gates for a language whose groups are Z_2. */
    public static Result dfaFile(Path file, int maxStates, boolean signed) throws IOException {
        BoundedFiles.checkRegular(file);                               // missing, a folder, a device: said so
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Dfa dfa;
        if (name.endsWith(".jff")) {
            Nfa nfa = Jflap.readNfa(Files.readString(file), null);
            String why = nondeterminism(nfa);
            if (why != null) {
                throw new IllegalArgumentException(file.getFileName() + " is an NFA (" + why + "); --dfa takes a "
                        + "deterministic automaton (statescope starfree --file reads NFAs)");
            }
            dfa = nfa.toDfa();
        } else {
            try {
                dfa = DfaJson.read(file);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file.getFileName() + " is not a DFA: " + e.getMessage(), e);
            }
        }
        return dfa(dfa, "DFA " + file.getFileName(), maxStates, signed);
    }

    private static String nondeterminism(Nfa nfa) {
        if (nfa.startStates().length != 1) {
            return nfa.startStates().length + " start states";
        }
        for (int q = 0; q < nfa.numStates(); q++) {
            if (nfa.epsilonSuccessors(q).length > 0) {
                return "state " + nfa.label(q) + " has an ε-move";
            }
            for (int a = 0; a < nfa.alphabet().size(); a++) {
                if (nfa.successors(q, a).length > 1) {
                    return "state " + nfa.label(q) + " has " + nfa.successors(q, a).length + " transitions on '"
                            + nfa.alphabet().symbol(a) + "'";
                }
            }
        }
        return null;
    }

    /** Compiles a DFA, read as next-symbol sets (one output per symbol, allowed ⟺ logit &gt; 0). */
    public static Result dfa(Dfa input, String source, int maxStates) {
        return dfa(input, source, maxStates, false);
    }

    /**
     * As {@link #dfa(Dfa, String, int)}; with {@code signed} a language that is not star-free is compiled
     * with signed gates when every group of its monoid has order 2 (each such level swaps two values).
     */
    public static Result dfa(Dfa input, String source, int maxStates, boolean signed) {
        Dfa dfa = Minimizer.minimize(input);
        boolean groups = check(dfa, source, maxStates, signed);
        var cascade = new Cascade(dfa, groups);
        var machine = new DfaMachine(dfa);
        List<String> vocab = dfa.alphabet().symbols();
        var outputs = vocab.stream().map(s -> "next " + s).toList();
        BiFunction<Integer, Integer, BitSet> at = (q, a) -> {
            BitSet on = new BitSet();
            var after = machine.state(dfa.next(q, a));
            machine.allowedNext(after).stream().forEach(on::set);
            return on;
        };
        Checkpoint cp = CascadeCompiler.compile(cascade, vocab, outputs, at, true, null,
                "constructed: compiled from " + source + (groups ? " (signed gates)" : ""), groups);
        var model = new Constructed(cp, null, dfa, Constructed.Readout.BITS, summary(cascade), true);
        return new Result(model, decomposition(source, dfa, cascade));
    }

    /** Compiles a star-free catalog language, writing its protocol's target classes. */
    public static Result language(Language lang, int maxStates) {
        return language(lang, maxStates, false);
    }

    /** As {@link #language(Language, int)}; with {@code signed}, also a language whose groups are Z_2. */
    public static Result language(Language lang, int maxStates, boolean signed) {
        Dfa dfa = lang.dfa().orElseThrow(() -> new IllegalArgumentException(lang.id() + " has no DFA to compile ("
                + (lang.dfaNote().isEmpty() ? "not regular" : lang.dfaNote()) + ")"));
        Dfa input = InputAutomaton.of(lang, dfa);
        boolean groups = check(Minimizer.minimize(dfa), lang.id(), maxStates, signed);
        var cascade = new Cascade(input, groups);
        var machine = new DfaMachine(dfa);
        var vocab = new ArrayList<String>();
        for (int i = 0; i < lang.inputVocabulary().size(); i++) {
            vocab.add(lang.inputVocabulary().symbol(i));
        }
        // bounded Dyck's protocol scores next-token bits (as ConstructedFiles reads it), the others target classes
        boolean bitsOut = lang.metric() == Metric.CLOSING_BRACKET;
        var outputs = bitsOut ? lang.targets().bitNames()
                : lang.targets().classes().stream().map(TargetClass::name).toList();
        // the targets read configurations of the language's own machine (a stack for bounded Dyck, not the
        // DFA): each DFA state stands for the configuration its first word in breadth-first order reaches
        Config[] config = configurations(lang, dfa);
        BiFunction<Integer, Integer, BitSet> at = (q, token) -> {
            BitSet on = new BitSet();
            int sym = InputAutomaton.symbol(lang, dfa, q, token);
            if (sym < 0 || config[q] == null || machine.isDead(machine.state(dfa.next(q, sym)))) {
                return on;
            }
            Config after = lang.machine().step(config[q], sym);
            boolean[] bits = lang.targets().at(config[q], sym, after);
            if (bitsOut) {
                for (int j = 0; j < bits.length; j++) {
                    if (bits[j]) {
                        on.set(j);
                    }
                }
                return on;
            }
            var sb = new StringBuilder();
            for (boolean b : bits) {
                sb.append(b ? '1' : '0');
            }
            int c = lang.targets().classOf(sb.toString());
            if (c >= 0) {
                on.set(c);
            }
            return on;
        };
        Checkpoint cp = CascadeCompiler.compile(cascade, vocab, outputs, at, bitsOut, lang.id(),
                "constructed: compiled from the minimal DFA of " + lang.id() + (groups ? " (signed gates)" : ""), groups);
        var model = new Constructed(cp, lang.id(), null, bitsOut ? Constructed.Readout.BITS : Constructed.Readout.CLASSES,
                summary(cascade), false);
        return new Result(model, decomposition(lang.id(), dfa, cascade));
    }

    /** The language machine's configuration after the first word (breadth-first) reaching each DFA state; null if none. */
    private static Config[] configurations(Language lang, Dfa dfa) {
        var out = new Config[dfa.numStates()];
        var queue = new ArrayDeque<Integer>();
        out[dfa.startState()] = lang.machine().start();
        queue.add(dfa.startState());
        while (!queue.isEmpty()) {
            int q = queue.poll();
            for (int a = 0; a < dfa.alphabet().size(); a++) {
                int r = dfa.next(q, a);
                if (out[r] == null) {
                    out[r] = lang.machine().step(out[q], a);
                    queue.add(r);
                }
            }
        }
        return out;
    }

    /** Refuses a DFA above the cap or a language that is not star-free. */
    static void check(Dfa min, String source, int maxStates) {
        check(min, source, maxStates, false);
    }

    /**
     * Refuses a DFA above the cap, or a language that is not star-free unless {@code signed} and every
     * element's period is at most 2; returns whether the monoid has groups (then signed gates are needed).
     */
    static boolean check(Dfa min, String source, int maxStates, boolean signed) {
        if (min.numStates() > maxStates) {
            throw new IllegalArgumentException(source + ": the minimal DFA has " + min.numStates()
                    + " states, more than the cap of " + maxStates + " (--max-states raises it)");
        }
        StarFreeVerdict v = StarFree.analyze(min);
        if (v.starFree()) {
            return false;
        }
        var w = v.witness().orElseThrow();
        int period = largestPeriod(min);
        if (!signed) {
            throw new IllegalArgumentException(source + " is not star-free: " + w.describe() + "; its monoid contains "
                    + "the cyclic group Z_" + period + ", so no SSM with nonnegative gates tracks it at every length"
                    + (period == 2 ? " (--gates signed realises Z_2)" : ""));
        }
        if (period > 2) {
            throw new IllegalArgumentException(source + " is not star-free: " + w.describe() + "; its monoid contains "
                    + "the cyclic group Z_" + period + ", which needs a rotation (a complex or 2×2 gate): signed "
                    + "diagonal gates realise Z_2 only");
        }
        return true;
    }

    /** The cyclic groups the monoid contains, named by the largest period among its elements: "Z_3". */
    static String groupName(Dfa min) {
        return "the cyclic group Z_" + largestPeriod(min);
    }

    private static int largestPeriod(Dfa min) {
        int max = 1;
        for (var e : TransitionMonoid.of(min).elements()) {
            max = (int) Math.max(max, Math.min(Integer.MAX_VALUE, StarFree.indexAndPeriod(e.transformation())[1]));
        }
        return max;
    }

    private static String summary(Cascade c) {
        var sizes = new ArrayList<String>();
        for (Cascade.Level l : c.levels) {
            sizes.add(Integer.toString(l.values().size()));
        }
        return c.levels.size() + " layer" + (c.levels.size() == 1 ? "" : "s") + ": holonomy cascade, level values "
                + String.join(" · ", sizes);
    }

    private static Decomposition decomposition(String source, Dfa dfa, Cascade c) {
        var lines = new ArrayList<String>();
        int depth = c.hol.levels();
        for (int h = depth; h >= 1; h--) {
            int kept = -1;
            for (int i = 0; i < c.levels.size(); i++) {
                if (c.levels.get(i).height() == h) {
                    kept = i;
                }
            }
            String comps = c.components.get(depth - h);
            boolean swaps = kept >= 0 && c.levels.get(kept).actions().values().stream().anyMatch(Cascade.Action::swap);
            lines.add("height " + h + ": components " + (comps.isEmpty() ? "none" : comps) + " → "
                    + (kept < 0 ? "constant, no layer" : "layer " + kept + ", " + c.levels.get(kept).values().size()
                    + " values " + c.levels.get(kept).values() + (swaps ? ", swapped by a signed gate" : "")));
        }
        return new Decomposition(source, dfa.numStates(), TransitionMonoid.of(dfa).size(), c.configs.size(), lines,
                c.levels.stream().anyMatch(l -> l.actions().values().stream().anyMatch(Cascade.Action::swap)));
    }
}
