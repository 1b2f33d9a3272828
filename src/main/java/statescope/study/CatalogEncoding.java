package statescope.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import statescope.lang.Word;
import statescope.lang.catalog.Language;
import statescope.lang.catalog.TargetClass;
import statescope.lang.catalog.Targets;

/**
 * A catalog language's target encoding (paper.md §3.1) as a {@link TargetEncoding}. The reference
 * target at a position comes from the catalog itself ({@code TargetEncoding.encode}); a whole word is
 * encoded once and reused while the trace reads it, so reading n tokens costs O(n), and a single typed
 * key re-encodes the word (O(n), microseconds for typed lengths).
 *
 * <p>Model outputs: a head with one unit per class (the protocol's one-hot classes) is read by argmax,
 * a head with one unit per target bit by the 0.5 threshold.
 */
final class CatalogEncoding implements TargetEncoding {

    private final Language language;
    private final statescope.lang.catalog.TargetEncoding enc;
    private int[] cachedWord;                                          // identity of the last encoded word
    private Targets cached;

    CatalogEncoding(Language language) {
        this.language = language;
        this.enc = language.targets();
    }

    @Override
    public int width() {
        return enc.numClasses();                                       // the protocol's one-hot classes
    }

    @Override
    public String name() {
        return enc.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " (" + enc.numClasses()
                + " classes)";
    }

    @Override
    public Target target(ReferenceMachine machine, MachineConfig config) {
        throw new UnsupportedOperationException("catalog targets need the word; use target(machine, word, t, …)");
    }

    @Override
    public Target initialTarget(ReferenceMachine machine, MachineConfig start) {
        return new Target(new boolean[enc.width()], "·");
    }

    @Override
    public synchronized Target target(ReferenceMachine machine, int[] word, int t, MachineConfig before,
                                      MachineConfig after) {
        if (cached == null || word != cachedWord) {
            cached = enc.encode(Word.of(language.alphabet(), word));
            cachedWord = word;
        }
        boolean[] bits = new boolean[enc.width()];
        for (int j = 0; j < bits.length; j++) {
            bits[j] = cached.bit(t - 1, j);
        }
        return label(bits);
    }

    @Override
    public Target decode(float[] logits) {
        boolean[] bits = new boolean[enc.width()];
        if (logits.length == enc.numClasses() && enc.numClasses() > 0) {
            int best = 0;
            for (int i = 1; i < logits.length; i++) {
                best = logits[i] > logits[best] ? i : best;
            }
            String pattern = enc.classes().get(best).bits();
            for (int j = 0; j < bits.length; j++) {
                bits[j] = pattern.charAt(j) == '1';
            }
        } else {
            for (int j = 0; j < bits.length && j < logits.length; j++) {
                bits[j] = logits[j] > 0f;
            }
        }
        return label(bits);
    }

    private Target label(boolean[] bits) {
        if (enc.kind() == statescope.lang.catalog.TargetEncoding.Kind.MEMBERSHIP && bits.length == 1) {
            return new Target(bits, bits[0] ? "∈ L" : "∉ L");
        }
        var sb = new StringBuilder();
        for (boolean b : bits) {
            sb.append(b ? '1' : '0');
        }
        int cls = enc.classOf(sb.toString());
        if (cls >= 0) {
            TargetClass c = enc.classes().get(cls);
            return new Target(bits, c.name());
        }
        var on = new ArrayList<String>();
        List<String> names = enc.bitNames();
        for (int j = 0; j < bits.length; j++) {
            if (bits[j]) {
                on.add(names.get(j));
            }
        }
        return new Target(bits, on.isEmpty() ? "∅" : String.join("+", on));
    }
}
