package statescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import statescope.PropertyLoop;
import statescope.experiment.Recipes;
import statescope.experiment.SweepCell;
import statescope.experiment.SweepPlan;

/** Every cell of a plan is exactly the run its {@code train} command makes. */
class CellCommandTest {

    /** A random plan of {@code size} fields beside its languages. */
    static String randomPlan(RandomGenerator r, int size) {
        List<String> names = new ArrayList<>();
        Recipes.all().forEach(x -> names.add(x.fileStem()));
        names.addAll(List.of("parity", "mod-3", "d-12", "flip-flop", "bounded-dyck-8-10"));
        var sb = new StringBuilder("languages: [");
        int langs = 1 + r.nextInt(2);
        var picked = new ArrayList<String>();
        while (picked.size() < langs) {
            String n = names.get(r.nextInt(names.size()));
            if (!picked.contains(n)) {
                picked.add(n);
            }
        }
        sb.append(String.join(", ", picked)).append("]\n");
        List<String> fields = new ArrayList<>(List.of(
                "seeds: [" + (1 + r.nextInt(9)) + "]",
                "init-seeds: " + (1 + r.nextInt(3)) + ".." + (4 + r.nextInt(2)),
                "sizes: [{layers: " + (1 + r.nextInt(3)) + ", d-model: " + (4 + r.nextInt(40)) + "}]",
                "sizes: [{layers: 1, d-model: 16, d-state: " + (1 + r.nextInt(16)) + "}]",
                "gates: " + (r.nextBoolean() ? "signed" : "[nonneg, signed]"),
                "steps: " + (1 + r.nextInt(20000)),
                "steps: [5, " + (6 + r.nextInt(100)) + "]",
                "threads: " + (1 + r.nextInt(4)),
                "batch: " + (1 + r.nextInt(64)),
                "lr: " + (r.nextInt(1, 10_000) / 1e6),
                "max-words: " + r.nextInt(500),
                "eval-every: " + (1 + r.nextInt(300))));
        Collections.shuffle(fields, new Random(r.nextLong()));
        for (int i = 0; i < Math.min(size, fields.size()); i++) {
            String f = fields.get(i);
            if (sb.indexOf("\n" + f.substring(0, f.indexOf(':')) + ":") < 0) {
                sb.append(f).append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void everyCellIsTheRunItsTrainCommandMakes() {
        Path dir = Path.of("results");
        PropertyLoop.forAll(CellCommandTest::randomPlan).trials(40).sizes(0, 8).check(text -> {
            SweepPlan plan = SweepPlan.parse(text, "plan.yaml", "plan");
            for (SweepCell cell : plan.cells()) {
                for (boolean resume : new boolean[] {true, false}) {
                    List<String> args = CellCommand.args(cell, dir, resume, false);
                    assertEquals(cell.spec(), CellCommand.parse(args), cell.name() + ": " + CellCommand.line(args));
                    assertEquals(resume, args.contains("--resume"));
                }
                List<String> task = CellCommand.args(cell, dir, true, true);
                assertEquals(cell.spec(), CellCommand.parse(task));
                assertTrue(task.containsAll(List.of("--lock", "--quiet")));
                assertEquals(dir.resolve(cell.name() + ".safetensors").toString(), task.get(task.indexOf("--out") + 1));
            }
        });
    }

    @Test
    void theLineIsWhatAUserTypes() {
        SweepCell cell = SweepPlan.parse("languages: d-12\ninit-seeds: 2", "p", "p").cells().get(0);
        String line = CellCommand.line(CellCommand.args(cell, Path.of("out dir"), true, false));
        assertTrue(line.startsWith("statescope train --language d-12 --layers 2 --d-model 24 "), line);
        assertTrue(line.contains(" --init-seed 2 ") && line.contains(" --a-init-scale 2.44140625E-4 "), line);
        assertTrue(line.endsWith(" --out 'out dir/d-12_nonneg_2L-d24_seed1_init2.safetensors' --resume"), line);
    }
}
