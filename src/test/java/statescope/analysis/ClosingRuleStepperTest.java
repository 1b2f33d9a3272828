package statescope.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import statescope.inspect.AlignedTrace;
import statescope.inspect.CatalogLanguages;
import statescope.inspect.EngineModel;
import statescope.inspect.LanguageEntry;
import statescope.inspect.ShippedModels;
import statescope.lang.Word;
import statescope.lang.catalog.BoundedDyckMachine;
import statescope.lang.catalog.Catalog;
import statescope.lang.catalog.Language;
import statescope.lang.catalog.ReferenceMachine.Config;
import statescope.ssm.GateRange;
import statescope.ssm.ReferenceScan;

/**
 * The app's stepper reads a bounded Dyck model's outputs as a next-token distribution scored by the
 * closing-bracket rule, as the search does, not as one unit per target class (the two counts are both
 * 2K + 1, and reading them as classes put a divergence at position 1 of every bounded Dyck model).
 */
class ClosingRuleStepperTest {

    private static final Language DYCK = Catalog.standard().get("bounded-dyck-8-10");

    /** A well-nested word of {@code length} (even) symbols, depth at most the machine's bound. */
    private static int[] validWord(BoundedDyckMachine m, int length, long seed) {
        var random = new SplittableRandom(seed);
        int k = m.types();
        int[] stack = new int[m.maxDepth()];
        int depth = 0;
        int[] w = new int[length];
        for (int i = 0; i < length; i++) {
            int left = length - i;
            boolean close = depth > 0 && (depth == left || depth == m.maxDepth() || random.nextBoolean());
            if (close) {
                w[i] = k + stack[--depth];
            } else {
                int t = random.nextInt(k);
                stack[depth++] = t;
                w[i] = t;
            }
        }
        return w;
    }

    @Test
    void theConstructedModelAgreesAtEveryPositionOfAValidWord() throws Exception {
        LanguageEntry entry = CatalogLanguages.entry(DYCK);
        EngineModel model = ShippedModels.load(Path.of("assets/models/constructed/bounded-dyck-8-10.json"), entry);
        var machine = (BoundedDyckMachine) DYCK.machine();
        for (long seed = 1; seed <= 3; seed++) {
            int[] w = validWord(machine, 30, seed);
            assertTrue(DYCK.contains(Word.of(DYCK.alphabet(), w)), "a word of the language");
            var trace = new AlignedTrace(model, entry);
            trace.setWord(w, p -> { }, () -> false);
            assertEquals(-1, trace.firstDivergence(), "seed " + seed + ": the exact construction agrees everywhere");
            for (int t = 1; t <= w.length; t++) {
                assertTrue(trace.agrees(t), "position " + t);
                assertEquals(trace.target(t).label(), trace.prediction(t).label(), "position " + t);
            }
        }
    }

    @Test
    void aTrainedModelDivergesWhereTheSearchFindsItsCounterexample() throws Exception {
        Path file = Path.of("assets/models/bounded-dyck-8-10-1layer.safetensors");
        Subject s = Subjects.load(file, null, null, null);
        var settings = new CounterexampleSearch.Settings(200, 100_000, 1000, 0, 1, 2);
        var r = new CounterexampleSearch(s, new ReferenceScan(), settings).run(Control.none());
        assertNotNull(r.found(), r.summary());
        LanguageEntry entry = CatalogLanguages.entry(DYCK);
        EngineModel model = ShippedModels.load(Path.of("assets/models/bounded-dyck-8-10-1layer.json"), entry);
        var trace = new AlignedTrace(model, entry);
        trace.setWord(r.found().word(), p -> { }, () -> false);
        assertEquals(r.found().position(), trace.firstDivergence(), r.found().text());
        assertTrue(trace.firstDivergence() > 1, "not the spurious divergence at 1");
        assertNotEquals(trace.target(trace.firstDivergence()), trace.prediction(trace.firstDivergence()));
    }

    @Test
    void randomModelsAreRightWhereTheJudgeSaysSo() {
        Language small = Catalog.standard().get("bounded-dyck-2-4");
        LanguageEntry entry = CatalogLanguages.entry(small);
        int right = 0;
        int wrong = 0;
        for (long seed = 1; seed <= 4; seed++) {
            var model = EngineModel.random(entry.vocabularySize(), entry.reference().width(), 1, 8, GateRange.SIGNED,
                    seed);
            Subject s = Subject.of("random", model.weights(), entry, small);
            var forward = s.model().forward(new ReferenceScan(), 1);
            var sources = new Sources(s);
            var random = new SplittableRandom(seed);
            Judge judge = s.judge();
            int o = s.model().outputSize();
            for (int i = 0; i < 20; i++) {
                int[] w = sources.walk(2 + random.nextInt(20), random);
                var trace = new AlignedTrace(model, entry);
                trace.setWord(w, p -> { }, () -> false);
                float[] logits = forward.run(new int[][] {s.tokens(w)}).logits();   // [T, O]
                Config c = small.machine().start();
                int first = -1;
                for (int t = 1; t <= w.length; t++) {
                    Config next = small.machine().step(c, w[t - 1]);
                    boolean ok = Judge.right(judge.margin(c, w[t - 1], next, logits, (t - 1) * o));
                    assertEquals(ok, trace.agrees(t), s.text(w) + " at " + t);
                    first = first < 0 && !ok ? t : first;
                    right += ok ? 1 : 0;
                    wrong += ok ? 0 : 1;
                    c = next;
                }
                assertEquals(first, trace.firstDivergence(), s.text(w));
            }
        }
        assertTrue(right > 10 && wrong > 10, right + " right and " + wrong + " wrong positions; the test needs both");
    }
}
