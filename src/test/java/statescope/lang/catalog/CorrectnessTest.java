package statescope.lang.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CorrectnessTest {

    static final Catalog CATALOG = CatalogTest.CATALOG;

    @Test
    void strictNeedsEveryPositionRight() {
        Language l = CATALOG.get("tomita-2");
        Targets t = l.targets().encode(l.parse("1010"));
        int[] ok = t.classIds();
        assertTrue(Correctness.strict(ok, t));
        int[] bad = ok.clone();
        bad[3] = 1 - bad[3];
        assertFalse(Correctness.strict(bad, t));
        assertEquals(50.0, Correctness.strictAccuracy(List.of(ok, bad), List.of(t, t)));
        assertThrows(IllegalArgumentException.class, () -> Correctness.strict(new int[3], t));
    }

    @Test
    void argmaxAndThresholdedBits() {
        assertArrayEquals(new int[] {1, 0, 2}, Correctness.argmax(new float[][] {{0f, 1f, 0f}, {3f, 3f, 1f}, {0f, 0f, .1f}}));
        Language l = CATALOG.get("tomita-4");
        Targets t = l.targets().encode(l.parse("100"));   // 11 11 01
        assertTrue(Correctness.strictBits(new float[][] {{.9f, .8f}, {.6f, .7f}, {.2f, .9f}}, t, .5f));
        assertFalse(Correctness.strictBits(new float[][] {{.9f, .8f}, {.6f, .7f}, {.6f, .9f}}, t, .5f));
    }

    @Test
    void closingBracketAccuracy() {
        Language l = CATALOG.get("bounded-dyck-2-4");
        var m = (BoundedDyckMachine) l.machine();
        var w = l.parse("([])");
        assertArrayEquals(new int[] {2, 3, 2, -1}, Correctness.closingTargets(m, w));
        // columns: ( [ ) ] END
        float[][] p = {
            {.2f, .2f, .5f, .05f, .05f},   // ) / all closes = .5/.55 = .91 > .8: correct
            {.2f, .2f, .3f, .3f, 0f},      // ] / all = .5: wrong
            {0f, 0f, .9f, .1f, 0f},        // ) / all = .9: correct
            {0f, 0f, 0f, 0f, 1f},          // empty stack: not scored
        };
        var score = Correctness.closingBrackets(m, w, p);
        assertEquals(new Correctness.ClosingScore(2, 3), score);
        assertEquals(200.0 / 3, score.percent(), 1e-9);
    }
}
