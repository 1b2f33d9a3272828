package statescope.analysis.probe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import statescope.lang.Word;
import statescope.lang.catalog.Language;
import statescope.lang.catalog.ReferenceMachine;
import statescope.ssm.SsmWeights;

/**
 * Runs the probes of one model: reads the features of a fit sample and a held-out sample, fits one
 * ridge probe per feature set with each fitter asked for, and scores the first fitter's probe on the
 * held-out sample against the majority class of the fit sample.
 */
public final class Probing {

    /**
     * What to probe.
     *
     * @param target  states or counters
     * @param rows    positions per sample (words are added until there are at least this many; then cut)
     * @param seed    the samples' seed
     * @param layers  the layers to probe (0 = embedding), empty for all
     * @param fitters the fitters; the first one's probe is scored, the others are timed and compared
     */
    public record Spec(ProbeTarget target, int rows, long seed, Set<Integer> layers, List<RidgeFitter> fitters) {
    }

    /**
     * One probe's result.
     *
     * @param accuracy  on the held-out sample, percent
     * @param baseline  the fit sample's majority class (or register tuple) on the held-out sample, percent
     * @param confusion held-out counts [true class][predicted class] (state probes; empty for counters)
     * @param fitMillis per fitter its fit time (standardize, products, solve)
     * @param agreement percent of held-out positions the other fitters' probes decode as the first one's
     *                  (NaN with one fitter)
     */
    public record LayerResult(String label, int layer, int width, double accuracy, double baseline,
                              int[][] confusion, Map<String, Double> fitMillis, double agreement) {
    }

    /**
     * Every probe of a model.
     *
     * @param probes the scored probe of each entry of {@code layers}, in the same order (to decode other words)
     */
    public record Report(ProbeTarget target, List<String> classes, int fitRows, int heldOutRows,
                         List<LayerResult> layers, List<RidgeProbe> probes) {
    }

    private Probing() {
    }

    /**
     * Probes a model on words of a catalog language: fit on training-window words, score on other words
     * of the window (when the window holds too few others, as for Tomita 2, its words alternate).
     */
    public static Report run(SsmWeights weights, Language language, Spec spec) {
        List<Word> fit = words(language, spec.rows(), spec.seed(), List.of());
        List<Word> held = words(language, spec.rows(), spec.seed() + 1, fit);
        if (rows(held) < rows(fit) / 4) {          // a small language: its window has too few other words
            var all = new ArrayList<>(fit);
            all.addAll(held);
            fit = new ArrayList<>();
            held = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                (i % 2 == 0 ? fit : held).add(all.get(i));
            }
        }
        return run(weights, language.machine(), language::encodeInput, fit, held, spec);
    }

    private static int rows(List<Word> words) {
        return words.stream().mapToInt(Word::length).sum();
    }

    private static List<Word> words(Language language, int rows, long seed, List<Word> exclude) {
        var out = new ArrayList<Word>();
        int total = 0;
        var it = language.stream(language.trainingSplit(), seed);
        var skip = Set.copyOf(exclude);
        int tries = 0;
        while (total < rows && tries++ < 50 * rows + 1000) {
            Word w = it.next();
            if (w.length() > 0 && !skip.contains(w)) {
                out.add(w);
                total += w.length();
            }
        }
        return out;
    }

    /** Probes a model on given words. */
    public static Report run(SsmWeights weights, ReferenceMachine machine, Function<Word, int[]> encoder,
            List<Word> fitWords, List<Word> heldWords, Spec spec) {
        if (spec.fitters().isEmpty()) {
            throw new IllegalArgumentException("no probe fitter");
        }
        var labels = new ProbeLabels(machine);
        boolean counter = spec.target() == ProbeTarget.COUNTER;
        if (counter && machine.registerNames().isEmpty()) {
            throw new IllegalArgumentException("the reference machine has no counters to probe; use --target state");
        }
        int k = counter ? machine.registerNames().size() : 0;
        int[] fitY = counter ? labels.registers(fitWords) : labels.states(fitWords);
        int[] heldY = counter ? labels.registers(heldWords) : labels.states(heldWords);
        int classes = counter ? 0 : labels.names().size();
        var features = new ModelFeatures(weights);
        List<FeatureSet> fitX = cut(features.read(fitWords.stream().map(encoder).toList()), spec.rows());
        List<FeatureSet> heldX = cut(features.read(heldWords.stream().map(encoder).toList()), spec.rows());
        int fitRows = fitX.get(0).rows();
        int heldRows = heldX.get(0).rows();
        int width = counter ? k : Math.max(1, classes);
        float[] y = new float[fitRows * width];                      // [R, K] one-hot or registers
        for (int r = 0; r < fitRows; r++) {
            if (counter) {
                for (int j = 0; j < k; j++) {
                    y[r * k + j] = fitY[r * k + j];
                }
            } else {
                y[r * width + fitY[r]] = 1f;
            }
        }
        var results = new ArrayList<LayerResult>();
        var scored = new ArrayList<RidgeProbe>();
        for (int s = 0; s < fitX.size(); s++) {
            FeatureSet fx = fitX.get(s);
            if (!spec.layers().isEmpty() && !spec.layers().contains(fx.layer())) {
                continue;
            }
            var millis = new LinkedHashMap<String, Double>();
            var probes = new ArrayList<RidgeProbe>();
            for (RidgeFitter fitter : spec.fitters()) {
                long t0 = System.nanoTime();
                probes.add(RidgeProbe.fit(fx, y, width, fitter));
                millis.put(fitter.name(), (System.nanoTime() - t0) / 1e6);
            }
            RidgeProbe first = probes.get(0);
            scored.add(first);
            FeatureSet hx = heldX.get(s);
            double gap = probes.size() < 2 ? Double.NaN : 100.0;
            for (RidgeProbe other : probes.subList(1, probes.size())) {
                gap = Math.min(gap, agreement(first, other, hx, counter));
            }
            results.add(counter ? scoreCounters(fx.label(), fx, hx, first, fitY, heldY, k, millis, gap)
                    : scoreStates(fx.label(), fx, hx, first, fitY, heldY, labels.names().size(), millis, gap));
        }
        return new Report(spec.target(), counter ? machine.registerNames() : labels.names(), fitRows, heldRows,
                List.copyOf(results), List.copyOf(scored));
    }

    private static LayerResult scoreStates(String label, FeatureSet fx, FeatureSet hx, RidgeProbe p, int[] fitY,
            int[] heldY, int classes, Map<String, Double> millis, double gap) {
        int[] pred = p.classify(hx);
        int[][] confusion = new int[classes][classes];
        int ok = 0;
        int[] freq = new int[classes];
        for (int r = 0; r < fx.rows(); r++) {
            freq[fitY[r]]++;
        }
        int major = 0;
        for (int c = 1; c < classes; c++) {
            major = freq[c] > freq[major] ? c : major;
        }
        int base = 0;
        for (int r = 0; r < hx.rows(); r++) {
            ok += pred[r] == heldY[r] ? 1 : 0;
            base += heldY[r] == major ? 1 : 0;
            if (pred[r] < classes) {
                confusion[heldY[r]][pred[r]]++;
            }
        }
        return new LayerResult(label, fx.layer(), fx.width(), 100.0 * ok / hx.rows(), 100.0 * base / hx.rows(),
                confusion, millis, gap);
    }

    private static LayerResult scoreCounters(String label, FeatureSet fx, FeatureSet hx, RidgeProbe p, int[] fitY,
            int[] heldY, int k, Map<String, Double> millis, double gap) {
        int[] pred = p.round(hx);
        var freq = new LinkedHashMap<List<Integer>, Integer>();
        for (int r = 0; r < fx.rows(); r++) {
            freq.merge(tuple(fitY, r, k), 1, Integer::sum);
        }
        List<Integer> major = freq.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        int ok = 0;
        int base = 0;
        for (int r = 0; r < hx.rows(); r++) {
            ok += tuple(pred, r, k).equals(tuple(heldY, r, k)) ? 1 : 0;
            base += major.equals(tuple(heldY, r, k)) ? 1 : 0;
        }
        return new LayerResult(label, fx.layer(), fx.width(), 100.0 * ok / hx.rows(), 100.0 * base / hx.rows(),
                new int[0][0], millis, gap);
    }

    private static List<Integer> tuple(int[] v, int r, int k) {
        var out = new ArrayList<Integer>(k);
        for (int j = 0; j < k; j++) {
            out.add(v[r * k + j]);
        }
        return out;
    }

    /** Percent of rows of {@code x} that two probes decode alike. */
    static double agreement(RidgeProbe a, RidgeProbe b, FeatureSet x, boolean counter) {
        int[] da = counter ? a.round(x) : a.classify(x);
        int[] db = counter ? b.round(x) : b.classify(x);
        int per = da.length / Math.max(1, x.rows());
        int same = 0;
        for (int r = 0; r < x.rows(); r++) {
            boolean eq = true;
            for (int j = 0; j < per; j++) {
                eq &= da[r * per + j] == db[r * per + j];
            }
            same += eq ? 1 : 0;
        }
        return 100.0 * same / Math.max(1, x.rows());
    }

    /** The feature sets cut to their first {@code rows} rows. */
    private static List<FeatureSet> cut(List<FeatureSet> sets, int rows) {
        var out = new ArrayList<FeatureSet>();
        for (FeatureSet s : sets) {
            int r = Math.min(rows, s.rows());
            out.add(r == s.rows() ? s : new FeatureSet(s.name(), s.layer(), s.width(), r,
                    Arrays.copyOf(s.data(), r * s.width())));
        }
        return out;
    }
}
