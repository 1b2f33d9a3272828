package statescope.ssm;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The JSON side-car of a checkpoint: what the weights are and where they came from.
 *
 * @param formatVersion {@link #FORMAT_VERSION} for files written by this version
 * @param config        the model's hyper-parameters
 * @param vocabulary    the input symbols, index = token id (size = config.vocabSize)
 * @param outputClasses names of the head's outputs (size = config.outputSize)
 * @param languageId    the benchmark language the model was trained on, or null
 * @param seed          the training seed
 * @param trainingStep  optimiser steps taken
 * @param metrics       named figures (e.g. {@code "acc_bin1": 1.0})
 * @param notes         free-form text
 * @param kind          how the weights were made: null for a trained model, {@link #CONSTRUCTED} for weights
 *                      set by hand or by the compiler ({@code statescope construct})
 * @param channels      per layer the names of its ED channels ("seen d", "depth", ...), or empty; an empty
 *                      name marks an unused channel
 */
public record Manifest(int formatVersion, SsmConfig config, List<String> vocabulary, List<String> outputClasses,
                       String languageId, long seed, long trainingStep, Map<String, Double> metrics, String notes,
                       String kind, List<List<String>> channels) {

    /** {@link #kind()} of a model whose weights were constructed, not trained. */
    public static final String CONSTRUCTED = "constructed";

    /** The manifest format written by this version. */
    public static final int FORMAT_VERSION = 1;

    public Manifest {
        Objects.requireNonNull(config, "manifest has no config");
        vocabulary = vocabulary == null ? List.of() : List.copyOf(vocabulary);
        outputClasses = outputClasses == null ? List.of() : List.copyOf(outputClasses);
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        channels = channels == null ? List.of() : channels.stream().map(List::copyOf).toList();
        if (!channels.isEmpty() && channels.size() != config.nLayer()) {
            throw new IllegalArgumentException("manifest channels names " + channels.size() + " layers but config.nLayer is "
                    + config.nLayer());
        }
        for (int l = 0; l < channels.size(); l++) {
            if (channels.get(l).size() != config.dInner()) {
                throw new IllegalArgumentException("manifest channels[" + l + "] has " + channels.get(l).size()
                        + " names but config.dInner is " + config.dInner());
            }
        }
        if (formatVersion < 1 || formatVersion > FORMAT_VERSION) {
            throw new IllegalArgumentException("manifest format version " + formatVersion
                    + " is not supported (this build reads 1.." + FORMAT_VERSION + ")");
        }
        if (!vocabulary.isEmpty() && vocabulary.size() != config.vocabSize()) {
            throw new IllegalArgumentException("manifest vocabulary has " + vocabulary.size()
                    + " symbols but config.vocabSize is " + config.vocabSize());
        }
        if (!outputClasses.isEmpty() && outputClasses.size() != config.outputSize()) {
            throw new IllegalArgumentException("manifest outputClasses has " + outputClasses.size()
                    + " names but config.outputSize is " + config.outputSize());
        }
        if (vocabulary.stream().distinct().count() != vocabulary.size()) {
            throw new IllegalArgumentException("manifest vocabulary has duplicate symbols");
        }
    }

    /** A manifest of a trained model (no kind, no channel names). */
    public Manifest(int formatVersion, SsmConfig config, List<String> vocabulary, List<String> outputClasses,
                    String languageId, long seed, long trainingStep, Map<String, Double> metrics, String notes) {
        this(formatVersion, config, vocabulary, outputClasses, languageId, seed, trainingStep, metrics, notes, null,
                List.of());
    }

    /** A minimal manifest: just the config (no vocabulary names, no training metadata). */
    public static Manifest of(SsmConfig config) {
        return new Manifest(FORMAT_VERSION, config, List.of(), List.of(), null, 0, 0, Map.of(), null);
    }

    /** The same manifest with another config (used by overrides). */
    public Manifest withConfig(SsmConfig c) {
        return new Manifest(formatVersion, c, vocabulary, outputClasses, languageId, seed, trainingStep, metrics, notes,
                kind, channels);
    }

    /** Whether the weights were constructed rather than trained ({@link #kind()} is {@link #CONSTRUCTED}). */
    public boolean constructed() {
        return CONSTRUCTED.equals(kind);
    }

    /** The name of channel {@code channel} of layer {@code layer}, or an empty string when it has none. */
    public String channelName(int layer, int channel) {
        if (layer < 0 || layer >= channels.size()) {
            return "";
        }
        List<String> names = channels.get(layer);
        return channel >= 0 && channel < names.size() ? names.get(channel) : "";
    }

    /** Token id of an input symbol. */
    public int tokenOf(String symbol) {
        int i = vocabulary.indexOf(symbol);
        if (i < 0) {
            throw new IllegalArgumentException("symbol '" + symbol + "' is not in the model's vocabulary " + vocabulary);
        }
        return i;
    }

    /**
     * Maps a string to token ids, one per code point, through the vocabulary (which must then hold
     * single-character symbols).
     *
     * @throws IllegalArgumentException naming the unknown symbol and its position
     */
    public int[] encode(String input) {
        if (vocabulary.isEmpty()) {
            throw new IllegalArgumentException("the checkpoint has no vocabulary; pass token ids instead");
        }
        int[] cps = input.codePoints().toArray();
        int[] ids = new int[cps.length];
        for (int i = 0; i < cps.length; i++) {
            String sym = new String(Character.toChars(cps[i]));
            int id = vocabulary.indexOf(sym);
            if (id < 0) {
                throw new IllegalArgumentException("symbol '" + sym + "' at position " + (i + 1)
                        + " is not in the model's vocabulary " + vocabulary);
            }
            ids[i] = id;
        }
        return ids;
    }
}
