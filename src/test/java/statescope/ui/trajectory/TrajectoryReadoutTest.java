package statescope.ui.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import statescope.inspect.AlignedTrace;
import statescope.inspect.CorpusProjection;
import statescope.inspect.EngineModel;
import statescope.inspect.FakeModels;
import statescope.inspect.StateCloud;
import statescope.lang.Word;
import statescope.ssm.GateRange;
import statescope.ui.session.BuiltinLanguageLibrary;
import statescope.ui.session.CatalogLanguageLibrary;

/** Issue 16: the trajectory's hover readout per point, and centroid labels placed without overlap. */
class TrajectoryReadoutTest {

    @Test
    void aPointReadsPositionTokenAndAutomatonState() {
        var lang = new BuiltinLanguageLibrary().catalog().stream().filter(l -> l.id().equals("parity")).findFirst()
                .orElseThrow();
        var model = FakeModels.oracle(lang, 0);
        List<StateCloud> clouds = CorpusProjection.fit(model, lang, 40, 10, 5, p -> { }, () -> false);
        var trace = new AlignedTrace(model, lang);
        trace.setWord(Word.parse(lang.machine().alphabet(), "0110").toArray(), f -> { }, () -> false);
        trace.setProjections(clouds.stream().map(StateCloud::projection).toList(), f -> { }, () -> false);
        var vm = new TrajectoryViewModel();
        vm.setClouds(clouds);
        vm.update(trace, 3);
        var f = vm.frame();
        assertEquals(4, f.path().length, "t = 0..3");
        assertEquals("t = 0 · no token read · automaton state even", f.readout(0));
        assertEquals("t = 2 · token '1' · automaton state odd", f.readout(2));
        assertEquals("t = 3 · token '1' · automaton state even", f.readout(3));
        assertNull(f.readout(4));
        assertNull(f.readout(-1));
    }

    @Test
    void theLegendListsEveryStateOfTheAutomatonEvenOnesTheCorpusMissed() {
        var lang = new CatalogLanguageLibrary().catalog().stream().filter(l -> l.id().equals("d-12")).findFirst()
                .orElseThrow();
        var model = EngineModel.random(lang.vocabularySize(), lang.reference().width(), 1, 8, GateRange.SIGNED, 3);
        List<StateCloud> clouds = CorpusProjection.fit(model, lang, 30, 8, 5, p -> { }, () -> false);
        var trace = new AlignedTrace(model, lang);
        trace.setWord(Word.parse(lang.machine().alphabet(), "aab").toArray(), f -> { }, () -> false);
        trace.setProjections(clouds.stream().map(StateCloud::projection).toList(), f -> { }, () -> false);
        var vm = new TrajectoryViewModel();
        vm.setClouds(clouds);
        vm.update(trace, 3);
        var legend = vm.frame().legend();
        var drawn = lang.reference().dfa().orElseThrow().labels();
        assertTrue(clouds.getFirst().stateNames().size() < 13, "the short corpus misses some depths: "
                + clouds.getFirst().stateNames());
        assertTrue(legend.containsAll(drawn), legend + " lists every state of " + drawn);
        assertTrue(legend.size() >= 13, legend::toString);
        assertEquals(clouds.getFirst().stateNames(), legend.subList(0, clouds.getFirst().stateNames().size()),
                "the cloud's states keep their indices (and colours)");
        assertEquals(legend.size(), new HashSet<>(legend).size(), "no state twice");
    }

    @Test
    void centroidLabelsNeverOverlapEvenWhenTheCentroidsCoincide() {
        int q = 13;                                                    // D_12's states, all near one spot
        double[][] at = new double[q][];
        double[] widths = new double[q];
        for (int i = 0; i < q; i++) {
            at[i] = new double[] {300 + (i % 3) * 4, 200 + (i / 3) * 3};
            widths[i] = 40 + 6 * (i % 4);
        }
        at[5] = null;                                                  // a state with no point gets no label
        List<double[]> taken = new ArrayList<>();
        taken.add(new double[] {288, 188, 24, 24});                    // the current point
        int obstacles = taken.size();
        double[][] boxes = TrajectoryPainter.placeLabels(at, widths, 20, taken, 700, 500, -1, 1);
        assertNull(boxes[5]);
        List<double[]> placed = new ArrayList<>();
        for (int i = 0; i < q; i++) {
            if (at[i] == null) {
                continue;
            }
            assertNotNull(boxes[i]);
            double[] b = {boxes[i][0], boxes[i][1], widths[i], 20};
            assertTrue(b[0] >= 0 && b[1] >= 0 && b[0] + b[2] <= 700 && b[1] + b[3] <= 500, "inside: state " + i);
            for (int j = 0; j < obstacles; j++) {
                assertTrue(!overlap(b, taken.get(j)), "label " + i + " covers the current point");
            }
            for (double[] o : placed) {
                assertTrue(!overlap(b, o), "label " + i + " overlaps an earlier one");
            }
            placed.add(b);
        }
    }

    @Test
    void aCrowdedSmallPlotLeavesLabelsOutRatherThanOverlapThemAndKeepsTheCurrentStates() {
        int q = 30;                                                    // a counter language's many configurations
        double[][] at = new double[q][];
        double[] widths = new double[q];
        for (int i = 0; i < q; i++) {
            at[i] = new double[] {150 + (i % 6) * 5, 40 + (i / 6) * 4};
            widths[i] = 120 + 10 * (i % 3);
        }
        double scale = 1.6;                                            // presentation mode: taller boxes
        double h = 20 * scale;
        List<double[]> taken = new ArrayList<>();
        double[][] boxes = TrajectoryPainter.placeLabels(at, widths, h, taken, 400, 110, 29, scale);
        assertNotNull(boxes[29], "the current state's label is placed first");
        List<double[]> placed = new ArrayList<>();
        int left = 0;
        for (int i = 0; i < q; i++) {
            if (boxes[i] == null) {
                left++;
                continue;
            }
            double[] b = {boxes[i][0], boxes[i][1], widths[i], h};
            assertTrue(b[0] >= 0 && b[1] >= 0 && b[0] + b[2] <= 400 && b[1] + b[3] <= 110, "inside: state " + i);
            for (double[] o : placed) {
                assertTrue(!overlap(b, o), "label " + i + " overlaps another");
            }
            placed.add(b);
        }
        assertTrue(left > 0 && placed.size() >= 3, "some placed (" + placed.size() + "), the rest left out");
        boxes = TrajectoryPainter.placeLabels(at, widths, h, new ArrayList<>(), 400, 110, q + 3, scale);
        assertNotNull(boxes[0], "a current state the cloud has no centroid for (a legend-only state) is skipped");
    }

    /**
     * aⁿbⁿ at t = 20 (the counters story): the current state "counts a=10 b=10" was never reached by the
     * fitted corpus, so it has no centroid, and the ringed point sat beside the label of "counts a=6 b=0",
     * whose centroid was the nearest (review). The point now carries its own state's name, beside the ring
     * and nearer to it than any other label, which keep off it.
     */
    @Test
    void theCurrentPointCarriesItsStatesNameWhenNoCentroidLabelIsByIt() {
        int q = 7;                                                     // counts a=0 b=0 .. counts a=6 b=0
        double[][] at = new double[q][];
        double[] widths = new double[q];
        List<double[]> taken = new ArrayList<>();
        double[] here = {335, 100};
        taken.add(new double[] {here[0] - 12, here[1] - 12, 24, 24});   // the ring, then the markers
        for (int i = 0; i < q; i++) {
            at[i] = new double[] {60 + 40 * i, 100};
            widths[i] = 112;
            taken.add(new double[] {at[i][0] - 7, at[i][1] - 7, 14, 14});
        }
        assertTrue(TrajectoryPainter.needsOwnLabel(here, at, q, 1), "a state with no centroid");
        double[][] boxes = TrajectoryPainter.placeAll(at, widths, 20, taken, 640, 220, q, 1, here, 124);
        double[] own = boxes[q];
        assertNotNull(own, "the point's own label");
        double mine = distance(new double[] {own[0], own[1], 124, 20}, here);
        assertTrue(mine <= 14.5, "beside the ring: " + mine);
        for (int i = 0; i < q; i++) {
            if (boxes[i] != null) {
                double d = distance(new double[] {boxes[i][0], boxes[i][1], widths[i], 20}, here);
                assertTrue(d > 12 + 16 - 0.5, "state " + i + "'s label keeps off the point: " + d);
            }
        }
        assertTrue(!TrajectoryPainter.needsOwnLabel(here, new double[][] {{here[0] - 6, here[1] + 8}}, 0, 1),
                "its own centroid's marker touches the ring: that label names it");
        assertTrue(TrajectoryPainter.needsOwnLabel(here, new double[][] {{here[0] + 35, here[1] - 7}}, 0, 1.6),
                "35 px off at scale 1.6 (the regex story's q4): its label goes by the centroid, not the point");
        assertTrue(TrajectoryPainter.needsOwnLabel(here, new double[][] {{here[0] - 120, here[1]}}, 0, 1),
                "its centroid far off: the label there does not name the point");
        assertTrue(TrajectoryPainter.needsOwnLabel(here, new double[][] {{here[0] + 16, here[1]}, {here[0] + 1,
            here[1] + 2}}, 0, 1), "another state's centroid nearer (a regex's random model, the dead state's under"
                + " the ring): its label would be the one by the point");
        assertTrue(!TrajectoryPainter.needsOwnLabel(here, new double[][] {here.clone(), here.clone()}, 1, 1),
                "every state at one point: the current state's label, placed first, names it");
        assertNull(TrajectoryPainter.placeAll(at, widths, 20, new ArrayList<>(), 640, 220, 2, 1, here, 0)[q],
                "no own label asked for, none placed");
    }

    /** The distance from point {@code p} to box {x, y, w, h} (0 inside it). */
    private static double distance(double[] box, double[] p) {
        double dx = Math.max(0, Math.max(box[0] - p[0], p[0] - (box[0] + box[2])));
        double dy = Math.max(0, Math.max(box[1] - p[1], p[1] - (box[1] + box[3])));
        return Math.hypot(dx, dy);
    }

    private static boolean overlap(double[] a, double[] b) {
        return a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
    }
}
