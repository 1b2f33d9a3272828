package statescope.construct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import statescope.lang.Alphabet;
import statescope.lang.Minimizer;
import statescope.lang.Regexes;
import statescope.lang.StarFree;
import statescope.lang.catalog.Catalog;
import statescope.ssm.FastForward;
import statescope.ssm.GateRange;
import statescope.ssm.ReferenceForward;
import statescope.ssm.ReferenceScan;
import statescope.ssm.SsmState;
import statescope.ssm.SsmStepper;
import statescope.ssm.Trace;
import statescope.ssm.Traces;

/** The cascade compiler: exact on seeded random star-free regexes and on catalog languages; clear refusals. */
class CompilerTest {

    @Test
    void seededRandomStarFreeRegexesCompileToExactModels() {
        List<String> regexes = RandomRegexes.generate(4, 11, Compiler.DEFAULT_MAX_STATES);
        assertEquals(regexes, RandomRegexes.generate(4, 11, Compiler.DEFAULT_MAX_STATES), "same seed, same regexes");
        for (String re : regexes) {
            var min = Minimizer.minimize(Regexes.compile(re, RandomRegexes.alphabetOf(re)));
            assertTrue(StarFree.analyze(min).starFree() && min.numStates() <= 12, re);
            var r = Compiler.regex(re, RandomRegexes.alphabetOf(re), Compiler.DEFAULT_MAX_STATES);
            var check = new ExactnessCheck(r.model());
            var all = check.exhaustive(check.exhaustiveLength(9, 4_000));
            assertTrue(all.exact(), re + " " + all);
            var sampled = check.sampled(200, 8, 5);
            assertTrue(sampled.exact(), re + " " + sampled);
            assertEquals(r.model().layers(), Math.max(1, r.decomposition().levels().stream()
                    .filter(l -> l.contains("→ layer")).count()), re + ": one layer per level");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomita-4", "tomita-7", "ab-d-bc", "012-star-02-star", "flip-flop", "bounded-dyck-2-4"})
    void catalogLanguagesCompileToExactModels(String id) {
        // bounded Dyck(2, 4): 32 states (above the default cap), next-token bits read off its stack machine
        var r = Compiler.language(Catalog.standard().get(id), 40);
        var check = new ExactnessCheck(r.model());
        assertTrue(check.exhaustive(check.exhaustiveLength(8, 4_000)).exact(), id);
        assertTrue(check.sampled(300, 6, 9).exact(), id);
        assertTrue(r.decomposition().lines().get(2).startsWith("cascade"), r.decomposition().lines().toString());
    }

    @Test
    void stepReferenceScanAndFastScanAgreeOnCompiledModels() {
        var models = List.of(Compiler.regex("0*1*0*1*", Alphabet.ofChars("01"), 12).model(),
                Compiler.regex("((aa)*b)*", null, 12, true).model(),
                Compiler.language(Catalog.standard().get("bounded-dyck-2-4"), 40).model(),
                Compiler.language(Catalog.standard().get("flip-flop"), 12).model());
        for (Constructed c : models) {
            var w = c.checkpoint().weights();
            var ref = Reference.of(c);
            int[] tokens = ref.encode(ref.sample(120, new SplittableRandom(4), 0));
            Trace step = new SsmStepper(w).run(new SsmState(w.config()), tokens);
            Trace reference = ReferenceForward.forward(w, tokens);
            Trace fast = new FastForward(w).forward(new int[][] {tokens}, FastForward.Options.FULL).trace(0);
            Trace refScan = new FastForward(w, new ReferenceScan(), 1)
                    .forward(new int[][] {tokens}, FastForward.Options.FULL).trace(0);
            String what = c.summary();
            assertTrue(Traces.maxAbsDiff(step, reference) <= 1e-5, what + ": step vs reference");
            assertTrue(Traces.maxAbsDiff(fast, reference) <= 1e-5, what + ": fast scan vs reference");
            assertTrue(Traces.maxAbsDiff(refScan, reference) <= 1e-5, what + ": reference scan vs reference");
        }
    }

    @Test
    void aTableRowEscapesTheBarsOfARegex() {
        var r = Compiler.regex("a*(b|c)", null, 12);
        String row = CheckTable.row(new CheckTable.Line("`a*(b|c)`", r.model().summary(), "3 states", r.model(),
                List.of(new ExactnessCheck.Row("all 3^1", 3, 3, 0, ""))));
        assertTrue(row.startsWith("| `a*(b\\|c)` | "), row);
        assertEquals(CheckTable.header(List.of()).get(0).chars().filter(ch -> ch == '|').count(),
                row.replace("\\|", "").chars().filter(ch -> ch == '|').count(), "as many cells as the header: " + row);
    }

    @Test
    void aCompiledRegexIsRightAfterDeadPrefixesToo() {
        var r = Compiler.regex("0*1*0*1*", Alphabet.ofChars("01"), 12);
        assertTrue(r.model().everywhere());
        var all = new ExactnessCheck(r.model()).exhaustive(10);
        assertEquals(10 * 1024, all.positions(), "every position of every word is scored");
        assertTrue(all.exact(), all.toString());
    }

    @Test
    void aLanguageThatIsNotStarFreeIsRefusedWithItsWitnessAndGroup() {
        var e = assertThrows(IllegalArgumentException.class, () -> Compiler.regex("(aa)*", null, 12));
        assertTrue(e.getMessage().contains("not star-free") && e.getMessage().contains("w = a")
                && e.getMessage().contains("Z_2"), e.getMessage());
        var e3 = assertThrows(IllegalArgumentException.class, () -> Compiler.regex("(aaa)*", null, 12));
        assertTrue(e3.getMessage().contains("Z_3"), e3.getMessage());
    }

    @Test
    void signedGatesCompileALanguageWhoseGroupsAreZ2() {
        for (String re : new String[] {"(aa)*", "(aa|b)*", "(0|10*1)*", "((aa)*b)*"}) {
            var r = Compiler.regex(re, null, 12, true);
            assertEquals(GateRange.SIGNED, r.model().checkpoint().weights().config().gates(), re);
            assertTrue(r.decomposition().lines().get(1).contains("Z_2"), r.decomposition().lines().toString());
            var check = new ExactnessCheck(r.model());
            assertTrue(check.exhaustive(10).exact(), re);
            assertTrue(check.sampled(500, 8, 3).exact(), re);
        }
        var z3 = assertThrows(IllegalArgumentException.class, () -> Compiler.regex("(aaa)*", null, 12, true));
        assertTrue(z3.getMessage().contains("Z_3") && z3.getMessage().contains("rotation"), z3.getMessage());
    }

    @Test
    void aDfaAboveTheCapIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> Compiler.regex("a{13}", null, 12));
        assertTrue(e.getMessage().contains("states, more than the cap of 12"), e.getMessage());
    }

    @Test
    void anNfaFileIsRefused(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("n.jff");
        Files.writeString(f, "<structure><type>fa</type><automaton>"
                + "<state id=\"0\"><initial/></state><state id=\"1\"><final/></state>"
                + "<transition><from>0</from><to>0</to><read>a</read></transition>"
                + "<transition><from>0</from><to>1</to><read>a</read></transition>"
                + "</automaton></structure>");
        var e = assertThrows(IllegalArgumentException.class, () -> Compiler.dfaFile(f, 12));
        assertTrue(e.getMessage().contains("is an NFA") && e.getMessage().contains("2 transitions on 'a'"), e.getMessage());
    }
}
