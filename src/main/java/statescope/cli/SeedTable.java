package statescope.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import statescope.experiment.ModelEvaluation;
import statescope.experiment.SeedStatistics;
import statescope.ssm.GateRange;

/**
 * {@code eval --suite} over a sweep's folder: the models grouped by language, gates, size and step
 * budget, per split mean, standard deviation, min and max over the seeds, and how many models meet the
 * paper's pattern ({@link SeedStatistics}), as Markdown, CSV or JSON.
 */
final class SeedTable {

    private SeedTable() {
    }

    /** The groups of evaluated models ({@code files[i]} was evaluated into {@code rows[i]}). */
    static List<SeedStatistics.Group> groups(List<Path> files, List<ModelEvaluation.Row> rows) {
        var samples = new ArrayList<SeedStatistics.Sample>();
        for (int i = 0; i < rows.size(); i++) {
            ModelEvaluation.Row r = rows.get(i);
            long budget = TrainCommandLine.finishedRun(files.get(i)).map(TrainCommandLine.Finished::budget).orElse(-1L);
            samples.add(new SeedStatistics.Sample(r.language(), r.config().gates(), r.config().nLayer(),
                    r.config().dModel(), r.config().dState(), budget, r.accuracy()));
        }
        return SeedStatistics.of(samples);
    }

    /** The table: Markdown, or CSV, or JSON. */
    static String render(List<SeedStatistics.Group> groups, boolean csv, boolean json) throws Exception {
        if (json) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (var g : groups) {
                var k = g.key();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("language", k.language());
                m.put("gates", gates(k.gates()));
                m.put("layers", k.layers());
                m.put("dModel", k.dModel());
                m.put("dState", k.dState());
                m.put("steps", k.budget());
                m.put("models", g.models());
                Map<String, Object> splits = new LinkedHashMap<>();
                for (var f : g.figures()) {
                    Map<String, Object> s = new LinkedHashMap<>();
                    s.put("mean", f.mean());
                    s.put("sd", Double.isNaN(f.sd()) ? null : f.sd());
                    s.put("min", f.min());
                    s.put("max", f.max());
                    splits.put(f.split(), s);
                }
                m.put("accuracy", splits);
                m.put("meetPattern", g.judged() > 0 ? g.meeting() : null);
                m.put("judged", g.judged());
                out.add(m);
            }
            return SweepCommand.json(out) + "\n";
        }
        var sb = new StringBuilder();
        if (csv) {
            sb.append("language,gates,layers,d_model,d_state,steps,models,split,mean,sd,min,max,meet_pattern,judged\n");
        } else {
            sb.append("| language | gates | size | steps | models | split | mean | sd | min | max | paper's pattern |\n");
            sb.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        }
        for (var g : groups) {
            var k = g.key();
            boolean first = true;
            for (var f : g.figures()) {
                String sd = Double.isNaN(f.sd()) ? (csv ? "" : "–") : num(f.sd());
                if (csv) {
                    sb.append(String.join(",", k.language(), gates(k.gates()), Integer.toString(k.layers()),
                            Integer.toString(k.dModel()), Integer.toString(k.dState()), Long.toString(k.budget()),
                            Integer.toString(g.models()), f.split(), num(f.mean()), sd, num(f.min()), num(f.max()),
                            g.judged() > 0 ? Integer.toString(g.meeting()) : "", Integer.toString(g.judged()))).append('\n');
                    continue;
                }
                String size = k.layers() + "L d" + k.dModel() + (k.dState() != 16 ? " N" + k.dState() : "");
                String pattern = g.judged() == 0 ? "–" : g.meeting() + " of " + g.judged();
                List<String> cells = first
                        ? List.of(k.language(), gates(k.gates()), size, k.budget() < 0 ? "?" : Long.toString(k.budget()),
                                Integer.toString(g.models()))
                        : List.of("", "", "", "", "");
                sb.append("| ").append(String.join(" | ", cells)).append(" | ").append(f.split()).append(" | ")
                        .append(num(f.mean())).append(" | ").append(sd).append(" | ").append(num(f.min())).append(" | ")
                        .append(num(f.max())).append(" | ").append(first ? pattern : "").append(" |\n");
                first = false;
            }
        }
        return sb.toString();
    }

    private static String gates(GateRange g) {
        return g == GateRange.SIGNED ? "signed" : "nonneg";
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
