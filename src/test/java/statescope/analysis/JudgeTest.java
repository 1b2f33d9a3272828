package statescope.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import statescope.inspect.AlignedTrace;
import statescope.inspect.CatalogLanguages;
import statescope.inspect.CustomLanguages;
import statescope.inspect.EngineModel;
import statescope.inspect.LanguageEntry;
import statescope.lang.Word;
import statescope.lang.catalog.BoundedDyckMachine;
import statescope.lang.catalog.Catalog;
import statescope.lang.catalog.Correctness;
import statescope.lang.catalog.Language;
import statescope.lang.catalog.ReferenceMachine.Config;
import statescope.ssm.GateRange;
import statescope.ssm.ReferenceScan;

/**
 * The judge reads positions as the app's stepper does: on random live strings, for random models (which
 * are wrong often), the first position it calls wrong is {@link AlignedTrace#firstDivergence()}; bounded
 * Dyck's judge counts as the catalog's closing-bracket score.
 */
class JudgeTest {

    private static void agreesWithTheStepper(LanguageEntry entry, Language catalog, long seed) {
        var model = EngineModel.random(entry.vocabularySize(), entry.reference().width(), 1, 8, GateRange.SIGNED, seed);
        Subject s = Subject.of(model.info().name(), model.weights(), entry, catalog);
        var scorer = new Scorer(s, new ReferenceScan(), 1);
        var forward = s.model().forward(new ReferenceScan(), 1);
        var search = new CounterexampleSearch(s, new ReferenceScan(), CounterexampleSearch.Settings.defaults());
        var sources = new Sources(s);
        var random = new SplittableRandom(seed);
        Judge judge = s.judge();
        int o = s.model().outputSize();
        int right = 0;
        int wrong = 0;
        for (int i = 0; i < 25; i++) {
            int[] w = sources.walk(1 + random.nextInt(20), random);
            var trace = new AlignedTrace(model, entry);
            trace.setWord(w, p -> { }, () -> false);
            float[] logits = forward.run(new int[][] {s.tokens(w)}).logits();   // [T, O]
            Config c = entry.machine().start();
            for (int t = 1; t <= w.length; t++) {
                Config next = entry.machine().step(c, w[t - 1]);
                boolean ok = Judge.right(judge.margin(c, w[t - 1], next, logits, (t - 1) * o));
                assertEquals(trace.agrees(t), ok, entry.name() + " " + s.text(w) + " at " + t);
                right += ok ? 1 : 0;
                wrong += ok ? 0 : 1;
                c = next;
            }
            int expected = Math.max(0, trace.firstDivergence());
            assertEquals(expected, scorer.score(List.of(w), () -> false).get(0).failAt(), s.text(w));
            if (expected > 0) {
                var ce = search.describe(Arrays.copyOf(w, expected), "test", "test", expected, 0);
                assertTrue(ce.stepAgrees());
                assertEquals(trace.target(expected).label(), ce.target());
                assertEquals(trace.prediction(expected).label(), ce.prediction());
            }
        }
        assertTrue(right > 10 && wrong > 10, entry.name() + ": " + right + " right and " + wrong
                + " wrong positions; the test needs many of both");
    }

    @Test
    void classesAsTheStepperReadsThem() {
        Language t3 = Catalog.standard().get("tomita-3");
        agreesWithTheStepper(CatalogLanguages.entry(t3), t3, 11);
        Language d2 = Catalog.standard().get("d-2");
        agreesWithTheStepper(CatalogLanguages.entry(d2), d2, 12);
    }

    @Test
    void flipFlopWithItsHiddenReadBits() {
        Language ff = Catalog.standard().get("flip-flop");
        agreesWithTheStepper(CatalogLanguages.entry(ff), ff, 13);
    }

    @Test
    void bitsOfAUserDfa() {
        agreesWithTheStepper(CustomLanguages.fromRegex("(ab|b)*"), null, 7);
    }

    @Test
    void tiesGoToTheLowerClassAsTheArgmaxDoes() {
        Language parity = Catalog.standard().get("parity");
        Judge j = Judge.of(CatalogLanguages.entry(parity), parity);
        Config start = parity.machine().start();
        Config after = parity.machine().step(start, 0);                // "0": in L, class of "1"
        int cls = parity.targets().classOf("1");
        float[] tie = {0.5f, 0.5f};
        assertEquals(cls == 0, Judge.right(j.margin(start, 0, after, tie, 0)));
        float[] right = new float[2];
        right[cls] = 1;
        assertTrue(j.margin(start, 0, after, right, 0) > 0);
        assertFalse(Judge.right(j.margin(start, 0, after, new float[] {right[1], right[0]}, 0)));
    }

    @Test
    void closingBracketsCountAsTheCatalogScoresThem() {
        Language dyck = Catalog.standard().get("bounded-dyck-2-4");
        var machine = (BoundedDyckMachine) dyck.machine();
        var model = EngineModel.random(dyck.inputVocabulary().size(), dyck.alphabet().size() + 1, 1, 8, GateRange.NONNEGATIVE, 5);
        Subject s = Subject.of("random", model.weights(), CatalogLanguages.entry(dyck), dyck);
        var random = new SplittableRandom(5);
        var sources = new Sources(s);
        int scored = 0;
        int right = 0;
        var catalog = new Correctness.ClosingScore(0, 0);
        Judge judge = s.judge();
        for (int i = 0; i < 30; i++) {
            int[] w = sources.walk(2 + random.nextInt(20), random);
            var fwd = s.model().forward(new ReferenceScan(), 1).run(new int[][] {s.tokens(w)});
            int o = s.model().outputSize();
            float[][] probs = new float[w.length][o];
            Config c = machine.start();
            for (int t = 0; t < w.length; t++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < o; j++) {
                    max = Math.max(max, fwd.logits()[t * o + j]);
                }
                double z = 0;
                for (int j = 0; j < o; j++) {
                    z += Math.exp(fwd.logits()[t * o + j] - max);
                }
                for (int j = 0; j < o; j++) {
                    probs[t][j] = (float) (Math.exp(fwd.logits()[t * o + j] - max) / z);
                }
                Config next = machine.step(c, w[t]);
                double m = judge.margin(c, w[t], next, fwd.logits(), t * o);
                if (Double.isFinite(m)) {
                    scored++;
                    right += Judge.right(m) ? 1 : 0;
                }
                c = next;
            }
            catalog = catalog.plus(Correctness.closingBrackets(machine, Word.of(dyck.alphabet(), w), probs));
        }
        assertEquals(catalog.total(), scored);
        assertEquals(catalog.correct(), right);
        assertTrue(scored > 0);
    }
}
