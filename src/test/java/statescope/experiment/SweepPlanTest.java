package statescope.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import statescope.ssm.GateRange;
import statescope.ssm.SsmWeights;

/** Plans: the cells they expand into, and the bad plans that fail before any run, naming the field. */
class SweepPlanTest {

    static SweepPlan plan(String text) {
        return SweepPlan.parse(text, "plan.yaml", "plan");
    }

    static String error(String text) {
        return assertThrows(IllegalArgumentException.class, () -> plan(text)).getMessage();
    }

    @Test
    void languagesSeedsAndSizesExpandIntoNamedCells() {
        SweepPlan p = plan("""
                languages: [d-12, tomita-3]
                init-seeds: 1..3
                sizes:
                  - {layers: 2, d-model: 24}
                  - {layers: 1, d-model: 16, d-state: 8}
                steps: 300
                threads: 1
                """);
        assertEquals(12, p.cells().size());
        assertEquals("d-12_nonneg_2L-d24_seed1_init1", p.cells().get(0).name());
        assertEquals("d-12_nonneg_2L-d24_seed1_init3", p.cells().get(2).name());
        assertEquals("d-12_nonneg_1L-d16-n8_seed1_init2", p.cells().get(4).name());
        assertEquals("tomita-3_nonneg_1L-d16-n8_seed1_init3", p.cells().get(11).name());
        TrainingRun.Spec s = p.cells().get(4).spec();
        assertEquals(1, s.layers());
        assertEquals(8, s.dState());
        assertEquals(300, s.options().steps());
        assertEquals(1, s.options().threads());
        assertEquals(2L, s.initSeed());
        assertNull(p.cells().get(0).spec().initSeed(), "init seed 1 is the data seed: the same run as without it");
        // the rest is the language's recipe: D_12 starts from A/4096 and selects on the mean
        Recipes.Recipe d12 = Recipes.forLanguage("d-12", null);
        assertEquals(d12.aInitScale(), s.aInitScale());
        assertEquals(d12.lr(), s.options().lr());
        assertEquals("plan", p.name());
    }

    @Test
    void aPlanWithoutOverridesIsEachRecipeAsShipped() {
        SweepPlan p = plan("{\"languages\": [\"d-12\", \"parity-signed\"]}"); // JSON is YAML too
        assertEquals(Recipes.forLanguage("d-12", null).spec(1), p.cells().get(0).spec());
        assertEquals(Recipes.forLanguage("parity", GateRange.SIGNED).spec(1), p.cells().get(1).spec());
        assertEquals("parity_signed_1L-d16_seed1_init1", p.cells().get(1).name());
    }

    @Test
    void theSuiteIsEveryShippedModelAndOverridesMergeTheOnesTheyMakeEqual() {
        SweepPlan suite = plan("languages: suite\ninit-seeds: [1, 2]");
        assertEquals(2 * Recipes.all().size(), suite.cells().size());
        assertEquals(suite.cells().size(), new HashSet<>(suite.cells().stream().map(SweepCell::name).toList()).size());
        // one gate range for all: parity-signed becomes parity-nonneg, which is there already
        SweepPlan nonneg = plan("languages: [suite]\ngates: nonneg");
        assertEquals(Recipes.all().size() - 1, nonneg.cells().size());
        // one size for all: bounded Dyck with 1 and 2 layers become one cell
        SweepPlan sized = plan("languages: suite\nsizes: [{layers: 2, d-model: 24}]\ngates: [nonneg, signed]");
        assertEquals(2 * (Recipes.all().size() - 2), sized.cells().size());
    }

    @Test
    void severalBudgetsNameTheirCellsAndOneBudgetDoesNot() {
        SweepPlan two = plan("languages: parity\nsteps: [100, 200]");
        assertEquals(List.of("parity_nonneg_1L-d16_seed1_init1_steps100", "parity_nonneg_1L-d16_seed1_init1_steps200"),
                two.cells().stream().map(SweepCell::name).toList());
        assertEquals("parity_nonneg_1L-d16_seed1_init1", plan("languages: parity\nsteps: 100").cells().get(0).name());
    }

    @Test
    void badPlansFailNamingTheField() {
        assertTrue(error("languages: [parity, tomita-9]").startsWith("plan.yaml: languages[1]: unknown language 'tomita-9'"),
                error("languages: [parity, tomita-9]"));
        assertEquals("plan.yaml: init-seeds: no seeds; give at least one (a number, a list, or a range such as 1..5)",
                error("languages: parity\ninit-seeds: []"));
        assertTrue(error("languages: parity\nseeds: []").startsWith("plan.yaml: seeds: no seeds"));
        String big = error("languages: parity\nsizes: [{layers: 1, d-model: 40000}]");
        assertTrue(big.startsWith("plan.yaml: sizes[0]: 1 layer(s) of d-model 40000 does not fit parity: d_inner"), big);
        assertTrue(error("languages: parity\nsizes: [{layers: 0, d-model: 8}]").startsWith("plan.yaml: sizes[0].layers: "
                + "expected a whole number >= 1, got 0"));
        assertTrue(error("languages: parity\nsizes: [{layers: 1}]").startsWith("plan.yaml: sizes[0]: needs both"));
        assertTrue(error("langauges: parity").startsWith("plan.yaml: langauges: unknown field; the fields are"));
        assertTrue(error("seeds: 1").startsWith("plan.yaml: languages: missing"));
        assertTrue(error("languages: parity\ngates: [nonneg, both]").startsWith("plan.yaml: gates[1]: 'both' is not"));
        assertTrue(error("languages: parity\nsteps: 0").startsWith("plan.yaml: steps: expected a whole number >= 1"));
        assertTrue(error("languages: parity\ninit-seeds: [1, 2, 1]").startsWith("plan.yaml: init-seeds: 1 is listed twice"));
        assertTrue(error("languages: parity\ninit-seeds: 5..2").startsWith("plan.yaml: init-seeds: '5..2' is not a range"));
        assertTrue(error("languages: parity\nlr: -1").startsWith("plan.yaml: lr: expected a number > 0"));
        assertTrue(error("languages: parity\nslurm: {mem: lots}").startsWith("plan.yaml: slurm.mem: 'lots'"));
        assertTrue(error("languages: parity\nslurm: {options: [qos=x]}").startsWith("plan.yaml: slurm.options[0]:"));
        assertTrue(error("languages: [parity\n").startsWith("plan.yaml: not a YAML or JSON plan"));
        assertTrue(error("- parity").startsWith("plan.yaml: a plan is a mapping"));
        assertTrue(error("languages: parity\nname: 'a b'").startsWith("plan.yaml: name: 'a b' may hold only"));
    }

    @Test
    void aSizeThatDoesNotFitTheMemoryFailsNamingItsField() {
        SweepPlan p = plan("languages: [parity, anbncndn]\nsizes: [{layers: 1, d-model: 16}, {layers: 4, d-model: 1024}]");
        p.checkMemory(1L << 40, "a terabyte");
        String m = assertThrows(IllegalArgumentException.class, () -> p.checkMemory(1L << 30, "the heap")).getMessage();
        assertTrue(m.startsWith("plan.yaml: sizes[1]: 4 layer(s) of d-model 1024 does not fit: training anbncndn needs about"),
                m);
        assertTrue(m.endsWith("the heap is 1.0 GiB"), m);
        // the recipe's own sizes fit a small heap: a cell of the shipped D_12 needs a few MiB
        long d12 = plan("languages: d-12").cells().get(0).trainingBytes();
        assertTrue(d12 > (1 << 20) && d12 < (64 << 20), "D_12's training estimate " + d12);
    }

    @Test
    void theParameterCountIsTheWeightsCount() {
        var cell = plan("languages: d-12").cells().get(0);
        var config = TrainingRun.config(cell.spec(), LanguageTask.of("d-12"));
        long tensors = SsmWeights.init(config, 1, true, 1.0).tensors().values().stream()
                .mapToLong(t -> t.data().length).sum();
        assertEquals(tensors, SweepCell.parameters(config));
    }

    @Test
    void slurmSettingsAreRead() {
        SweepPlan p = plan("""
                languages: parity
                slurm: {partition: cpu, time: "02:00:00", mem: 4G, max-parallel: 8, options: ["--qos=long"]}
                """);
        assertEquals("cpu", p.slurm().partition());
        assertEquals(4L << 30, p.slurm().memBytes());
        assertEquals(8, p.slurm().maxParallel());
        assertEquals(List.of("--qos=long"), p.slurm().options());
        assertEquals(2048L << 20, SweepPlan.memoryBytes("2048"));
    }
}
