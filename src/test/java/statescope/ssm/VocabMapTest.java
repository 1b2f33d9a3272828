package statescope.ssm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static statescope.ssm.ForeignFixtures.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mapping a foreign model's ids onto a language's symbols and predictions. */
class VocabMapTest {

    @TempDir
    Path dir;

    final SsmWeights full = tiedWeights(8);

    @Test
    void mappedModelComputesExactlyTheFullModelAtTheMappedIds() {
        VocabMap map = VocabMap.parse("a=3, b=7,$=11", null, null);
        assertEquals(List.of("next a", "next b", "next $"), List.copyOf(map.outputs().keySet()));
        Checkpoint ck = map.apply(new Checkpoint(full, Manifest.of(full.config())));
        assertEquals(List.of("a", "b", "$"), ck.manifest().vocabulary());
        assertEquals(3, ck.weights().config().vocabSize());
        assertEquals(3, ck.weights().config().outputSize());
        int[] word = ck.manifest().encode("abba$");
        assertArrayEquals(new int[] {0, 1, 1, 0, 2}, word);
        var s = new SsmStepper(full);
        Trace ref = s.run(s.newState(), new int[] {3, 7, 7, 3, 11});
        var m = new SsmStepper(ck.weights());
        Trace got = m.run(m.newState(), word);
        int[] cols = {3, 7, 11};
        for (int t = 0; t < 5; t++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(ref.logits()[t * VOCAB + cols[j]], got.logits()[t * 3 + j], "logit t=" + t + " j=" + j);
            }
        }
        for (int l = 0; l < 2; l++) {
            assertArrayEquals(ref.layers().get(l).h(), got.layers().get(l).h(), "states of layer " + l);
        }
    }

    @Test
    void explicitOutputsPickHeadRows() {
        VocabMap map = VocabMap.parse("0=1,1=2", "reject=9, accept=10", "parity");
        Checkpoint ck = map.apply(new Checkpoint(full, Manifest.of(full.config())));
        assertEquals(List.of("reject", "accept"), ck.manifest().outputClasses());
        assertEquals("parity", ck.manifest().languageId());
        float[] head = full.tensor(WeightNames.HEAD).data();
        float[] kept = ck.weights().tensor(WeightNames.HEAD).data();
        assertArrayEquals(Arrays.copyOfRange(head, 9 * 16, 11 * 16), kept);
    }

    @Test
    void badSpecsSayWhich() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> VocabMap.parse("a=3,b", null, null))
                .getMessage().contains("'b' is not NAME=ID"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> VocabMap.parse("a=3,a=4", null, null))
                .getMessage().contains("'a' is given twice"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> VocabMap.parse("a=-1", null, null))
                .getMessage().contains("not NAME=ID"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> VocabMap.parse(" ", null, null))
                .getMessage().contains("--vocab is empty"));
        VocabMap far = VocabMap.parse("a=3,b=12", null, null);
        var e = assertThrows(IllegalArgumentException.class, () -> far.apply(new Checkpoint(full, Manifest.of(full.config()))));
        assertTrue(e.getMessage().contains("id 12 of 'b' is outside the model's 12 ids"), e.getMessage());
    }

    @Test
    void languageOrderAndCompleteness() {
        List<String> syms = List.of("(", ")");
        List<String> outs = List.of("next (", "next )", "END");
        VocabMap m = VocabMap.forLanguage(")=5,(=4", "END=0", syms, outs, "dyck-1");
        assertEquals(List.of("(", ")"), List.copyOf(m.inputs().keySet()));
        assertEquals(List.of(4, 5), List.copyOf(m.inputs().values()));
        assertEquals(List.of(4, 5, 0), List.copyOf(m.outputs().values()));
        var missing = assertThrows(IllegalArgumentException.class,
                () -> VocabMap.forLanguage("(=4,)=5", null, syms, outs, "dyck-1"));
        assertTrue(missing.getMessage().contains("output 'END' of dyck-1 is not mapped"), missing.getMessage());
        var extra = assertThrows(IllegalArgumentException.class,
                () -> VocabMap.forLanguage("(=4,)=5,x=6", "END=0", syms, outs, "dyck-1"));
        assertTrue(extra.getMessage().contains("symbol 'x' is not one of dyck-1's"), extra.getMessage());
        var classes = assertThrows(IllegalArgumentException.class,
                () -> VocabMap.forLanguage("a=1,b=2", null, List.of("a", "b"), List.of("reject", "accept"), "parity"));
        assertTrue(classes.getMessage().contains("'reject' of parity is not mapped"), classes.getMessage());
    }

    @Test
    void savedBesideTheWeightsAndAppliedOnLoad() throws Exception {
        Path hf = hfFolder(dir.resolve("hf"), full, c -> c);
        VocabMap map = VocabMap.parse("a=2,b=4", "no=5,yes=6", "parity");
        Path saved = map.saveBeside(hf);
        assertEquals(hf.resolve("model.vocab.json"), saved);
        assertEquals(map, VocabMap.fromJson(Files.readString(saved)));
        Checkpoint ck = Checkpoint.load(hf);
        assertEquals(List.of("a", "b"), ck.manifest().vocabulary());
        assertEquals(List.of("no", "yes"), ck.manifest().outputClasses());
        assertEquals("parity", ck.manifest().languageId());
        // the unmapped model keeps the full vocabulary
        assertEquals(VOCAB, ForeignCheckpoints.loadUnmapped(hf, Checkpoint.Overrides.NONE).weights().config().vocabSize());
        // a manifest-less mamba_ssm file gets NAME.vocab.json
        Path bare = dir.resolve("ms.safetensors");
        Safetensors.write(bare, mambaSsmTensors(full), Map.of());
        assertEquals(dir.resolve("ms.vocab.json"), map.saveBeside(bare));
        assertEquals(2, Checkpoint.load(bare).weights().config().vocabSize());
    }

    @Test
    void corruptSideCarIsOneLine() throws Exception {
        Path hf = hfFolder(dir.resolve("hf"), full, c -> c);
        Files.writeString(hf.resolve("model.vocab.json"), "{\"formatVersion\": 9, \"inputs\": {}}");
        var e = assertThrows(CheckpointException.class, () -> Checkpoint.load(hf));
        assertTrue(e.getMessage().startsWith("model.vocab.json: vocabulary map formatVersion 9"), e.getMessage());
        Files.writeString(hf.resolve("model.vocab.json"),
                "{\"formatVersion\": 1, \"inputs\": {\"a\": 99}, \"outputs\": {\"x\": 1}}");
        var far = assertThrows(CheckpointException.class, () -> Checkpoint.load(hf));
        assertTrue(far.getMessage().contains("id 99 of 'a' is outside"), far.getMessage());
    }
}
