package statescope.lang.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import statescope.lang.Word;

/** Hand-computed configurations of the reference machines, read at every step. */
class MachinesTest {

    static final Catalog CATALOG = CatalogTest.CATALOG;

    static List<String> describe(Language l, String word) {
        var m = l.machine();
        return m.trace(l.parse(word)).stream().map(m::describe).toList();
    }

    @Test
    void dyckCountsDepth() {
        Language l = CATALOG.get("dyck-1");
        assertEquals(List.of("depth 0", "depth 1", "depth 2", "depth 1", "depth 0", "dead", "dead"),
                describe(l, "(())))"));
        assertArrayEquals(new int[] {2}, l.machine().registers(l.machine().run(l.parse("(()("))));
        assertEquals(List.of("depth"), l.machine().registerNames());
    }

    @Test
    void shuffleCountsEachType() {
        Language l = CATALOG.get("shuffle-2");
        assertEquals("open ()=1 []=2", l.machine().describe(l.machine().run(l.parse("[([]["))));
        assertTrue(l.machine().accepts(l.parse("([)]")));
        assertFalse(l.machine().accepts(l.parse("([)")));
        assertTrue(l.machine().isDead(l.machine().run(l.parse("(]"))));
    }

    @Test
    void booleanCountsPendingOperands() {
        Language l = CATALOG.get("boolean-3");
        // > adds 2, ~ adds 0, an operand takes 1 away, + adds 1; the trailing 1 comes after completion
        assertEquals(List.of("needs 1 operand", "needs 3 operands", "needs 3 operands", "needs 2 operands",
                "needs 3 operands", "needs 2 operands", "needs 1 operand", "complete", "dead"), describe(l, ">~0+1011"));
    }

    @Test
    void blocksCountLetters() {
        Language l = CATALOG.get("anbncn");
        var m = l.machine();
        assertEquals("counts a=3 b=2 c=0 (phase b, remaining 1)", m.describe(m.run(l.parse("aaabb"))));
        assertTrue(m.accepts(l.parse("aabbcc")));
        assertTrue(m.isDead(m.run(l.parse("aabbb"))));
        assertTrue(m.isDead(m.run(l.parse("aabc"))));
        assertTrue(m.isDead(m.run(l.parse("b"))));
        assertArrayEquals(new int[] {2, 2, 1}, m.registers(m.run(l.parse("aabbc"))));
    }

    @Test
    void boundedDyckStackAndSlots() {
        Language l = CATALOG.get("bounded-dyck-2-4");
        var m = (BoundedDyckMachine) l.machine();
        var c = m.run(l.parse("([(["));
        assertEquals("stack ([([", m.describe(c));
        assertArrayEquals(new int[] {4, 1, 2, 1, 2}, m.registers(c));
        assertEquals(l.alphabet().indexOf("]"), m.closingBracket(c));
        assertTrue(m.isDead(m.step(c, l.alphabet().indexOf("("))), "depth bound 4");
        assertEquals("stack empty", m.describe(m.run(l.parse("()"))));
        var big = (BoundedDyckMachine) CATALOG.get("bounded-dyck-8-10").machine();
        assertEquals(11, big.registerNames().size());
        assertEquals(1_227_133_513L, BoundedDyck.liveStates(8, 10));
    }

    @Test
    void dfaMachineUsesStateLabels() {
        Language l = CATALOG.get("tomita-3");
        assertEquals(List.of("q0", "q1", "q3", "q2", "q3", "dead"), describe(l, "10001"));
        Language ff = CATALOG.get("flip-flop");
        assertEquals(List.of("start", "w·", "mem 1", "i· mem 1", "mem 1", "r· mem 1", "mem 1 read"),
                describe(ff, "w1i0r1"));
        assertTrue(ff.machine().isDead(ff.machine().run(ff.parse("w1i0r0"))));
        Language d4 = CATALOG.get("d-4");
        assertEquals(List.of("0", "1", "2", "1", "0"), describe(d4, "aabb"));
    }

    @Test
    void flipFlopHidesReadBits() {
        Language ff = CATALOG.get("flip-flop");
        Word w = ff.parse("w1i0r1w0r0");
        int[] in = ff.encodeInput(w);
        var sb = new StringBuilder();
        for (int id : in) {
            sb.append(ff.inputVocabulary().symbol(id));
        }
        assertEquals("w1i0r-w0r-", sb.toString());
        assertEquals("001 001 001 001 001 010 001 001 001 100", ff.targets().encode(w).toString());
    }
}
