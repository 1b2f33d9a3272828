package statescope.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import statescope.ssm.Checkpoint;
import statescope.ssm.GateRange;

/** Figures over seeds, and the paper's pattern they are judged by. */
class SeedStatisticsTest {

    static Map<String, Double> acc(double... v) {
        var m = new LinkedHashMap<String, Double>();
        for (int i = 0; i < v.length; i++) {
            m.put("bin" + (i + 1), v[i]);
        }
        return m;
    }

    static SeedStatistics.Sample sample(String language, int dModel, double... v) {
        return new SeedStatistics.Sample(language, GateRange.NONNEGATIVE, 2, dModel, 16, 400, acc(v));
    }

    @Test
    void meanSdMinMaxAndThePatternPerGroup() {
        var groups = SeedStatistics.of(List.of(sample("d-12", 24, 100, 98), sample("tomita-3", 24, 90, 10),
                sample("d-12", 24, 100, 100), sample("d-12", 32, 100, 99.5), sample("d-12", 24, 100, 90)));
        assertEquals(3, groups.size());
        var d12 = groups.get(0);
        assertEquals("d-12", d12.key().language());
        assertEquals(24, d12.key().dModel());
        assertEquals(3, d12.models());
        var bin2 = d12.figures().get(1);
        assertEquals("bin2", bin2.split());
        assertEquals(96.0, bin2.mean(), 1e-12);
        assertEquals(Math.sqrt((4 + 16 + 36) / 2.0), bin2.sd(), 1e-12, "the sample standard deviation (n - 1)");
        assertEquals(90, bin2.min());
        assertEquals(100, bin2.max());
        assertEquals(3, d12.judged());
        assertEquals(1, d12.meeting(), "star-free: only the run at 100 / 100 is >= 99 on both bins");
        var one = groups.get(2);
        assertEquals(1, one.models());
        assertTrue(Double.isNaN(one.figures().get(0).sd()), "no spread from one model");
        assertEquals(1, groups.get(1).meeting(), "tomita-3 fails to generalise, as the paper's pattern says");
    }

    @Test
    void thePatternOfEachFamily() {
        assertEquals(Optional.of(true), PaperPattern.meets("anbn", GateRange.NONNEGATIVE, 2, acc(100, 4, 0)));
        assertEquals(Optional.of(false), PaperPattern.meets("anbn", GateRange.NONNEGATIVE, 2, acc(98, 4, 0)));
        assertEquals(Optional.of(false), PaperPattern.meets("anbn", GateRange.NONNEGATIVE, 2, acc(100, 4, 5)));
        assertEquals(Optional.of(false), PaperPattern.meets("parity", GateRange.NONNEGATIVE, 1, acc(100, 100)));
        assertEquals(Optional.of(true), PaperPattern.meets("parity", GateRange.SIGNED, 1, acc(100, 99.6)));
        assertEquals(Optional.empty(), PaperPattern.meets("tomita-3", GateRange.SIGNED, 1, acc(100, 99.6)));
        assertEquals(Optional.of(true), PaperPattern.meets("flip-flop", GateRange.NONNEGATIVE, 1,
                Map.of("val", 100.0, "val-sparse", 100.0)));
        assertEquals(Optional.of(false), PaperPattern.meets("flip-flop", GateRange.NONNEGATIVE, 1,
                Map.of("val", 100.0, "val-sparse", 99.9)));
        assertEquals(Optional.of(true), PaperPattern.meets("bounded-dyck-8-10", GateRange.NONNEGATIVE, 2,
                Map.of("dev", 99.0, "test", 97.0)));
        assertEquals(Optional.empty(), PaperPattern.meets("bounded-dyck-8-10", GateRange.NONNEGATIVE, 1,
                Map.of("dev", 99.0, "test", 97.0)));
        assertEquals(Optional.empty(), PaperPattern.meets("d-12", GateRange.NONNEGATIVE, 2, Map.of("val", 1.0)));
    }

    @Test
    void everyShippedModelMeetsItsPattern() throws IOException {
        int judged = 0;
        for (Path f : ModelEvaluation.suite(ShippedModelFilesTest.MODELS)) {
            var m = Checkpoint.load(f).manifest();
            var percent = new LinkedHashMap<String, Double>();
            m.metrics().forEach((k, v) -> {
                if (k.startsWith("acc_")) {
                    percent.put(k.substring(4), 100 * v);
                }
            });
            var verdict = PaperPattern.meets(m.languageId(), m.config().gates(), m.config().nLayer(), percent);
            if (verdict.isPresent()) {
                judged++;
                assertTrue(verdict.get(), f + " " + percent);
            }
        }
        assertEquals(30, judged, "31 shipped models; bounded Dyck with one layer has no pattern of its own");
    }
}
