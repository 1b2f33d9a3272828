package statescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code statescope eval --words FILE [--targets FILE]} and {@code --authors DIR}: scores on given words,
 * targets in the paper's format checked against ours, and one clear message (exit 3) naming the file
 * and the line for bad input.
 */
class EvalWordsCommandTest {

    /** Tomita 1 (1*): the shipped model reads every 1^n right. */
    private static final String T1 = "assets/models/tomita-1.safetensors";
    private static final String ZOT = "assets/models/012-star-02-star.safetensors";

    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static CatalogCommandsTest.Result run(String... args) {
        return CatalogCommandsTest.run(args);
    }

    @Test
    void scoresAWordListAndChecksTheTargetsInThePapersFormat() throws Exception {
        Path words = file("w.txt", "1\n11\n1111111\n");
        Path targets = file("t.txt", "01\n0101\n" + "01".repeat(7)); // no final line break, as the authors' files
        var r = run("eval", "--model", T1, "--words", words.toString(), "--targets", targets.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("agrees with ours at every position of all 3 words"), r.out());
        assertTrue(r.out().contains("3 of 3 words right at every position, 100.00%"), r.out());
        var j = CatalogCommandsTest.json(run("eval", "--model", T1, "--language", "T1", "--words", words.toString(),
                "--json").out());
        assertEquals(3, j.get("correct").asInt());
        assertEquals(100.0, j.get("accuracy").asDouble());
    }

    @Test
    void reportsTargetsThatDifferFromOurs() throws Exception {
        Path words = file("w.txt", "02\n0102\n");
        var ok = run("eval", "--model", ZOT, "--words", words.toString(), "--targets", file("t.txt", "ce\ncccce\n").toString());
        assertEquals(ExitCodes.BAD_INPUT, ok.code(), "5 class characters for a word of 4 symbols: " + ok.out());
        assertTrue(ok.err().contains("t.txt line 2") && ok.err().contains("4 symbols"), ok.err());
        var same = run("eval", "--model", ZOT, "--words", words.toString(), "--targets", file("s.txt", "ce\nccce\n").toString());
        assertTrue(same.out().contains("agrees with ours"), same.out() + same.err());
        var r = run("eval", "--model", ZOT, "--words", words.toString(), "--targets", file("m.txt", "cc\nccce\n").toString(),
                "--json");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        var t = CatalogCommandsTest.json(r.out()).get("targets");
        assertEquals(1, t.get("mismatchedWords").asInt());
        assertEquals(1, t.get("mismatchedPositions").asInt());
        assertEquals("line 1 position 2: ours e, theirs c", t.get("examples").get(0).asText());
    }

    @Test
    void theSamplerOptionScoresOnTheOtherSamplingsSplits() throws Exception {
        String t3 = "assets/models/tomita-3.safetensors";
        var own = CatalogCommandsTest.json(run("eval", "--model", t3, "--json", "--backend", "cpu").out()).get(0);
        var uniform = CatalogCommandsTest.json(run("eval", "--model", t3, "--sampler", "uniform", "--json",
                "--backend", "cpu").out()).get(0);
        var again = CatalogCommandsTest.json(run("eval", "--model", t3, "--sampler", "authors", "--json",
                "--backend", "cpu").out()).get(0);
        assertEquals(own.get("accuracy"), again.get("accuracy"), "the manifest names the authors' sampling");
        assertTrue(!own.get("accuracy").equals(uniform.get("accuracy")), own + " vs " + uniform);
        var bad = run("eval", "--model", t3, "--sampler", "bogus");
        assertEquals(ExitCodes.BAD_INPUT, bad.code(), bad.err());
        assertEquals(1, bad.err().lines().count(), bad.err());
        assertTrue(bad.err().contains("--sampler must be one of"), bad.err());
    }

    @Test
    void badInputIsOneMessageNamingTheLineWithExitThree() throws Exception {
        var missing = run("eval", "--model", T1, "--words", dir.resolve("nope.txt").toString());
        assertEquals(ExitCodes.IO, missing.code());                    // as every missing input (MissingInputsTest)
        assertEquals("statescope: I/O error: " + dir.resolve("nope.txt") + ": no such file", missing.err().strip());

        var empty = run("eval", "--model", T1, "--words", file("e.txt", "").toString());
        assertEquals(ExitCodes.BAD_INPUT, empty.code());
        assertTrue(empty.err().contains("e.txt line 1") && empty.err().contains("empty"), empty.err());

        var alien = run("eval", "--model", T1, "--words", file("a.txt", "11\n1x1\n").toString());
        assertEquals(ExitCodes.BAD_INPUT, alien.code());
        assertTrue(alien.err().contains("a.txt line 2") && alien.err().contains("'1x1'"), alien.err());

        var blank = run("eval", "--model", T1, "--words", file("b.txt", "11\n\n1\n").toString());
        assertEquals(ExitCodes.BAD_INPUT, blank.code());
        assertTrue(blank.err().contains("b.txt line 2"), blank.err());

        Path words = file("w.txt", "1\n11\n");
        var shortLine = run("eval", "--model", T1, "--words", words.toString(), "--targets", file("t.txt", "01\n010\n").toString());
        assertEquals(ExitCodes.BAD_INPUT, shortLine.code());
        assertTrue(shortLine.err().contains("t.txt line 2") && shortLine.err().contains("expected 4"), shortLine.err());

        var fewer = run("eval", "--model", T1, "--words", words.toString(), "--targets", file("f.txt", "01\n").toString());
        assertEquals(ExitCodes.BAD_INPUT, fewer.code());
        assertTrue(fewer.err().contains("1 target lines for 2 words") && fewer.err().contains("line 2"), fewer.err());

        var other = run("eval", "--model", T1, "--language", "tomita-4", "--words", words.toString());
        assertEquals(ExitCodes.BAD_INPUT, other.code());
        assertTrue(other.err().contains("trained on tomita-1, not tomita-4"), other.err());

        assertEquals(ExitCodes.USAGE, run("eval", "--suite", "assets/models", "--words", words.toString()).code());
        assertEquals(ExitCodes.USAGE, run("eval", "--model", T1, "--targets", words.toString()).code());
    }

    @Test
    void scoresOnTheAuthorsFilesOfAFolder() throws Exception {
        Path data = dir.resolve("generated_ds");
        Files.createDirectories(data.resolve("Tomita-3"));
        Path t1 = Files.createDirectories(data.resolve("Tomita-1"));
        Files.writeString(t1.resolve("val_src_bin0.txt"), "1\n111");
        Files.writeString(t1.resolve("val_tgt_bin0.txt"), "01\n010101");
        Files.writeString(t1.resolve("val_src_bin1.txt"), "1".repeat(120));
        Files.writeString(t1.resolve("val_tgt_bin1.txt"), "01".repeat(120));
        var r = run("eval", "--model", T1, "--authors", data.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("| tomita-1 | tomita-1 | 100.00 | 100.00 | – | 2 / 1 | 0 |"), r.out());
        var none = run("eval", "--model", ZOT, "--authors", data.toString());
        assertEquals(ExitCodes.BAD_INPUT, none.code());
        assertTrue(none.err().contains("no evaluation files of 012-star-02-star"), none.err());
        var notData = run("eval", "--model", T1, "--authors", dir.toString());
        assertEquals(ExitCodes.BAD_INPUT, notData.code());
    }

    @Test
    void aFileThatIsNotUtf8IsNamedWithTheByteAtFault() throws Exception {
        Path words = file("w.txt", "1\n11\n");
        Path bad = Files.write(dir.resolve("rand.json"), new byte[] {'1', (byte) 0xAA, '\n'});
        var w = run("eval", "--model", T1, "--words", bad.toString());
        assertEquals(ExitCodes.BAD_INPUT, w.code(), w.err());
        assertEquals("statescope: error: " + bad + ": the text is not UTF-8: byte 0xAA at offset 1 (line 1); save it "
                + "as UTF-8", w.err().strip());
        var t = run("eval", "--model", T1, "--words", words.toString(), "--targets", bad.toString());
        assertEquals(ExitCodes.BAD_INPUT, t.code(), t.err());
        assertEquals(w.err(), t.err());
    }
}
