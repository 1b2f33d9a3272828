package statescope.lang;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Graphviz DOT export of a {@link Dfa}: left-to-right layout, an arrow from a point into the start
 * state, double circles for accepting states, and one edge per pair of states with the symbols that
 * label it joined by commas (in alphabet order). The dead state can be left out, with every edge into
 * it; it is always kept when it is the start state. Nodes are named {@code s0, s1, ...} (state
 * numbers) and labelled with the state labels.
 */
public final class DotExport {

    private DotExport() {
    }

    /** The DOT text of {@code dfa}, showing the dead state. */
    public static String toDot(Dfa dfa) {
        return toDot(dfa, false);
    }

    /**
     * The DOT text of {@code dfa}.
     *
     * @param hideDead leave out the dead state and the edges into it (unless it is the start state)
     */
    public static String toDot(Dfa dfa, boolean hideDead) {
        int n = dfa.numStates();
        int k = dfa.alphabet().size();
        int dead = dfa.deadState().orElse(-1);
        boolean hide = hideDead && dead >= 0 && dead != dfa.startState();
        String sep = dfa.alphabet().singleCharacters() ? "," : ", ";
        var sb = new StringBuilder();
        sb.append("digraph dfa {\n");
        sb.append("  rankdir=LR;\n");
        sb.append("  node [shape=circle];\n");
        sb.append("  __start [shape=point, label=\"\"];\n");
        sb.append("  __start -> s").append(dfa.startState()).append(";\n");
        for (int q = 0; q < n; q++) {
            if (hide && q == dead) {
                continue;
            }
            sb.append("  s").append(q).append(" [label=").append(quote(dfa.label(q)));
            if (dfa.isAccepting(q)) {
                sb.append(", shape=doublecircle");
            }
            if (q == dead) {
                sb.append(", style=dashed");
            }
            sb.append("];\n");
        }
        for (int q = 0; q < n; q++) {
            if (hide && q == dead) {
                continue;
            }
            Map<Integer, List<String>> byTarget = new LinkedHashMap<>();
            for (int a = 0; a < k; a++) {
                int r = dfa.next(q, a);
                if (hide && r == dead) {
                    continue;
                }
                byTarget.computeIfAbsent(r, x -> new ArrayList<>()).add(dfa.alphabet().symbol(a));
            }
            for (var e : byTarget.entrySet()) {
                sb.append("  s").append(q).append(" -> s").append(e.getKey())
                        .append(" [label=").append(quote(String.join(sep, e.getValue()))).append("];\n");
            }
        }
        sb.append("}\n");
        return sb.toString();
    }

    /** A DOT double-quoted string. */
    static String quote(String s) {
        var sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> { }
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
