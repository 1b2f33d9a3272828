package statescope.ui.automaton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import statescope.lang.Alphabet;
import statescope.lang.DfaBuilder;
import statescope.inspect.BuiltinLanguages;
import statescope.ui.StateScopeApp;

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
        assertTrue(full.edges().stream().anyMatch(e -> e.label().equals("0,1")), "i:m reads either bit");
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

    @Test
    void aCounterLikeChainIsLaidOutAsAStraightLine() {
        var dfa = StateScopeApp.languages().catalog().stream().filter(l -> l.id().equals("d-12")).findFirst()
                .orElseThrow().reference().dfa().orElseThrow();
        for (boolean hide : new boolean[] {true, false}) {
            for (boolean horizontal : new boolean[] {true, false}) {
                var r = AutomatonLayout.layout(dfa, hide, horizontal);
                var byState = new HashMap<Integer, AutomatonLayout.Node>();
                r.nodes().forEach(n -> byState.put(n.state(), n));
                int q = dfa.startState();
                var line = new ArrayList<AutomatonLayout.Node>();
                for (int i = 0; i < 13; i++) {                          // a walks up the 13 live states of D_12
                    line.add(byState.get(q));
                    q = dfa.next(q, dfa.alphabet().indexOf("a"));
                }
                for (int i = 1; i < line.size(); i++) {
                    var a = line.get(i - 1);
                    var b = line.get(i);
                    double across = horizontal ? b.y() - a.y() : b.x() - a.x();
                    double along = horizontal ? b.x() - a.x() : b.y() - a.y();
                    assertEquals(0, across, 1e-9, "one line, no staircase: " + a.label() + " to " + b.label());
                    assertTrue(along > AutomatonLayout.NODE, "in order along the line");
                }
                assertEquals(hide ? 13 : 14, r.nodes().size());
                assertTrue(r.width() > 0 && r.height() > 0);
                for (var n : r.nodes()) {
                    assertTrue(n.x() - n.w() / 2 >= 0 && n.y() - n.h() / 2 >= 0 && n.x() + n.w() / 2 <= r.width()
                            && n.y() + n.h() / 2 <= r.height(), n.label() + " inside the drawing");
                }
            }
        }
        var flipFlop = BuiltinLanguages.flipFlop().reference().dfa().orElseThrow();
        assertTrue(ChainLayout.find(flipFlop, allShown(flipFlop.numStates())).isEmpty(), "flip-flop is no chain");
    }

    /**
     * Bounded Dyck(2,4)'s 31 stacks (dead state hidden) as the tree they are: the layered layout drew them
     * as a tangle of back edges at a fifth of their size in the machine pane (1280x720: about 470x200 px).
     */
    @Test
    void aStackLikeMachineIsLaidOutAsItsTree() {
        var dfa = StateScopeApp.languages().catalog().stream().filter(l -> l.id().equals("bounded-dyck-2-4"))
                .findFirst().orElseThrow().reference().dfa().orElseThrow();
        var shown = allShown(dfa.numStates());
        int dead = dfa.deadState().orElseThrow();
        shown[dead] = false;
        int[] parent = TreeLayout.find(dfa, shown);
        assertEquals(dfa.numStates(), parent.length, "a tree once the dead state is hidden");
        double best = 0;
        for (boolean horizontal : new boolean[] {true, false}) {
            var r = AutomatonLayout.layout(dfa, true, horizontal);
            assertEquals(31, r.nodes().size());
            var byState = new HashMap<Integer, AutomatonLayout.Node>();
            r.nodes().forEach(n -> byState.put(n.state(), n));
            for (var n : r.nodes()) {
                assertTrue(n.x() - n.w() / 2 >= 0 && n.y() - n.h() / 2 >= 0 && n.x() + n.w() / 2 <= r.width()
                        && n.y() + n.h() / 2 <= r.height(), n.label() + " inside the drawing");
                if (n.state() == dfa.startState()) {
                    continue;
                }
                var p = byState.get(parent[n.state()]);
                double along = horizontal ? n.x() - p.x() : n.y() - p.y();
                assertTrue(along > AutomatonLayout.NODE, n.label() + " one level further out than " + p.label());
                assertTrue(n.label().startsWith(p.label().equals("ε") ? "" : p.label()), "a push adds to the stack");
                assertTrue(r.edges().stream().anyMatch(e -> e.from() == p.state() && e.to() == n.state()), "push");
                assertTrue(r.edges().stream().anyMatch(e -> e.from() == n.state() && e.to() == p.state()), "pop");
            }
            var nodes = r.nodes();
            for (int i = 0; i < nodes.size(); i++) {
                for (int j = i + 1; j < nodes.size(); j++) {
                    var a = nodes.get(i);
                    var b = nodes.get(j);
                    assertTrue(Math.abs(a.x() - b.x()) >= (a.w() + b.w()) / 2
                            || Math.abs(a.y() - b.y()) >= (a.h() + b.h()) / 2, a.label() + " overlaps " + b.label());
                }
            }
            assertEquals(30 * 2, r.edges().size(), "a push and a pop per parent and child, nothing else");
            best = Math.max(best, r.fitScale(470, 200));
        }
        double layered = Math.max(AutomatonLayout.elk(dfa, shown, dead, true, true).fitScale(470, 200),
                AutomatonLayout.elk(dfa, shown, dead, true, false).fitScale(470, 200));
        assertTrue(best > 1.5 * layered, "the tree is drawn larger: " + best + " against " + layered);
        assertEquals(0, TreeLayout.find(dfa, allShown(dfa.numStates())).length, "with the dead state, no tree");
        var d12 = StateScopeApp.languages().catalog().stream().filter(l -> l.id().equals("d-12")).findFirst()
                .orElseThrow().reference().dfa().orElseThrow();
        var live = allShown(d12.numStates());
        live[d12.deadState().orElseThrow()] = false;
        assertEquals(0, TreeLayout.find(d12, live).length, "a chain has no branch: the chain layout's");
        var flipFlop = BuiltinLanguages.flipFlop().reference().dfa().orElseThrow();
        assertEquals(0, TreeLayout.find(flipFlop, allShown(flipFlop.numStates())).length);
    }

    private static boolean[] allShown(int n) {
        var b = new boolean[n];
        Arrays.fill(b, true);
        return b;
    }

    @Test
    void longEdgeLabelsAreAbbreviated() {
        var five = Alphabet.ofChars("01riw");
        assertEquals("0,1", AutomatonLayout.labelText(List.of("0", "1"), five));
        assertEquals("any", AutomatonLayout.labelText(five.symbols(), five));
        assertEquals("0,1,r,i", AutomatonLayout.labelText(List.of("0", "1", "r", "i"), five), "short enough");
        var six = Alphabet.ofChars("abcdef");
        assertEquals("not f", AutomatonLayout.labelText(List.of("a", "b", "c", "d", "e"), six));
        assertEquals("a,c,e", AutomatonLayout.labelText(List.of("a", "c", "e"), six));
        var words = Alphabet.of("(a", ")a", "(b", ")b");
        assertEquals("(a, )a", AutomatonLayout.labelText(List.of("(a", ")a"), words));
        assertEquals("not )b", AutomatonLayout.labelText(List.of("(a", ")a", "(b"), words));
    }
}
