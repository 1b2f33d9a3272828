package statescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import statescope.experiment.Recipes;
import statescope.experiment.TrainingRun;
import statescope.ssm.Checkpoint;

/** The train, eval and reproduce commands on tiny settings. */
class TrainEvalCommandTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = StateScopeCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void trainThenEvalPrintsTheBinTable(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("p.safetensors");
        Run t = run("train", "--language", "parity", "--layers", "1", "--d-model", "8", "--d-state", "4",
                "--gates", "signed", "--steps", "12", "--batch", "8", "--max-words", "40", "--eval-every", "6",
                "--out", model.toString(), "--quiet", "--json");
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("\"steps\" : 12"), t.out());
        assertTrue(Files.exists(model) && Files.exists(dir.resolve("p.json")));
        Run e = run("eval", "--model", model.toString());
        assertEquals(0, e.code(), e.err());
        assertTrue(e.out().contains("| p | parity | 1 | 8 | signed | 12 | bin1, bin2 |"), e.out());
        Run csv = run("eval", "--suite", dir.toString(), "--csv");
        assertEquals(0, csv.code(), csv.err());
        assertTrue(csv.out().startsWith("model,language,layers,d_model,gates,step,splits,bin 1,bin 2,bin 3\n"), csv.out());
        Run json = run("eval", "--model", model.toString(), "--json");
        assertTrue(json.out().contains("\"bin2\""), json.out());
    }

    static Run tinyParity(Path model, String... more) {
        var args = new ArrayList<>(List.of("train", "--language", "parity", "--layers", "1",
                "--d-model", "8", "--d-state", "4", "--gates", "signed", "--batch", "8", "--max-words", "40",
                "--eval-every", "6", "--out", model.toString(), "--quiet"));
        args.addAll(List.of(more));
        return run(args.toArray(new String[0]));
    }

    @Test
    void theInitialisationOptionsAreRecordedInTheCommandAndTheDataSeedInTheManifest(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("i.safetensors");
        Run t = tinyParity(model, "--steps", "6", "--seed", "3", "--init-seed", "9", "--a-init-scale", "1/4");
        assertEquals(0, t.code(), t.err());
        var cp = Checkpoint.load(model);
        assertEquals(3, cp.manifest().seed());
        assertTrue(cp.manifest().notes().contains("--seed 3 ")
                && cp.manifest().notes().contains(" --init-seed 9 --a-init-scale 0.25 --sampler authors;"), cp.manifest().notes());
        // six steps at lr 3e-3 move A_log by at most ~0.02 from log(0.25·(n+1)), 1.39 below Mamba's log(n+1)
        float[] aLog = cp.weights().tensor("backbone.layers.0.mixer.A_log").data();
        for (int i = 0; i < aLog.length; i++) {
            assertEquals(Math.log(0.25 * (i % 4 + 1)), aLog[i], 0.1, "A_log[" + i + "]");
        }
    }

    @Test
    void resumeTrainsAFinishedModelFurtherOnlyWithMoreSteps(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("p.safetensors");
        assertEquals(0, tinyParity(model, "--steps", "12").code());
        byte[] weights = Files.readAllBytes(model);
        String manifest = Files.readString(dir.resolve("p.json"));

        Run same = tinyParity(model, "--steps", "12", "--resume");
        assertEquals(0, same.code(), same.err());
        assertTrue(same.out().contains("is already trained: its run reached step 12, and --steps 12 is not larger"),
                same.out());
        Run fewer = tinyParity(model, "--steps", "6", "--resume", "--json");
        assertEquals(0, fewer.code(), fewer.err());
        assertTrue(fewer.out().contains("\"trained\" : false") && fewer.out().contains("\"reachedStep\" : 12"),
                fewer.out());
        assertTrue(Arrays.equals(weights, Files.readAllBytes(model)), "the model must be left alone");
        assertEquals(manifest, Files.readString(dir.resolve("p.json")));

        Run more = tinyParity(model, "--steps", "18", "--resume", "--json");
        assertEquals(0, more.code(), more.err());
        assertTrue(more.err().contains("is finished (its run reached step 12 of 12); training it further to step 18"),
                more.err());
        assertTrue(more.out().contains("\"steps\" : 18"), more.out());
        String after = Files.readString(dir.resolve("p.json"));
        assertTrue(after.contains("--steps 18") && after.contains("\"last_step\" : 18.0"), after);
        Run again = tinyParity(model, "--steps", "18", "--resume");
        assertTrue(again.out().contains("its run reached step 18"), again.out());
    }

    /** A finished parity-signed model of 4 steps on 40 words a split: not the recipe's. */
    private static Path staleParitySigned(Path dir) {
        Path model = dir.resolve("parity-signed.safetensors");
        Run t = run("train", "--language", "parity", "--gates", "signed", "--steps", "4", "--max-words", "40",
                "--eval-every", "2", "--out", model.toString(), "--quiet");
        assertEquals(0, t.code(), t.err());
        return model;
    }

    @Test
    void reproduceSkipsAFinishedModelUnlessItsRecipeOrBudgetChanged(@TempDir Path dir) throws Exception {
        long recipeSteps = Recipes.all().stream().filter(r -> r.fileStem().equals("parity-signed"))
                .findFirst().orElseThrow().steps();
        Path model = staleParitySigned(dir);
        // trained on 40 words a split where the recipe takes the protocol's sizes: another recipe
        Run other = run("reproduce", "--out", dir.toString(), "--languages", "parity-signed", "--list");
        assertEquals(0, other.code(), other.err());
        assertTrue(other.out().contains("finished with another recipe: to train again from the seed"), other.out());

        // the same recipe with a smaller budget (and another thread count): trained further, not again
        Path json = dir.resolve("parity-signed.json");
        Files.writeString(json, Files.readString(json).replace("--max-words 40", "--max-words 0")
                .replaceFirst("--threads \\d+", "--threads 7"));
        Run grew = run("reproduce", "--out", dir.toString(), "--languages", "parity-signed", "--list");
        assertEquals(0, grew.code(), grew.err());
        assertTrue(grew.out().contains("finished, budget grew to " + recipeSteps + " steps: to train further"), grew.out());
        Run otherSeed = run("reproduce", "--out", dir.toString(), "--languages", "parity-signed", "--list", "--seed", "2");
        assertTrue(otherSeed.out().contains("finished with another recipe"), otherSeed.out());

        // a model trained to the recipe's budget (its manifest says so) is skipped, not trained again
        Files.writeString(json, Files.readString(json).replace("--steps 4 ", "--steps " + recipeSteps + " "));
        byte[] weights = Files.readAllBytes(model);
        Run skip = run("reproduce", "--out", dir.toString(), "--languages", "parity-signed", "--quiet");
        assertEquals(0, skip.code(), skip.err());
        assertTrue(skip.out().startsWith("parity-signed") && skip.out().contains("finished"), skip.out());
        assertTrue(Arrays.equals(weights, Files.readAllBytes(model)));
        Run list = run("reproduce", "--out", dir.toString(), "--languages", "parity-signed", "--list", "--json");
        assertTrue(list.out().contains("\"state\" : \"finished\""), list.out());
    }

    @Test
    void reproduceTrainsAModelOfAnotherRecipeAgainFromTheSeed(@TempDir Path dir) throws Exception {
        Path model = staleParitySigned(dir);
        byte[] stale = Files.readAllBytes(model);
        Run again = run("reproduce", "--out", dir.toString(), "--languages", "parity-signed", "--quiet");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("trained with another recipe") && again.err().contains("--max-words 40"),
                again.err());
        String manifest = Files.readString(dir.resolve("parity-signed.json"));
        assertTrue(manifest.contains("--max-words 0") && !manifest.contains("--max-words 40"), manifest);
        assertFalse(Arrays.equals(stale, Files.readAllBytes(model)), "the model must be replaced");
        Run list = run("reproduce", "--out", dir.toString(), "--languages", "parity-signed", "--list", "--json");
        assertTrue(list.out().contains("\"state\" : \"finished\""), list.out());
    }

    @Test
    void badInputGivesOneLineAndExitCode3(@TempDir Path dir) {
        Run g = run("train", "--language", "parity", "--gates", "sideways", "--out", dir.resolve("x").toString());
        assertEquals(ExitCodes.BAD_INPUT, g.code()); // a value picocli cannot convert (GateRangeConverter)
        assertTrue(g.err().contains("--gates must be nonneg or signed"), g.err());
        Run l = run("train", "--language", "parrity", "--out", dir.resolve("x").toString());
        assertEquals(ExitCodes.BAD_INPUT, l.code());
        Run a = run("train", "--language", "parity", "--a-init-scale", "0", "--out", dir.resolve("x").toString());
        assertEquals(ExitCodes.BAD_INPUT, a.code(), a.err());
        assertTrue(a.err().contains("--a-init-scale must be a number above 0, got 0.0"), a.err());
        assertEquals(1, a.err().strip().lines().count(), a.err());
        Run f = run("train", "--language", "parity", "--a-init-scale", "1/x", "--out", dir.resolve("x").toString());
        assertTrue(f.code() != 0 && f.err().contains("'1/x' is not a number or a fraction like 1/4096"), f.err());
        Run s = run("eval", "--suite", dir.toString());
        assertEquals(ExitCodes.BAD_INPUT, s.code(), s.err());
    }

    /** A suite with a broken file: it is named and skipped, the others scored, and the exit says something failed. */
    @Test
    void aSuiteScoresWhatItCanReadAndNamesTheRest(@TempDir Path dir) throws Exception {
        for (String ext : List.of(".safetensors", ".json")) {
            Files.copy(Path.of("assets/models", "parity-nonneg" + ext), dir.resolve("parity-nonneg" + ext));
        }
        Files.write(dir.resolve("a.safetensors"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        Run s = run("eval", "--suite", dir.toString(), "--max-words", "10", "--csv", "--backend", "cpu");
        assertEquals(ExitCodes.BAD_INPUT, s.code(), s.err());
        assertEquals("statescope: skipped a.safetensors: not a safetensors file (or its header is oversized): header "
                + "length 578437695752307201 outside 2..16777216", s.err().strip());
        assertTrue(s.out().lines().anyMatch(l -> l.startsWith("parity-nonneg,parity,")), "the readable one scored: " + s.out());
        Files.delete(dir.resolve("parity-nonneg.safetensors"));
        Run none = run("eval", "--suite", dir.toString(), "--max-words", "10", "--backend", "cpu");
        assertEquals(ExitCodes.BAD_INPUT, none.code(), none.err());
        assertTrue(none.err().contains("could be read"), none.err());
    }

    @Test
    void reproduceListsEveryShippedModel(@TempDir Path dir) {
        Run r = run("reproduce", "--out", dir.toString(), "--list");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("flip-flop") && r.out().contains("parity-signed") && r.out().contains("parity-nonneg")
                && r.out().contains("bounded-dyck-8-10-1layer") && r.out().contains("tomita-7"), r.out());
        assertEquals(31, r.out().lines().count());
        Run bad = run("reproduce", "--out", dir.toString(), "--languages", "nothing");
        assertEquals(ExitCodes.BAD_INPUT, bad.code());
        Run partly = run("reproduce", "--out", dir.toString(), "--languages", "tomita-1,nope,nix", "--list");
        assertEquals(ExitCodes.BAD_INPUT, partly.code(), partly.out());
        assertEquals("statescope: error: --languages: no shipped model 'nope', 'nix'; statescope reproduce --list names "
                + "them", partly.err().strip());
        assertTrue(partly.out().isEmpty(), partly.out());
    }

    @Test
    void reproduceKeepsAModelOfAnotherSeedWithoutForce(@TempDir Path dir) throws Exception {
        Path model = staleParitySigned(dir);                      // trained from seed 1, as the shipped models
        byte[] weights = Files.readAllBytes(model);
        Run seed2 = run("reproduce", "--out", dir.toString(), "--languages", "parity-signed", "--seed", "2", "--quiet");
        assertEquals(ExitCodes.BAD_INPUT, seed2.code(), seed2.err());
        assertEquals("statescope: error: " + model + " was trained from seed 1, not --seed 2: reproducing it would "
                + "replace it; give another --out, or pass --force to replace it; nothing was trained",
                seed2.err().strip());
        assertTrue(Arrays.equals(weights, Files.readAllBytes(model)));
        assertTrue(!TrainingRun.resumable(model), "nothing was trained");
        Run listed = run("reproduce", "--out", dir.toString(), "--languages", "parity-signed", "--seed", "2", "--list");
        assertEquals(0, listed.code(), "--list trains nothing: " + listed.err());
    }
}
