package statescope.inspect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import statescope.lang.catalog.ReferenceMachine;
import statescope.lang.catalog.ReferenceMachine.Config;
import statescope.ssm.SelectiveScanKernel;
import statescope.ssm.VectorSupport;

/**
 * Fits the trajectory view's projections: runs the model over a sampled corpus of the language, labels
 * every hidden state h_t with the reference configuration after the same prefix, and fits a 3-component
 * PCA per layer on the flattened states {@code [ED * N]}. The corpus runs through the model's batched
 * scan ({@link TraceModel#hiddenStates}) on the given kernel, {@value #BATCH} words at a time: the
 * backend {@link ComputeBackend} selected (the GPU when one can be used). Words that fall into a dead
 * configuration are cut there (except one in eight), so the basis describes the states a trained model
 * actually visits. Meant for a background thread: it reports progress and stops with
 * {@link CancellationException} when asked.
 */
public final class CorpusProjection {

    /** Words per batched scan. */
    static final int BATCH = 32;

    /** The app's fit ({@link #fitForApp}): words sampled. */
    private static final int APP_WORDS = 120;

    /** The app's fit: the longest word sampled. */
    private static final int APP_MAX_LEN = 24;

    /** The app's fit: the sampling seed. */
    private static final long APP_SEED = 17;

    private CorpusProjection() {
    }

    /** Fits one {@link StateCloud} per layer, scanning on the fastest CPU kernel. */
    public static List<StateCloud> fit(TraceModel model, LanguageEntry language, int words, int maxLen, long seed,
                                       DoubleConsumer progress, BooleanSupplier cancelled) {
        return fit(model, language, words, maxLen, seed, VectorSupport.fastScan(1), progress, cancelled);
    }

    /** The app's fit of a model's trajectory clouds (the opening model's and compare mode's B's alike). */
    public static List<StateCloud> fitForApp(TraceModel model, LanguageEntry language, SelectiveScanKernel kernel,
                                             DoubleConsumer progress, BooleanSupplier cancelled) {
        return fit(model, language, APP_WORDS, APP_MAX_LEN, APP_SEED, kernel, progress, cancelled);
    }

    /**
     * One batch of words sampled as {@link #fitForApp} samples them, as token ids: the read the JIT warm-up
     * makes for the fit ({@link JitWarmUp}).
     */
    static int[][] appBatch(LanguageEntry language) {
        return tokens(language, CorpusSampler.sample(language.machine(), BATCH, APP_MAX_LEN, APP_SEED));
    }

    /** Fits one {@link StateCloud} per layer, scanning the corpus on {@code kernel}. */
    public static List<StateCloud> fit(TraceModel model, LanguageEntry language, int words, int maxLen, long seed,
                                       SelectiveScanKernel kernel, DoubleConsumer progress, BooleanSupplier cancelled) {
        ReferenceMachine machine = language.machine();
        List<int[]> corpus = CorpusSampler.sample(machine, words, maxLen, seed);
        int layers = model.info().numLayers();
        var rows = new ArrayList<List<float[]>>();
        for (int l = 0; l < layers; l++) {
            rows.add(new ArrayList<>());
        }
        var names = new LinkedHashMap<String, Integer>();
        var labels = new ArrayList<Integer>();
        for (int from = 0; from < corpus.size(); from += BATCH) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("projection fitting cancelled");
            }
            int to = Math.min(corpus.size(), from + BATCH);
            float[][][][] h = model.hiddenStates(tokens(language, corpus.subList(from, to)), kernel);  // [W][T_w][L][ED·N]
            for (int w = from; w < to; w++) {
                int[] word = corpus.get(w);
                Config c = machine.start();
                for (int i = 0; i < word.length; i++) {
                    c = machine.step(c, word[i]);
                    if (machine.isDead(c) && (w % 8 != 0)) {
                        break;            // dead prefixes are off the training distribution: keep only a few
                    }
                    for (int l = 0; l < layers; l++) {
                        rows.get(l).add(h[w - from][i][l]);
                    }
                    labels.add(names.computeIfAbsent(machine.describe(c), x -> names.size()));
                }
            }
            progress.accept(0.5 * to / corpus.size());
        }
        int[] states = labels.stream().mapToInt(Integer::intValue).toArray();
        var stateNames = List.copyOf(names.keySet());
        var clouds = new ArrayList<StateCloud>();
        for (int l = 0; l < layers; l++) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("projection fitting cancelled");
            }
            float[][] data = rows.get(l).toArray(float[][]::new);     // [P, ED * N]
            Projection proj = Pca.fit(data, 3, 30, seed + l);
            float[][] pts = new float[data.length][];
            for (int i = 0; i < data.length; i++) {
                pts[i] = proj.project(data[i]);
            }
            clouds.add(new StateCloud(l, proj, pts, states, stateNames, centroids(pts, states, stateNames.size())));
            progress.accept(0.5 + 0.5 * (l + 1) / layers);
        }
        return clouds;
    }

    /** The words' token ids under the language's encoding, one array per word. */
    static int[][] tokens(LanguageEntry language, List<int[]> words) {
        int[][] tokens = new int[words.size()][];
        for (int w = 0; w < tokens.length; w++) {
            int[] word = words.get(w);
            tokens[w] = new int[word.length];
            for (int i = 0; i < word.length; i++) {
                tokens[w][i] = language.tokens().token(word, i);
            }
        }
        return tokens;
    }

    static float[][] centroids(float[][] pts, int[] states, int s) {
        float[][] sum = new float[s][3];
        int[] count = new int[s];
        for (int i = 0; i < pts.length; i++) {
            for (int j = 0; j < 3; j++) {
                sum[states[i]][j] += pts[i][j];
            }
            count[states[i]]++;
        }
        for (int q = 0; q < s; q++) {
            for (int j = 0; j < 3; j++) {
                sum[q][j] = count[q] == 0 ? Float.NaN : sum[q][j] / count[q];
            }
        }
        return sum;
    }
}
