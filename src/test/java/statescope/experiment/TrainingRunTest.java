package statescope.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import statescope.cli.TrainCommandLine;
import statescope.ssm.Checkpoint;
import statescope.ssm.GateRange;
import statescope.ssm.NormKind;
import statescope.ssm.SsmConfig;
import statescope.train.Loss;
import statescope.train.ParamSet;
import statescope.train.TrainOptions;

/** A run end to end: checkpoints, interruption, resumption to the same model, manifest metrics. */
class TrainingRunTest {

    static TrainingRun.Spec spec(long steps) {
        var o = new TrainOptions(3e-3, 0.1, true, 1.0, 8, steps, 2, 5);
        return new TrainingRun.Spec("parity", 1, 8, 4, GateRange.SIGNED, NormKind.LAYER, o, 60, 10, 20, 10, 101, null, null);
    }

    static final TrainingRun.Listener QUIET = new TrainingRun.Listener() {
    };

    /** A run that records the command {@code statescope train} spells for its spec, as the CLI's runs do. */
    static TrainingRun.Outcome run(TrainingRun.Spec spec, Path out, boolean resume, TrainingRun.Listener listener,
                                   BooleanSupplier stop) throws IOException {
        return TrainingRun.run(spec, TrainCommandLine.of(spec), out, resume, listener, stop);
    }

    @Test
    void selectionOnOneSplitKeepsTheCheckpointBestOnThatSplit(@TempDir Path dir) throws Exception {
        var base = new TrainingRun.Spec("tomita-3", 1, 8, 4, GateRange.NONNEGATIVE, NormKind.LAYER,
                new TrainOptions(1e-2, 0.1, true, 1.0, 8, 80, 2, 5), 60, 5, 40, 10, 101, null, null);
        var bin2 = base.withSelectOn("bin2");
        var evals = new ArrayList<Map<String, Double>>();
        var flags = new ArrayList<Boolean>();
        var steps = new ArrayList<Long>();
        var listener = new TrainingRun.Listener() {
            @Override
            public void evaluated(long step, Map<String, Double> quick, boolean best) {
                evals.add(quick);
                flags.add(best);
                steps.add(step);
            }
        };
        Path out = dir.resolve("sel.safetensors");
        run(bin2, out, false, listener, () -> false);
        double best = Double.NEGATIVE_INFINITY;
        long kept = -1;
        boolean meanWouldDiffer = false;
        double bestMean = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < evals.size(); i++) {
            double v = evals.get(i).get("bin2");
            assertEquals(v >= best, flags.get(i), "evaluation " + i + ": " + evals.get(i));
            double mean = (evals.get(i).get("bin1") + v) / 2;
            meanWouldDiffer |= (mean >= bestMean) != (v >= best);
            bestMean = Math.max(bestMean, mean);
            if (v >= best) {
                best = v;
                kept = steps.get(i);
            }
        }
        assertEquals(kept, Checkpoint.load(out).manifest().trainingStep());
        assertTrue(Checkpoint.load(out).manifest().notes().contains("--select bin2"));
        assertTrue(meanWouldDiffer, "the run should be one where the mean would keep other checkpoints: " + evals);

        var wrong = base.withSelectOn("bin9");
        var e = assertThrows(IllegalArgumentException.class,
                () -> run(wrong, dir.resolve("w.safetensors"), false, QUIET, () -> false));
        assertTrue(e.getMessage().contains("bin1, bin2"), e.getMessage());
    }

    @Test
    void anInitSeedChangesTheInitialisationAndOrderButNotTheWords(@TempDir Path dir) throws Exception {
        TrainingRun.Spec data5 = spec(20);
        TrainingRun.Spec data5init7 = data5.withInitSeed(7L);
        var o = data5.options();
        TrainingRun.Spec data7 = new TrainingRun.Spec("parity", 1, 8, 4, GateRange.SIGNED, NormKind.LAYER,
                new TrainOptions(o.lr(), o.weightDecay(), o.decayAll(), o.clip(), o.batch(), o.steps(), o.threads(), 7),
                60, 10, 20, 10, 101, null, null);
        Path a = dir.resolve("a.safetensors");
        Path b = dir.resolve("b.safetensors");
        Path c = dir.resolve("c.safetensors");
        run(data5, a, false, QUIET, () -> false);
        run(data5init7, b, false, QUIET, () -> false);
        run(data7, c, false, QUIET, () -> false);
        var mb = Checkpoint.load(b).manifest();
        assertEquals(5, mb.seed(), "the manifest's seed is the data seed: eval scores it on the same words as a");
        assertTrue(mb.notes().contains("--seed 5 ") && mb.notes().contains("--init-seed 7"), mb.notes());
        assertFalse(Checkpoint.load(a).manifest().notes().contains("--init-seed"));
        // b differs from a only in the initialisation and batch order, from c only in the words
        var wb = Checkpoint.load(b).weights();
        assertFalse(wb.contentEquals(Checkpoint.load(a).weights()));
        assertFalse(wb.contentEquals(Checkpoint.load(c).weights()));
        // an init seed equal to the data seed is no init seed: the same run and the same command
        assertEquals(null, data5.withInitSeed(5L).initSeed());
        assertEquals(TrainCommandLine.of(data5), TrainCommandLine.of(data5.withInitSeed(5L)));
    }

    @Test
    void interruptedAndResumedRunEqualsAnUninterruptedOne(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.safetensors");
        TrainingRun.Outcome whole = run(spec(30), a, false, QUIET, () -> false);
        assertEquals(30, whole.steps());
        assertTrue(TrainingRun.finished(a));

        Path b = dir.resolve("b.safetensors");
        AtomicInteger polls = new AtomicInteger();
        TrainingRun.Outcome part = run(spec(30), b, true, QUIET, () -> polls.incrementAndGet() > 17);
        assertTrue(part.interrupted());
        assertEquals(17, part.steps());
        assertTrue(TrainingRun.resumable(b));
        assertFalse(TrainingRun.finished(b));
        TrainingRun.Outcome rest = run(spec(30), b, true, QUIET, () -> false);
        assertFalse(rest.interrupted());
        assertFalse(TrainingRun.resumable(b), "resume files are removed when the run finishes");
        assertFalse(Files.exists(dir.resolve("b.resume.opt.safetensors")));

        Checkpoint ca = Checkpoint.load(a);
        Checkpoint cb = Checkpoint.load(b);
        // every kernel gives the same bits in every JIT tier (VectorPolyMath), so the two runs, whose code
        // was compiled at different moments, agree bit for bit; a lost AdamW state or a wrong step or batch
        // order would show up as differences of 1e-4 and more
        assertTrue(ParamSet.of(ca.weights()).contentEquals(ParamSet.of(cb.weights())),
                "stop + resume must give the same model, bit for bit");
        assertEquals(ca.manifest().trainingStep(), cb.manifest().trainingStep());
        assertEquals(ca.manifest().metrics(), withSeconds(cb.manifest().metrics(), ca.manifest().metrics()));
        assertEquals("parity", cb.manifest().languageId());
        assertTrue(cb.manifest().metrics().containsKey("acc_bin1"));
        assertTrue(cb.manifest().metrics().containsKey("acc_bin2"));
        assertEquals(1.0, cb.manifest().metrics().get("done"));
        assertTrue(cb.manifest().notes().contains("--seed 5"), cb.manifest().notes());
    }

    private static Map<String, Double> withSeconds(Map<String, Double> m, Map<String, Double> from) {
        var out = new HashMap<>(m);
        out.put("train_seconds", from.get("train_seconds"));
        return out;
    }

    @Test
    void aFinishedModelIsTrainedFurtherToALargerBudget(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.safetensors");
        run(spec(20), a, true, QUIET, () -> false);
        TrainCommandLine.Finished first = TrainCommandLine.finishedRun(a).orElseThrow();
        assertEquals(20, first.reachedStep());
        assertEquals(20, first.budget());
        assertTrue(first.checkpointStep() <= 20 && first.checkpointStep() >= 10, first.toString());

        // continued to 40 steps: from the checkpoint's step, up to the new budget, done again
        TrainingRun.Outcome more = run(spec(40), a, true, QUIET, () -> false);
        assertEquals(40, more.steps());
        assertFalse(more.interrupted());
        TrainCommandLine.Finished second = TrainCommandLine.finishedRun(a).orElseThrow();
        assertEquals(40, second.reachedStep());
        assertEquals(40, second.budget());
        assertTrue(second.checkpointStep() >= first.checkpointStep(), second + " after " + first);
        assertFalse(TrainingRun.resumable(a));
        Checkpoint m = Checkpoint.load(a);
        assertEquals(1.0, m.manifest().metrics().get("done"));
        assertEquals(40.0, m.manifest().metrics().get("last_step"));
        assertTrue(m.manifest().notes().contains("--steps 40"), m.manifest().notes());

        // the same continuation, stopped after 7 steps and resumed, ends bit-identical
        Path b = dir.resolve("b.safetensors");
        run(spec(20), b, true, QUIET, () -> false);
        AtomicInteger polls = new AtomicInteger();
        TrainingRun.Outcome part = run(spec(40), b, true, QUIET, () -> polls.incrementAndGet() > 7);
        assertTrue(part.interrupted());
        assertEquals(first.checkpointStep() + 7, part.steps());
        assertTrue(TrainingRun.resumable(b));
        run(spec(40), b, true, QUIET, () -> false);
        assertTrue(ParamSet.of(Checkpoint.load(a).weights())
                .contentEquals(ParamSet.of(Checkpoint.load(b).weights())));
        assertEquals(Checkpoint.load(a).manifest().trainingStep(), Checkpoint.load(b).manifest().trainingStep());
    }

    @Test
    void aFinishedModelOfAnotherConfigIsNotContinued(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.safetensors");
        run(spec(10), a, true, QUIET, () -> false);
        var o = spec(20).options();
        var other = new TrainingRun.Spec("parity", 1, 16, 4, GateRange.SIGNED, NormKind.LAYER, o, 60, 10, 20, 10, 101, null, null);
        var e = assertThrows(IllegalArgumentException.class, () -> run(other, a, true, QUIET, () -> false));
        assertTrue(e.getMessage().contains("finished model"), e.getMessage());
    }

    @Test
    void resumingWithAnotherConfigIsRefused(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.safetensors");
        run(spec(20), a, true, QUIET, new BooleanSupplier() {
            int n;

            @Override
            public boolean getAsBoolean() {
                return ++n > 3;
            }
        });
        var o = spec(20).options();
        var other = new TrainingRun.Spec("parity", 1, 16, 4, GateRange.SIGNED, NormKind.LAYER, o, 60, 10, 20, 10, 101, null, null);
        var e = assertThrows(IllegalArgumentException.class, () -> run(other, a, true, QUIET, () -> false));
        assertTrue(e.getMessage().contains("resume state"), e.getMessage());
    }

    @Test
    void taskEncodesTheProtocolTargets() {
        LanguageTask parity = LanguageTask.of("parity");
        assertEquals(LanguageTask.Objective.CLASSES, parity.objective());
        assertEquals(Loss.MSE, parity.paperLoss());
        var ex = parity.encode(parity.language().parse("0110"));
        assertEquals(4, ex.tokens().length);
        LanguageTask dyck = LanguageTask.of("bounded-dyck-2-4");
        var d = dyck.encode(dyck.language().parse("(["));
        assertEquals(dyck.language().alphabet().size(), d.targets()[1], "the last target is END");
        LanguageTask bd = LanguageTask.of("bounded-dyck-8-10");
        assertEquals(LanguageTask.Objective.NEXT_TOKEN, bd.objective());
        assertEquals(17, bd.outputSize());
    }

    @Test
    void aConfigDifferenceIsSaidByTheOptionsThatSetIt() {
        var saved = new SsmConfig(16, 1000, 16, 2, 4, 1, 3, 2, GateRange.NONNEGATIVE, true, NormKind.LAYER, 1e-5f);
        var asked = new SsmConfig(16, 1, 16, 2, 4, 1, 3, 2, GateRange.SIGNED, true, NormKind.LAYER, 1e-5f);
        assertEquals("--layers 1000, not 1, --gates nonnegative, not signed", TrainingRun.configDifference(saved, asked));
        assertEquals("", TrainingRun.configDifference(saved, saved));
        var wider = new SsmConfig(24, 1000, 16, 2, 4, 2, 3, 2, GateRange.NONNEGATIVE, true, NormKind.LAYER, 1e-5f);
        assertEquals("--d-model 24, not 16", TrainingRun.configDifference(wider, saved), "the dt rank follows --d-model");
    }
}
