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
