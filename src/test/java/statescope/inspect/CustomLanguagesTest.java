package statescope.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's DFA file keeps its state names through minimisation: a JFLAP parity machine drew q0 and q1
 * where the file says even and odd; states the minimisation merges are named together.
 */
class CustomLanguagesTest {

    @TempDir
    Path dir;

    @Test
    void aJflapFileKeepsItsStateNames() throws IOException {
        Path jff = Files.writeString(dir.resolve("parity.jff"), """
                <?xml version="1.0" encoding="UTF-8"?><structure><type>fa</type><automaton>
                <state id="0" name="even"><initial/><final/></state><state id="1" name="odd"/>
                <transition><from>0</from><to>1</to><read>1</read></transition>
                <transition><from>1</from><to>0</to><read>1</read></transition>
                <transition><from>0</from><to>0</to><read>0</read></transition>
                <transition><from>1</from><to>1</to><read>0</read></transition>
                </automaton></structure>""");
        var dfa = CustomLanguages.fromFile(jff).reference().dfa().orElseThrow();
        assertEquals(List.of("even", "odd"), dfa.labels());
    }

    /** A .jff that is not deterministic (two moves on 1, an ε-move) is made deterministic, and says so. */
    @Test
    void aNondeterministicJffSaysItWasMadeDeterministic() throws IOException {
        Path jff = Files.writeString(dir.resolve("nfa.jff"), """
                <structure><type>fa</type><automaton>
                <state id="0"><initial/></state><state id="1"><final/></state><state id="2"/>
                <transition><from>0</from><to>0</to><read>1</read></transition>
                <transition><from>0</from><to>1</to><read>1</read></transition>
                <transition><from>1</from><to>2</to><read></read></transition>
                <transition><from>2</from><to>2</to><read>0</read></transition>
                </automaton></structure>""");
        var entry = CustomLanguages.fromFile(jff);
        assertEquals("NFA from nfa.jff, made deterministic (3 states)", entry.description());
        assertEquals("SF", entry.family(), "the catalog's badge");
        Path dfa = Files.writeString(dir.resolve("dfa.jff"), """
                <structure><type>fa</type><automaton>
                <state id="0"><initial/><final/></state>
                <transition><from>0</from><to>0</to><read>1</read></transition>
                </automaton></structure>""");
        assertEquals("DFA from dfa.jff", CustomLanguages.fromFile(dfa).description());
    }

    @Test
    void statesTheMinimisationMergesAreNamedTogether() throws IOException {
        Path json = Files.writeString(dir.resolve("two.json"), """
                {"alphabet": ["a"], "states": ["s", "t1", "t2"], "start": "s", "accepting": ["t1", "t2"],
                 "transitions": [{"from": "s", "symbol": "a", "to": "t1"}, {"from": "t1", "symbol": "a", "to": "t2"},
                                 {"from": "t2", "symbol": "a", "to": "t1"}]}""");
        var dfa = CustomLanguages.fromFile(json).reference().dfa().orElseThrow();
        assertEquals(List.of("s", "t1/t2"), dfa.labels(), "a+: t1 and t2 are one state");
    }
}
