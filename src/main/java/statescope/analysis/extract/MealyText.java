package statescope.analysis.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.automatalib.automaton.transducer.impl.CompactMealy;

/** An extracted machine as Graphviz DOT or as a JSON-ready transition list, with symbol and output names. */
public final class MealyText {

    private MealyText() {
    }

    /** DOT: states q0.. (q0 initial), edges labelled {@code symbol / output}, parallel edges merged. */
    public static String dot(CompactMealy<Integer, Integer> m, OutputQueries names) {
        var sb = new StringBuilder("digraph extracted {\n  rankdir=LR;\n  node [shape=circle];\n");
        sb.append("  start [shape=point];\n  start -> q").append(m.getIntInitialState()).append(";\n");
        for (int s = 0; s < m.size(); s++) {
            Map<Integer, List<String>> edges = new LinkedHashMap<>();
            for (int a = 0; a < m.numInputs(); a++) {
                int succ = m.getSuccessor(s, a);
                Integer out = m.getOutput(s, a);
                edges.computeIfAbsent(succ, x -> new ArrayList<>()).add(names.alphabet().symbol(a) + " / "
                        + names.outputName(out == null ? OutputQueries.SINK : out));
            }
            for (var e : edges.entrySet()) {
                sb.append("  q").append(s).append(" -> q").append(e.getKey()).append(" [label=\"")
                        .append(String.join("\\n", e.getValue()).replace("\"", "\\\"")).append("\"];\n");
            }
        }
        return sb.append("}\n").toString();
    }

    /** Transitions as maps {from, symbol, to, output}. */
    public static List<Map<String, Object>> transitions(CompactMealy<Integer, Integer> m, OutputQueries names) {
        var out = new ArrayList<Map<String, Object>>();
        for (int s = 0; s < m.size(); s++) {
            for (int a = 0; a < m.numInputs(); a++) {
                Map<String, Object> t = new LinkedHashMap<>();
                Integer o = m.getOutput(s, a);
                t.put("from", s);
                t.put("symbol", names.alphabet().symbol(a));
                t.put("to", m.getSuccessor(s, a));
                t.put("output", names.outputName(o == null ? OutputQueries.SINK : o));
                out.add(t);
            }
        }
        return out;
    }
}
