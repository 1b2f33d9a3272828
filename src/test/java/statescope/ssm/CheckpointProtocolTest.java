package statescope.ssm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reproductions of issue 18 (checkpoints): the weights and the manifest are one unit whatever moment
 * a save is stopped at, and every read is capped before it happens.
 */
class CheckpointProtocolTest {

    @TempDir
    Path dir;

    static Checkpoint model(long step, String notes) {
        var cfg = SsmConfig.defaults(8, 1, 3, 2).withGates(GateRange.SIGNED);
        var m = new Manifest(1, cfg, List.of("a", "b", "$"), List.of("reject", "accept"), "parity", 3, step,
                Map.of("done", 0.0), notes);
        return new Checkpoint(SsmWeights.init(cfg, step), m);
    }

    @Test
    void aSavedPairNamesTheWeightsHash() throws Exception {
        Path p = dir.resolve("m.safetensors");
        model(5, "x").save(p);
        assertEquals(Checkpoint.PairState.MATCHED, Checkpoint.check(p));
        String sha = Safetensors.sha256(Files.readAllBytes(p));
        assertEquals(sha, Checkpoint.readManifestFile(dir.resolve("m.json")).weightsSha256());
        assertTrue(Safetensors.read(p).metadata().get(Checkpoint.EMBEDDED_MANIFEST).contains("\"trainingStep\" : 5"));
    }

    @Test
    void weightsWhoseManifestWasNeverWrittenLoadWithTheirOwn() throws Exception {
        // a kill during the first save, after the weights' rename: no manifest beside them
        Path p = dir.resolve("first.safetensors");
        Checkpoint ck = model(7, "first save");
        ck.save(p);
        Files.delete(dir.resolve("first.json"));
        Checkpoint back = Checkpoint.load(p);
        assertEquals(ck.manifest(), back.manifest());
        assertEquals(List.of("a", "b", "$"), back.manifest().vocabulary());
        assertEquals(Checkpoint.PairState.MANIFEST_MISSING, Checkpoint.check(p));
        assertEquals(Checkpoint.PairState.MANIFEST_MISSING, Checkpoint.repair(p));
        assertEquals(Checkpoint.PairState.MATCHED, Checkpoint.check(p));
        assertEquals(ck.manifest(), Checkpoint.readManifestFile(dir.resolve("first.json")).manifest());
    }

    @Test
    void newWeightsBesideAnOldManifestLoadWithTheNewManifest() throws Exception {
        // a kill between the two renames: the weights of save 2 beside the manifest of save 1
        Path p = dir.resolve("m.safetensors");
        model(100, "save 1").save(p);
        byte[] oldManifest = Files.readAllBytes(dir.resolve("m.json"));
        Checkpoint second = model(200, "save 2");
        second.save(p);
        Files.write(dir.resolve("m.json"), oldManifest);
        Checkpoint back = Checkpoint.load(p);
        assertEquals(200, back.manifest().trainingStep());
        assertTrue(back.weights().contentEquals(second.weights()));
        assertEquals(Checkpoint.PairState.MANIFEST_STALE, Checkpoint.check(p));
    }

    @Test
    void aManifestEditedByHandStillCounts() throws Exception {
        Path p = dir.resolve("m.safetensors");
        model(3, "as trained").save(p);
        Path mp = dir.resolve("m.json");
        Files.writeString(mp, Files.readString(mp).replace("as trained", "edited"));
        assertEquals("edited", Checkpoint.load(p).manifest().notes());
    }

    @Test
    void foreignWeightsBesideAManifestNamingOthersAreRefused() throws Exception {
        Path p = dir.resolve("m.safetensors");
        Checkpoint ck = model(3, "x");
        ck.save(p);
        Safetensors.write(p, model(4, "y").weights().tensors(), null); // replaced by a tool without a copy
        var e = assertThrows(CheckpointException.class, () -> Checkpoint.load(p));
        assertTrue(e.getMessage().contains("m.json belongs to other weights than m.safetensors"), e.getMessage());
        assertTrue(e.getMessage().contains("delete the weightsSha256 line"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aHugeManifestIsRefusedBeforeItIsRead() throws Exception {
        Path p = dir.resolve("m.safetensors");
        model(3, "x").save(p);
        try (var f = new RandomAccessFile(dir.resolve("m.json").toFile(), "rw")) {
            f.setLength(3L << 30);                                   // 3 GB, sparse
        }
        var e = assertThrows(CheckpointException.class, () -> Checkpoint.load(p));
        assertTrue(e.getMessage().contains("larger than the limit of 1,048,576 bytes"), e.getMessage());
    }

    @Test
    void aHugeWeightsFileIsRefusedBeforeItIsRead() throws Exception {
        Path p = dir.resolve("big.safetensors");
        try (var f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(Safetensors.MAX_FILE_BYTES + 1);             // sparse
        }
        var e = assertThrows(CheckpointException.class, () -> Safetensors.read(p));
        assertTrue(e.getMessage().contains("exceeds the cap of " + Safetensors.MAX_FILE_BYTES), e.getMessage());
        // at the cap the 8-byte header length is checked first (zeros: 0), so nothing else is read
        try (var f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(Safetensors.MAX_FILE_BYTES);
        }
        e = assertThrows(CheckpointException.class, () -> Safetensors.read(p));
        assertTrue(e.getMessage().contains("header length 0 outside"), e.getMessage());
        assertTrue(Safetensors.MAX_FILE_BYTES < Integer.MAX_VALUE - 8, "a capped file fits one Java array");
    }

    @Test
    void readingAFileHashesEveryByte() throws Exception {
        Path p = dir.resolve("m.safetensors");
        model(3, "x").save(p);
        var h = Safetensors.readHashed(p);
        assertEquals(Safetensors.sha256(Files.readAllBytes(p)), h.sha256());
        var parsed = Safetensors.parse(Files.readAllBytes(p));
        for (var e : parsed.tensors().entrySet()) {
            assertArrayEquals(e.getValue().data(), h.contents().tensors().get(e.getKey()).data(), e.getKey());
        }
    }

    @Test
    void aDirectoryOrDeviceIsNamed() throws Exception {
        var e = assertThrows(FileSystemException.class, () -> Safetensors.read(dir));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
        if (Files.exists(Path.of("/dev/zero"))) {
            e = assertThrows(FileSystemException.class, () -> Safetensors.read(Path.of("/dev/zero")));
            assertTrue(e.getMessage().contains("character device"), e.getMessage());
        }
    }
}
