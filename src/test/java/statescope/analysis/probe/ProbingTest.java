package statescope.analysis.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import statescope.lang.Alphabet;
import statescope.lang.Dfa;
import statescope.lang.DfaBuilder;
import statescope.lang.Word;
import statescope.lang.catalog.DfaMachine;
import statescope.ssm.SsmConfig;
import statescope.ssm.SsmWeights;

class ProbingTest {

    private static final Alphabet AB = Alphabet.of("a", "b");

    /** The state is the last symbol read: the embedding of the current token encodes it exactly. */
    private static Dfa lastSymbol() {
        return new DfaBuilder(AB).start("s").accept("A")
                .on("s", "a", "A").on("s", "b", "B").on("A", "a", "A").on("A", "b", "B").on("B", "a", "A").on("B", "b", "B")
                .build();
    }

    /** Parity of the number of a's: no single token tells it. */
    private static Dfa parity() {
        return new DfaBuilder(AB).start("e").accept("e").on("e", "a", "o").on("e", "b", "e").on("o", "a", "e").on("o", "b", "o")
                .build();
    }

    private static List<Word> words(long seed, int n) {
        var r = new SplittableRandom(seed);
        var out = new ArrayList<Word>();
        for (int i = 0; i < n; i++) {
            int[] s = new int[5 + r.nextInt(20)];
            for (int t = 0; t < s.length; t++) {
                s[t] = r.nextInt(2);
            }
            out.add(Word.of(AB, s));
        }
        return out;
    }

    private static Probing.Report probe(Dfa dfa, List<RidgeFitter> fitters) {
        var weights = SsmWeights.init(SsmConfig.defaults(16, 2, 2, 2), 7L);
        return Probing.run(weights, new DfaMachine(dfa), Word::toArray, words(1, 150), words(2, 150),
                new Probing.Spec(ProbeTarget.STATE, 2000, 1, Set.of(), fitters));
    }

    @Test
    void aStateTheEmbeddingEncodesIsDecodedAtLayerZero() {
        Probing.Report r = probe(lastSymbol(), List.of(RidgeFitter.java()));
        var l0 = r.layers().get(0);
        assertEquals("L0 embedding", l0.label());
        assertEquals(100.0, l0.accuracy(), 1e-9, "the embedding is the state's code");
        assertTrue(l0.baseline() < 60, "the majority class alone scores " + l0.baseline());
        assertEquals(5, r.layers().size(), "embedding, then h and block of two layers");
    }

    @Test
    void aStateTheEmbeddingDoesNotEncodeIsNotDecodedAtLayerZero() {
        Probing.Report r = probe(parity(), List.of(RidgeFitter.java()));
        assertTrue(r.layers().get(0).accuracy() < 70, "parity from one token: " + r.layers().get(0).accuracy());
    }

    @Test
    void theNd4jAndPlainJavaFitsAgree() {
        Probing.Report r = probe(lastSymbol(), List.of(RidgeFitter.nd4j(), RidgeFitter.java()));
        for (var l : r.layers()) {
            assertEquals(100.0, l.agreement(), 1e-9, l.label());
            assertEquals(2, l.fitMillis().size());
        }
    }
}
