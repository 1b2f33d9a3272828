package statescope.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JflapTest {

    /** Tomita 1 as JFLAP writes a DFA (with coordinates, and no dead state). */
    static final String TOMITA1 = """
            <?xml version="1.0" encoding="UTF-8" standalone="no"?><!--Created with JFLAP 7.1.-->
            <structure>
              <type>fa</type>
              <automaton>
                <!--The list of states.-->
                <state id="0" name="q0"><x>60.0</x><y>80.0</y><initial/><final/></state>
                <state id="1" name="q1"><x>160.0</x><y>80.0</y></state>
                <!--The list of transitions.-->
                <transition><from>0</from><to>0</to><read>1</read></transition>
                <transition><from>0</from><to>1</to><read>0</read></transition>
              </automaton>
            </structure>
            """;

    /** An NFA with an ε-move and a two-character read: (ab)* | c, written the JFLAP way. */
    static final String NFA = """
            <structure><type>fa</type><automaton>
              <state id="0" name="s"><initial/></state>
              <state id="1" name="loop"><final/></state>
              <state id="2" name="c"/>
              <state id="3" name="done"><final/></state>
              <transition><from>0</from><to>1</to><read/></transition>
              <transition><from>1</from><to>1</to><read>ab</read></transition>
              <transition><from>0</from><to>2</to><read></read></transition>
              <transition><from>2</from><to>3</to><read>c</read></transition>
            </automaton></structure>
            """;

    @Test
    void importsADfa() {
        Dfa d = Jflap.read(TOMITA1);
        assertTrue(Equivalence.equivalent(Fixtures.tomita1(), d));
        assertEquals("q0", d.label(d.startState()));
        assertEquals("dead", d.label(d.deadState().orElseThrow()));
    }

    @Test
    void importsAnNfaWithEpsilonAndMultiCharacterReads() {
        Dfa d = Jflap.read(NFA);
        assertEquals(Alphabet.ofChars("abc"), d.alphabet());
        assertTrue(Equivalence.equivalent(Regexes.compile("(ab)*|c", d.alphabet()), d));
        Nfa n = Jflap.readNfa(NFA, null);
        assertTrue(n.accepts(Word.parse(d.alphabet(), "abab")));
    }

    @Test
    void aGivenAlphabetKeepsItsOrder(@TempDir Path dir) throws Exception {
        Dfa d = Jflap.read(TOMITA1, Alphabet.ofChars("10"));
        assertEquals(Alphabet.ofChars("10"), d.alphabet());
        Path f = dir.resolve("t1.jff");
        Files.writeString(f, TOMITA1);
        assertTrue(Equivalence.equivalent(Fixtures.tomita1(), Jflap.read(f)));
    }

    @Test
    void externalEntitiesAreRefused() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE structure [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <structure><type>fa</type><automaton><state id="0"><initial/></state>
                <transition><from>0</from><to>0</to><read>&x;</read></transition></automaton></structure>
                """;
        var e = assertThrows(DfaFormatException.class, () -> Jflap.read(xxe));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<structure><type>pda</type></structure>| <type>: expected 'fa'",
        "<automaton/>| <automaton>: expected <structure> as the root element",
        "<structure><type>fa</type><automaton></automaton></structure>| <automaton>: expected at least one <state>",
        "<structure><type>fa</type><automaton><state id='0'/></automaton></structure>| <automaton>: no state is marked <initial/>",
        "<structure><type>fa</type><automaton><state id='0'><initial/></state><state id='0'/></automaton></structure>"
                + "| <state> 2: duplicate id '0'",
        "<structure><type>fa</type><automaton><state><initial/></state></automaton></structure>| <state> 1: missing the id attribute",
        "<structure><type>fa</type><automaton><state id='0'><initial/></state>"
                + "<transition><from>0</from><to>7</to><read>a</read></transition></automaton></structure>"
                + "| <transition> 1: <to> names no state id '7'",
        "<structure><type>fa</type><automaton><state id='0'><initial/></state>"
                + "<transition><from>0</from><to>0</to></transition></automaton></structure>"
                + "| <transition> 1: missing <read>",
        "<structure><type>fa</type><automaton><state id='0'><initial/></state></automaton></structure>"
                + "| <automaton>: no transition reads a symbol",
        "<structure><type>fa<| not well-formed XML at line 1",
        "<structure><type>fa</type><automaton>| not well-formed XML at line 1, column 38: the file ends before its "
                + "elements are closed (cut short?)",
    })
    void errorsNameTheElement(String xml, String message) {
        var e = assertThrows(DfaFormatException.class, () -> Jflap.read(xml));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }
}
