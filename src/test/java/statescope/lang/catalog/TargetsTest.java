package statescope.lang.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Target encodings on hand-computed words, class lists and one-hot layouts. */
class TargetsTest {

    static final Catalog CATALOG = CatalogTest.CATALOG;

    static String encode(String id, String word) {
        Language l = CATALOG.get(id);
        return l.targets().encode(l.parse(word)).toString();
    }

    @Test
    void handComputedPatterns() {
        // bits: [next 0, next 1]; after 1 only 0 may follow, after 10 only 1
        assertEquals("10 01 10 01", encode("tomita-2", "1010"));
        // Tomita 3, repository rule (is prefix·c in L): q0 -> 11, q1 -> 01, q3 -> 10, q2 -> 01
        assertEquals("11 01 10 01", encode("tomita-3", "0100"));
        assertEquals("11 11 01 11", encode("tomita-4", "1001"));
        assertEquals("0 1 1 0", encode("parity", "1101"));
        assertEquals("1 1 1 0", encode("dyck-1", "(())"));
        assertEquals("10 11 01 00", encode("shuffle-2", "([)]"));
        assertEquals("0 0 0 1", encode("boolean-3", "+~01"));
        assertEquals("0 1 1 0 0", encode("012-star-02-star", "02212"));
        // anbn over {a, b, END}: {a,b} {a,b} {b} {END}
        assertEquals("110 110 010 001", encode("anbn", "aabb"));
    }

    @Test
    void dNTargetsFollowDepth() {
        assertEquals("11 01 11 10", encode("d-2", "aabb"));
        assertEquals("11 11 11 10 11", encode("d-3", "aabba"));
    }

    @Test
    void classesAreSortedPatternsWithReadableNames() {
        var t = CATALOG.get("tomita-7").targets();
        assertEquals(List.of("01", "11"), t.classes().stream().map(TargetClass::bits).toList());
        assertEquals(List.of("{1}", "{0,1}"), t.classes().stream().map(TargetClass::name).toList());
        assertEquals(List.of("next 0", "next 1"), t.bitNames());
        var ff = CATALOG.get("flip-flop").targets();
        assertEquals(List.of("0", "1", "-"), ff.classes().stream().map(TargetClass::name).toList());
        assertEquals(64, CATALOG.get("shuffle-6").targets().numClasses());
        assertEquals(17, CATALOG.get("bounded-dyck-8-10").targets().numClasses());
        assertEquals(List.of("T", "b", "a"), CATALOG.get("anbn").targets().classes().stream().map(TargetClass::name).toList());
        assertEquals(TargetEncoding.Loss.CROSS_ENTROPY, CATALOG.get("dyck-1").targets().paperLoss());
        assertEquals(TargetEncoding.Loss.MSE, CATALOG.get("tomita-3").targets().paperLoss());
    }

    @Test
    void oneHotAndBitMatrices() {
        Language l = CATALOG.get("tomita-2");
        Targets t = l.targets().encode(l.parse("10"));
        assertArrayEquals(new int[] {1, 0}, t.classIds());
        float[][] oh = t.oneHot(l.targets().numClasses());
        assertArrayEquals(new float[] {0f, 1f}, oh[0]);
        assertArrayEquals(new float[] {1f, 0f}, oh[1]);
        float[][] bits = t.bitMatrix();
        assertArrayEquals(new float[] {1f, 0f}, bits[0]);
        assertArrayEquals(new float[] {0f, 1f}, bits[1]);
    }

    @Test
    void prefixesOutsideTheLanguageHaveNoClass() {
        Language l = CATALOG.get("tomita-2");
        Targets t = l.targets().encode(l.parse("11"));
        assertEquals("10", t.pattern(0));
        assertEquals("00", t.pattern(1));
        assertEquals(-1, t.classId(1));
        assertEquals(-1, l.targets().classOf("00"));
    }
}
