package statescope.construct;

import java.util.List;
import java.util.Objects;
import statescope.lang.Dfa;
import statescope.ssm.Checkpoint;

/**
 * A constructed model: its checkpoint, what it models and how its outputs are read.
 *
 * @param checkpoint the weights and manifest ({@code kind: constructed}, channel names)
 * @param languageId the catalog language it models, or null for a DFA of the user's
 * @param dfa        the DFA it models when {@code languageId} is null (minimal), else null
 * @param readout    how the head's outputs are read
 * @param summary    one line: the construction, e.g. "1 layer: flag seen d"
 * @param everywhere whether it is right after a dead prefix too (a compiled cascade tracks the dead
 *                   state; a hand construction, like the catalog's protocol, only live prefixes)
 */
public record Constructed(Checkpoint checkpoint, String languageId, Dfa dfa, Readout readout, String summary,
                          boolean everywhere) {

    /** How the outputs are read back into the language's per-position targets. */
    public enum Readout {
        /** One output per target class, read by argmax (the catalog protocol). */
        CLASSES,
        /** One output per target bit, read as logit &gt; 0 (next-symbol sets; bounded Dyck's next tokens). */
        BITS
    }

    public Constructed {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(readout, "readout");
        if ((languageId == null) == (dfa == null)) {
            throw new IllegalArgumentException("a construction models a catalog language or a DFA");
        }
        if (languageId != null && everywhere) {
            throw new IllegalArgumentException("a catalog language is scored on live prefixes only");
        }
    }

    /** Layers of the model. */
    public int layers() {
        return checkpoint.weights().config().nLayer();
    }

    /** The names of the used channels of each layer. */
    public List<List<String>> channels() {
        return checkpoint.manifest().channels().stream()
                .map(l -> l.stream().filter(s -> !s.isEmpty()).toList()).toList();
    }

    /** Parameters of the model. */
    public long parameters() {
        return checkpoint.weights().parameterCount();
    }
}
