package statescope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class PropertyLoopTest {

    /** Lists of 0..size small numbers. */
    private static final PropertyLoop.Generator<List<Integer>> LISTS = (r, size) -> {
        var l = new ArrayList<Integer>();
        for (int i = r.nextInt(size + 1); i > 0; i--) {
            l.add(r.nextInt(10));
        }
        return l;
    };

    @Test
    void aHoldingPropertyRunsEveryTrialWithSizesGrowingFromSmallToLarge() {
        var sizes = new ArrayList<Integer>();
        PropertyLoop.forAll((r, size) -> size).trials(10).sizes(2, 6).check(sizes::add);
        assertEquals(List.of(2, 3, 4, 5, 6, 6, 6, 6, 6, 6), sizes);
    }

    @Test
    void theSameSeedDrawsTheSameExamples() {
        var a = new ArrayList<List<Integer>>();
        var b = new ArrayList<List<Integer>>();
        PropertyLoop.forAll(LISTS).trials(30).sizes(0, 8).seed(5).check(a::add);
        PropertyLoop.forAll(LISTS).trials(30).sizes(0, 8).seed(5).check(b::add);
        assertEquals(a, b);
        var c = new ArrayList<List<Integer>>();
        PropertyLoop.forAll(LISTS).trials(30).sizes(0, 8).seed(6).check(c::add);
        assertTrue(!a.equals(c), "another seed draws other examples");
    }

    @Test
    void aFailureReportsTrialSeedsAndTheSmallestFailingExampleFound() {
        // fails for every list holding a 7 and at least three elements: the smallest such list has three
        var e = assertThrows(AssertionError.class, () -> PropertyLoop.forAll(LISTS).trials(200).sizes(0, 12)
                .seed(PropertyLoop.DEFAULT_SEED).check(l -> assertTrue(l.size() < 3 || !l.contains(7), "holds a 7")));
        String m = e.getMessage();
        assertTrue(m.startsWith("property failed on trial "), m);
        assertTrue(m.matches("(?s).*\\(base seed -?\\d+, trial seed 0x\\p{XDigit}{16}, size \\d+\\).*"), m);
        assertTrue(m.contains("smallest failing example found (size 3, seed 0x"), m);
        String smallest = m.substring(m.lastIndexOf("  example: ") + 11, m.lastIndexOf("\n  failure: "));
        assertEquals(9, smallest.length(), "a three-element list, e.g. [7, 1, 2]: " + m);
        assertTrue(m.endsWith("failure: " + AssertionFailedError.class.getName() + ": holds a 7 ==> expected: <true> but was: <false>"), m);
        assertEquals("holds a 7 ==> expected: <true> but was: <false>", e.getCause().getMessage());
    }

    @Test
    void anExceptionIsAFailureToo() {
        var e = assertThrows(AssertionError.class, () -> PropertyLoop.forAll((r, size) -> size).trials(5)
                .sizes(0, 4).check(n -> {
                    if (n > 0) {
                        throw new IllegalStateException("boom at " + n);
                    }
                }));
        assertTrue(e.getMessage().contains("failure: " + IllegalStateException.class.getName() + ": boom at 1"), e.getMessage());
        assertTrue(e.getMessage().contains("no smaller failing example among "), e.getMessage());
    }
}
