package statescope.lang.catalog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import statescope.lang.Word;
import statescope.lang.catalog.ReferenceMachine.Config;

/**
 * The per-position output targets of a language, exactly as the paper's protocol encodes them
 * (paper.md §3.1 "Output-target encodings", §3.2): a bit vector per position, and the mapping of
 * each distinct bit pattern to a class id (training uses MSE on one-hot classes, or cross-entropy
 * over the classes). Targets are computed by stepping the reference machine, so the UI can show
 * "prediction vs automaton" with the same code.
 *
 * <p>Class ids follow the lexicographic order of the bit strings unless the language lists its
 * classes explicitly (flip-flop: {@code 0, 1, -} as in the paper's output map).
 */
public final class TargetEncoding {

    /** How a language's targets are defined. */
    public enum Kind {
        /** k-hot set of the symbols that may come next (the prefix can still be completed). */
        NEXT_SET,
        /** k-hot next-symbol set plus an end-of-string bit (set when the prefix is in the language). */
        NEXT_SET_WITH_END,
        /** Per symbol c: is prefix·c in the language (the repo's Tomita-3 encoding). */
        NEXT_IN_LANGUAGE,
        /** One bit: is the prefix in the language. */
        MEMBERSHIP,
        /** One bit per counter: is it positive (Dyck-1: "depth > 0"; Shuffle-k: "type j open"). */
        OPEN_COUNTERS,
        /** A language-specific rule, described in {@link #description()}. */
        CUSTOM
    }

    /** The loss the paper's runs used with this encoding. */
    public enum Loss {
        MSE, CROSS_ENTROPY
    }

    /** The target bits at one position, from the configurations before and after its symbol. */
    @FunctionalInterface
    public interface TargetFunction {
        boolean[] at(ReferenceMachine machine, Config before, int symbol, Config after);
    }

    private final Kind kind;
    private final String description;
    private final List<String> bitNames;
    private final List<TargetClass> classes;
    private final Map<String, Integer> classByBits;
    private final Loss loss;
    private final ReferenceMachine machine;
    private final TargetFunction function;

    TargetEncoding(Kind kind, String description, List<String> bitNames, List<TargetClass> classes, Loss loss,
            ReferenceMachine machine, TargetFunction function) {
        this.kind = kind;
        this.description = description;
        this.bitNames = List.copyOf(bitNames);
        this.classes = List.copyOf(classes);
        this.loss = loss;
        this.machine = machine;
        this.function = function;
        this.classByBits = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            TargetClass c = classes.get(i);
            if (c.id() != i || c.bits().length() != bitNames.size()) {
                throw new IllegalArgumentException("class " + c + " does not fit " + bitNames.size() + " bits at index " + i);
            }
            classByBits.put(c.bits(), i);
        }
    }

    public Kind kind() {
        return kind;
    }

    /** One sentence on what the targets mean, e.g. "2 bits per position: can the next symbol be 0 / 1". */
    public String description() {
        return description;
    }

    /** Readable names of the target bits, e.g. {@code ["next 0", "next 1"]}. */
    public List<String> bitNames() {
        return bitNames;
    }

    /** Number of target bits per position. */
    public int width() {
        return bitNames.size();
    }

    /** The classes: the distinct target patterns on words of the language. */
    public List<TargetClass> classes() {
        return classes;
    }

    public int numClasses() {
        return classes.size();
    }

    /** The class id of a bit pattern, or -1 when no word of the language produces it. */
    public int classOf(String bits) {
        Integer id = classByBits.get(bits);
        return id == null ? -1 : id;
    }

    /** The loss of the paper's runs for this language. */
    public Loss paperLoss() {
        return loss;
    }

    /**
     * The target bits at one position ({@code [W]}), from the configurations before and after its
     * symbol: what {@link #encode} computes at every position, for a caller that steps the machine
     * itself (the UI, one typed symbol at a time).
     */
    public boolean[] at(Config before, int symbol, Config after) {
        return function.at(machine, before, symbol, after);
    }

    /**
     * Next-symbol sets ({@link Kind#NEXT_SET}, MSE) of any reference machine, e.g. the DFA of a typed
     * regex; the classes are the patterns its live configurations produce.
     */
    public static TargetEncoding nextSet(ReferenceMachine machine) {
        return Encodings.nextSet(machine, Loss.MSE);
    }

    /** One membership bit per position ({@link Kind#MEMBERSHIP}, MSE) of any reference machine. */
    public static TargetEncoding membership(ReferenceMachine machine) {
        return Encodings.membership(machine, Loss.MSE);
    }

    /** The targets of every position of a word. */
    public Targets encode(Word word) {
        int n = word.length();
        int w = width();
        boolean[] bits = new boolean[n * w]; // [T * W]
        int[] cls = new int[n];              // [T]
        Config c = machine.start();
        var sb = new StringBuilder(w);
        for (int t = 0; t < n; t++) {
            Config next = machine.step(c, word.at(t));
            boolean[] b = function.at(machine, c, word.at(t), next);
            sb.setLength(0);
            for (int j = 0; j < w; j++) {
                bits[t * w + j] = b[j];
                sb.append(b[j] ? '1' : '0');
            }
            cls[t] = classOf(sb.toString());
            c = next;
        }
        return new Targets(n, w, bits, cls);
    }

    // ---- construction helpers used by the language factories ----

    static TargetFunction function(Kind kind) {
        return switch (kind) {
            case NEXT_SET -> (m, before, s, after) -> toBits(m.allowedNext(after), m.alphabet().size(), false, false);
            case NEXT_SET_WITH_END -> (m, before, s, after) ->
                    toBits(m.allowedNext(after), m.alphabet().size(), true, m.accepting(after));
            case NEXT_IN_LANGUAGE -> (m, before, s, after) -> {
                boolean[] b = new boolean[m.alphabet().size()];
                for (int a = 0; a < b.length; a++) {
                    b[a] = m.accepting(m.step(after, a));
                }
                return b;
            };
            case MEMBERSHIP -> (m, before, s, after) -> new boolean[] {m.accepting(after)};
            case OPEN_COUNTERS -> (m, before, s, after) -> {
                int[] r = m.registers(after);
                boolean[] b = new boolean[r.length];
                for (int j = 0; j < r.length; j++) {
                    b[j] = r[j] > 0;
                }
                return b;
            };
            case CUSTOM -> throw new IllegalArgumentException("a custom encoding needs its own function");
        };
    }

    private static boolean[] toBits(BitSet set, int k, boolean withEnd, boolean end) {
        boolean[] b = new boolean[withEnd ? k + 1 : k];
        for (int a = 0; a < k; a++) {
            b[a] = set.get(a);
        }
        if (withEnd) {
            b[k] = end;
        }
        return b;
    }

    /**
     * The distinct patterns that prefixes of words of the language produce, found by a breadth-first
     * walk over live configurations (at most {@code maxDepth} symbols deep, {@code maxConfigs} configurations).
     */
    static TreeSet<String> explorePatterns(ReferenceMachine m, TargetFunction f, int maxDepth, int maxConfigs) {
        var patterns = new TreeSet<String>();
        var seen = new HashSet<Config>();
        var frontier = new ArrayDeque<Config>();
        frontier.add(m.start());
        seen.add(m.start());
        for (int depth = 0; depth < maxDepth && !frontier.isEmpty(); depth++) {
            var nextFrontier = new ArrayDeque<Config>();
            for (Config c : frontier) {
                for (int a = 0; a < m.alphabet().size(); a++) {
                    Config d = m.step(c, a);
                    if (m.isDead(d)) {
                        continue;
                    }
                    boolean[] b = f.at(m, c, a, d);
                    var sb = new StringBuilder(b.length);
                    for (boolean x : b) {
                        sb.append(x ? '1' : '0');
                    }
                    patterns.add(sb.toString());
                    if (seen.size() < maxConfigs && seen.add(d)) {
                        nextFrontier.add(d);
                    }
                }
            }
            frontier = nextFrontier;
        }
        return patterns;
    }

    /** Builds the classes of the given patterns in lexicographic order, named by a function of the bits. */
    static List<TargetClass> classesOf(Iterable<String> patterns, Function<String, String> name,
            Function<String, String> meaning) {
        var out = new ArrayList<TargetClass>();
        for (String p : patterns) {
            out.add(new TargetClass(out.size(), name.apply(p), p, meaning.apply(p)));
        }
        return out;
    }
}
