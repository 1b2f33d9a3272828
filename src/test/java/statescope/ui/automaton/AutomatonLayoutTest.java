package statescope.ui.automaton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import statescope.lang.Alphabet;
import statescope.lang.DfaBuilder;
import statescope.inspect.BuiltinLanguages;

/** The ELK layout, without the FX toolkit. */
class AutomatonLayoutTest {

    @Test
    void mergesParallelTransitionsAndPutsTheStartStateFirst() {
        var dfa = BuiltinLanguages.flipFlop().reference().dfa().orElseThrow();
        var full = AutomatonLayout.layout(dfa, false);
        assertEquals(dfa.numStates(), full.nodes().size());
        var start = full.nodes().stream().filter(AutomatonLayout.Node::start).findFirst().orElseThrow();
        for (var n : full.nodes()) {
            assertTrue(start.x() <= n.x() + 1e-6, "the start state is in the first layer: " + n.label());
        }
        assertTrue(full.edges().stream().anyMatch(e -> e.label().equals("0, 1")), "i:m reads either bit");
        for (var e : full.edges()) {
            assertTrue(e.points().length >= 4, "every edge is routed");
        }
        var hidden = AutomatonLayout.layout(dfa, true);
        assertEquals(dfa.numStates() - 1, hidden.nodes().size());
        int dead = dfa.deadState().orElseThrow();
        assertTrue(hidden.edges().stream().noneMatch(e -> e.to() == dead || e.from() == dead));
    }

    @Test
    void nodesDoNotOverlapAndLongLabelsGetWiderShapes() {
        var ab = Alphabet.ofChars("ab");
        var dfa = new DfaBuilder(ab).start("start").accept("a long state name")
                .on("start", "a", "a long state name").on("a long state name", "b", "start").build();
        for (boolean horizontal : new boolean[] {true, false}) {
            var r = AutomatonLayout.layout(dfa, false, horizontal);
            var nodes = r.nodes();
            for (int i = 0; i < nodes.size(); i++) {
                for (int j = i + 1; j < nodes.size(); j++) {
                    var a = nodes.get(i);
                    var b = nodes.get(j);
                    boolean apart = Math.abs(a.x() - b.x()) >= (a.w() + b.w()) / 2
                            || Math.abs(a.y() - b.y()) >= (a.h() + b.h()) / 2;
                    assertTrue(apart, a.label() + " overlaps " + b.label());
                }
            }
            var wide = nodes.stream().filter(n -> n.label().startsWith("a long")).findFirst().orElseThrow();
            assertTrue(wide.w() > wide.h());
        }
    }
}
