package statescope.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DotExportTest {

    @Test
    void parityInFull() {
        assertEquals("""
                digraph dfa {
                  rankdir=LR;
                  node [shape=circle];
                  __start [shape=point, label=""];
                  __start -> s0;
                  s0 [label="even", shape=doublecircle];
                  s1 [label="odd"];
                  s0 -> s0 [label="0"];
                  s0 -> s1 [label="1"];
                  s1 -> s1 [label="0"];
                  s1 -> s0 [label="1"];
                }
                """, DotExport.toDot(Fixtures.parity(), true));
    }

    @Test
    void edgesWithTheSameEndpointsAreMergedAndTheDeadStateCanBeHidden() {
        Dfa t1 = Fixtures.tomita1();    // q0 -1-> q0, q0 -0-> q1 (dead), q1 -0,1-> q1
        String shown = DotExport.toDot(t1, false);
        assertTrue(shown.contains("s1 -> s1 [label=\"0,1\"];"), shown);
        assertTrue(shown.contains("s1 [label=\"q1\", style=dashed];"), shown);
        String hidden = DotExport.toDot(t1, true);
        assertFalse(hidden.contains("s1"), hidden);
        assertTrue(hidden.contains("s0 -> s0 [label=\"1\"];"), hidden);
    }

    @Test
    void labelsAreQuotedAndMultiCharacterSymbolsSpaced() {
        Alphabet words = Alphabet.of("push", "pop");
        Dfa d = new Dfa(words, 0, new int[] {0, 0}, new boolean[] {true}, List.of("say \"hi\""));
        String dot = DotExport.toDot(d, true);
        assertTrue(dot.contains("s0 [label=\"say \\\"hi\\\"\", shape=doublecircle];"), dot);
        assertTrue(dot.contains("s0 -> s0 [label=\"push, pop\"];"), dot);
    }
}
