package statescope.analysis.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import net.automatalib.automaton.transducer.impl.CompactMealy;
import org.junit.jupiter.api.Test;
import statescope.lang.Dfa;
import statescope.lang.catalog.Catalog;

/** Matching an extracted machine to the reference's states, and both as drawable DFAs. */
class MachineMatchTest {

    @Test
    void theReferenceMatchesItselfStateForStateWithTheDfasNames() {
        var l = Catalog.standard().get("tomita-3");
        var ref = new ReferenceOutputs(l.machine(), l.targets());
        var m = ReferenceMealy.build(ref).orElseThrow();
        var labels = MachineMatch.referenceLabels(m, l.machine());
        var pairs = MachineMatch.pairs(m, m, l.alphabet().size());
        for (int s = 0; s < m.size(); s++) {
            assertEquals(Set.of(s), pairs.get(s), "state " + s);
        }
        assertTrue(labels.contains("⊥"), labels.toString());
        Dfa dfa = l.dfa().orElseThrow();
        for (String name : labels) {
            for (String part : name.split("/")) {
                assertTrue(part.equals("⊥") || part.equals("…") || dfa.labels().contains(part), part + " in " + dfa.labels());
            }
        }
        Dfa drawn = MachineMatch.asDfa(m, l.alphabet(), labels);
        assertEquals(m.size(), drawn.numStates());
        assertEquals("⊥", drawn.label(drawn.deadState().orElseThrow()));
    }

    @Test
    void aOneStateGuessMeetsEveryReferenceStateAndIsNotMatched() {
        var l = Catalog.standard().get("parity");
        var ref = new ReferenceOutputs(l.machine(), l.targets());
        var m = ReferenceMealy.build(ref).orElseThrow();
        var one = new CompactMealy<Integer, Integer>(ReferenceMealy.inputs(2));
        int s = one.addIntInitialState(null);
        one.setTransition(s, (Integer) 0, s, (Integer) 0);
        one.setTransition(s, (Integer) 1, s, (Integer) 0);
        var pairs = MachineMatch.pairs(one, m, 2);
        assertEquals(m.size(), pairs.get(0).size());
        var labels = MachineMatch.extractedLabels(pairs, MachineMatch.referenceLabels(m, l.machine()));
        assertEquals("m0", labels.get(0));
    }
}
