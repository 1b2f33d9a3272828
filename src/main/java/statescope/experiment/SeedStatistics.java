package statescope.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import statescope.ssm.GateRange;

/**
 * A sweep's figures over seeds: the models of one language, gate range, size and step budget grouped,
 * and per split the mean, sample standard deviation (n − 1), minimum and maximum of their accuracies,
 * with how many of the models meet the paper's pattern ({@link PaperPattern}).
 */
public final class SeedStatistics {

    /** One evaluated model: what groups it, and its accuracy in percent per split (split order kept). */
    public record Sample(String language, GateRange gates, int layers, int dModel, int dState, long budget,
                         Map<String, Double> accuracy) {
    }

    /** What the models of a group share; {@code budget} is the step budget (-1 when unknown). */
    public record Key(String language, GateRange gates, int layers, int dModel, int dState, long budget) {
    }

    /** One split of a group over its n models; {@code sd} is NaN for a single model. */
    public record Figure(String split, int n, double mean, double sd, double min, double max) {
    }

    /**
     * A group's figures.
     *
     * @param judged  models of the group whose language has a pattern (0: none stated)
     * @param meeting of those, the models that meet it
     */
    public record Group(Key key, int models, List<Figure> figures, int meeting, int judged) {
    }

    private SeedStatistics() {
    }

    /** The groups of the samples, in the order their first model comes. */
    public static List<Group> of(List<Sample> samples) {
        Map<Key, List<Sample>> groups = new LinkedHashMap<>();
        for (Sample s : samples) {
            groups.computeIfAbsent(new Key(s.language(), s.gates(), s.layers(), s.dModel(), s.dState(), s.budget()),
                    k -> new ArrayList<>()).add(s);
        }
        var out = new ArrayList<Group>();
        for (var e : groups.entrySet()) {
            List<Sample> ms = e.getValue();
            Map<String, List<Double>> bySplit = new LinkedHashMap<>();
            int meeting = 0;
            int judged = 0;
            for (Sample s : ms) {
                s.accuracy().forEach((split, v) -> bySplit.computeIfAbsent(split, x -> new ArrayList<>()).add(v));
                var verdict = PaperPattern.meets(s.language(), s.gates(), s.layers(), s.accuracy());
                if (verdict.isPresent()) {
                    judged++;
                    meeting += verdict.get() ? 1 : 0;
                }
            }
            var figures = new ArrayList<Figure>();
            bySplit.forEach((split, v) -> figures.add(figure(split, v)));
            out.add(new Group(e.getKey(), ms.size(), List.copyOf(figures), meeting, judged));
        }
        return out;
    }

    static Figure figure(String split, List<Double> v) {
        int n = v.size();
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            sum += x;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        double mean = sum / n;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return new Figure(split, n, mean, n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN, min, max);
    }
}
