package statescope.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import statescope.inspect.CatalogLanguages;
import statescope.inspect.CustomLanguages;
import statescope.lang.catalog.Catalog;
import statescope.lang.catalog.Language;
import statescope.lang.catalog.LengthWindow;
import statescope.ssm.ReferenceScan;

/** The length sweep: its grid, its intervals, and where it sees a model drop. */
class LengthSweepTest {

    @Test
    void gridRunsFromTheTrainingLengthsToTheMaximumInLogSteps() {
        assertEquals(List.of(48, 85, 100, 178, 316, 562, 1000), LengthSweep.grid(new LengthWindow(48, 100), 1000, 4));
        assertEquals(List.of(1, 10, 100), LengthSweep.grid(null, 100, 1));
        assertEquals(List.of(2, 4, 6, 11, 20, 36, 50, 89, 100), LengthSweep.grid(new LengthWindow(2, 50), 100, 4),
                "points inside the training window too, so a model that breaks early shows where");
        assertEquals(List.of(2, 4, 6, 11, 20, 30), LengthSweep.grid(new LengthWindow(2, 50), 30, 4),
                "a maximum inside the training window");
    }

    /**
     * No window reaches past the maximum (the last one was max..max + max/20: lengths --max 1000 scored strings
     * of up to 1050 symbols); the last one ends at it, as wide as the others, and the windows' shortest lengths
     * rise.
     */
    @Test
    void noWindowReachesPastTheMaximum() {
        var last = LengthSweep.windows(new LengthWindow(48, 100), 1000, 4).getLast();
        assertEquals(List.of(950, 1000), List.of(last[0], last[1]), "moved down to end at 1000, 50 lengths wide");
        var small = LengthSweep.windows(null, 5, 4);
        assertEquals(List.of(List.of(1, 4), List.of(2, 5)), small.stream().map(w -> List.of(w[0], w[1])).toList());
        for (LengthWindow training : new LengthWindow[] {null, new LengthWindow(1, 1), new LengthWindow(2, 50),
            new LengthWindow(48, 100), new LengthWindow(100, 100)}) {
            for (int perDecade = 1; perDecade <= 8; perDecade++) {
                for (int max : new int[] {1, 2, 3, 4, 5, 7, 10, 19, 20, 21, 47, 50, 51, 99, 100, 101, 178, 1000, 1001,
                    4321, 100_000}) {
                    List<int[]> ws = LengthSweep.windows(training, max, perDecade);
                    String at = training + " max " + max + " per decade " + perDecade;
                    assertEquals(max, ws.getLast()[1], at + ": the last window ends at the maximum");
                    int previous = 0;
                    for (int[] w : ws) {
                        assertTrue(w[0] >= 1 && w[0] <= w[1] && w[1] <= max, at + ": " + w[0] + "-" + w[1]);
                        assertTrue(w[0] > previous, at + ": shortest lengths rise");
                        previous = w[0];
                    }
                }
            }
        }
    }

    /** A model wrong only past the maximum is right at every point: no scored string is longer than --max. */
    @Test
    void noScoredStringIsLongerThanTheMaximum() {
        Language d2 = Catalog.standard().get("d-2");
        var entry = CatalogLanguages.entry(d2);
        var s = Subject.of(new OracleModel(entry, (w, t) -> t > 200), entry, d2);    // wrong at position 201 on
        var r = new LengthSweep(s, new ReferenceScan(), new LengthSweep.Settings(200, 20, 4, false, 1, 1))
                .run(Control.none());
        for (var p : r.points()) {
            assertTrue(p.windowMax() <= 200, "window " + p.length() + "-" + p.windowMax());
            assertEquals(p.strings(), p.correct(), "at " + p.length());
        }
        assertEquals(-1, r.firstBelow());
    }

    @Test
    void wilsonIntervalsMatchTheFormula() {
        Wilson none = Wilson.of(0, 100);
        assertEquals(0, none.low(), 1e-12);
        assertEquals(0.03699, none.high(), 1e-5);
        Wilson all = Wilson.of(100, 100);
        assertEquals(0.96301, all.low(), 1e-5);
        assertEquals(1, all.high(), 1e-12);
        Wilson half = Wilson.of(50, 100);                             // 0.5 ± 0.0966 (Wilson, z = 1.96)
        assertEquals(0.40383, half.low(), 1e-5);
        assertEquals(0.59617, half.high(), 1e-5);
        assertThrows(IllegalArgumentException.class, () -> Wilson.of(3, 2));
    }

    @Test
    void theSweepSeesTheDropWhereTheModelStartsToErr() {
        Language d2 = Catalog.standard().get("d-2");
        var entry = CatalogLanguages.entry(d2);
        var model = new OracleModel(entry, (w, t) -> t >= 300);       // right on every string shorter than 300
        var s = Subject.of(model, entry, d2);
        var r = new LengthSweep(s, new ReferenceScan(), new LengthSweep.Settings(1000, 20, 4, false, 1, 2)).run(Control.none());
        assertEquals(List.of(2, 4, 6, 11, 20, 36, 63, 100, 178, 316, 562, 950), r.points().stream().map(LengthSweep.Point::length).toList(),
                "the last window is 950-1000: none reaches past the maximum");
        for (var p : r.points()) {
            assertEquals(p.length() < 300 ? 20 : 0, p.correct(), "at " + p.length());
            assertEquals("sampler", p.source());
            if (p.length() < 300) {
                assertNull(p.firstFailure());
            } else {
                assertNotNull(p.firstFailure());
                assertEquals(300, p.failAt());
            }
        }
        assertEquals(316, r.firstBelow());
        long symbols = r.points().stream().mapToLong(p -> Math.round(p.meanLength() * p.strings())).sum();
        assertEquals(symbols, r.tokens());
    }

    @Test
    void aUserDfaIsWalkedAndStopsAtZero() {
        var entry = CustomLanguages.fromRegex("(ab|b)*");
        var s = Subject.of(new OracleModel(entry, (w, t) -> t >= 8), entry, null);
        var r = new LengthSweep(s, new ReferenceScan(), new LengthSweep.Settings(1000, 10, 2, true, 1, 1)).run(Control.none());
        // windows [1, 4], [3, 6], [10, 13], [32, 35]: right, right, wrong, wrong, then it stops
        assertEquals(List.of(1, 3, 10, 32), r.points().stream().map(LengthSweep.Point::length).toList());
        assertEquals(List.of(10, 10, 0, 0), r.points().stream().map(LengthSweep.Point::correct).toList());
        assertTrue(r.points().stream().allMatch(p -> p.source().equals("walk")));
        assertEquals(10, r.firstBelow());
    }

    @Test
    void aStopIsSeenWhileAPointsStringsAreDrawn() {
        Language d2 = Catalog.standard().get("d-2");
        var entry = CatalogLanguages.entry(d2);
        var s = Subject.of(new OracleModel(entry, (w, t) -> false), entry, d2);
        var polls = new AtomicInteger();
        var stop = new Control(() -> polls.incrementAndGet() > 1, p -> { }, Long.MAX_VALUE);
        int n = 50_000_000;                                    // far more than fit: drawing them all would not end
        assertNull(LengthSweep.draw(new Sources(s), 100, 105, n, new SplittableRandom(1), stop));
        assertEquals(2, polls.get(), "asked every " + LengthSweep.DRAWS_PER_CHECK + " strings");

        var r = new LengthSweep(s, new ReferenceScan(), new LengthSweep.Settings(1000, n, 4, false, 1, 1))
                .run(new Control(() -> polls.incrementAndGet() > 3, p -> { }, Long.MAX_VALUE));
        assertTrue(r.stopped() && r.points().isEmpty(), "stopped inside the first point");
        var drawn = LengthSweep.draw(new Sources(s), 10, 13, 1000, new SplittableRandom(1), Control.none());
        assertEquals(1000, drawn.words().size());
        assertTrue(drawn.words().stream().allMatch(w -> w.length >= 10 && w.length <= 13));
    }

    @Test
    void settingsNameTheOptionAtFault() {
        var perDecade = assertThrows(IllegalArgumentException.class, () -> new LengthSweep.Settings(10, 1, 0, false, 1, 1));
        assertEquals("--per-decade must be at least 1, got 0", perDecade.getMessage());
        var threads = assertThrows(IllegalArgumentException.class, () -> new LengthSweep.Settings(10, 1, 1, false, 1, 0));
        assertEquals("--threads must be at least 1, got 0", threads.getMessage());
    }
}
