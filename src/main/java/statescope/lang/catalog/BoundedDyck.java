package statescope.lang.catalog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import statescope.lang.Alphabet;
import statescope.lang.Dfa;
import statescope.lang.DfaBuilder;
import statescope.lang.Word;
import statescope.lang.catalog.TargetEncoding.Loss;

/**
 * Bounded-depth Dyck(K, h): K bracket types, at most h open at once (paper.md §2.4, §3.3). Its DFA has
 * 1 + K + ... + K^h live states, so it is built only below {@link #DFA_CAP} states; the stack machine
 * ({@link BoundedDyckMachine}) always exists.
 */
public final class BoundedDyck {

    /** The largest DFA (live states) the catalog builds. */
    public static final long DFA_CAP = 100_000;

    private BoundedDyck() {
    }

    /** K open brackets then K closing ones: <code>( [ { &lt;</code> for K <= 4, else {@code (a .. (h} and {@code a) .. h)}. */
    public static Alphabet alphabet(int k) {
        if (k < 1 || k > 26) {
            throw new IllegalArgumentException("bounded Dyck needs 1 to 26 bracket types, got " + k);
        }
        var syms = new ArrayList<String>();
        if (k <= 4) {
            for (int t = 0; t < k; t++) {
                syms.add(String.valueOf("([{<".charAt(t)));
            }
            for (int t = 0; t < k; t++) {
                syms.add(String.valueOf(")]}>".charAt(t)));
            }
        } else {
            for (int t = 0; t < k; t++) {
                syms.add("(" + (char) ('a' + t));
            }
            for (int t = 0; t < k; t++) {
                syms.add((char) ('a' + t) + ")");
            }
        }
        return Alphabet.of(syms);
    }

    /** Number of live DFA states: 1 + K + ... + K^h (saturating at Long.MAX_VALUE). */
    public static long liveStates(int k, int h) {
        long total = 0;
        long p = 1;
        for (int i = 0; i <= h; i++) {
            total += p;
            if (total < 0 || p > Long.MAX_VALUE / Math.max(k, 1)) {
                return Long.MAX_VALUE;
            }
            p *= k;
        }
        return total;
    }

    /** The minimal DFA (states = stacks, labelled by their brackets, ε when empty), or null above the cap. */
    static Dfa dfa(BoundedDyckMachine m) {
        if (liveStates(m.types(), m.maxDepth()) > DFA_CAP) {
            return null;
        }
        Alphabet al = m.alphabet();
        var db = new DfaBuilder(al);
        var start = m.start();
        db.start(label(m, start)).accept(label(m, start));
        var seen = new HashSet<ReferenceMachine.Config>();
        var queue = new ArrayDeque<ReferenceMachine.Config>();
        seen.add(start);
        queue.add(start);
        while (!queue.isEmpty()) {
            var c = queue.poll();
            for (int a = 0; a < al.size(); a++) {
                var d = m.step(c, a);
                if (m.isDead(d)) {
                    continue;
                }
                db.on(label(m, c), al.symbol(a), label(m, d));
                if (seen.add(d)) {
                    queue.add(d);
                }
            }
        }
        return db.build();
    }

    private static String label(BoundedDyckMachine m, ReferenceMachine.Config c) {
        var s = (BoundedDyckMachine.Stack) c;
        if (s.depth() == 0) {
            return "ε";
        }
        var sb = new StringBuilder();
        for (int i = 0; i < s.depth(); i++) {
            sb.append(m.alphabet().symbol(s.at(i)));
        }
        return sb.toString();
    }

    /**
     * The sampler of paper.md §3.3 (Hewitt et al. 2020): with an empty stack, END with probability 1/2 and
     * each opening bracket 1/(2K); inside, each opening bracket 1/(2K) and the matching close 1/2; at depth
     * h, the close only. END drawn before the window's minimum length is ignored; a word that overruns the
     * window's maximum is drawn again.
     */
    public static WordSampler sampler(BoundedDyckMachine m) {
        int k = m.types();
        int h = m.maxDepth();
        return (window, random) -> {
            while (true) {
                Word w = draw(m.alphabet(), k, h, window, random);
                if (w != null) {
                    return w;
                }
            }
        };
    }

    private static Word draw(Alphabet al, int k, int h, LengthWindow window, SplittableRandom random) {
        int[] stack = new int[h];
        int depth = 0;
        var out = new int[Math.max(16, window.max())];
        int n = 0;
        while (true) {
            if (depth == 0) {
                if (random.nextBoolean()) { // END
                    if (n >= window.min()) {
                        return Word.of(al, Arrays.copyOf(out, n));
                    }
                    continue;
                }
                if (n == window.max()) {
                    return null;
                }
                int t = random.nextInt(k);
                stack[depth++] = t;
                out[n++] = t;
            } else {
                if (n == window.max()) {
                    return null;
                }
                if (depth == h || random.nextBoolean()) {
                    out[n++] = k + stack[--depth];
                } else {
                    int t = random.nextInt(k);
                    stack[depth++] = t;
                    out[n++] = t;
                }
            }
        }
    }

    /** The next-set patterns (K opens, K closes, END) of all reachable stacks, in lexicographic order. */
    static TreeSet<String> patterns(int k, int h) {
        var out = new TreeSet<String>();
        for (int d = 0; d <= h; d++) {
            for (int top = 0; top < (d == 0 ? 1 : k); top++) {
                var sb = new StringBuilder();
                for (int t = 0; t < k; t++) {
                    sb.append(d < h ? '1' : '0');
                }
                for (int t = 0; t < k; t++) {
                    sb.append(d > 0 && t == top ? '1' : '0');
                }
                sb.append(d == 0 ? '1' : '0');
                out.add(sb.toString());
            }
        }
        return out;
    }

    static Language language(int k, int h) {
        Alphabet al = alphabet(k);
        var m = new BoundedDyckMachine(al, h);
        Dfa dfa = dfa(m);
        long states = liveStates(k, h);
        boolean paper = k == 8 && h == 10;
        var b = Language.builder("bounded-dyck-" + k + "-" + h).name("Bounded Dyck(" + k + "," + h + ")")
                .aliases("dyck(" + k + "," + h + ")", "bdyck-" + k + "-" + h, "Dyck-(" + k + "," + h + ")")
                .definition("Dyck over " + k + " bracket types, depth at most " + h)
                .alphabet(al).family(Family.STAR_FREE).machine(m).membership(w -> member(w, k, h))
                .metric(Metric.CLOSING_BRACKET)
                .description("Bounded Dyck(" + k + "," + h + "): well-nested brackets of " + k + " types, never more"
                        + " than " + h + " open. The reference machine is the stack (registers: depth and one slot per"
                        + " level, as in the paper's two-layer construction). Star-free, since the depth is bounded:"
                        + " the paper proves a two-layer SSM models it at every length with optimal memory"
                        + " O(h log K), without simulating a stack. "
                        + (paper ? "Two Mamba layers reached 97.6-99.3% closing-bracket accuracy on the longer test"
                                + " strings, one layer 71-78%."
                                : "Not in the paper's experiments: a small instance whose DFA can be drawn.")
                        + " Targets: the set of symbols that may come next (opens, the matching close, END).")
                .paperResult(paper ? "Mamba 2L 97.6-99.3 · 1L 71.2-77.8 (% closing-bracket accuracy, test 701-1400)"
                        : "not in the paper's experiments");
        if (dfa != null) {
            b.dfa(dfa).dfaNote(states + 1 + " states (stacks of depth <= " + h + ", plus dead)");
        } else {
            b.dfaNote("not built: " + states + " live states (1 + K + ... + K^h) exceed the cap of " + DFA_CAP
                    + "; use the stack machine");
        }
        var patterns = patterns(k, h);
        b.targets(Encodings.nextSetWithEnd(m, Loss.CROSS_ENTROPY, (2 * k + 1) + " bits per position: may each bracket"
                + " or the end come next", p -> className(al, k, p), List.copyOf(patterns)));
        var s = sampler(m);
        if (paper) {
            b.split(new Split("train", new LengthWindow(1, 700), 0, 2_000_000, false, "2M tokens (1-700)",
                    "lengths count brackets; the paper's sampler also counts the END token", s))
                    .split(new Split("dev", new LengthWindow(1, 700), 0, 200_000, false, "200K tokens (1-700)", "", s))
                    .split(new Split("test", new LengthWindow(701, 1400), 0, 1_000_000, false, "1M tokens (701-1400)",
                            "", s));
        } else {
            b.split(new Split("train", new LengthWindow(2, 50), Suite.TRAIN, 0, true, "-", "not in the paper", s))
                    .split(new Split("bin1", new LengthWindow(2, 50), Suite.BIN, 0, true, "-", "not in the paper", s))
                    .split(new Split("bin2", new LengthWindow(52, 100), Suite.BIN, 0, true, "-", "not in the paper", s));
        }
        return b.build();
    }

    private static String className(Alphabet al, int k, String p) {
        boolean opens = p.charAt(0) == '1';
        boolean end = p.charAt(2 * k) == '1';
        String close = null;
        for (int t = 0; t < k; t++) {
            if (p.charAt(k + t) == '1') {
                close = al.symbol(k + t);
            }
        }
        var parts = new ArrayList<String>();                          // what must close (or the end) first:
        if (close != null) {                                           // a narrow cell cut to "f)|…" still
            parts.add(close);                                          // says which bracket
        }
        if (end) {
            parts.add("END");
        }
        if (opens) {
            parts.add("open");
        }
        return String.join("|", parts) + (opens ? "" : " only");
    }

    /** Membership by an explicit stack, independent of the machine. */
    static boolean member(Word w, int k, int h) {
        var stack = new ArrayDeque<Integer>();
        for (int i = 0; i < w.length(); i++) {
            int s = w.at(i);
            if (s < k) {
                stack.push(s);
                if (stack.size() > h) {
                    return false;
                }
            } else if (stack.isEmpty() || stack.pop() != s - k) {
                return false;
            }
        }
        return stack.isEmpty();
    }
}
